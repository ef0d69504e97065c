// Vote dropping and leave-one-out through `podium arena --robustness / --loo`
// and `podium robustness` (every format, the lines a reviewer opens, the
// errors a user sees), on small files written here, and on WildBench when
// ../shared is there.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/base/file_util.h"
#include "tests/testing.h"

namespace podium {
namespace {

// Two models at 51–49 direct wins, then a third that both beat; every
// battle on its own line (line 1 is the header). A's wins are lines 2..52.
std::string FiftyOneFortyNine(const std::string& dir) {
  std::string csv = "model_a,model_b,winner,category\n";
  for (int k = 0; k < 51; ++k) csv += "A,B,model_a,chat\n";
  for (int k = 0; k < 49; ++k) csv += "A,B,model_b,chat\n";
  for (int k = 0; k < 30; ++k) csv += "A,C,model_a,code\n";
  for (int k = 0; k < 10; ++k) csv += "C,A,model_a,code\n";
  for (int k = 0; k < 29; ++k) csv += "B,C,model_a,math\n";
  for (int k = 0; k < 11; ++k) csv += "C,B,model_a,math\n";
  return testing::WriteFile(dir, "battles.csv", csv);
}

TEST(FragilityCommandTest, RobustnessPairNeedsExactlyThreeBattlesAndListsTheirLines) {
  const std::string dir = testing::TempDir();
  // Only the two models: A's 51 wins are lines 2..52.
  std::string two = "model_a,model_b,winner\n";
  for (int k = 0; k < 51; ++k) two += "A,B,model_a\n";
  for (int k = 0; k < 49; ++k) two += "B,A,model_a\n";
  testing::WriteFile(dir, "battles.csv", two);
  const testing::PodiumRun r =
      testing::RunPodium(dir, "robustness battles.csv A B --max-drop 0.1 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["schema"], "podium.robustness/1");
  const nlohmann::json& rob = doc["robustness"];
  EXPECT_EQ(rob["target"], "pair");
  EXPECT_EQ(rob["flipped"], true);
  // 48 to 49: three of A's wins go (two would leave a tie, not a new order).
  EXPECT_EQ(rob["dropped"], 3);
  EXPECT_EQ(rob["exhaustive"], true);
  EXPECT_EQ(rob["ahead"], "A");
  EXPECT_EQ(rob["behind"], "B");
  ASSERT_EQ(rob["battles"].size(), 3u);
  for (const auto& b : rob["battles"]) {
    EXPECT_EQ(b["file"], "battles.csv");
    EXPECT_GE(b["line"].get<int>(), 2);
    EXPECT_LE(b["line"].get<int>(), 52);
    EXPECT_EQ(b["winner"], "A");
  }
  // With C in the data A also leads through C (30–10 against 29–11): four.
  FiftyOneFortyNine(dir);
  const testing::PodiumRun three =
      testing::RunPodium(dir, "robustness battles.csv A B --max-drop 0.1 --format json");
  ASSERT_EQ(three.exit_code, 0) << three.err;
  EXPECT_EQ(nlohmann::json::parse(three.out)["robustness"]["dropped"], 4);
  testing::WriteFile(dir, "battles.csv", two);
  const testing::PodiumRun csv =
      testing::RunPodium(dir, "robustness battles.csv A B --max-drop 0.1 --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out,
            "file,line,model_a,model_b,winner\nbattles.csv,2,A,B,A\nbattles.csv,3,A,B,A\n"
            "battles.csv,4,A,B,A\n");
}

TEST(FragilityCommandTest, ArenaRobustnessAndLeaveOneOutInEveryFormat) {
  const std::string dir = testing::TempDir();
  FiftyOneFortyNine(dir);
  const std::string args = "arena battles.csv --rounds 0 --robustness --max-drop 0.2 --loo category";
  const testing::PodiumRun json = testing::RunPodium(dir, args + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  const nlohmann::json& rob = doc["fragility"]["robustness"];
  EXPECT_EQ(rob["target"], "top");
  EXPECT_EQ(rob["flipped"], true);
  EXPECT_EQ(rob["top_before"], nlohmann::json::array({"A"}));
  EXPECT_EQ(rob["top_after"], nlohmann::json::array({"B"}));
  EXPECT_EQ(rob["battles"].size(), rob["dropped"].get<size_t>());
  EXPECT_EQ(rob["board_after"].size(), 3u);
  const nlohmann::json& loo = doc["fragility"]["leave_one_out"];
  EXPECT_EQ(loo["by"], "category");
  ASSERT_EQ(loo["groups"].size(), 3u);
  EXPECT_EQ(loo["groups"][0]["group"], "chat");
  EXPECT_EQ(loo["groups"][0]["battles"], 100);
  // Without the chat battles A and B never meet: the graph is still one
  // piece through C, and A (30–10 against C) leads B (29–11).
  EXPECT_EQ(loo["groups"][0]["top"], "A");
  EXPECT_EQ(loo["models"].size(), 3u);

  const testing::PodiumRun md = testing::RunPodium(dir, args);
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("## How fragile is this board"), std::string::npos);
  EXPECT_NE(md.out.find("changes who is #1"), std::string::npos);
  EXPECT_NE(md.out.find("Leave one category out"), std::string::npos);

  const testing::PodiumRun csv = testing::RunPodium(dir, args + " --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("rating_after_drop,rank_after_drop,loo_rating_change,loo_rating_group,"
                         "loo_rank_change,loo_rank_group\n"),
            std::string::npos);

  const testing::PodiumRun html = testing::RunPodium(dir, args + " --format html");
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("How fragile is this board"), std::string::npos);
  EXPECT_NE(html.out.find("The battles removed"), std::string::npos);
}

TEST(FragilityCommandTest, TheSameAnswerOnAnyNumberOfThreads) {
  const std::string dir = testing::TempDir();
  FiftyOneFortyNine(dir);
  std::string first;
  for (const char* threads : {"1", "2", "3"}) {
    const testing::PodiumRun r = testing::RunPodium(
        dir, std::string("arena battles.csv --rounds 20 --robustness --max-drop 0.2 --loo "
                         "category --fit --format json --threads ") + threads);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    nlohmann::json doc = nlohmann::json::parse(r.out);
    doc.erase("manifest");  // it records the command line
    if (first.empty()) first = doc.dump();
    EXPECT_EQ(doc.dump(), first) << threads;
  }
}

TEST(FragilityCommandTest, SaysSoWhenNothingWithinTheBoundFlipsIt) {
  const std::string dir = testing::TempDir();
  FiftyOneFortyNine(dir);
  const testing::PodiumRun r =
      testing::RunPodium(dir, "robustness battles.csv A C --max-drop 0.01 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["robustness"]["flipped"], false);
  EXPECT_EQ(doc["robustness"]["max_battles"], 1);
  EXPECT_TRUE(doc["robustness"]["battles"].empty());
}

TEST(FragilityCommandTest, ContradictionsExitTwoAndWriteNothing) {
  const std::string dir = testing::TempDir();
  FiftyOneFortyNine(dir);
  for (const char* args : {
           "arena battles.csv --rounds 0 --top-k 2 --out out.md",      // without --robustness
           "arena battles.csv --rounds 0 --max-drop 0.1 --out out.md",  // without --robustness
           "arena battles.csv --rounds 0 --robustness --top-k 3 --out out.md",  // 3 of 3
           "arena battles.csv --rounds 0 --robustness --method elo --out out.md",
           "arena battles.csv --rounds 0 --robustness --ties davidson --out out.md",
           "arena battles.csv --rounds 0 --robustness --reweight --out out.md",
           "arena battles.csv --rounds 0 --loo judge --out out.md",  // no judge column
           "robustness battles.csv A Z --out out.md",
           "robustness battles.csv A A --out out.md",
       }) {
    const testing::PodiumRun r = testing::RunPodium(dir, args);
    EXPECT_EQ(r.exit_code, 2) << args << "\n" << r.out << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir + "/out.md")) << args;
  }
}

TEST(FragilityCommandTest, WildBenchNumberOneFallsToAHandfulOfBattles) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not there";
  const std::string dir = testing::TempDir();
  const testing::PodiumRun r = testing::RunPodium(
      dir, "arena " + shared + "/data/battles/wildbench_v2_K-1.csv --rounds 0 --robustness "
                               "--format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json rob = nlohmann::json::parse(r.out)["fragility"]["robustness"];
  ASSERT_EQ(rob["flipped"], true);
  EXPECT_EQ(rob["top_before"][0], "yi-large-preview");
  EXPECT_NE(rob["top_after"][0], "yi-large-preview");
  // Far fewer than 1% of the 146,829 battles.
  EXPECT_LT(rob["dropped"].get<int>(), 100);
  EXPECT_EQ(rob["battles"].size(), rob["dropped"].get<size_t>());
}

// The committed report (examples/wildbench/make) is exactly what the
// command writes today: the same layout of folders, so the same paths.
TEST(FragilityCommandTest, TheCommittedWildBenchReportIsReproduced) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not there";
  namespace fs = std::filesystem;
  const std::string top = testing::TempDir();
  const std::string repo = top + "/repo";
  fs::create_directories(repo + "/examples/wildbench");
  fs::create_directory_symlink(fs::absolute(shared), top + "/shared");
  const testing::PodiumRun r = testing::RunPodium(
      repo,
      "arena ../shared/data/battles/wildbench_v2_K-1.csv --ci sandwich --fit --robustness "
      "--title 'WildBench v2: how fragile is the board' --reproducible --format json --out "
      "examples/wildbench/fragility.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::optional<std::string> fresh =
      ReadFile(repo + "/examples/wildbench/fragility.json");
  const std::optional<std::string> committed =
      ReadFile(testing::Runfile("examples/wildbench/fragility.json"));
  ASSERT_TRUE(fresh && committed);
  EXPECT_TRUE(*fresh == *committed)
      << "examples/wildbench/fragility.json is stale: run examples/wildbench/make";
}

}  // namespace
}  // namespace podium
