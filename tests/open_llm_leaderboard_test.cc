// The chance normalization and the mean against the Open LLM Leaderboard v2 as
// published on 2025-03-21 (../shared/data/leaderboards, 4,576 models).
//
// GPQA (4 choices, chance 0.25) and MMLU-Pro (10 choices, chance 0.1) are
// normalized from the raw accuracies by podium and must equal the published
// normalized scores; the mean of the six published normalized scores must equal
// model_average_score. Both within 1e-9, for every row.
#include <gtest/gtest.h>

#include "engine/base/csv_table.h"
#include "engine/rating/leaderboard.h"
#include "tests/testing.h"

namespace podium {
namespace {

struct Published {
  std::vector<Claim> raw;                                 // gpqa, mmlu-pro raw accuracies in [0, 1]
  std::vector<Claim> normalized;                          // the six published normalized scores
  std::map<std::string, double> gpqa, mmlu_pro, average;  // by model
};

const char* const kTasks[] = {"ifeval", "bbh", "math", "gpqa", "musr", "mmlu_pro"};

Registry LeaderboardRegistry(const std::vector<std::string>& models) {
  std::vector<Model> m;
  for (const std::string& id : models) m.push_back({id, id});
  std::vector<Benchmark> b = {{"gpqa", "GPQA"}, {"mmlu_pro", "MMLU-Pro"}};
  b[0].chance = 0.25;
  b[0].max = 1.0;
  b[1].chance = 0.1;
  b[1].max = 1.0;
  for (const char* t : {"ifeval", "bbh", "math", "musr"}) b.push_back({t, t});
  Diagnostics d;
  Registry r = Registry::FromRecords(m, b, {{"olb"}}, &d);
  EXPECT_FALSE(d.has_errors());
  return r;
}

Published Read(const std::string& path, std::vector<std::string>* models) {
  std::vector<CsvColumn> columns = {{"id"}, {"model_average_score"}};
  for (const char* t : kTasks) {
    columns.push_back({std::string("evaluations_") + t + "_value"});
    columns.push_back({std::string("evaluations_") + t + "_normalized_score"});
  }
  Diagnostics d;
  CsvTable table = ReadCsvTable(path, columns, &d);
  EXPECT_FALSE(d.has_errors());
  Published p;
  for (const CsvRow& row : table.rows) {
    const std::string& model = row.fields[0];
    models->push_back(model);
    p.average[model] = std::stod(row.fields[1]);
    for (int t = 0; t < 6; ++t) {
      const double raw = std::stod(row.fields[2 + 2 * t]);
      const double normalized = std::stod(row.fields[3 + 2 * t]);
      const std::string task = kTasks[t];
      Claim c = testing::MakeClaim(model + "/" + task, model, task, normalized, "olb");
      p.normalized.push_back(c);
      if (task == "gpqa" || task == "mmlu_pro") {
        c.value = raw;
        p.raw.push_back(c);
        (task == "gpqa" ? p.gpqa : p.mmlu_pro)[model] = normalized;
      }
    }
  }
  return p;
}

TEST(OpenLlmLeaderboardTest, ChanceRuleAndAverageReproduceThePublishedScores) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  std::vector<std::string> models;
  Published p = Read(shared + "/data/leaderboards/open_llm_leaderboard_v2_20250321.csv", &models);
  ASSERT_EQ(models.size(), 4576u);
  const Registry registry = LeaderboardRegistry(models);

  LeaderboardOptions chance;
  chance.normalization = Normalization::kChance;
  Diagnostics d;
  Leaderboard board = BuildLeaderboard(p.raw, registry, chance, &d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(board.matrix.benchmarks, (std::vector<std::string>{"gpqa", "mmlu_pro"}));
  int checked = 0;
  for (int i = 0; i < board.matrix.num_models(); ++i) {
    const std::string& model = board.matrix.models[i];
    EXPECT_NEAR(board.normalized.values(i, 0), p.gpqa[model], 1e-9) << model;
    EXPECT_NEAR(board.normalized.values(i, 1), p.mmlu_pro[model], 1e-9) << model;
    ++checked;
  }
  EXPECT_EQ(checked, 4576);

  Leaderboard mean = BuildLeaderboard(p.normalized, registry, {}, &d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(mean.rows.size(), 4576u);
  for (const LeaderboardRow& row : mean.rows) {
    EXPECT_NEAR(row.score, p.average[row.model], 1e-9) << row.model;
    EXPECT_EQ(row.cells, 6);
  }
}

}  // namespace
}  // namespace podium
