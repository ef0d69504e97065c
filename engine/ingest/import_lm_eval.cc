#include "engine/ingest/import_lm_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

#include "engine/base/file_util.h"
#include "engine/base/text_position.h"
#include "engine/ingest/located_json.h"

namespace podium {
namespace {

// Metrics whose values are proportions in [0, 1].
bool IsProportionMetric(std::string_view metric) {
  static const std::set<std::string_view> kProportions = {"acc",
                                                          "acc_norm",
                                                          "exact_match",
                                                          "mc1",
                                                          "mc2",
                                                          "f1",
                                                          "em",
                                                          "acc_mutual_info",
                                                          "prompt_level_strict_acc",
                                                          "inst_level_strict_acc",
                                                          "prompt_level_loose_acc",
                                                          "inst_level_loose_acc"};
  return kProportions.count(metric) > 0;
}

// "acc,none" -> {"acc", "none"}; "acc" (old files) -> {"acc", ""}.
std::pair<std::string, std::string> SplitMetricKey(const std::string& key) {
  const size_t comma = key.find(',');
  if (comma == std::string::npos) return {key, ""};
  return {key.substr(0, comma), key.substr(comma + 1)};
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string Folder(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The text of a JSON scalar as a reader would quote it: a string's content,
// a number's text as written.
std::string ScalarText(const LocatedJson& doc, const nlohmann::json& value,
                       const std::string& pointer) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return doc.NumberText(pointer);
  return "";
}

class LmEvalReader {
 public:
  LmEvalReader(const LocatedJson& doc, ImportedResults* out, Diagnostics* diagnostics)
      : doc_(doc), root_(doc.root()), out_(out), diagnostics_(diagnostics) {}

  void Read(const std::string& model_argument) {
    if (!doc_.IsObject(root_, "", "an lm-evaluation-harness results file", diagnostics_)) return;
    const nlohmann::json* results = doc_.Member(root_, "", "results", true, diagnostics_);
    if (results == nullptr || !doc_.IsObject(*results, "/results", "'results'", diagnostics_))
      return;
    model_ = ModelName(model_argument);
    for (const auto& [task, metrics] : results->items()) {
      if (!metrics.is_object()) continue;
      for (const auto& [key, value] : metrics.items()) {
        if (key.find(',') != std::string::npos) current_ = true;
      }
    }
    out_->tool = ToolName();
    for (const auto& [task, metrics] : results->items()) ReadTask(task, metrics);
    std::stable_sort(
        out_->scores.begin(), out_->scores.end(),
        [](const ImportedScore& a, const ImportedScore& b) { return a.line < b.line; });
    for (const auto& [task, metrics] : results->items()) AddFacts(task);
  }

 private:
  // The model as the file names it, else the argument; an error when neither does.
  std::string ModelName(const std::string& argument) {
    std::string named = StringAt(root_, "model_name");
    if (named.empty()) named = PretrainedName();
    if (!named.empty() && !argument.empty() && named != argument) {
      diagnostics_->Warning(Location{doc_.shown()}, "--model", argument,
                            fmt::format("the file names the model \"{}\"; that name is kept "
                                        "(map it to a registry model with an alias)",
                                        named));
    }
    if (!named.empty()) return named;
    if (argument.empty()) {
      diagnostics_->Error(Location{doc_.shown()}, "--model", "",
                          "the file does not name the model (no model_name, no pretrained= "
                          "in config.model_args): pass --model");
    }
    return argument;
  }

  // "pretrained=NAME" of config.model_args ("k=v,k=v" or {"pretrained": NAME}).
  std::string PretrainedName() const {
    auto config = root_.find("config");
    if (config == root_.end() || !config->is_object()) return "";
    auto args = config->find("model_args");
    if (args == config->end()) return "";
    if (args->is_object()) return StringAt(*args, "pretrained");
    if (!args->is_string()) return "";
    const std::string text = args->get<std::string>();
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find(',', start);
      if (end == std::string::npos) end = text.size();
      const std::string_view part = std::string_view(text).substr(start, end - start);
      if (part.substr(0, 11) == "pretrained=") return std::string(part.substr(11));
      start = end + 1;
    }
    return "";
  }

  static std::string StringAt(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return "";
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : "";
  }

  std::string ToolName() const {
    std::string tool = "lm-evaluation-harness";
    const std::string version = StringAt(root_, "lm_eval_version");
    const std::string hash = StringAt(root_, "git_hash");
    if (!version.empty()) tool += " " + version;
    if (!hash.empty()) tool += " (git " + hash + ")";
    return tool;
  }

  // The value at root_/section/task (/key), or null.
  const nlohmann::json* Section(const char* section, const std::string& task,
                                const char* key = nullptr) const {
    auto s = root_.find(section);
    if (s == root_.end() || !s->is_object()) return nullptr;
    auto t = s->find(task);
    if (t == s->end()) return nullptr;
    if (key == nullptr) return &*t;
    if (!t->is_object()) return nullptr;
    auto k = t->find(key);
    return k == t->end() ? nullptr : &*k;
  }

  void ReadTask(const std::string& task, const nlohmann::json& metrics) {
    const std::string pointer = JsonPointerChild("/results", task);
    if (!doc_.IsObject(metrics, pointer, fmt::format("task '{}'", task), diagnostics_)) return;
    for (const auto& [key, value] : metrics.items()) {
      if (EndsWith(SplitMetricKey(key).first, "_stderr")) continue;
      const std::string field = JsonPointerChild(pointer, key);
      // Current files: only "metric,filter" keys are metrics, and they must
      // be numbers. Old files mix metrics with strings.
      if (current_ ? key.find(',') == std::string::npos
                   : !value.is_number() && !doc_.IsNonFinite(field)) {
        continue;
      }
      std::optional<double> number = doc_.FiniteNumber(value, field, diagnostics_);
      if (!number) continue;
      AddScore(task, key, *number, field, metrics, pointer);
    }
  }

  void AddScore(const std::string& task, const std::string& key, double value,
                const std::string& field, const nlohmann::json& metrics,
                const std::string& task_pointer) {
    const auto [metric, filter] = SplitMetricKey(key);
    ImportedScore score;
    score.model = model_;
    score.benchmark = task;
    score.value = value;
    score.value_text = doc_.NumberText(field);
    score.metric = key;
    score.line = doc_.LocationOf(field).line;
    score.field = field;
    score.setting = Setting(task);
    ReadStderr(
        metrics, task_pointer,
        key.find(',') == std::string::npos ? metric + "_stderr" : metric + "_stderr," + filter,
        &score);
    score.n = SampleCount(task, "effective");
    if (!score.n) score.n = SampleCount(task, "original");
    if (const nlohmann::json* version = Section("versions", task)) {
      const std::string text = ScalarText(doc_, *version, JsonPointerChild("/versions", task));
      if (!text.empty()) score.notes = "task version " + text;
    }
    out_->scores.push_back(std::move(score));
  }

  void ReadStderr(const nlohmann::json& metrics, const std::string& task_pointer,
                  const std::string& key, ImportedScore* score) {
    auto it = metrics.find(key);
    if (it == metrics.end()) return;
    const std::string field = JsonPointerChild(task_pointer, key);
    if (it->is_string() && !doc_.IsNonFinite(field)) {
      if (it->get<std::string>() != "N/A") {
        doc_.Error(field, it->get<std::string>(),
                   fmt::format("standard error \"{}\" is neither a number nor \"N/A\"",
                               it->get<std::string>()),
                   diagnostics_);
      }
      return;
    }
    if (doc_.IsNonFinite(field)) {
      doc_.Warning(field, MaskedLiteral(*it),
                   "standard error " + MaskedLiteral(*it) + " is not finite: left out",
                   diagnostics_);
      return;
    }
    std::optional<double> value = doc_.FiniteNumber(*it, field, diagnostics_);
    if (!value) return;
    score->stderr_ = *value;
    score->stderr_field = field;
  }

  // "N-shot" from n-shot/TASK, else config/num_fewshot (old files); "" when unknown.
  std::string Setting(const std::string& task) const {
    const nlohmann::json* shots = Section("n-shot", task);
    if (shots == nullptr) {
      auto config = root_.find("config");
      if (config != root_.end() && config->is_object()) {
        auto it = config->find("num_fewshot");
        if (it != config->end()) shots = &*it;
      }
    }
    if (shots == nullptr || !shots->is_number_integer() || shots->get<long long>() < 0) return "";
    return fmt::format("{}-shot", shots->get<long long>());
  }

  std::optional<long long> SampleCount(const std::string& task, const char* which) const {
    const nlohmann::json* count = Section("n-samples", task, which);
    if (count == nullptr || !count->is_number_integer() || count->get<long long>() < 0)
      return std::nullopt;
    return count->get<long long>();
  }

  void AddFacts(const std::string& task) {
    ImportedResults::BenchmarkFacts facts;
    facts.benchmark = task;
    facts.n_items = SampleCount(task, "original");
    bool all_proportions = true, any = false, agree = true;
    std::optional<bool> higher;
    for (const ImportedScore& score : out_->scores) {
      if (score.benchmark != task) continue;
      any = true;
      const std::string metric = SplitMetricKey(score.metric).first;
      all_proportions =
          all_proportions && IsProportionMetric(metric) && score.value >= 0 && score.value <= 1;
      const nlohmann::json* h = Section("higher_is_better", task, metric.c_str());
      const std::optional<bool> this_one =
          h != nullptr && h->is_boolean() ? std::optional<bool>(h->get<bool>()) : std::nullopt;
      if (!this_one || (higher && *higher != *this_one)) agree = false;
      if (this_one) higher = this_one;
    }
    if (!any) return;
    if (all_proportions) facts.max = 1;
    if (agree) facts.higher_is_better = higher;
    out_->benchmarks.push_back(std::move(facts));
  }

  const LocatedJson& doc_;
  const nlohmann::json& root_;
  ImportedResults* out_;
  Diagnostics* diagnostics_;
  std::string model_;
  bool current_ = false;  // the file has "metric,filter" keys
};

// samples_<TASK>_<TS>.jsonl for each task of a results_<TS>.json file that has one.
void ImportSamplesNextTo(const std::string& path, const std::string& shown,
                         ImportedResults* results, Diagnostics* diagnostics) {
  const std::string name = BaseName(path);
  if (name.rfind("results_", 0) != 0 || !EndsWith(name, ".json")) return;
  const std::string stamp = name.substr(8, name.size() - 8 - 5);
  std::set<std::string> tasks;
  for (const ImportedScore& score : results->scores) tasks.insert(score.benchmark);
  for (const std::string& task : tasks) {
    const std::string file = "samples_" + task + "_" + stamp + ".jsonl";
    const std::string samples = JoinPath(Folder(path), file);
    std::error_code error;
    if (!std::filesystem::is_regular_file(samples, error)) continue;
    ImportLmEvalSamples(samples, JoinPath(Folder(shown), file), results, diagnostics);
  }
}

// The item id of a sample: doc_id as written (a number or a string).
std::optional<std::string> DocId(const nlohmann::json& sample) {
  auto it = sample.find("doc_id");
  if (it == sample.end()) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return it->dump();
  return std::nullopt;
}

// The number a sample holds for `metric` (booleans as 0/1), or nullopt.
std::optional<double> SampleScore(const nlohmann::json& sample, const std::string& metric) {
  auto it = sample.find(metric);
  if (it == sample.end()) return std::nullopt;
  if (it->is_boolean()) return it->get<bool>() ? 1.0 : 0.0;
  if (!it->is_number()) return std::nullopt;
  const double value = it->get<double>();
  return std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

}  // namespace

ImportedResults ImportLmEval(const std::string& path, const std::string& shown,
                             const std::string& model, Diagnostics* diagnostics) {
  ImportedResults results;
  results.path = shown;
  results.format = "lm-eval";
  results.tool = "lm-evaluation-harness";
  LocatedJson doc;
  if (!doc.Load(path, shown, diagnostics)) return results;
  const int errors_before = diagnostics->error_count();
  LmEvalReader(doc, &results, diagnostics).Read(model);
  if (results.scores.empty()) {
    if (diagnostics->error_count() == errors_before) {
      doc.Error(doc.root().contains("results") ? "/results" : "", "",
                "no numeric metric in 'results': nothing to import", diagnostics);
    }
    return results;
  }
  ImportSamplesNextTo(path, shown, &results, diagnostics);
  return results;
}

void ImportLmEvalSamples(const std::string& path, const std::string& shown, ImportedResults* into,
                         Diagnostics* diagnostics) {
  const std::string name = BaseName(path);
  const size_t last = name.rfind('_');
  if (name.rfind("samples_", 0) != 0 || last == std::string::npos || last < 8 ||
      !EndsWith(name, ".jsonl")) {
    diagnostics->Error(Location{shown}, "", name,
                       "not a samples file name: expected samples_<task>_<timestamp>.jsonl");
    return;
  }
  const std::string task = name.substr(8, last - 8);
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return;
  }
  into->extra_files.push_back(shown);
  // Per score of the task: metric without filter, filter, and the doc_ids seen.
  struct Target {
    const ImportedScore* score;
    std::string metric, filter;
    std::set<std::string> seen;
  };
  std::vector<Target> targets;
  for (const ImportedScore& score : into->scores) {
    if (score.benchmark != task) continue;
    auto [metric, filter] = SplitMetricKey(score.metric);
    targets.push_back({&score, metric, filter.empty() ? "none" : filter, {}});
  }
  std::vector<ImportedItem> items;
  const std::vector<std::string_view> lines = SplitLines(*text);
  for (size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].find_first_not_of(" \t\r") == std::string::npos) continue;
    const int line = static_cast<int>(k) + 1;
    std::string copy(lines[k]);
    nlohmann::json sample;
    if (!ParseLocatedJson(&copy, shown, line, diagnostics, &sample)) continue;
    std::optional<std::string> id = sample.is_object() ? DocId(sample) : std::nullopt;
    if (!id) {
      diagnostics->Error(Location{shown, line, 1}, "doc_id", "",
                         "expected a JSON object with a doc_id (a number or a string)");
      continue;
    }
    auto filter = sample.find("filter");
    const std::string sample_filter =
        filter != sample.end() && filter->is_string() ? filter->get<std::string>() : "none";
    for (Target& target : targets) {
      if (target.filter != sample_filter) continue;
      std::optional<double> score = SampleScore(sample, target.metric);
      if (!score) continue;
      if (!target.seen.insert(*id).second) {
        diagnostics->Error(
            Location{shown, line, 1}, "doc_id", *id,
            fmt::format("doc_id {} appears twice for filter \"{}\"", *id, sample_filter));
        continue;
      }
      items.push_back({target.score->model, task, *id, *score, target.score->metric});
    }
  }
  into->items.insert(into->items.end(), items.begin(), items.end());
}

}  // namespace podium
