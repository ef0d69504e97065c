#include "engine/ingest/import_eee.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "engine/base/file_util.h"
#include "engine/base/text_position.h"
#include "tests/testing.h"

namespace podium {
namespace {

using ::testing::HasSubstr;

std::string LineOf(const std::string& text, int line) {
  const std::vector<std::string_view> lines = SplitLines(text);
  return line >= 1 && line <= static_cast<int>(lines.size()) ? std::string(lines[line - 1]) : "";
}

TEST(ImportEeeTest, RealOpenLlmLeaderboardRecord) {
  const std::string shared = podium::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "PODIUM_SHARED is not set: the real EEE record is absent";
  const std::string path = shared + "/data/results/eee/98ea850e-7019-4728-a558-8b1819ec47c2.json";
  const std::string text = ReadFile(path).value();
  Diagnostics d;
  const ImportedResults r = ImportEee(path, "record.json", "", &d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(r.format, "eee");
  EXPECT_EQ(r.tool, "HF Open LLM v2");  // the record has no eval_library (schema 0.2.0)
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"IFEval", "0.4486"}, {"BBH", "0.4224"}, {"MATH Level 5", "0.0249"},
      {"GPQA", "0.2743"},   {"MUSR", "0.419"}, {"MMLU-PRO", "0.1946"}};
  ASSERT_EQ(r.scores.size(), expected.size());
  for (size_t k = 0; k < expected.size(); ++k) {
    const ImportedScore& s = r.scores[k];
    EXPECT_EQ(s.model, "TencentARC/LLaMA-Pro-8B-Instruct");
    EXPECT_EQ(s.benchmark, expected[k].first);
    EXPECT_EQ(s.value_text, expected[k].second);
    EXPECT_EQ(s.value, std::stod(expected[k].second));
    EXPECT_EQ(s.field, "/evaluation_results/" + std::to_string(k) + "/score_details/score");
    EXPECT_THAT(LineOf(text, s.line), HasSubstr("\"score\": " + s.value_text));
    EXPECT_EQ(s.metric, "");
    EXPECT_EQ(s.stderr_, std::nullopt);
    EXPECT_EQ(s.n, std::nullopt);
  }
  EXPECT_EQ(r.scores[0].line, 38);
  ASSERT_EQ(r.benchmarks.size(), 6u);
  for (const auto& b : r.benchmarks) {
    EXPECT_EQ(b.higher_is_better, true);
    EXPECT_EQ(b.max, 1.0);
    EXPECT_EQ(b.min, 0.0);
    EXPECT_EQ(b.n_items, std::nullopt);
  }
  EXPECT_TRUE(r.items.empty());
}

const char* kRecord = R"({"model_info": {"name": "M", "id": "org/m"},
 "eval_library": {"name": "lm_eval", "version": "0.4.2"},
 "evaluation_results": [
  {"evaluation_name": "arc", "source_data": {"dataset_name": "arc", "source_type": "hf_dataset", "samples_number": 1172},
   "metric_config": {"lower_is_better": false, "metric_id": "accuracy", "min_score": 0, "max_score": "Infinity",
                     "additional_details": {"setting": "25-shot"}},
   "score_details": {"score": 61.50, "uncertainty": {
     "standard_error": {"value": 1.2e0}, "num_samples": 1172, "standard_deviation": 0.48,
     "confidence_interval": {"lower": 59.1, "upper": 63.9, "confidence_level": 0.9}}}},
  {"evaluation_name": "perplexity", "metric_config": {"lower_is_better": true, "metric_name": "Perplexity"},
   "score_details": {"score": -3}}]})";

TEST(ImportEeeTest, EveryUncertaintyField) {
  const std::string dir = podium::testing::TempDir();
  Diagnostics d;
  const ImportedResults r =
      ImportEee(podium::testing::WriteFile(dir, "r.json", kRecord), "r.json", "", &d);
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(r.tool, "lm_eval 0.4.2");
  ASSERT_EQ(r.scores.size(), 2u);
  const ImportedScore& s = r.scores[0];
  EXPECT_EQ(s.model, "org/m");
  EXPECT_EQ(s.metric, "accuracy");
  EXPECT_EQ(s.setting, "25-shot");
  EXPECT_EQ(s.value_text, "61.50");
  EXPECT_EQ(s.value, 61.5);
  EXPECT_EQ(s.stderr_, 1.2);
  EXPECT_EQ(s.stderr_field, "/evaluation_results/0/score_details/uncertainty/standard_error/value");
  EXPECT_EQ(s.n, 1172);
  EXPECT_EQ(s.ci_low, 59.1);
  EXPECT_EQ(s.ci_high, 63.9);
  EXPECT_EQ(s.notes, "confidence level 0.9; std=0.48");
  EXPECT_EQ(s.line, 7);
  EXPECT_EQ(r.scores[1].metric, "Perplexity");
  EXPECT_EQ(r.scores[1].value_text, "-3");
  EXPECT_EQ(r.scores[1].line, 11);
  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_EQ(r.benchmarks[0].max, std::nullopt);  // "Infinity": unbounded
  EXPECT_EQ(r.benchmarks[0].min, 0.0);
  EXPECT_EQ(r.benchmarks[0].n_items, 1172);
  EXPECT_EQ(r.benchmarks[1].higher_is_better, false);
}

TEST(ImportEeeTest, ArrayAndJsonLines) {
  const std::string dir = podium::testing::TempDir();
  const std::string one = R"({"model_info": {"id": "a"}, "evaluation_results": [
    {"evaluation_name": "x", "score_details": {"score": 0.5}}]})";
  const std::string flat =
      R"({"model_info": {"name": "b"}, "evaluation_results": [{"evaluation_name": "x", "score_details": {"score": 0.25}}]})";
  Diagnostics d;
  const ImportedResults array = ImportEee(
      podium::testing::WriteFile(dir, "r.json", "[" + one + ",\n" + flat + "]"), "r.json", "", &d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(array.scores.size(), 2u);
  EXPECT_EQ(array.scores[1].model, "b");
  EXPECT_EQ(array.scores[1].field, "/1/evaluation_results/0/score_details/score");
  EXPECT_EQ(array.scores[1].line, 3);
  EXPECT_EQ(array.benchmarks.size(), 1u);
  const ImportedResults lines = ImportEee(
      podium::testing::WriteFile(dir, "r.jsonl", flat + "\n\n{\"bad\": }\n" + flat + "\n"),
      "r.jsonl", "", &d);
  ASSERT_EQ(lines.scores.size(), 2u);
  EXPECT_EQ(lines.scores[1].line, 4);
  EXPECT_EQ(lines.scores[1].field, "/evaluation_results/0/score_details/score");
  ASSERT_EQ(podium::testing::Formatted(d).size(), 1u);
  EXPECT_THAT(podium::testing::Formatted(d)[0], HasSubstr("r.jsonl:3:9: error: invalid JSON"));
}

TEST(ImportEeeTest, ErrorsAreLocated) {
  const std::string dir = podium::testing::TempDir();
  const auto formatted = [&](const std::string& text, const std::string& model = "") {
    Diagnostics d;
    ImportEee(podium::testing::WriteFile(dir, "e.json", text), "e.json", model, &d);
    return podium::testing::Formatted(d);
  };
  EXPECT_EQ(formatted("[1]"),
            std::vector<std::string>{
                "e.json:1: error: field '/0': expected an Every Eval Ever record (a JSON object)"});
  EXPECT_EQ(formatted("{\"evaluation_results\": []}"),
            std::vector<std::string>{"e.json:1: error: the record names no model (model_info.id "
                                     "or .name): give --model"});
  EXPECT_TRUE(formatted("{\"evaluation_results\": []}", "m").empty());
  EXPECT_EQ(
      formatted("{\"model_info\": {\"id\": \"m\"}}"),
      std::vector<std::string>{"e.json:1: error: the record has no \"evaluation_results\" list"});
  EXPECT_EQ(formatted("{\"model_info\": {\"id\": \"m\"}, \"evaluation_results\": [\n"
                      "{\"evaluation_name\": \"x\", \"score_details\": {\"score\": \"0.5\"}},\n"
                      "{\"score_details\": {\"score\": 1}}]}"),
            (std::vector<std::string>{
                "e.json:2: error: field '/evaluation_results/0/score_details/score': evaluation "
                "result \"x\" has no numeric score_details.score; skipped",
                "e.json:3: error: field '/evaluation_results/1': evaluation result without an "
                "\"evaluation_name\"; skipped"}));
  EXPECT_EQ(
      formatted("{\"a\": 1e999}"),
      std::vector<std::string>{"e.json:1:7: error: invalid JSON: number overflow parsing '1e999'"});
}

}  // namespace
}  // namespace podium
