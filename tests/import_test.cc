// `podium import` on the real files of ../shared/data (issue 13), through
// the real binary: each format imports its example and every imported claim
// verifies with `podium audit`; the Open LLM Leaderboard v2 table, imported
// with two commands and no hand-written file, gives back the leaderboard's
// own average for every one of its 4,576 models. Skipped, with a message,
// when ../shared is not beside the checkout (PODIUM_SHARED).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/base/csv_stream.h"
#include "engine/base/csv_table.h"
#include "engine/base/file_util.h"
#include "engine/base/number.h"
#include "engine/base/zip_archive.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::PodiumRun;
using testing::RunPodium;
using testing::SharedDir;
using testing::TempDir;

// The audit's summary line: "**N of N claims verified; ...".
void ExpectAllVerified(const std::string& dir, const std::string& datasets, int claims) {
  PodiumRun audit = RunPodium(dir, "audit --datasets " + datasets);
  EXPECT_EQ(audit.exit_code, 0) << audit.err << audit.out;
  const std::string want = "**" + std::to_string(claims) + " of " + std::to_string(claims) +
                           " claims verified; 0 undecided (warnings); 0 failed; 0 errors.**";
  EXPECT_NE(audit.out.find(want), std::string::npos) << audit.out.substr(0, 600);
}

TEST(ImportTest, EveryFormatImportsItsRealExampleAndEveryClaimVerifies) {
  const std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  const std::string results = shared + "/data/results";
  const std::string dir = TempDir();
  struct Case {
    std::string args;
    std::string summary;
  };
  const std::vector<Case> cases = {
      {"lm-eval " + results + "/lm-eval/results_2026-01-21T03-44-18.458309.json",
       "imported 2 scores and 10 item results from 1 file"},
      {"inspect " + results + "/inspect/data_arc_qwen.json " + results +
           "/inspect/data_arc_sonnet.json",
       "imported 2 scores and 8 item results from 2 files"},
      {"helm '" + results +
           "/helm/mmlu-subject=philosophy,method=multiple_choice_joint,model=" + "openai_gpt2'",
       "from 1 file"},
      {"eee " + results + "/eee/98ea850e-7019-4728-a558-8b1819ec47c2.json",
       "imported 6 scores from 1 file"},
  };
  int claims = 0;
  for (const Case& c : cases) {
    PodiumRun run = RunPodium(dir, "import " + c.args + " --into data");
    ASSERT_EQ(run.exit_code, 0) << c.args << "\n" << run.err;
    EXPECT_NE(run.out.find(c.summary), std::string::npos) << run.out;
    claims += std::stoi(run.out.substr(run.out.find("imported ") + 9));
    PodiumRun again = RunPodium(dir, "import " + c.args + " --into data");
    EXPECT_NE(again.out.find("nothing changed"), std::string::npos) << again.out;
  }
  // The .eval form of the same Inspect log (a zip of header.json and one
  // member per sample, as Inspect writes it): its claims cite lines inside
  // header.json, and the audit opens the archive to check them.
  nlohmann::json log = nlohmann::json::parse(*ReadFile(results + "/inspect/data_arc_qwen.json"));
  std::vector<std::pair<std::string, std::string>> members;
  for (const nlohmann::json& sample : log["samples"]) {
    members.emplace_back(
        fmt::format("samples/{}_epoch_{}.json", sample["id"].dump(), sample.value("epoch", 1)),
        sample.dump(2));
  }
  log.erase("samples");
  members.insert(members.begin(), {"header.json", log.dump(2)});
  std::string error;
  const std::optional<std::string> archive = MakeZipArchive(members, &error);
  ASSERT_TRUE(archive.has_value()) << error;
  testing::WriteFile(dir, "arc_qwen.eval", *archive);
  PodiumRun eval = RunPodium(dir, "import inspect arc_qwen.eval --into data");
  ASSERT_EQ(eval.exit_code, 0) << eval.err;
  EXPECT_NE(eval.out.find("imported 1 scores and 3 item results from 1 file"), std::string::npos)
      << eval.out;
  claims += 1;
  ExpectAllVerified(dir, "data", claims);
  const std::string eval_claims = *ReadFile(dir + "/data/claims/arc_qwen.csv");
  EXPECT_NE(eval_claims.find("header.json#/results/scores/0/metrics/accuracy/value"),
            std::string::npos)
      << eval_claims;
  PodiumRun board = RunPodium(dir, "leaderboard --datasets data --allow-empty --format json");
  EXPECT_EQ(board.exit_code, 0) << board.err;
}

TEST(ImportTest, OpenLlmLeaderboardAverageOfEveryModelFromTwoCommands) {
  const std::string shared = SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  const std::string table = shared + "/data/leaderboards/open_llm_leaderboard_v2_20250321.csv";
  const std::string dir = TempDir();
  std::string benchmarks;
  for (const char* b : {"ifeval", "bbh", "math", "gpqa", "musr", "mmlu_pro"}) {
    benchmarks +=
        std::string(benchmarks.empty() ? "" : ",") + "evaluations_" + b + "_normalized_score=" + b;
  }
  PodiumRun import = RunPodium(dir, "import wide " + table +
                                        " --into oll --model-column model_name --scale 100 "
                                        "--benchmarks " +
                                        benchmarks);
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("imported 27456 scores from 1 file into oll: 4576 new models"),
            std::string::npos)
      << import.out;
  PodiumRun board = RunPodium(dir, "leaderboard --datasets oll --format json");
  ASSERT_EQ(board.exit_code, 0) << board.err;
  const nlohmann::json report = nlohmann::json::parse(board.out);

  // The file's own average, by line; each row's claims cite one line.
  std::map<int, double> average;
  Diagnostics diagnostics;
  CsvTable source = ReadCsvTable(table, {{"model_average_score"}}, &diagnostics);
  for (const CsvRow& row : source.rows) average[row.line] = *ParseFiniteDouble(row.fields[0]);
  CsvTable claims = ReadCsvTable(dir + "/oll/claims/open_llm_leaderboard_v2_20250321.csv",
                                 {{"claim_id"}, {"line"}}, &diagnostics);
  std::map<std::string, int> line_of;
  for (const CsvRow& row : claims.rows) line_of[row.fields[0]] = std::stoi(row.fields[1]);

  ASSERT_EQ(report["rows"].size(), 4576u);
  double worst = 0;
  for (const nlohmann::json& row : report["rows"]) {
    const int line = line_of.at(row["claims"][0].get<std::string>());
    for (const nlohmann::json& id : row["claims"]) EXPECT_EQ(line_of.at(id), line);
    worst = std::max(worst, std::abs(row["score"].get<double>() - average.at(line)));
  }
  EXPECT_LT(worst, 1e-6);
  ExpectAllVerified(dir, "oll", 27456);
}

}  // namespace
}  // namespace podium
