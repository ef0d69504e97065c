#include "engine/ingest/import_lm_eval.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "engine/base/file_util.h"
#include "engine/base/text_position.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;
using testing::WriteFile;

// Current schema: two tasks, filters, a "N/A" stderr, n-samples with and
// without "effective"; the model only in config.model_args.
const char kCurrent[] = R"({
  "results": {
    "arc_easy": {
      "alias": "arc_easy",
      "acc,none": 0.7563,
      "acc_stderr,none": 0.0088,
      "acc_norm,none": 0.70,
      "acc_norm_stderr,none": "N/A"
    },
    "gsm8k": {
      "exact_match,strict-match": 0.25,
      "exact_match_stderr,strict-match": 0.0119,
      "exact_match,flexible-extract": 3e-1,
      "exact_match_stderr,flexible-extract": 0.0126
    }
  },
  "versions": {"arc_easy": 1.0, "gsm8k": 3},
  "n-shot": {"arc_easy": 0, "gsm8k": 5},
  "higher_is_better": {"arc_easy": {"acc": true, "acc_norm": true},
                       "gsm8k": {"exact_match": true}},
  "n-samples": {"arc_easy": {"original": 2376, "effective": 100},
                "gsm8k": {"original": 1319}},
  "config": {"model": "hf", "model_args": "pretrained=EleutherAI/pythia-160m,dtype=float32"},
  "git_hash": "abc1234",
  "lm_eval_version": "0.4.8"
}
)";

const char kStamp[] = "2024-05-01T10-00-00.123456";

// The 0.3 schema: metric keys without a filter, num_fewshot in config.
const char kOld[] = R"({
  "results": {
    "hellaswag": {
      "acc": 0.2872,
      "acc_stderr": 0.0045,
      "acc_norm": 0.3082,
      "acc_norm_stderr": 0.0046
    }
  },
  "versions": {"hellaswag": 0},
  "config": {"model": "hf-causal", "model_args": "pretrained=EleutherAI/pythia-160m",
             "num_fewshot": 10, "batch_size": 8}
}
)";

ImportedResults Import(const std::string& text, Diagnostics* diagnostics,
                       const std::string& model = "", const std::string& name = "r.json") {
  const std::string path = WriteFile(testing::TempDir(), name, text);
  return ImportLmEval(path, "in/" + name, model, diagnostics);
}

TEST(ImportLmEval, CurrentSchemaEveryField) {
  Diagnostics diagnostics;
  ImportedResults r = Import(kCurrent, &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  EXPECT_EQ(r.path, "in/r.json");
  EXPECT_EQ(r.format, "lm-eval");
  EXPECT_EQ(r.tool, "lm-evaluation-harness 0.4.8 (git abc1234)");
  ASSERT_EQ(r.scores.size(), 4u);
  const ImportedScore& acc = r.scores[0];
  EXPECT_EQ(acc.model, "EleutherAI/pythia-160m");
  EXPECT_EQ(acc.benchmark, "arc_easy");
  EXPECT_EQ(acc.metric, "acc,none");
  EXPECT_DOUBLE_EQ(acc.value, 0.7563);
  EXPECT_EQ(acc.value_text, "0.7563");
  EXPECT_EQ(acc.line, 5);
  EXPECT_EQ(acc.field, "/results/arc_easy/acc,none");
  ASSERT_TRUE(acc.stderr_.has_value());
  EXPECT_DOUBLE_EQ(*acc.stderr_, 0.0088);
  EXPECT_EQ(acc.stderr_field, "/results/arc_easy/acc_stderr,none");
  EXPECT_EQ(acc.setting, "0-shot");
  EXPECT_EQ(acc.n, 100);  // effective, not original
  EXPECT_EQ(acc.notes, "task version 1.0");

  const ImportedScore& norm = r.scores[1];
  EXPECT_EQ(norm.metric, "acc_norm,none");
  EXPECT_EQ(norm.value_text, "0.70");
  EXPECT_EQ(norm.line, 7);
  EXPECT_FALSE(norm.stderr_.has_value());  // "N/A"
  EXPECT_EQ(norm.stderr_field, "");

  const ImportedScore& strict = r.scores[2];
  EXPECT_EQ(strict.benchmark, "gsm8k");
  EXPECT_EQ(strict.metric, "exact_match,strict-match");
  EXPECT_EQ(strict.line, 11);
  EXPECT_EQ(strict.value_text, "0.25");
  EXPECT_DOUBLE_EQ(*strict.stderr_, 0.0119);
  EXPECT_EQ(strict.setting, "5-shot");
  EXPECT_EQ(strict.n, 1319);  // no "effective": original
  EXPECT_EQ(strict.notes, "task version 3");

  const ImportedScore& flexible = r.scores[3];
  EXPECT_EQ(flexible.metric, "exact_match,flexible-extract");
  EXPECT_DOUBLE_EQ(flexible.value, 0.3);
  EXPECT_EQ(flexible.value_text, "3e-1");
  EXPECT_EQ(flexible.line, 13);
  EXPECT_EQ(flexible.field, "/results/gsm8k/exact_match,flexible-extract");
  EXPECT_EQ(flexible.stderr_field, "/results/gsm8k/exact_match_stderr,flexible-extract");

  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_EQ(r.benchmarks[0].benchmark, "arc_easy");
  EXPECT_EQ(r.benchmarks[0].max, 1.0);
  EXPECT_EQ(r.benchmarks[0].higher_is_better, true);
  EXPECT_EQ(r.benchmarks[0].n_items, 2376);
  EXPECT_EQ(r.benchmarks[1].n_items, 1319);
  EXPECT_TRUE(r.items.empty());  // r.json is not named results_<ts>.json
  EXPECT_TRUE(r.extra_files.empty());
}

TEST(ImportLmEval, SamplesNextToTheResultsBecomeItemsPerFilter) {
  const std::string dir = testing::TempDir();
  const std::string results = WriteFile(dir, std::string("results_") + kStamp + ".json", kCurrent);
  WriteFile(dir, std::string("samples_gsm8k_") + kStamp + ".jsonl",
            "{\"doc_id\": 0, \"filter\": \"strict-match\", \"metrics\": [\"exact_match\"], "
            "\"exact_match\": 1.0}\n"
            "{\"doc_id\": 0, \"filter\": \"flexible-extract\", \"exact_match\": 0.0}\n"
            "\n"
            "{\"doc_id\": 1, \"filter\": \"strict-match\", \"exact_match\": 0}\n"
            "{\"doc_id\": 1, \"filter\": \"flexible-extract\", \"exact_match\": true}\n");
  Diagnostics diagnostics;
  ImportedResults r = ImportLmEval(results, "shown/results.json", "", &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  ASSERT_EQ(r.extra_files.size(), 1u);
  EXPECT_EQ(r.extra_files[0], std::string("shown/samples_gsm8k_") + kStamp + ".jsonl");
  ASSERT_EQ(r.items.size(), 4u);
  const std::vector<std::tuple<std::string, double, std::string>> expected = {
      {"0", 1.0, "exact_match,strict-match"},
      {"0", 0.0, "exact_match,flexible-extract"},
      {"1", 0.0, "exact_match,strict-match"},
      {"1", 1.0, "exact_match,flexible-extract"}};
  for (size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(r.items[k].model, "EleutherAI/pythia-160m");
    EXPECT_EQ(r.items[k].benchmark, "gsm8k");
    EXPECT_EQ(r.items[k].item, std::get<0>(expected[k]));
    EXPECT_EQ(r.items[k].score, std::get<1>(expected[k]));
    EXPECT_EQ(r.items[k].metric, std::get<2>(expected[k]));
  }
}

TEST(ImportLmEval, SamplesErrorsAreLocated) {
  const std::string dir = testing::TempDir();
  const std::string results = WriteFile(dir, std::string("results_") + kStamp + ".json", kCurrent);
  WriteFile(dir, std::string("samples_gsm8k_") + kStamp + ".jsonl",
            "{\"doc_id\": 0, \"filter\": \"strict-match\", \"exact_match\": 1.0}\n"
            "[1]\n"
            "{\"doc_id\": 0, \"filter\": \"strict-match\", \"exact_match\": 1.0}\n"
            "{\"doc_id\": 2, \n");
  Diagnostics diagnostics;
  ImportedResults r = ImportLmEval(results, "d/results.json", "", &diagnostics);
  const std::string samples = std::string("d/samples_gsm8k_") + kStamp + ".jsonl";
  const std::vector<std::string> got = Formatted(diagnostics);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0], samples +
                        ":2:1: error: field 'doc_id': expected a JSON object with a doc_id "
                        "(a number or a string)");
  EXPECT_EQ(got[1], samples +
                        ":3:1: error: field 'doc_id': doc_id 0 appears twice for filter "
                        "\"strict-match\"");
  EXPECT_EQ(got[2].rfind(samples + ":4:", 0), 0u) << got[2];
  EXPECT_NE(got[2].find("invalid JSON"), std::string::npos) << got[2];
  EXPECT_EQ(r.items.size(), 1u);
}

TEST(ImportLmEval, OldSchema) {
  Diagnostics diagnostics;
  ImportedResults r = Import(kOld, &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  EXPECT_EQ(r.tool, "lm-evaluation-harness");
  ASSERT_EQ(r.scores.size(), 2u);
  EXPECT_EQ(r.scores[0].model, "EleutherAI/pythia-160m");
  EXPECT_EQ(r.scores[0].benchmark, "hellaswag");
  EXPECT_EQ(r.scores[0].metric, "acc");
  EXPECT_EQ(r.scores[0].value_text, "0.2872");
  EXPECT_EQ(r.scores[0].line, 4);
  EXPECT_DOUBLE_EQ(*r.scores[0].stderr_, 0.0045);
  EXPECT_EQ(r.scores[0].stderr_field, "/results/hellaswag/acc_stderr");
  EXPECT_EQ(r.scores[0].setting, "10-shot");
  EXPECT_FALSE(r.scores[0].n.has_value());
  EXPECT_EQ(r.scores[0].notes, "task version 0");
  EXPECT_EQ(r.scores[1].metric, "acc_norm");
  EXPECT_EQ(r.scores[1].line, 6);
  EXPECT_DOUBLE_EQ(*r.scores[1].stderr_, 0.0046);
  ASSERT_EQ(r.benchmarks.size(), 1u);
  EXPECT_EQ(r.benchmarks[0].max, 1.0);
  EXPECT_FALSE(r.benchmarks[0].higher_is_better.has_value());  // the file does not say
  EXPECT_FALSE(r.benchmarks[0].n_items.has_value());
}

TEST(ImportLmEval, ModelNameFirstThenPretrainedThenArgument) {
  Diagnostics d1;
  ImportedResults named = Import(R"({"results": {"t": {"acc,none": 0.5}}, "model_name": "org/m",
                 "config": {"model_args": "pretrained=other"}})",
                                 &d1, "org/m");
  EXPECT_TRUE(d1.empty());
  EXPECT_EQ(named.scores.at(0).model, "org/m");

  Diagnostics d2;
  ImportedResults dict = Import(
      R"({"results": {"t": {"acc,none": 0.5}}, "config": {"model_args": {"pretrained": "x/y"}}})",
      &d2, "mine");
  EXPECT_EQ(dict.scores.at(0).model, "x/y");
  EXPECT_EQ(Formatted(d2), std::vector<std::string>{
                               "in/r.json: warning: field '--model': the file names the model "
                               "\"x/y\"; that name is kept (map it to a registry model with an "
                               "alias)"});

  Diagnostics d3;
  ImportedResults argument = Import(R"({"results": {"t": {"acc,none": 0.5}}})", &d3, "mine");
  EXPECT_TRUE(d3.empty());
  EXPECT_EQ(argument.scores.at(0).model, "mine");

  Diagnostics d4;
  Import(R"({"results": {"t": {"acc,none": 0.5}}})", &d4);
  EXPECT_EQ(Formatted(d4),
            std::vector<std::string>{"in/r.json: error: field '--model': the file does not name "
                                     "the model (no model_name, no pretrained= in "
                                     "config.model_args): pass --model"});
}

TEST(ImportLmEval, ProportionsOutsideZeroOneAndDisagreeingDirectionsLeaveFactsUnset) {
  Diagnostics diagnostics;
  ImportedResults r = Import(R"({"results": {"t": {"acc,none": 57.5, "word_perplexity,none": 9.1},
                                             "u": {"acc,none": 0.5, "ppl,none": 3}},
  "higher_is_better": {"t": {"acc": true, "word_perplexity": false}, "u": {"acc": true}}})",
                             &diagnostics, "m");
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_FALSE(r.benchmarks[0].max.has_value());
  EXPECT_FALSE(r.benchmarks[0].higher_is_better.has_value());
  EXPECT_FALSE(r.benchmarks[1].max.has_value());               // ppl is not a proportion
  EXPECT_FALSE(r.benchmarks[1].higher_is_better.has_value());  // ppl's direction is not given
}

// Each error case: the file's text and the one diagnostic it must give.
struct ErrorCase {
  const char* text;
  const char* diagnostic;
};

TEST(ImportLmEval, ErrorsPointAtTheInput) {
  const ErrorCase cases[] = {
      {"{\"results\": {\"a\": {\"acc,none\": 0.5,}}}",
       "in/r.json:1:36: error: invalid JSON: syntax error while parsing object key - unexpected "
       "'}'; expected string literal"},
      {"{\"config\": {}}", "in/r.json:1:1: error: missing key 'results'"},
      {"[1]",
       "in/r.json:1:1: error: an lm-evaluation-harness results file must be an "
       "object, found an array"},
      {"{\"results\": []}",
       "in/r.json:1:13: error: field '/results': 'results' must be an object, found an array"},
      {"{\"results\": {\"t\": 0.5}}",
       "in/r.json:1:19: error: field '/results/t': task 't' must be an object, found a number"},
      {"{\"results\": {}}",
       "in/r.json:1:13: error: field '/results': no numeric metric in 'results': nothing to "
       "import"},
      {"{\"results\": {\"t\": {\n  \"acc,none\": NaN}}}",
       "in/r.json:2:15: error: field '/results/t/acc,none': NaN is not a finite number "
       "(Python writes it; JSON has none)"},
      {"{\"results\": {\"t\": {\"acc,none\": \"0.5\"}}}",
       "in/r.json:1:32: error: field '/results/t/acc,none': expected a number, found a string "
       "(\"0.5\")"},
      {"{\"results\": {\"t\": {\"acc,none\": 0.5, \"acc_stderr,none\": [1]}}}",
       "in/r.json:1:56: error: field '/results/t/acc_stderr,none': expected a number, found an "
       "array"},
      {"{\"results\": {\"t\": {\"acc,none\": 1e999}}}",
       "in/r.json:1:32: error: invalid JSON: number overflow parsing '1e999'"},
  };
  for (const ErrorCase& c : cases) {
    Diagnostics diagnostics;
    Import(c.text, &diagnostics, "m");
    EXPECT_EQ(Formatted(diagnostics), std::vector<std::string>{c.diagnostic}) << c.text;
  }
  Diagnostics deep;
  Import(std::string(70, '[') + std::string(70, ']'), &deep, "m");
  EXPECT_EQ(Formatted(deep),
            std::vector<std::string>{"in/r.json:1:65: error: JSON nested deeper than 64 levels"});
  Diagnostics missing;
  ImportLmEval("/nonexistent/r.json", "r.json", "m", &missing);
  ASSERT_EQ(missing.error_count(), 1);
  EXPECT_NE(Formatted(missing)[0].find("cannot read file"), std::string::npos);
}

TEST(ImportLmEval, ANonFiniteStandardErrorIsAWarningAndLeftOut) {
  Diagnostics diagnostics;
  ImportedResults r =
      Import("{\"results\": {\"t\": {\"acc,none\": 0.5, \"acc_stderr,none\": -Infinity}}}",
             &diagnostics, "m");
  EXPECT_EQ(Formatted(diagnostics),
            std::vector<std::string>{"in/r.json:1:56: warning: field '/results/t/acc_stderr,none': "
                                     "standard error -Infinity is not finite: left out"});
  ASSERT_EQ(r.scores.size(), 1u);
  EXPECT_FALSE(r.scores[0].stderr_.has_value());
}

// Every line of `path`.
std::vector<std::string> Lines(const std::string& path) {
  std::optional<std::string> text = ReadFile(path);
  std::vector<std::string> lines;
  if (!text) return lines;
  for (std::string_view line : SplitLines(*text)) lines.emplace_back(line);
  return lines;
}

TEST(ImportLmEval, RealResultsFileAndItsSamples) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  const std::string dir = shared + "/data/results/lm-eval";
  const std::string path = dir + "/results_2026-01-21T03-44-18.458309.json";
  if (!ReadFile(path)) GTEST_SKIP() << path << " is absent";
  Diagnostics diagnostics;
  ImportedResults r = ImportLmEval(path, path, "", &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << ::testing::PrintToString(Formatted(diagnostics));
  EXPECT_EQ(r.tool, "lm-evaluation-harness 0.4.9.2 (git 1f84a09f)");
  ASSERT_EQ(r.scores.size(), 2u);
  // Read with python3 -c 'import json; ...' and grep -n from the file.
  EXPECT_EQ(r.scores[0].benchmark, "math_perturbed_full");
  EXPECT_EQ(r.scores[0].value_text, "0.0");
  EXPECT_EQ(r.scores[0].line, 5);
  EXPECT_DOUBLE_EQ(*r.scores[0].stderr_, 0.0);
  EXPECT_EQ(r.scores[1].benchmark, "math_rephrased_full");
  EXPECT_EQ(r.scores[1].metric, "exact_match,none");
  EXPECT_DOUBLE_EQ(r.scores[1].value, 0.0004);
  EXPECT_EQ(r.scores[1].line, 10);
  EXPECT_DOUBLE_EQ(*r.scores[1].stderr_, 0.0002828144211304471);
  for (const ImportedScore& score : r.scores) {
    EXPECT_EQ(score.model,
              "RylanSchaeffer/mem_Qwen3-93M_minerva_math_rep_0_sbst_1.0000_epch_1_ot_1");
    EXPECT_EQ(score.setting, "0-shot");
    EXPECT_EQ(score.n, 5000);
    EXPECT_EQ(score.notes, "task version 1.0");
  }
  const std::vector<std::string> lines = Lines(path);
  for (const ImportedScore& score : r.scores) {
    ASSERT_LE(score.line, static_cast<int>(lines.size()));
    EXPECT_NE(lines[score.line - 1].find(score.value_text), std::string::npos) << score.field;
  }
  // The samples file of math_perturbed_full: 10 lines, doc_id 0..9, all 0.
  ASSERT_EQ(r.extra_files.size(), 1u);
  EXPECT_EQ(r.extra_files[0],
            dir + "/samples_math_perturbed_full_2026-01-21T03-44-18.458309.jsonl");
  ASSERT_EQ(r.items.size(), 10u);
  for (size_t k = 0; k < r.items.size(); ++k) {
    EXPECT_EQ(r.items[k].item, std::to_string(k));
    EXPECT_EQ(r.items[k].score, 0.0);
    EXPECT_EQ(r.items[k].metric, "exact_match,none");
    EXPECT_EQ(r.items[k].benchmark, "math_perturbed_full");
  }
  ASSERT_EQ(r.benchmarks.size(), 2u);
  EXPECT_EQ(r.benchmarks[1].n_items, 5000);
  EXPECT_EQ(r.benchmarks[1].higher_is_better, true);
  EXPECT_EQ(r.benchmarks[1].max, 1.0);
}

}  // namespace
}  // namespace podium
