// `podium plan` and `podium leaderboard --agreement` through the real binary:
// JSON fields, Markdown, and exit 2 with nothing written on bad input.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/file_util.h"
#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::string BattlesWorkspace() {
  const std::string dir = testing::TempDir();
  std::string battles = "model_a,model_b,winner\n";
  for (int k = 0; k < 30; ++k) battles += "x,y,model_a\n";
  for (int k = 0; k < 20; ++k) battles += "x,y,model_b\n";
  for (int k = 0; k < 25; ++k) battles += "y,z,model_a\n";
  for (int k = 0; k < 25; ++k) battles += "z,y,tie\n";
  battles += "x,z,model_a\nz,x,model_a\nx,z,model_a\n";
  testing::WriteFile(dir, "battles.csv", battles);
  return dir;
}

TEST(PlanCommandTest, BattlesJsonFields) {
  const std::string dir = BattlesWorkspace();
  testing::PodiumRun r =
      testing::RunPodium(dir, "plan --battles battles.csv x y --format json --out plan.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json doc = Json::parse(ReadFile(dir + "/plan.json").value_or("{}"));
  EXPECT_EQ(doc["schema"], "podium.plan/1");
  EXPECT_EQ(doc["mode"], "battles");
  EXPECT_DOUBLE_EQ(doc["options"]["level"].get<double>(), 0.95);
  EXPECT_DOUBLE_EQ(doc["options"]["power"].get<double>(), 0.8);
  EXPECT_EQ(doc["options"]["ties"], "half");
  const Json& b = doc["battles"];
  EXPECT_EQ(b["a"], "x");
  EXPECT_EQ(b["b"], "y");
  EXPECT_EQ(b["battles"], 103);
  EXPECT_EQ(b["direct"], 50);
  EXPECT_GT(b["gap"].get<double>(), 0);
  EXPECT_NEAR(b["rating_gap"].get<double>(), 173.71779276130073 * b["gap"].get<double>(), 1e-6);
  // The closed forms of docs/methods.md from the fields themselves.
  const double z = 1.959963984540054 + 0.8416212335729143;
  const double gap = b["gap"], v0 = b["variance"], p = b["win_probability"];
  const double t = std::pow(gap / z, 2);
  EXPECT_NEAR(b["target_variance"].get<double>(), t, 1e-9);
  EXPECT_EQ(b["more_direct"].get<double>(), std::ceil((1 / t - 1 / v0) / (p * (1 - p))));
  EXPECT_EQ(b["more_field"].get<double>(), std::ceil(103 * (v0 / t - 1)));
  EXPECT_EQ(b["never"], false);
  EXPECT_TRUE(doc.contains("manifest"));
  EXPECT_EQ(doc["manifest"]["command"][0], "plan");
}

TEST(PlanCommandTest, BattlesMarkdownAndOptions) {
  const std::string dir = BattlesWorkspace();
  testing::PodiumRun r =
      testing::RunPodium(dir, "plan --battles battles.csv x y --level 0.9 --power 0.9 --ties drop");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("# Battles needed: x vs y"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| More battles between x and y only | "), std::string::npos);
  EXPECT_NE(r.out.find("90% interval of the difference excludes 0 with 90% power"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("(ties: drop)"), std::string::npos);
}

TEST(PlanCommandTest, BadInputExitsTwoAndWritesNothing) {
  const std::string dir = BattlesWorkspace();
  const char* bad[] = {
      "plan --battles battles.csv x nobody --out p.md",   // unknown model
      "plan --battles battles.csv x --out p.md",          // one model
      "plan --battles battles.csv x x --out p.md",        // the same model
      "plan --out p.md",                                  // nothing to plan
      "plan --accuracy 0.5 --out p.md",                   // no --difference/--items
      "plan --accuracy 0.5 --difference 0.6 --out p.md",  // p2 > 1
      "plan --difference 0.1 --out p.md",                 // no --accuracy
      "plan --battles battles.csv x y --accuracy 0.5 --items 9 --out p.md",  // both
      "plan --battles battles.csv x y --ties davidson --out p.md",
      "plan --accuracy 1.5 --difference 0.1 --out p.md",  // usage error
  };
  for (const char* args : bad) {
    testing::PodiumRun r = testing::RunPodium(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.err;
    EXPECT_FALSE(fs::exists(dir + "/p.md")) << args;
  }
  testing::PodiumRun r = testing::RunPodium(dir, "plan --battles battles.csv x nobody");
  EXPECT_NE(r.err.find("no battles for model \"nobody\" in battles.csv"), std::string::npos)
      << r.err;
}

TEST(PlanCommandTest, ScoresJsonFields) {
  const std::string dir = testing::TempDir();
  testing::PodiumRun r =
      testing::RunPodium(dir, "plan --accuracy 0.5 --difference 0.1 --items 388 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json doc = Json::parse(r.out);
  EXPECT_EQ(doc["mode"], "scores");
  EXPECT_DOUBLE_EQ(doc["scores"]["p1"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(doc["scores"]["p2"].get<double>(), 0.6);
  EXPECT_EQ(doc["scores"]["items_per_model"], 388);
  EXPECT_EQ(doc["scores"]["items"], 388);
  EXPECT_NEAR(doc["scores"]["minimum_detectable_difference"].get<double>(), 0.1, 2e-4);
  r = testing::RunPodium(dir, "plan --accuracy 0.5 --difference 0.1");
  EXPECT_NE(r.out.find("| Items per model to tell them apart | 388 |"), std::string::npos) << r.out;
}

const char kHeader[] =
    "claim_id,model,benchmark,value,unit,metric,setting,source,line,model_as_written,"
    "benchmark_as_written,kind,notes\n";

// Four models on b1 and b2 (the same order) and on low (lower is better,
// the reverse numbers: the same order again).
std::string AgreementWorkspace() {
  const std::string dir = testing::TempDir();
  testing::WriteSmallRegistry(dir + "/reg");
  std::string claims = kHeader;
  const char* models[] = {"m1", "m2", "m3", "m4"};
  for (int i = 0; i < 4; ++i) {
    claims +=
        fmt::format("a{0},{1},b1,{2},%,,,s1,{3},,,table,\n", i, models[i], 50 + 10 * i, i + 1);
    claims +=
        fmt::format("b{0},{1},b2,{2},%,,,s1,{3},,,table,\n", i, models[i], 20 + 5 * i, i + 10);
    claims += fmt::format("c{0},{1},low,{2},,,,s1,{3},,,table,\n", i, models[i], 9 - i, i + 20);
  }
  testing::WriteFile(dir, "claims.csv", claims);
  return dir;
}

TEST(LeaderboardAgreementTest, AllFormats) {
  const std::string dir = AgreementWorkspace();
  const std::string base =
      "leaderboard --claims claims.csv --registry reg --normalize zscore --rounds 200 ";
  testing::PodiumRun r = testing::RunPodium(dir, base + "--agreement --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json doc = Json::parse(r.out);
  const Json& a = doc["agreement"];
  EXPECT_EQ(a["statistic"], "kendall_tau_b");
  EXPECT_EQ(a["rounds"], 200);
  ASSERT_EQ(a["pairs"].size(), 3u);
  for (const Json& p : a["pairs"]) {
    EXPECT_EQ(p["shared"], 4);
    EXPECT_DOUBLE_EQ(p["tau"].get<double>(), 1.0) << p.dump();  // low turned around
    EXPECT_TRUE(p["undefined"].is_null());
  }
  EXPECT_EQ(a["benchmarks"].size(), 3u);
  EXPECT_TRUE(a["flagged"].empty());

  r = testing::RunPodium(dir, base + "--agreement");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\n## Benchmark agreement\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("No benchmark is flagged."), std::string::npos);
  r = testing::RunPodium(dir, base + "--agreement --format csv");
  EXPECT_NE(r.out.find("\nbenchmark_a,benchmark_b,shared,tau,tau_low,tau_high,defined_rounds\n"
                       "b1,b2,4,1.0,1.0,1.0,"),
            std::string::npos)
      << r.out;
  r = testing::RunPodium(dir, base + "--agreement --format html");
  EXPECT_NE(r.out.find("<h3>Benchmark agreement</h3>"), std::string::npos);
  EXPECT_NE(r.out.find("Kendall tau-b"), std::string::npos);
}

TEST(LeaderboardAgreementTest, WithoutTheFlagNothingChanges) {
  const std::string dir = AgreementWorkspace();
  const std::string base = "leaderboard --claims claims.csv --registry reg --normalize zscore ";
  testing::PodiumRun md = testing::RunPodium(dir, base);
  testing::PodiumRun csv = testing::RunPodium(dir, base + "--format csv");
  testing::PodiumRun json = testing::RunPodium(dir, base + "--format json");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_EQ(md.out.find("agreement"), std::string::npos);
  EXPECT_EQ(csv.out.find("\n\n"), std::string::npos);
  EXPECT_FALSE(Json::parse(json.out).contains("agreement"));
  // The agreement only adds: the report before it is the same bytes.
  testing::PodiumRun with = testing::RunPodium(dir, base + "--agreement --format csv");
  EXPECT_EQ(with.out.substr(0, csv.out.size()), csv.out);
}

}  // namespace
}  // namespace podium
