// Runs the real `podium` binary on small files and checks what a user sees.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/file_util.h"
#include "engine/base/sha256.h"
#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

using Result = testing::PodiumRun;

Result Podium(const std::string& dir, const std::string& args) {
  return testing::RunPodium(dir, args);
}

// A JSON report without its manifest (which records --threads and the time).
std::string WithoutManifest(const std::string& report) {
  nlohmann::ordered_json doc = nlohmann::ordered_json::parse(report, nullptr, false);
  if (!doc.is_object()) return report;
  doc.erase("manifest");
  return doc.dump(2);
}

const char kHeader[] =
    "claim_id,model,benchmark,value,unit,metric,setting,source,line,model_as_written,"
    "benchmark_as_written,kind,notes\n";

std::string MakeWorkspace() {
  const std::string dir = testing::TempDir();
  testing::WriteSmallRegistry(dir + "/reg");
  testing::WriteFile(dir, "good.csv",
                     std::string(kHeader) +
                         "g1,m1,b1,60.0,%,,,s1,3,모델1,B-1,table,\n"
                         "g2,모델2,b1,70.0,%,,,s1,4,모델2,B-1,table,\n"
                         "g3,m2,b2,20.0,%,,,s2,9,모델2,Bench Two,prose,\n");
  testing::WriteFile(dir, "bad.csv",
                     std::string(kHeader) +
                         "x1,m1,b1,n/a,%,,,s1,3,,,table,\n"
                         "x2,m9,b1,1,%,,,s1,3,,,table,\n"
                         "x3,m1,b1,1,%,,,s1,-4,,,table,\n");
  return dir;
}

TEST(CliEndToEndTest, WritesAMarkdownLeaderboard) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir, "leaderboard --claims good.csv --registry reg --out board.md");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string md = ReadFile(dir + "/board.md").value_or("");
  EXPECT_NE(md.find("| 1 | Model One | 60.00 | 1/2 | 60.0[^g1] | — |"), std::string::npos) << md;
  EXPECT_NE(md.find("| 2 | Model Two | 45.00 | 2/2 | 70.0[^g2] | 20.0[^g3] |"), std::string::npos);
}

TEST(CliEndToEndTest, AliasesOnTheCommandLineAndJsonToStdout) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir,
                    "leaderboard --claims good.csv --registry reg --benchmarks 벤치1 "
                    "--models 'model one,모델2' --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"schema\": \"podium.leaderboard/1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"benchmarks\": [\n      \"b1\"\n    ]"), std::string::npos) << r.out;
}

TEST(CliEndToEndTest, BadFileGivesEveryDiagnosticExitTwoAndNoOutput) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir, "leaderboard --claims good.csv bad.csv --registry reg --out board.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "bad.csv:2:10: error: field 'value': \"n/a\" is not a finite number\n"
            "bad.csv:3:4: error: field 'model': unknown model \"m9\" (not an id or alias in "
            "models.csv) (did you mean \"Model One\" (m1), \"Model Two\" (m2) or \"Model Three\" "
            "(m3)?)\n"
            "bad.csv:4:19: error: field 'line': \"-4\" is not a positive integer line number\n"
            "podium leaderboard: 3 errors; no report written\n");
  EXPECT_FALSE(fs::exists(dir + "/board.md"));
}

TEST(CliEndToEndTest, ExistingReportIsLeftIntactOnError) {
  const std::string dir = MakeWorkspace();
  testing::WriteFile(dir, "board.md", "previous report\n");
  Result r = Podium(dir, "leaderboard --claims bad.csv --registry reg --out board.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(ReadFile(dir + "/board.md"), "previous report\n");
}

TEST(CliEndToEndTest, UnknownNamesAndConflictsOnTheCommandLine) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir, "leaderboard --claims good.csv --registry reg --benchmarks mmlu");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "<command line>: error: field '--benchmarks': unknown benchmark \"mmlu\" (not an id "
            "or alias in the registry)\n"
            "podium leaderboard: 1 errors; no report written\n");
  testing::WriteFile(dir, "conflict.csv",
                     std::string(kHeader) + "k1,m1,b1,61.5,%,,,s2,7,,,prose,\n");
  r = Podium(dir, "leaderboard --claims good.csv conflict.csv --registry reg");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("conflict.csv:2:10: error: field 'value': conflicting claims for model "
                       "'m1' on benchmark 'b1': g1 = 60.0 (s1 line 3) and k1 = 61.5 (s2 line 7)"),
            std::string::npos)
      << r.err;
  r = Podium(dir, "leaderboard --claims good.csv conflict.csv --registry reg --on-conflict latest");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("61.5[^k1][^g1]"), std::string::npos) << r.out;
}

TEST(CliEndToEndTest, UsageErrorsExitTwo) {
  const std::string dir = MakeWorkspace();
  EXPECT_EQ(Podium(dir, "leaderboard --normalize fancy").exit_code, 2);
  EXPECT_EQ(Podium(dir, "frobnicate").exit_code, 2);
  Result help = Podium(dir, "leaderboard --help");
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("--normalize"), std::string::npos);
}

TEST(CliEndToEndTest, OutputIsByteIdenticalAcrossRunsAndLocales) {
  const std::string dir = MakeWorkspace();
  Result a =
      Podium(dir, "leaderboard --claims good.csv --registry reg --format json --reproducible");
  Result b = Podium(dir,
                    "leaderboard --claims good.csv --registry reg --format json "
                    "--normalize zscore --aggregate mean --reproducible");
  Result c =
      Podium(dir, "leaderboard --claims good.csv --registry reg --format json --reproducible");
  EXPECT_EQ(a.out, c.out);
  EXPECT_NE(a.out, b.out);
  Result d = Podium(dir, "leaderboard --claims good.csv --registry reg --format csv");
  Result e = Podium(dir, "leaderboard --claims good.csv --registry reg --format csv");
  EXPECT_EQ(d.out, e.out);
  EXPECT_EQ(d.out,
            "rank,model,name,score,cells,coverage,b1,b2\n"
            "1,m1,Model One,60.0,1,0.5,60.0,\n"
            "2,m2,Model Two,45.0,2,1.0,70.0,20.0\n");
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(CliEndToEndTest, AuditExitCodes) {
  const std::string dir = MakeWorkspace();
  testing::WriteFile(dir, "seeds/s1.txt",
                     "title\n\n\nOn B-1, 모델1 scored 60.0% and 모델2 70.0%\n");
  testing::WriteFile(dir, "seeds/s2.txt", "x\n\n\n\n\n\n\n\nBench Two: Model Two 20.0\n");
  testing::WriteFile(dir, "ok.csv",
                     std::string(kHeader) +
                         "g1,m1,b1,60.0,%,,,s1,4,모델1,B-1,prose,\n"
                         "g2,m2,b1,70.0,%,,,s1,4,모델2,B-1,prose,\n"
                         "g3,m2,b2,20.0,%,,,s2,9,Model Two,Bench Two,prose,\n");
  Result ok = Podium(dir, "audit --claims ok.csv --registry reg --sources seeds --format json");
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("\"verified\": 3"), std::string::npos) << ok.out;

  testing::WriteFile(dir, "moved.csv",
                     std::string(kHeader) + "g1,m1,b1,60.0,%,,,s1,3,모델1,B-1,prose,\n");
  Result bad = Podium(dir, "audit --claims moved.csv --registry reg --sources seeds");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.out.find("claim g1: the value 60.0 is not printed on line 3"), std::string::npos)
      << bad.out;
  EXPECT_NE(bad.err.find("podium audit: 1 claims or documents disagree"), std::string::npos)
      << bad.err;

  Result missing = Podium(dir, "audit --claims ok.csv --registry reg --sources nowhere");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err,
            "nowhere: error: field '--sources': the source documents folder does not exist\n"
            "podium audit: 1 errors; no report written\n");
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

const char kBattles[] =
    "model_a,model_b,winner\n"
    "alpha,beta,model_a\nalpha,beta,model_a\nbeta,alpha,model_a\nbeta,gamma,tie\n"
    "gamma,beta,model_b\nalpha,gamma,model_a\ngamma,alpha,model_a\ngamma,beta,model_a\n";

TEST(CliEndToEndTest, ArenaIsTheSameBytesOnAnyNumberOfThreads) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", kBattles);
  Result one = Podium(dir, "arena b.csv --rounds 300 --seed 5 --format json --threads 1");
  Result two = Podium(dir, "arena b.csv --rounds 300 --seed 5 --format json --threads 2");
  Result eight = Podium(dir, "arena b.csv --rounds 300 --seed 5 --format json --threads 8");
  EXPECT_EQ(one.exit_code, 0) << one.err;
  // The manifests differ (they record --threads); the reports do not.
  EXPECT_EQ(WithoutManifest(one.out), WithoutManifest(two.out));
  EXPECT_EQ(WithoutManifest(one.out), WithoutManifest(eight.out));
  EXPECT_NE(one.out.find("\"schema\": \"podium.arena/1\""), std::string::npos);
  EXPECT_NE(one.out.find("\"rank_ub\""), std::string::npos);
  Result other_seed = Podium(dir, "arena b.csv --rounds 300 --seed 6 --format json");
  EXPECT_NE(one.out, other_seed.out);
}

TEST(CliEndToEndTest, ArenaBadBattlesExitTwoWithLines) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", "model_a,model_b,winner\nx,y,model_a\nx,y,draw\ny,y,tie\n");
  Result r = Podium(dir, "arena b.csv --out out.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "b.csv:3:5: error: field 'winner': unknown winner \"draw\" (expected model_a, model_b, "
            "tie or tie (bothbad))\n"
            "b.csv:4:3: error: field 'model_b': model \"y\" plays itself\n"
            "podium arena: 2 errors; no report written\n");
  EXPECT_FALSE(std::filesystem::exists(dir + "/out.md"));
  Result anchor = Podium(dir, "arena b.csv --anchor nobody");
  EXPECT_EQ(anchor.exit_code, 2);
}

TEST(CliEndToEndTest, NetWinFromJudgmentsAndReported) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "j.csv",
                     "prompt,rater,model_a,model_b,preference\n"
                     "p1,r1,A,B,+1\np1,r2,A,B,0\np2,r1,A,B,-1\np3,r1,B,A,-1\n");
  testing::WriteFile(dir, "nwr.csv",
                     "claim_id,model_a,model_b,task,net_win_rate,source,line\n"
                     "c1,movie-gen,sora,video,+8.2,s,225\n");
  Result r = Podium(dir, "netwin --judgments j.csv --reported nwr.csv --rounds 200");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // From A's side: +1, 0, -1, +1 -> NWR 25.0, p 0.625, gap 400 log10(5/3) = 88.7.
  EXPECT_NE(r.out.find("| A | B | 4 | 3 | 2 / 1 / 1 | 25.0 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| 0.625 | 88.7 |"), std::string::npos) << r.out;
  // +8.2 -> p = 0.541, gap = 400 log10(0.541 / 0.459) = 28.55.
  EXPECT_NE(r.out.find("| movie-gen | sora | video | +8.2 | 0.541 | 28.6 | c1 (s line 225) |"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(CliEndToEndTest, LeaderboardBootstrapIsTheSameBytesOnAnyNumberOfThreads) {
  const std::string dir = MakeWorkspace();
  for (const char* kind : {"parametric --interval bca", "benchmarks"}) {
    const std::string args = std::string(
                                 "leaderboard --claims good.csv --registry reg --format "
                                 "json --rounds 300 --bootstrap ") +
                             kind;
    Result one = Podium(dir, args + " --threads 1");
    Result four = Podium(dir, args + " --threads 4");
    EXPECT_EQ(one.exit_code, 0) << one.err;
    EXPECT_EQ(WithoutManifest(one.out), WithoutManifest(four.out));
    EXPECT_NE(one.out.find("\"rank_set_low\""), std::string::npos);
    EXPECT_NE(one.out.find("\"ci_low_mcse\""), std::string::npos);
    EXPECT_NE(one.out, Podium(dir, args + " --seed 2").out) << kind;
  }
  Result md = Podium(dir, "leaderboard --claims good.csv --registry reg --bootstrap parametric");
  EXPECT_NE(md.out.find("| Rank | Model | Score | 95% CI | Rank CI | Rank set | Tier |"),
            std::string::npos)
      << md.out;
}

TEST(CliEndToEndTest, ItemBootstrapNeedsItems) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir, "leaderboard --claims good.csv --registry reg --bootstrap items");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--bootstrap items needs per-item results"), std::string::npos) << r.err;
  std::string items = "model,benchmark,item,score\n";
  for (int t = 0; t < 20; ++t) {
    items += "m1,b2,q" + std::to_string(t) + "," + (t % 3 == 0 ? "1" : "0") + "\n";
    items += "m2,b2,q" + std::to_string(t) + "," + (t % 2 == 0 ? "1" : "0") + "\n";
  }
  testing::WriteFile(dir, "items.csv", items);
  r = Podium(dir,
             "leaderboard --claims good.csv --registry reg --items items.csv --bootstrap items "
             "--benchmarks b2");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // m2: 10 of 20 -> 50.00 (replacing the claim's 20.0); m1: 7 of 20 -> 35.00.
  EXPECT_NE(r.out.find("| 1 | Model Two | 50.00 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| 2 | Model One | 35.00 |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("mean of 20 item scores in items.csv"), std::string::npos) << r.out;
}

TEST(CliEndToEndTest, HeadToHeadFromClaimsAndBattles) {
  const std::string dir = MakeWorkspace();
  // Aliases on the command line; b1 has 1000 items: 60 vs 70 is decided.
  Result r = Podium(dir, "h2h 'Model One' 모델2 --claims good.csv --registry reg --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"schema\": \"podium.h2h/1\""), std::string::npos);
  EXPECT_NE(r.out.find("\"verdict\": \"b_better\""), std::string::npos) << r.out;
  r = Podium(dir, "h2h m1 m1 --claims good.csv --registry reg");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("are the same model (m1)"), std::string::npos) << r.err;
  r = Podium(dir, "h2h m1 --claims good.csv --registry reg");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give two models"), std::string::npos) << r.err;

  std::string battles = "model_a,model_b,winner\n";
  for (int k = 0; k < 9; ++k) battles += "x,y,model_a\n";
  battles += "y,x,model_a\ny,x,tie\nx,z,model_b\nz,y,model_a\ny,z,model_a\n";
  testing::WriteFile(dir, "battles.csv", battles);
  r = Podium(dir, "h2h x y --battles battles.csv --rounds 100");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("| Battles (wins / losses / ties of x) | 9 / 1 / 1 |"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("| Exact binomial test p | 0.021 |"), std::string::npos) << r.out;
  r = Podium(dir, "h2h --all --battles battles.csv --rounds 100 --format json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"correction\": \"holm\""), std::string::npos);
  r = Podium(dir, "h2h x nobody --battles battles.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no battles for model \"nobody\""), std::string::npos) << r.err;
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(CliEndToEndTest, CheckPassesOnIdenticalAndFailsOnPerturbedReports) {
  const std::string dir = MakeWorkspace();
  const std::string board =
      "leaderboard --claims good.csv --registry reg --format json --bootstrap parametric "
      "--rounds 200";
  ASSERT_EQ(Podium(dir, board + " --out base/board.json").exit_code, 0);
  ASSERT_EQ(Podium(dir, board + " --out same/board.json").exit_code, 0);
  Result r = Podium(dir, "check base same");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("**Passes**: nothing moved beyond the tolerance."), std::string::npos);
  r = Podium(dir, "check base/board.json same/board.json");
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;

  // Perturb one score by 0.5: a difference (better) that fails, with a readable
  // diff, unless the tolerance allows it.
  std::string text = ReadFile(dir + "/same/board.json").value_or("");
  const size_t at = text.find("\"score\": 45.0");
  ASSERT_NE(at, std::string::npos) << text;
  text.replace(at, 13, "\"score\": 45.5");
  testing::WriteFile(dir, "moved/board.json", text);
  r = Podium(dir, "check base moved --json diff.json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("| rows[m2].score | better | 45.0 | 45.5 | +0.5 |"), std::string::npos)
      << r.out;
  EXPECT_NE(ReadFile(dir + "/diff.json").value_or("").find("\"failures\": 1"), std::string::npos);
  EXPECT_EQ(Podium(dir, "check base moved --abs-tol 0.5").exit_code, 0);
  EXPECT_EQ(Podium(dir, "check base moved --rel-tol 0.001").exit_code, 1);

  // Bad input: different schemas, unreadable file, file vs folder.
  ASSERT_EQ(Podium(dir, "h2h m1 m2 --claims good.csv --registry reg --format json --out h.json")
                .exit_code,
            0);
  r = Podium(dir, "check base/board.json h.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("schemas differ"), std::string::npos) << r.err;
  EXPECT_EQ(Podium(dir, "check base/board.json missing.json").exit_code, 2);
  EXPECT_EQ(Podium(dir, "check base same/board.json").exit_code, 2);
  testing::WriteFile(dir, "broken/board.json", "{\"schema\": ");
  r = Podium(dir, "check base broken");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("broken/board.json:1:"), std::string::npos) << r.err;
}

TEST(CliEndToEndTest, JsonReportsCarryAManifest) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir,
                    "leaderboard --claims good.csv --registry reg --models m1 --format json "
                    "--bootstrap parametric --rounds 50 --seed 7 --out board.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::ordered_json::parse(ReadFile(dir + "/board.json").value_or("{}"));
  ASSERT_TRUE(doc.contains("manifest"));
  const auto& m = doc["manifest"];
  EXPECT_EQ(m["podium_version"], "0.1.0");
  EXPECT_TRUE(m.contains("git_commit"));
  EXPECT_TRUE(m["seconds"].is_number());
  EXPECT_EQ(m["command"][0], "leaderboard");
  EXPECT_EQ(m["command_line"],
            "podium leaderboard --claims good.csv --registry reg --models m1 --format json "
            "--bootstrap parametric --rounds 50 --seed 7 --out board.json");
  EXPECT_EQ(m["seed"], 7);
  EXPECT_EQ(m["rounds"], 50);
  EXPECT_EQ(m["options"]["--normalize"], "raw");  // a default, not given
  EXPECT_EQ(m["options"]["--interval"], "percentile");
  ASSERT_EQ(m["inputs"].size(), 4u);  // the registry's three tables and the claims
  const auto& claims = m["inputs"][3];
  EXPECT_EQ(claims["path"], "good.csv");
  EXPECT_EQ(claims["kind"], "claims");
  EXPECT_EQ(claims["rows"], 3);
  EXPECT_EQ(claims["sha256"], Sha256Hex(ReadFile(dir + "/good.csv").value_or("")));
  ASSERT_EQ(m["dropped"].size(), 1u);
  EXPECT_EQ(m["dropped"][0]["count"], 2);  // m2's two claims
  EXPECT_EQ(m["dropped"][0]["reason"], "model not in --models");

  // --reproducible leaves the commit and the time out: the same bytes twice.
  const std::string args = "leaderboard --claims good.csv --registry reg --format json";
  Result a = Podium(dir, args + " --reproducible");
  Result b = Podium(dir, args + " --reproducible");
  EXPECT_EQ(a.out, b.out);
  const auto ma = nlohmann::ordered_json::parse(a.out)["manifest"];
  EXPECT_FALSE(ma.contains("git_commit"));
  EXPECT_FALSE(ma.contains("seconds"));
  EXPECT_EQ(ma["reproducible"], true);
  // Markdown carries no manifest.
  EXPECT_EQ(Podium(dir, "leaderboard --claims good.csv --registry reg").out.find("manifest"),
            std::string::npos);
}

TEST(CliEndToEndTest, VerifyReRunsAReportFromItsManifest) {
  const std::string dir = MakeWorkspace();
  ASSERT_EQ(Podium(dir,
                   "leaderboard --claims good.csv --registry reg --format json "
                   "--bootstrap parametric --rounds 40 --out board.json")
                .exit_code,
            0);
  Result r = Podium(dir, "verify board.json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("**Reproduced**: every number is the same."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Inputs: the same bytes as in the manifest"), std::string::npos);

  // A claim edited after the report: the number moves and the input is named.
  std::string claims = ReadFile(dir + "/good.csv").value_or("");
  claims.replace(claims.find("m1,b1,60.0"), 10, "m1,b1,61.0");
  testing::WriteFile(dir, "good.csv", claims);
  r = Podium(dir, "verify board.json --out verify.md");
  EXPECT_EQ(r.exit_code, 1);
  const std::string md = ReadFile(dir + "/verify.md").value_or("");
  EXPECT_NE(md.find("**Not reproduced**"), std::string::npos) << md;
  EXPECT_NE(md.find("| rows[m1].score | better | 60.0 | 61.0 | +1 |"), std::string::npos) << md;
  EXPECT_NE(md.find("- `good.csv`: changed (SHA-256"), std::string::npos) << md;

  // No manifest, or an input gone: cannot verify (exit 2).
  auto doc = nlohmann::ordered_json::parse(ReadFile(dir + "/board.json").value_or("{}"));
  doc.erase("manifest");
  testing::WriteFile(dir, "bare.json", doc.dump(2));
  r = Podium(dir, "verify bare.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bare.json: error: field 'manifest': no manifest"), std::string::npos)
      << r.err;
  fs::remove(dir + "/good.csv");
  r = Podium(dir, "verify board.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("could not re-run"), std::string::npos) << r.err;
}

TEST(CliEndToEndTest, QuietAndVerbose) {
  const std::string dir = MakeWorkspace();
  // An unknown column is a warning.
  testing::WriteFile(dir, "extra.csv",
                     "claim_id,model,benchmark,value,unit,metric,setting,source,line,"
                     "model_as_written,benchmark_as_written,kind,notes,colour\n"
                     "g1,m1,b1,60.0,%,,,s1,3,모델1,B-1,table,,red\n");
  const std::string args = "leaderboard --claims extra.csv --registry reg --bootstrap parametric";
  Result plain = Podium(dir, args);
  EXPECT_EQ(plain.exit_code, 0);
  EXPECT_NE(plain.err.find("warning"), std::string::npos) << plain.err;
  // Not a terminal: no progress.
  EXPECT_EQ(plain.err.find("rounds"), std::string::npos) << plain.err;
  Result quiet = Podium(dir, args + " --quiet");
  EXPECT_EQ(quiet.exit_code, 0);
  EXPECT_EQ(quiet.err, "");
  EXPECT_EQ(quiet.out, plain.out);
  Result verbose = Podium(dir, "--verbose " + args);
  EXPECT_NE(verbose.err.find("podium: extra.csv: 1 rows (claims)"), std::string::npos)
      << verbose.err;
  EXPECT_NE(verbose.err.find("podium: leaderboard done in "), std::string::npos) << verbose.err;
  EXPECT_EQ(verbose.out, plain.out);
  // Errors are printed even under --quiet.
  Result bad = Podium(dir, "leaderboard --claims bad.csv --registry reg -q");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.csv:2:"), std::string::npos) << bad.err;
}

TEST(CliEndToEndTest, ProgressOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) {
    GTEST_SKIP() << "script(1) (util-linux) is not installed: no pseudo-terminal to test with";
  }
  const std::string dir = MakeWorkspace();
  const std::string bin = fs::absolute(testing::Runfile("tools/podium_bin")).string();
  // script(1) gives the command a terminal; stdout goes to a file, so only
  // stderr (the terminal) shows in the transcript.
  auto run = [&](const std::string& extra) {
    const std::string inner = "'" + bin +
                              "' leaderboard --claims good.csv --registry reg --bootstrap "
                              "parametric --rounds 3000 --out board.md" +
                              extra;
    const std::string command =
        "cd '" + dir + "' && script -qec \"" + inner + "\" /dev/null > tty.txt 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0);
    return ReadFile(dir + "/tty.txt").value_or("");
  };
  const std::string shown = run("");
  EXPECT_NE(shown.find("bootstrap: 3,000 rounds in "), std::string::npos) << shown;
  EXPECT_NE(shown.find("rounds/s)"), std::string::npos) << shown;
  EXPECT_EQ(run(" --quiet"), "");
}

TEST(CliEndToEndTest, HtmlIsAViewOfTheJsonReport) {
  const std::string dir = MakeWorkspace();
  Result r = Podium(dir,
                    "leaderboard --claims good.csv --registry reg --bootstrap parametric "
                    "--rounds 50 --format html --out board.html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = ReadFile(dir + "/board.html").value_or("");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u) << html.substr(0, 100);
  EXPECT_NE(html.find("<svg class=\"forest\""), std::string::npos);
  // Provenance of a cell: claim id, line and the names as written.
  EXPECT_NE(html.find("g1"), std::string::npos);
  EXPECT_NE(html.find("모델1"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  // Same options, same page (with --reproducible the manifest is stable too).
  const std::string args =
      "h2h m1 m2 --claims good.csv --registry reg --format html --reproducible";
  EXPECT_EQ(Podium(dir, args).out, Podium(dir, args).out);
  EXPECT_NE(Podium(dir, args).out.find("<table class=\"sortable\""), std::string::npos);
}

}  // namespace
}  // namespace podium
