// Sandwich intervals, reweighting and style control through `podium arena`
// and `podium h2h` (the flags, every output format, the errors a user sees),
// on the committed synthetic battles with known style effects
// (datasets/battles/style_synthetic.csv).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

constexpr char kFeatures[] = "sum_assistant_tokens,header_count,list_count,bold_count";

std::string StyleFolder() {
  const std::string dir = testing::TempDir();
  fs::copy_file(testing::Runfile("datasets/battles/style_synthetic.csv"), dir + "/style.csv",
                fs::copy_options::overwrite_existing);
  return dir;
}

TEST(ArenaStyleCommandTest, SandwichAndStyleControlInJson) {
  const std::string dir = StyleFolder();
  const testing::PodiumRun r = testing::RunPodium(
      dir, std::string("arena style.csv --ci sandwich --control ") + kFeatures + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["options"]["ci"], "sandwich");
  EXPECT_EQ(doc["options"]["rounds"], 0);  // --rounds' bootstrap default does not apply
  EXPECT_EQ(doc["matrices"]["rating_covariance"].size(), 10u);
  for (const auto& row : doc["rows"]) {
    EXPECT_LT(row["ci_low"].get<double>(), row["rating"].get<double>());
    EXPECT_TRUE(row["rank_set_low"].is_number());
  }
  const nlohmann::json& style = doc["style_control"];
  ASSERT_TRUE(style.is_object());
  EXPECT_EQ(style["intervals"], "sandwich");
  EXPECT_EQ(style["rows"].size(), 10u);
  ASSERT_EQ(style["coefficients"].size(), 4u);
  // The length effect is the largest (true 0.5 before arena-rank's shrinking
  // penalty), and positive.
  EXPECT_EQ(style["coefficients"][0]["feature"], "sum_assistant_tokens");
  EXPECT_GT(style["coefficients"][0]["estimate"].get<double>(), 0.0);
  for (const auto& row : style["rows"]) {
    EXPECT_EQ(row["rank_change"].get<int>(),
              row["uncontrolled_rank"].get<int>() - row["rank_ub"].get<int>());
  }
}

TEST(ArenaStyleCommandTest, UnpenalizedCoefficientsNearTheTruthInCsvAndMarkdown) {
  const std::string dir = StyleFolder();
  const testing::PodiumRun csv = testing::RunPodium(
      dir, std::string("arena style.csv --rounds 0 --control-l2 0 --control ") + kFeatures +
               " --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find(",controlled_rating,controlled_ci_low,controlled_ci_high,"
                         "controlled_rank,controlled_rank_ub,rank_change\n"),
            std::string::npos);
  const testing::PodiumRun md = testing::RunPodium(
      dir, std::string("arena style.csv --rounds 0 --control-l2 0 --control ") + kFeatures);
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("## Style-controlled board"), std::string::npos);
  EXPECT_NE(md.out.find("no penalty on the coefficients"), std::string::npos);
  const testing::PodiumRun json = testing::RunPodium(
      dir, std::string("arena style.csv --rounds 0 --control-l2 0 --control ") + kFeatures +
               " --format json");
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  const double truth[] = {0.5, 0.15, 0.1, 0.05};
  for (int f = 0; f < 4; ++f) {
    EXPECT_NEAR(doc["style_control"]["coefficients"][f]["estimate"].get<double>(), truth[f], 0.08)
        << f;
  }
}

TEST(ArenaStyleCommandTest, ContradictionsAreErrorsAndWriteNothing) {
  const std::string dir = StyleFolder();
  testing::WriteFile(dir, "plain.csv", "model_a,model_b,winner\na,b,model_a\nb,a,model_a\n");
  testing::WriteFile(dir, "negative.csv",
                     "model_a,model_b,winner,bold_count_a,bold_count_b\na,b,model_a,3,-1\n");
  struct Case {
    std::string args, message;
  };
  const Case cases[] = {
      {"arena style.csv --ci sandwich --rounds 50 --out o.md",
       "field '--rounds': bootstrap rounds apply to --ci bootstrap"},
      {"arena style.csv --method elo --reweight --out o.md", "applies to --method bt only"},
      {"arena style.csv --ci sandwich --ties davidson --out o.md", "not davidson"},
      {"arena plain.csv --control bold_count --out o.md", "plain.csv:1:"},
      {"arena negative.csv --control bold_count --out o.md",
       "negative.csv:2:15: error: field 'bold_count_b'"},
      {"arena style.csv --draws 100 --out o.md", "applies to --ci sandwich"},
      {"arena style.csv --control-l2 0 --out o.md", "applies to --control"},
      {"arena style.csv --ci sandwich --ridge 0.5 --out o.md", "unpenalized fit"},
  };
  for (const Case& c : cases) {
    const testing::PodiumRun r = testing::RunPodium(dir, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_FALSE(fs::exists(dir + "/o.md")) << c.args;
  }
}

TEST(ArenaStyleCommandTest, HeadToHeadSandwichUsesTheCovariance) {
  const std::string dir = StyleFolder();
  const testing::PodiumRun r = testing::RunPodium(
      dir, "h2h model-004 model-003 --battles style.csv --ci sandwich --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["options"]["ci"], "sandwich");
  const nlohmann::json& c = doc["comparisons"][0];
  EXPECT_LT(c["difference_ci_low"].get<double>(), c["difference"].get<double>());
  EXPECT_GT(c["difference_ci_high"].get<double>(), c["difference"].get<double>());
}

}  // namespace
}  // namespace podium
