#include "engine/ingest/import_helm.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/base/file_util.h"
#include "engine/base/text_position.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;
using testing::WriteFile;

const char kRunSpec[] = R"({
  "name": "boolq:model=openai_gpt2,data_augmentation=canonical",
  "adapter_spec": {"method": "generation", "model": "openai/gpt2", "max_train_instances": 5},
  "metric_specs": [{"class_name": "x", "args": {"names": ["exact_match", "my_accuracy"]}}]
})";

// Two train trials; a valid split, a perturbation and a sub_split to leave
// out; a metric listed only by metric_specs (my_accuracy).
const char kStats[] = R"([
  {"name": {"name": "num_instances", "split": "test"}, "count": 2, "mean": 3.0},
  {"name": {"name": "exact_match", "split": "valid"}, "count": 2, "mean": 0.5, "variance": 0.0},
  {"name": {"name": "exact_match", "split": "test"}, "count": 2, "sum": 1.3333,
   "mean": 0.6666666666666666, "variance": 0.02, "stddev": 0.1414},
  {"name": {"name": "exact_match", "split": "test", "perturbation": {"name": "robustness"}}, "count": 2, "mean": 0.5},
  {"name": {"name": "quasi_exact_match", "split": "test"}, "count": 1, "mean": 7e-1, "variance": 0.0},
  {"name": {"name": "exact_match", "split": "test", "sub_split": "easy"}, "count": 2, "mean": 1.0},
  {"name": {"name": "num_prompt_tokens", "split": "test"}, "count": 2, "mean": 350.5},
  {"name": {"name": "my_accuracy", "split": "test"}, "count": 1, "mean": 0.25}
])";

const char kPerInstance[] = R"([
 {"instance_id": "a", "train_trial_index": 0, "stats": [
   {"name": {"name": "exact_match", "split": "test"}, "count": 1, "mean": 1.0},
   {"name": {"name": "quasi_exact_match", "split": "test"}, "mean": 1}]},
 {"instance_id": "a", "train_trial_index": 1, "stats": [
   {"name": {"name": "exact_match", "split": "test"}, "count": 1, "mean": 0.0}]},
 {"instance_id": "b", "train_trial_index": 0, "stats": [
   {"name": {"name": "exact_match", "split": "test"}, "mean": 1.0},
   {"name": {"name": "exact_match", "split": "test", "perturbation": {"name": "r"}}, "mean": 0.0}]},
 {"instance_id": "v", "train_trial_index": 0, "stats": [
   {"name": {"name": "exact_match", "split": "valid"}, "mean": 1.0}]}
])";

// A run folder with the given files (an empty text: the file is absent).
std::string RunFolder(const std::string& run_spec, const std::string& stats,
                      const std::string& per_instance = "") {
  const std::string dir = testing::TempDir();
  if (!run_spec.empty()) WriteFile(dir, "run_spec.json", run_spec);
  if (!stats.empty()) WriteFile(dir, "stats.json", stats);
  if (!per_instance.empty()) WriteFile(dir, "per_instance_stats.json", per_instance);
  return dir;
}

TEST(ImportHelm, EveryField) {
  Diagnostics diagnostics;
  ImportedResults r =
      ImportHelm(RunFolder(kRunSpec, kStats, kPerInstance), "runs/boolq", "", &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  EXPECT_EQ(r.path, "runs/boolq/stats.json");
  EXPECT_EQ(r.format, "helm");
  EXPECT_EQ(r.tool, "HELM");
  EXPECT_EQ(r.extra_files, (std::vector<std::string>{"runs/boolq/run_spec.json",
                                                     "runs/boolq/per_instance_stats.json"}));
  ASSERT_EQ(r.scores.size(), 3u);
  const ImportedScore& em = r.scores[0];
  EXPECT_EQ(em.model, "openai/gpt2");
  EXPECT_EQ(em.benchmark, "boolq:data_augmentation=canonical");
  EXPECT_EQ(em.metric, "exact_match");
  EXPECT_DOUBLE_EQ(em.value, 2.0 / 3);
  EXPECT_EQ(em.value_text, "0.6666666666666666");
  EXPECT_EQ(em.line, 5);
  EXPECT_EQ(em.field, "/2/mean");
  EXPECT_EQ(em.setting, "5-shot, split=test");
  EXPECT_EQ(em.n, 3);  // num_instances, not count (the trials)
  ASSERT_TRUE(em.stderr_.has_value());
  EXPECT_DOUBLE_EQ(*em.stderr_, 0.1);  // sqrt(0.02 / 2)
  EXPECT_EQ(em.stderr_field, "");
  EXPECT_EQ(em.notes,
            "stderr computed as sqrt(variance / count) over 2 train trials (not in the file)");

  const ImportedScore& quasi = r.scores[1];
  EXPECT_EQ(quasi.metric, "quasi_exact_match");
  EXPECT_EQ(quasi.value_text, "7e-1");
  EXPECT_EQ(quasi.line, 7);
  EXPECT_EQ(quasi.field, "/4/mean");
  EXPECT_FALSE(quasi.stderr_.has_value());  // one trial: no standard error
  EXPECT_EQ(quasi.notes, "");

  EXPECT_EQ(r.scores[2].metric, "my_accuracy");
  EXPECT_EQ(r.scores[2].line, 10);

  ASSERT_EQ(r.benchmarks.size(), 1u);
  EXPECT_EQ(r.benchmarks[0].benchmark, "boolq:data_augmentation=canonical");
  EXPECT_FALSE(r.benchmarks[0].max.has_value());  // my_accuracy's scale is not known
  EXPECT_FALSE(r.benchmarks[0].higher_is_better.has_value());

  // a: (1 + 0) / 2 over the trials; b: 1; v is on the valid split.
  ASSERT_EQ(r.items.size(), 3u);
  EXPECT_EQ(r.items[0].item, "a");
  EXPECT_EQ(r.items[0].score, 0.5);
  EXPECT_EQ(r.items[0].metric, "exact_match");
  EXPECT_EQ(r.items[0].model, "openai/gpt2");
  EXPECT_EQ(r.items[0].benchmark, "boolq:data_augmentation=canonical");
  EXPECT_EQ(r.items[1].item, "b");
  EXPECT_EQ(r.items[1].score, 1.0);
  EXPECT_EQ(r.items[2].item, "a");
  EXPECT_EQ(r.items[2].score, 1.0);
  EXPECT_EQ(r.items[2].metric, "quasi_exact_match");
}

TEST(ImportHelm, OnlySplitAndAccuracyFactsAndModelArgument) {
  Diagnostics diagnostics;
  ImportedResults r = ImportHelm(
      RunFolder(R"({"name": "narrative_qa:model=x", "adapter_spec": {}})",
                R"([{"name": {"name": "f1_score", "split": "valid"}, "count": 1, "mean": 0.5}])"),
      "run", "gpt2", &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  ASSERT_EQ(r.scores.size(), 1u);
  EXPECT_EQ(r.scores[0].benchmark, "narrative_qa");
  EXPECT_EQ(r.scores[0].model, "gpt2");
  EXPECT_EQ(r.scores[0].setting, "split=valid");
  EXPECT_FALSE(r.scores[0].n.has_value());
  EXPECT_EQ(r.benchmarks.at(0).max, 1.0);
  EXPECT_EQ(r.benchmarks.at(0).higher_is_better, true);
  EXPECT_TRUE(r.items.empty());
  EXPECT_EQ(r.extra_files, std::vector<std::string>{"run/run_spec.json"});
}

struct ErrorCase {
  const char* run_spec;
  const char* stats;
  const char* per_instance;
  const char* diagnostic;
};

TEST(ImportHelm, ErrorsPointAtTheInput) {
  const char* ok_stats =
      R"([{"name": {"name": "exact_match", "split": "test"}, "count": 1, "mean": 0.5}])";
  const ErrorCase cases[] = {
      {"{\"adapter_spec\": {\"model\": \"m\"}}", ok_stats, "",
       "run/run_spec.json:1:1: error: missing key 'name'"},
      {"{\"name\": 3}", ok_stats, "",
       "run/run_spec.json:1:10: error: field '/name': the run name must be a non-empty string"},
      {kRunSpec, "{\"a\": 1}", "",
       "run/stats.json:1:1: error: stats.json must be an array, found an object"},
      {kRunSpec, "[\n {\"name\": {\"name\": 7, \"split\": \"test\"}}]", "",
       "run/stats.json:2:20: error: field '/0/name/name': a stat's name must be a string, found a "
       "number"},
      {kRunSpec,
       "[{\"name\": {\"name\": \"exact_match\", \"split\": \"test\"}, \"count\": 1, "
       "\"mean\": NaN}]",
       "",
       "run/stats.json:1:73: error: field '/0/mean': NaN is not a finite number (Python writes "
       "it; JSON has none)"},
      {kRunSpec, "[{\"name\": {\"name\": \"exact_match\", \"split\": \"test\"}, \"mean\": 1}]", "",
       "run/stats.json:1:2: error: field '/0': missing key 'count'"},
      {kRunSpec,
       "[{\"name\": {\"name\": \"exact_match\", \"split\": \"a\"}, \"count\": 1, \"mean\": 1},\n"
       " {\"name\": {\"name\": \"exact_match\", \"split\": \"b\"}, \"count\": 1, \"mean\": 1}]",
       "",
       "run/stats.json:1:1: error: the scores are on splits \"a\", \"b\" and none is \"test\": "
       "which one to import is not clear"},
      {kRunSpec, "[{\"name\": {\"name\": \"num_instances\", \"split\": \"test\"}, \"count\": 1}]",
       "",
       "run/stats.json:1:1: error: no accuracy-type stat (exact_match, f1_score, ...) without "
       "perturbation: nothing to import"},
      {"{\"name\": \"x\"}", ok_stats, "",
       "run/run_spec.json: error: field '--model': the run does not name the model (no "
       "adapter_spec.model): pass --model"},
      {kRunSpec, ok_stats, "[{\"instance_id\": \"a\", \"stats\": [}]",
       "run/per_instance_stats.json:1:33: error: invalid JSON: syntax error while parsing value - "
       "unexpected '}'; expected '[', '{', or a literal"},
      {kRunSpec, ok_stats, "[{\"instance_id\": 5, \"stats\": []}]",
       "run/per_instance_stats.json:1:18: error: field '/0/instance_id': instance_id must be a "
       "string, found a number"},
      {kRunSpec, "", "", "run/stats.json: error: cannot read file: No such file or directory"},
  };
  for (const ErrorCase& c : cases) {
    Diagnostics diagnostics;
    ImportHelm(RunFolder(c.run_spec, c.stats, c.per_instance), "run", "", &diagnostics);
    EXPECT_EQ(Formatted(diagnostics), std::vector<std::string>{c.diagnostic}) << c.stats;
  }
  Diagnostics count_zero;
  ImportedResults r = ImportHelm(
      RunFolder(kRunSpec, R"([{"name": {"name": "exact_match", "split": "test"}, "count": 0},
 {"name": {"name": "f1_score", "split": "test"}, "count": 1, "mean": 0.5}])"),
      "run", "", &count_zero);
  EXPECT_EQ(Formatted(count_zero),
            std::vector<std::string>{"run/stats.json:1:2: warning: field '/0': exact_match has "
                                     "no value (count 0): skipped"});
  EXPECT_EQ(r.scores.size(), 1u);
  Diagnostics no_folder;
  ImportHelm("/nonexistent", "run", "", &no_folder);
  EXPECT_EQ(no_folder.error_count(), 1);
}

TEST(ImportHelm, RealRunFolder) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  const std::string folder =
      shared +
      "/data/results/helm/"
      "mmlu-subject=philosophy,method=multiple_choice_joint,model=openai_gpt2";
  if (!ReadFile(folder + "/stats.json")) GTEST_SKIP() << folder << " is absent";
  Diagnostics diagnostics;
  ImportedResults r = ImportHelm(folder, folder, "", &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  // Read with python3 -c 'import json; ...' from stats.json (entries 16, 18,
  // 20, 22; num_instances of test: 9.0) and per_instance_stats.json.
  const std::vector<std::pair<std::string, int>> expected = {{"exact_match", 226},
                                                             {"quasi_exact_match", 254},
                                                             {"prefix_exact_match", 282},
                                                             {"quasi_prefix_exact_match", 310}};
  ASSERT_EQ(r.scores.size(), expected.size());
  std::optional<std::string> text = ReadFile(folder + "/stats.json");
  const std::vector<std::string_view> lines = SplitLines(*text);
  for (size_t k = 0; k < expected.size(); ++k) {
    const ImportedScore& score = r.scores[k];
    EXPECT_EQ(score.metric, expected[k].first);
    EXPECT_EQ(score.line, expected[k].second);
    EXPECT_EQ(score.benchmark, "mmlu:subject=philosophy,method=multiple_choice_joint");
    EXPECT_EQ(score.model, "openai/gpt2");
    EXPECT_EQ(score.value_text, "0.1111111111111111");
    EXPECT_DOUBLE_EQ(score.value, 1.0 / 9);
    EXPECT_EQ(score.n, 9);
    EXPECT_EQ(score.setting, "5-shot, split=test");
    EXPECT_FALSE(score.stderr_.has_value());  // one train trial
    ASSERT_LE(score.line, static_cast<int>(lines.size()));
    EXPECT_NE(lines[score.line - 1].find(score.value_text), std::string::npos) << score.field;
  }
  EXPECT_EQ(r.scores[0].field, "/16/mean");
  // 9 test instances per metric; only id222 is right.
  ASSERT_EQ(r.items.size(), 36u);
  double sum = 0;
  for (size_t k = 0; k < 9; ++k) {
    EXPECT_EQ(r.items[k].metric, "exact_match");
    sum += r.items[k].score;
    EXPECT_EQ(r.items[k].score, r.items[k].item == "id222" ? 1.0 : 0.0) << r.items[k].item;
  }
  EXPECT_EQ(sum, 1.0);
  EXPECT_EQ(r.items[0].item, "id147");
  EXPECT_EQ(r.benchmarks.at(0).max, 1.0);
  EXPECT_EQ(r.benchmarks.at(0).higher_is_better, true);
  EXPECT_EQ(r.extra_files.size(), 2u);
}

}  // namespace
}  // namespace podium
