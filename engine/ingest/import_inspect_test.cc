#include "engine/ingest/import_inspect.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <tuple>

#include "engine/base/file_util.h"
#include "engine/base/text_position.h"
#include "engine/base/zip_archive.h"
#include "tests/testing.h"

namespace podium {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

std::string RealLog(const std::string& name) {
  const std::string shared = podium::testing::SharedDir();
  return shared.empty() ? "" : shared + "/data/results/inspect/" + name;
}

// The .eval form of a .json log, as Inspect writes it: header.json is the
// log without its samples, and each sample is samples/<id>_epoch_<n>.json.
std::string EvalArchiveOf(const std::string& json_text, const std::string& dir) {
  Json log = Json::parse(json_text);
  std::vector<std::pair<std::string, std::string>> members;
  Json samples = log["samples"];
  log.erase("samples");
  members.emplace_back("_journal/start.json", "{}");
  members.emplace_back("header.json", log.dump(2));
  for (const Json& sample : samples) {
    members.emplace_back(
        "samples/" + sample["id"].dump() + "_epoch_" + sample["epoch"].dump() + ".json",
        sample.dump());
  }
  members.emplace_back("summaries.json", "[]");
  std::string error;
  std::optional<std::string> bytes = MakeZipArchive(members, &error);
  EXPECT_TRUE(bytes) << error;
  return podium::testing::WriteFile(dir, "log.eval", bytes.value_or(""));
}

// The text of line `line` of `text`.
std::string LineOf(const std::string& text, int line) {
  const std::vector<std::string_view> lines = SplitLines(text);
  return line >= 1 && line <= static_cast<int>(lines.size()) ? std::string(lines[line - 1]) : "";
}

using ItemKey = std::tuple<std::string, std::string, std::string, double, std::string>;
std::vector<ItemKey> SortedItems(const ImportedResults& r) {
  std::vector<ItemKey> keys;
  for (const ImportedItem& i : r.items)
    keys.emplace_back(i.model, i.benchmark, i.item, i.score, i.metric);
  std::sort(keys.begin(), keys.end());
  return keys;
}

ImportedResults Import(const std::string& dir, const std::string& text, Diagnostics* d,
                       const std::string& model = "") {
  return ImportInspect(podium::testing::WriteFile(dir, "log.json", text), "log.json", model, d);
}

TEST(InspectScoreValueTest, ConvertsAsInspectsValueToFloat) {
  EXPECT_EQ(InspectScoreValue("C"), 1.0);
  EXPECT_EQ(InspectScoreValue("I"), 0.0);
  EXPECT_EQ(InspectScoreValue("P"), 0.5);
  EXPECT_EQ(InspectScoreValue("N"), 0.0);
  EXPECT_EQ(InspectScoreValue(true), 1.0);
  EXPECT_EQ(InspectScoreValue(false), 0.0);
  EXPECT_EQ(InspectScoreValue(0.25), 0.25);
  EXPECT_EQ(InspectScoreValue(3), 3.0);
  EXPECT_EQ(InspectScoreValue("Yes"), 1.0);
  EXPECT_EQ(InspectScoreValue("FALSE"), 0.0);
  EXPECT_EQ(InspectScoreValue("0.75"), 0.75);
  EXPECT_EQ(InspectScoreValue("c"), std::nullopt);  // only "C" itself is correct
  EXPECT_EQ(InspectScoreValue("maybe"), std::nullopt);
  EXPECT_EQ(InspectScoreValue(""), std::nullopt);
  EXPECT_EQ(InspectScoreValue("nan"), std::nullopt);
  EXPECT_EQ(InspectScoreValue(nullptr), std::nullopt);
  EXPECT_EQ(InspectScoreValue(nlohmann::json::array({1})), std::nullopt);
  EXPECT_EQ(InspectScoreValue(nlohmann::json::object()), std::nullopt);
}

TEST(ImportInspectTest, RealQwenLogJsonAndEvalGiveTheSameScoresAndItems) {
  const std::string path = RealLog("data_arc_qwen.json");
  if (path.empty()) GTEST_SKIP() << "PODIUM_SHARED is not set: the real Inspect logs are absent";
  const std::string text = ReadFile(path).value();
  Diagnostics d;
  const ImportedResults json = ImportInspect(path, "qwen.json", "", &d);
  EXPECT_TRUE(d.empty()) << podium::testing::Formatted(d)[0];
  EXPECT_EQ(json.format, "inspect");
  EXPECT_EQ(json.tool, "inspect_ai 0.3.138.dev45+g23fb0e7e");
  ASSERT_EQ(json.scores.size(), 1u);
  const ImportedScore& s = json.scores[0];
  EXPECT_EQ(s.model, "ollama/qwen2.5:0.5b");
  EXPECT_EQ(s.benchmark, "inspect_evals/arc_easy");
  EXPECT_EQ(s.metric, "choice/accuracy");
  EXPECT_EQ(s.value_text, "0.3333333333333333");
  EXPECT_DOUBLE_EQ(s.value, 1.0 / 3);  // one of the three samples is "C"
  EXPECT_EQ(s.stderr_, 0.33333333333333337);
  EXPECT_EQ(s.n, 3);
  EXPECT_EQ(s.setting, "");
  EXPECT_EQ(s.field, "/results/scores/0/metrics/accuracy/value");
  EXPECT_EQ(s.stderr_field, "/results/scores/0/metrics/stderr/value");
  EXPECT_EQ(s.line, 96);
  EXPECT_THAT(LineOf(text, s.line), HasSubstr(s.value_text));
  ASSERT_EQ(json.benchmarks.size(), 1u);
  EXPECT_EQ(json.benchmarks[0].max, 1.0);
  EXPECT_EQ(json.benchmarks[0].min, 0.0);
  EXPECT_EQ(json.benchmarks[0].higher_is_better, true);
  EXPECT_EQ(json.benchmarks[0].n_items, 2376);
  const std::vector<ItemKey> items = {
      {"ollama/qwen2.5:0.5b", "inspect_evals/arc_easy", "1", 1.0, "choice"},
      {"ollama/qwen2.5:0.5b", "inspect_evals/arc_easy", "2", 0.0, "choice"},
      {"ollama/qwen2.5:0.5b", "inspect_evals/arc_easy", "3", 0.0, "choice"}};
  EXPECT_EQ(SortedItems(json), items);

  const std::string eval_path = EvalArchiveOf(text, podium::testing::TempDir());
  const ImportedResults eval = ImportInspect(eval_path, "qwen.eval", "", &d);
  EXPECT_TRUE(d.empty()) << podium::testing::Formatted(d)[0];
  ASSERT_EQ(eval.scores.size(), 1u);
  const ImportedScore& e = eval.scores[0];
  EXPECT_EQ(std::tie(e.model, e.benchmark, e.metric, e.value_text, e.value, e.stderr_, e.n),
            std::tie(s.model, s.benchmark, s.metric, s.value_text, s.value, s.stderr_, s.n));
  EXPECT_EQ(e.field, "header.json#/results/scores/0/metrics/accuracy/value");
  EXPECT_EQ(e.stderr_field, "header.json#/results/scores/0/metrics/stderr/value");
  Json header = Json::parse(text);
  header.erase("samples");
  EXPECT_THAT(LineOf(header.dump(2), e.line), HasSubstr("\"value\": " + e.value_text));
  EXPECT_EQ(SortedItems(eval), items);
  EXPECT_EQ(eval.tool, json.tool);
}

TEST(ImportInspectTest, RealSonnetLog) {
  const std::string path = RealLog("data_arc_sonnet.json");
  if (path.empty()) GTEST_SKIP() << "PODIUM_SHARED is not set: the real Inspect logs are absent";
  const std::string text = ReadFile(path).value();
  Diagnostics d;
  const ImportedResults r = ImportInspect(path, "sonnet.json", "", &d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(r.scores.size(), 1u);
  EXPECT_EQ(r.scores[0].model, "anthropic/claude-sonnet-4-0");
  EXPECT_EQ(r.scores[0].value_text, "1.0");
  EXPECT_EQ(r.scores[0].value, 1.0);
  EXPECT_EQ(r.scores[0].stderr_, 0.0);
  EXPECT_EQ(r.scores[0].n, 5);
  EXPECT_THAT(LineOf(text, r.scores[0].line), HasSubstr(r.scores[0].value_text));
  ASSERT_EQ(r.items.size(), 5u);
  for (const ImportedItem& item : r.items) EXPECT_EQ(item.score, 1.0) << item.item;

  const ImportedResults eval =
      ImportInspect(EvalArchiveOf(text, podium::testing::TempDir()), "sonnet.eval", "", &d);
  EXPECT_TRUE(d.empty());
  ASSERT_EQ(eval.scores.size(), 1u);
  EXPECT_EQ(eval.scores[0].value_text, "1.0");
  EXPECT_EQ(SortedItems(eval), SortedItems(r));
}

// Two epochs, two scorers, a reducer, std, every kind of sample value.
const char* kEpochsLog = R"({
  "status": "success",
  "eval": {"task": "t", "model": "m", "config": {"epochs": 2},
           "dataset": {"samples": 10}},
  "results": {"total_samples": 4, "completed_samples": 3, "scores": [
    {"name": "match", "scorer": "match", "reducer": "mean",
     "metrics": {"accuracy": {"name": "accuracy", "value": 0.5},
                 "std": {"name": "std", "value": 0.57735},
                 "stderr": {"name": "stderr", "value": 2.5e-1}}},
    {"name": "judge", "scorer": "model_graded", "metrics": {
      "mean": {"name": "mean", "value": 7},
      "broken": {"name": "broken", "value": null}}}]},
  "samples": [
    {"id": "a", "epoch": 1, "scores": {"match": {"value": "C"}, "judge": {"value": 8}}},
    {"id": "a", "epoch": 2, "scores": {"match": {"value": "P"}, "judge": {"value": "yes"}}},
    {"id": 7, "epoch": 1, "scores": {"match": {"value": false},
                                     "judge": {"value": {"x": 1}}}}
  ]
})";

TEST(ImportInspectTest, EpochsScorersAndSampleValues) {
  Diagnostics d;
  const ImportedResults r = Import(podium::testing::TempDir(), kEpochsLog, &d);
  ASSERT_EQ(r.scores.size(), 2u);
  EXPECT_EQ(r.scores[0].metric, "match/accuracy");
  EXPECT_EQ(r.scores[0].setting, "reducer=mean");
  EXPECT_EQ(r.scores[0].stderr_, 0.25);
  EXPECT_EQ(r.scores[0].notes, "std=0.57735");
  EXPECT_EQ(r.scores[0].n, 3);
  EXPECT_EQ(r.scores[0].line, 7);
  EXPECT_EQ(r.scores[1].metric, "judge/mean");
  EXPECT_EQ(r.scores[1].value_text, "7");
  EXPECT_EQ(r.scores[1].stderr_, std::nullopt);
  EXPECT_EQ(r.scores[1].setting, "");
  ASSERT_EQ(r.benchmarks.size(), 1u);
  EXPECT_EQ(r.benchmarks[0].max, std::nullopt);  // "mean" of a judge is not bounded by 1
  EXPECT_EQ(r.benchmarks[0].n_items, 10);
  const std::vector<ItemKey> items = {{"m", "t", "7#1", 0.0, "match"},
                                      {"m", "t", "a#1", 1.0, "match"},
                                      {"m", "t", "a#1", 8.0, "judge"},
                                      {"m", "t", "a#2", 0.5, "match"},
                                      {"m", "t", "a#2", 1.0, "judge"}};
  std::vector<ItemKey> sorted = items;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(SortedItems(r), sorted);
  const std::vector<std::string> f = podium::testing::Formatted(d);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0],
            "log.json:12: warning: field '/results/scores/1/metrics/broken/value': "
            "metric value is not a number; not imported");
  EXPECT_THAT(f[1], HasSubstr("log.json:17: warning: field '/samples/2/scores/judge/value'"));
  EXPECT_THAT(f[1], HasSubstr("sample 7 score of \"judge\" is not C, I, P, N"));
}

TEST(ImportInspectTest, EpochsArchiveWarnsWithinTheMember) {
  Diagnostics d;
  const std::string dir = podium::testing::TempDir();
  const ImportedResults r = ImportInspect(EvalArchiveOf(kEpochsLog, dir), "x.eval", "", &d);
  EXPECT_EQ(r.items.size(), 5u);
  const std::vector<std::string> f = podium::testing::Formatted(d);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_THAT(f[1],
              HasSubstr("x.eval:1: warning: field 'samples/7_epoch_1.json#/scores/judge/value'"));
}

TEST(ImportInspectTest, ModelFromTheCommandLineOnlyWhenTheLogHasNone) {
  const std::string dir = podium::testing::TempDir();
  const std::string no_model =
      R"({"eval": {"task": "t"}, "results": {"scores": [{"name": "s", "metrics": {"accuracy": {"value": 1}}}]}})";
  Diagnostics d;
  EXPECT_EQ(Import(dir, no_model, &d, "given").scores.at(0).model, "given");
  EXPECT_TRUE(d.empty());
  EXPECT_TRUE(Import(dir, no_model, &d).scores.empty());
  EXPECT_EQ(podium::testing::Formatted(d).at(0),
            "log.json:1: error: field '/eval': the log names no model (eval.model): give --model");
  Diagnostics d2;
  EXPECT_EQ(Import(dir, kEpochsLog, &d2, "given").scores.at(0).model, "m");
}

TEST(ImportInspectTest, ErrorsAreLocated) {
  const std::string dir = podium::testing::TempDir();
  const auto first_error = [&](const std::string& text) {
    Diagnostics d;
    const ImportedResults r = Import(dir, text, &d);
    EXPECT_TRUE(r.scores.empty());
    EXPECT_TRUE(d.has_errors());
    return d.empty() ? "" : podium::testing::Formatted(d)[0];
  };
  EXPECT_EQ(first_error("{\n  \"eval\": {,}\n}"),
            "log.json:2:12: error: invalid JSON: syntax error while parsing object key - "
            "unexpected ','; expected string literal");
  EXPECT_THAT(first_error("{\"eval\": {\"task\": \"t\"},\n \"results\": {\"x\": NaN}}"),
              HasSubstr("log.json:2:19: error: invalid JSON"));
  EXPECT_THAT(first_error("{\"results\": {\"x\": NaN}}"),
              HasSubstr("(NaN and Infinity are Python's, not JSON)"));
  EXPECT_EQ(first_error(std::string(100, '[') + std::string(100, ']')),
            "log.json:1:65: error: JSON nested deeper than 64 levels");
  EXPECT_EQ(first_error("[1, 2]"),
            "log.json:1: error: not an Inspect eval log: no \"eval\" object");
  EXPECT_EQ(first_error("{\"status\": \"error\",\n \"eval\": {\"task\": \"t\", \"model\": \"m\"}}"),
            "log.json:1: error: the log has no results (status \"error\")");
  EXPECT_EQ(first_error("{\"eval\": {\"model\": \"m\"}}"),
            "log.json:1: error: field '/eval': the log names no task (eval.task)");
  Diagnostics d;
  ImportInspect(dir + "/absent.json", "absent.json", "", &d);
  EXPECT_THAT(podium::testing::Formatted(d).at(0),
              HasSubstr("absent.json: error: cannot read file"));
}

TEST(ImportInspectTest, ArchiveErrors) {
  const std::string dir = podium::testing::TempDir();
  std::string error;
  const auto first_error = [&](const std::vector<std::pair<std::string, std::string>>& members) {
    const std::string path =
        podium::testing::WriteFile(dir, "a.eval", MakeZipArchive(members, &error).value());
    Diagnostics d;
    EXPECT_TRUE(ImportInspect(path, "a.eval", "", &d).scores.empty());
    return d.empty() ? "" : podium::testing::Formatted(d)[0];
  };
  EXPECT_EQ(first_error({{"_journal/start.json", "{}"}}),
            "a.eval: error: the .eval log has no header.json: the evaluation has not finished");
  EXPECT_EQ(first_error({{"other.txt", "x"}}),
            "a.eval: error: not an Inspect .eval log: no header.json member");
  EXPECT_EQ(first_error({{"header.json", "{\n\"eval\": }"}}),
            "a.eval:2:9: error: field 'header.json': invalid JSON: syntax error while parsing "
            "value - unexpected '}'; expected '[', '{', or a literal");
  const std::string truncated = MakeZipArchive({{"header.json", kEpochsLog}}, &error).value();
  const std::string path =
      podium::testing::WriteFile(dir, "cut.eval", truncated.substr(0, truncated.size() - 5));
  Diagnostics d;
  ImportInspect(path, "cut.eval", "", &d);
  EXPECT_THAT(podium::testing::Formatted(d).at(0),
              HasSubstr("cut.eval: error: cannot read the .eval archive: "));
}

}  // namespace
}  // namespace podium
