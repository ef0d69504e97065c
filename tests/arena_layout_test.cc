// `podium arena --columns ... --winner-labels ...` end to end, in process
// (RunPodiumInMemory): a file in LLMFAO's layout (left, right, winner with
// labels left/right/tie) rates exactly as the same battles in the canonical
// Arena layout, and bad flag values or a missing named column exit 2 with
// their diagnostics.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/testing.h"
#include "tools/cli.h"

namespace podium {
namespace {

using testing::Formatted;

struct ArenaRun {
  int code = -1;
  std::string report, usage_error;
  Diagnostics diagnostics;
};

ArenaRun Arena(std::vector<std::string> args) {
  ArenaRun run;
  args.insert(args.begin(), "arena");
  run.code = RunPodiumInMemory(args, &run.report, &run.diagnostics, &run.usage_error);
  return run;
}

// 90 battles among four models, in both layouts: the canonical file and
// LLMFAO's, with the same battles in the same order (the pair is written
// in either orientation, so that both labels for a win occur).
struct Files {
  std::string canonical, llmfao;
};

Files WriteBattles(const std::string& dir) {
  const char* models[] = {"alpha", "beta", "gamma", "delta"};
  std::string canonical = "model_a,model_b,winner,tstamp\n";
  std::string llmfao = "id,left,right,winner,tstamp\n";
  const char* arena_labels[] = {"model_a", "model_b", "tie"};
  const char* llmfao_labels[] = {"left", "right", "tie"};
  for (int k = 0; k < 90; ++k) {
    const int a = k % 4, b = (k / 4 + a + 1) % 4;
    if (a == b) continue;
    // alpha wins most, delta least; one battle in five is a tie.
    const int outcome = k % 5 == 0 ? 2 : ((a < b) == (k % 7 != 0) ? 0 : 1);
    const std::string row = std::string(models[a]) + "," + models[b] + ",";
    canonical += row + arena_labels[outcome] + "," + std::to_string(1000 + k) + "\n";
    llmfao += std::to_string(k) + "," + row + llmfao_labels[outcome] + "," +
              std::to_string(1000 + k) + "\n";
  }
  return {testing::WriteFile(dir, "canonical.csv", canonical),
          testing::WriteFile(dir, "llmfao.csv", llmfao)};
}

const std::vector<std::string> kLlmfaoFlags = {"--columns", "model_a=left,model_b=right",
                                               "--winner-labels",
                                               "left=model_a,right=model_b,tie=tie"};

std::vector<std::string> With(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

TEST(ArenaLayoutTest, LlmfaoLayoutGivesTheCanonicalRatings) {
  const Files files = WriteBattles(testing::TempDir());
  for (const std::string method : {"bt", "elo"}) {
    const std::vector<std::string> common = {"--method", method, "--rounds", "50", "--seed", "7"};
    for (const std::string format : {"csv", "json"}) {
      const std::vector<std::string> args = With(common, {"--format", format});
      const ArenaRun canonical = Arena(With({files.canonical}, args));
      const ArenaRun llmfao = Arena(With(With({files.llmfao}, args), kLlmfaoFlags));
      ASSERT_EQ(canonical.code, 0) << canonical.usage_error;
      ASSERT_EQ(llmfao.code, 0) << llmfao.usage_error;
      EXPECT_TRUE(llmfao.diagnostics.empty());  // id is a known column (the 55k layout)
      if (format == "csv") {
        EXPECT_EQ(llmfao.report, canonical.report) << method;
        EXPECT_NE(canonical.report.find("alpha"), std::string::npos);
        continue;
      }
      // JSON: the same ratings, intervals and counts; only the manifest
      // (input file, flags) differs.
      const nlohmann::json c = nlohmann::json::parse(canonical.report);
      const nlohmann::json l = nlohmann::json::parse(llmfao.report);
      ASSERT_TRUE(c.contains("rows"));
      EXPECT_EQ(l["rows"], c["rows"]) << method;
      EXPECT_EQ(l["rows"].size(), 4u);
      EXPECT_EQ(l["rows"][0]["model"], "alpha") << method;
      EXPECT_EQ(l["input"]["battles"], c["input"]["battles"]);
    }
  }
}

TEST(ArenaLayoutTest, AnUnmappedLabelIsAnErrorWithItsPlace) {
  const std::string dir = testing::TempDir();
  const std::string path =
      testing::WriteFile(dir, "l.csv", "left,right,winner\na,b,left\na,b,model_a\nb,a,draw\n");
  const ArenaRun run = Arena(With({path, "--rounds", "0"}, kLlmfaoFlags));
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(Formatted(run.diagnostics),
            (std::vector<std::string>{
                path + ":3:5: error: field 'winner': unknown winner \"model_a\" (expected left, "
                       "right or tie)",
                path + ":4:5: error: field 'winner': unknown winner \"draw\" (expected left, "
                       "right or tie)"}));
  EXPECT_TRUE(run.report.empty());
}

TEST(ArenaLayoutTest, BadFlagValuesExit2WithEveryProblem) {
  const Files files = WriteBattles(testing::TempDir());
  const ArenaRun run = Arena({files.canonical, "--rounds", "0", "--columns", "model_a=x,player=y",
                              "--winner-labels", "a=model_a,a=model_b,b=loser"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(Formatted(run.diagnostics),
            (std::vector<std::string>{
                "error: field '--columns': \"player\" is not a role: expected model_a, model_b "
                "or winner",
                "error: field '--winner-labels': label \"a\" is mapped twice",
                "error: field '--winner-labels': \"loser\" is not a role: expected model_a, "
                "model_b, tie or tie (bothbad)"}));
}

TEST(ArenaLayoutTest, ANamedColumnAbsentFromTheHeaderExits2) {
  const Files files = WriteBattles(testing::TempDir());
  const ArenaRun run = Arena({files.canonical, "--rounds", "0", "--columns", "model_b=right"});
  EXPECT_EQ(run.code, 2);
  EXPECT_EQ(Formatted(run.diagnostics),
            (std::vector<std::string>{
                files.canonical + ":1:9: warning: field 'model_b': unknown column is ignored",
                files.canonical + ":1:1: error: field 'right': missing required column (named "
                                  "by --columns model_b=right)"}));
}

TEST(ArenaLayoutTest, TheArenaHumanPreference55kLayoutNeedsNoFlags) {
  const ArenaRun run = Arena({testing::Runfile("engine/ingest/testdata/arena_55k_sample.csv"),
                              "--rounds", "0", "--per-component", "--format", "csv"});
  EXPECT_EQ(run.code, 0) << run.usage_error;
  EXPECT_TRUE(run.diagnostics.empty());
  EXPECT_NE(run.report.find("gpt-4-1106-preview"), std::string::npos);
}

}  // namespace
}  // namespace podium
