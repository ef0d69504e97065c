// Vote cleaning through `podium arena` (the flags, the manifest's record of
// each step, errors a user sees), and on real Arena data when the shared
// folder has it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/ingest/battles.h"
#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

// The manifest's "dropped" entries as "count reason" lines.
std::vector<std::string> DroppedOf(const std::string& report) {
  const nlohmann::json doc = nlohmann::json::parse(report, nullptr, false);
  std::vector<std::string> out;
  if (!doc.is_object()) return {"not JSON: " + report};
  for (const nlohmann::json& d : doc["manifest"]["dropped"]) {
    out.push_back(fmt::format("{} {} {}", d["count"].get<int64_t>(), d["what"].get<std::string>(),
                              d["reason"].get<std::string>()));
  }
  return out;
}

// engine/ingest/testdata/arena_cleaning.json (eight battles; the steps'
// drops are worked out in engine/ingest/battles_test.cc).
std::string CleaningJson() {
  const std::string dir = testing::TempDir();
  fs::copy_file(testing::Runfile("engine/ingest/testdata/arena_cleaning.json"),
                dir + "/arena.json");
  return dir;
}

TEST(ArenaCleaningTest, EveryStepThatRanIsInTheManifestWithItsCount) {
  const std::string dir = CleaningJson();
  const testing::PodiumRun r = testing::RunPodium(
      dir,
      "arena arena.json --anony-only --dedup --language English --category math_v0.1.math "
      "--max-votes-per-judge-per-day 1 --drop-outlier-judges --format json --rank-all");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(
      DroppedOf(r.out),
      (std::vector<std::string>{
          "1 battles not anonymous (--anony-only)", "1 battles dedup_tag not sampled (--dedup)",
          "1 battles not in --language English", "2 battles not of --category math_v0.1.math",
          "1 battles beyond --max-votes-per-judge-per-day 1: later votes of a judge on a "
          "UTC day"}));  // --drop-outlier-judges ran, dropped none: not listed
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["manifest"]["inputs"][0]["rows"], 8);
  EXPECT_EQ(doc["input"]["battles"], 2);
  EXPECT_EQ(doc["input"]["dropped_category"], 2);
}

TEST(ArenaCleaningTest, WithoutCleaningFlagsTheManifestIsAsBefore) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv",
                     "model_a,model_b,winner,category\na,b,model_a,coding\nb,a,model_a,coding\n"
                     "a,b,tie,coding\na,b,model_b,math\n");
  const testing::PodiumRun r =
      testing::RunPodium(dir, "arena b.csv --category coding --exclude-ties --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(DroppedOf(r.out),
            (std::vector<std::string>{"1 battles not of --category coding",
                                      "1 battles ties removed by --exclude-ties"}));
}

TEST(ArenaCleaningTest, AFieldTheFileLacksIsAnErrorAtTheHeader) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", "model_a,model_b,winner\na,b,model_a\n");
  const testing::PodiumRun r = testing::RunPodium(
      dir, "arena b.csv --anony-only --max-votes-per-judge-per-day 2 --out out.md");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err,
            "b.csv:1:1: error: field 'anony': missing column (needed by --anony-only)\n"
            "b.csv:1:1: error: field 'judge': missing column (needed by "
            "--max-votes-per-judge-per-day)\n"
            "b.csv:1:1: error: field 'tstamp': missing column (needed by "
            "--max-votes-per-judge-per-day)\n"
            "podium arena: 3 errors; no report written\n");
  EXPECT_FALSE(fs::exists(dir + "/out.md"));
}

// WildBench (../shared/data/battles) has no Arena fields: asking for one is
// an error at its header, never a silent no-op.
TEST(ArenaCleaningTest, WildBenchHasNoAnonyColumn) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  Diagnostics d;
  BattleReadOptions o;
  o.anony_only = true;
  ReadBattles(shared + "/data/battles/wildbench_v2_K-1.csv", "wildbench", o, &d);
  ASSERT_EQ(testing::Formatted(d),
            (std::vector<std::string>{
                "wildbench:1:1: error: field 'anony': missing column (needed by anony_only)"}));
}

// The Arena's own clean_battle_*.json, when ../shared/data/battles has one:
// every step is run in turn and its drops printed and checked for
// consistency (each step's count, plus what is left, is what the step
// before left).
TEST(ArenaCleaningTest, RealArenaDataDropCounts) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(shared + "/data/battles")) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("clean_battle", 0) == 0 && entry.path().extension() == ".json") {
      files.push_back(entry.path().string());
    }
  }
  if (files.empty()) {
    GTEST_SKIP() << "no clean_battle_*.json in " << shared << "/data/battles";
  }
  for (const std::string& file : files) {
    Diagnostics d;
    const BattleData all = ReadBattles(file, file, {}, &d);
    ASSERT_FALSE(d.has_errors()) << testing::Formatted(d)[0];
    BattleReadOptions o;
    o.anony_only = o.dedup = o.drop_outlier_judges = true;
    o.max_votes_per_judge_per_day = 5;
    const BattleData cleaned = ReadBattles(file, file, o, &d);
    ASSERT_FALSE(d.has_errors()) << testing::Formatted(d)[0];
    int64_t dropped = 0;
    std::cout << file << ": " << all.battles << " battles\n";
    for (const CleaningStep& step : cleaned.cleaning) {
      std::cout << fmt::format("  {}: {} dropped\n", step.name, step.dropped);
      EXPECT_GE(step.dropped, 0);
      dropped += step.dropped;
    }
    std::cout << fmt::format("  left: {}\n", cleaned.battles);
    EXPECT_EQ(cleaned.battles + dropped, all.battles);
    ASSERT_EQ(cleaned.cleaning.size(), 4u);
  }
}

}  // namespace
}  // namespace podium
