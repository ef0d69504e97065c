#include "engine/ingest/import_helm.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>
#include <string_view>

#include "engine/base/file_util.h"
#include "engine/ingest/located_json.h"

namespace podium {
namespace {

// HELM's accuracy-type metrics: proportions in [0, 1], higher is better.
bool IsAccuracyMetric(std::string_view name) {
  static const std::set<std::string_view> kAccuracy = {"exact_match",
                                                       "quasi_exact_match",
                                                       "prefix_exact_match",
                                                       "quasi_prefix_exact_match",
                                                       "exact_match_indicator",
                                                       "final_number_exact_match",
                                                       "exact_set_match",
                                                       "f1_score",
                                                       "f1_set_match",
                                                       "iou_set_match",
                                                       "rouge_1",
                                                       "rouge_2",
                                                       "rouge_l",
                                                       "bleu_1",
                                                       "bleu_4",
                                                       "math_equiv",
                                                       "math_equiv_chain_of_thought",
                                                       "equivalent",
                                                       "equivalent_cot",
                                                       "chain_of_thought_correctness",
                                                       "ifeval_strict_accuracy"};
  return kAccuracy.count(name) > 0;
}

// What run_spec.json says that the mapping needs.
struct RunSpec {
  std::string benchmark;               // the run name without model arguments
  std::string model;                   // adapter_spec.model; empty when absent
  std::string shots;                   // "5-shot"; empty when unknown
  std::set<std::string> metric_names;  // names listed by metric_specs
};

// "mmlu:subject=x,method=y,model=openai_gpt2" -> "mmlu:subject=x,method=y".
std::string WithoutModelArguments(const std::string& run_name) {
  const size_t colon = run_name.find(':');
  if (colon == std::string::npos) return run_name;
  std::string kept = run_name.substr(0, colon + 1);
  bool first = true;
  for (size_t start = colon + 1; start <= run_name.size();) {
    size_t end = run_name.find(',', start);
    if (end == std::string::npos) end = run_name.size();
    const std::string part = run_name.substr(start, end - start);
    if (part.rfind("model=", 0) != 0 && part.rfind("model_deployment=", 0) != 0) {
      kept += (first ? "" : ",") + part;
      first = false;
    }
    start = end + 1;
  }
  if (first) kept.pop_back();  // no argument left: no ':'
  return kept;
}

std::string StringMember(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

bool ReadRunSpec(const LocatedJson& doc, RunSpec* spec, Diagnostics* diagnostics) {
  const nlohmann::json& root = doc.root();
  if (!doc.IsObject(root, "", "run_spec.json", diagnostics)) return false;
  const nlohmann::json* name = doc.Member(root, "", "name", true, diagnostics);
  if (name == nullptr) return false;
  if (!name->is_string() || name->get<std::string>().empty()) {
    doc.Error("/name", "", "the run name must be a non-empty string", diagnostics);
    return false;
  }
  spec->benchmark = WithoutModelArguments(name->get<std::string>());
  auto adapter = root.find("adapter_spec");
  if (adapter != root.end() && adapter->is_object()) {
    spec->model = StringMember(*adapter, "model");
    auto shots = adapter->find("max_train_instances");
    if (shots != adapter->end() && shots->is_number_integer() && shots->get<long long>() >= 0)
      spec->shots = fmt::format("{}-shot", shots->get<long long>());
  }
  auto metric_specs = root.find("metric_specs");
  if (metric_specs == root.end() || !metric_specs->is_array()) return true;
  for (const nlohmann::json& metric : *metric_specs) {
    if (!metric.is_object() || !metric.contains("args") || !metric["args"].is_object()) continue;
    auto names = metric["args"].find("names");
    if (names == metric["args"].end() || !names->is_array()) continue;
    for (const nlohmann::json& n : *names) {
      if (n.is_string()) spec->metric_names.insert(n.get<std::string>());
    }
  }
  return true;
}

// One stat record's name: metric, split, and whether it is a variant.
struct StatName {
  std::string metric, split;
  bool variant = false;  // has a perturbation or a sub_split
};

// The name of stat record `record` at `pointer`; nullopt, with an error,
// when it is malformed.
std::optional<StatName> ReadStatName(const LocatedJson& doc, const nlohmann::json& record,
                                     const std::string& pointer, Diagnostics* diagnostics) {
  if (!doc.IsObject(record, pointer, "a stat", diagnostics)) return std::nullopt;
  const nlohmann::json* name = doc.Member(record, pointer, "name", true, diagnostics);
  const std::string name_pointer = pointer + "/name";
  if (name == nullptr || !doc.IsObject(*name, name_pointer, "a stat's name", diagnostics))
    return std::nullopt;
  const nlohmann::json* metric = doc.Member(*name, name_pointer, "name", true, diagnostics);
  if (metric == nullptr) return std::nullopt;
  if (!metric->is_string()) {
    doc.Error(name_pointer + "/name", "",
              "a stat's name must be a string, found " + DescribeJson(*metric), diagnostics);
    return std::nullopt;
  }
  StatName out{metric->get<std::string>(), StringMember(*name, "split"), false};
  for (const char* variant : {"perturbation", "sub_split"}) {
    auto it = name->find(variant);
    if (it != name->end() && !it->is_null()) out.variant = true;
  }
  return out;
}

class HelmReader {
 public:
  HelmReader(const LocatedJson& stats, const RunSpec& spec, const std::string& model,
             ImportedResults* out, Diagnostics* diagnostics)
      : stats_(stats), spec_(spec), model_(model), out_(out), diagnostics_(diagnostics) {}

  void Read() {
    if (!stats_.IsArray(stats_.root(), "", "stats.json", diagnostics_)) return;
    std::vector<std::pair<size_t, StatName>> candidates;
    std::set<std::string> splits;
    for (size_t k = 0; k < stats_.root().size(); ++k) {
      const std::string pointer = JsonPointerChild("", k);
      std::optional<StatName> name = ReadStatName(stats_, stats_.root()[k], pointer, diagnostics_);
      if (!name || name->variant) continue;
      if (name->metric == "num_instances") instances_[name->split] = k;
      if (!IsScore(name->metric)) continue;
      splits.insert(name->split);
      candidates.emplace_back(k, *name);
    }
    if (!ChooseSplit(splits)) return;
    for (const auto& [k, name] : candidates) {
      if (name.split == split_) AddScore(k, name.metric);
    }
  }

  const std::string& split() const { return split_; }

 private:
  bool IsScore(const std::string& metric) const {
    return IsAccuracyMetric(metric) || spec_.metric_names.count(metric) > 0;
  }

  bool ChooseSplit(const std::set<std::string>& splits) {
    if (splits.count("test") > 0 || splits.size() == 1) {
      split_ = splits.count("test") > 0 ? "test" : *splits.begin();
      return true;
    }
    if (splits.empty()) return true;
    std::string list;
    for (const std::string& s : splits) list += (list.empty() ? "\"" : ", \"") + s + "\"";
    stats_.Error("", "",
                 fmt::format("the scores are on splits {} and none is \"test\": which one to "
                             "import is not clear",
                             list),
                 diagnostics_);
    return false;
  }

  // A stat record's number `key`: nullopt when absent; an error when not finite.
  std::optional<double> Field(size_t k, const char* key, bool required) const {
    const nlohmann::json& record = stats_.root()[k];
    const std::string pointer = JsonPointerChild("", k);
    const nlohmann::json* value = stats_.Member(record, pointer, key, required, diagnostics_);
    if (value == nullptr) return std::nullopt;
    return stats_.FiniteNumber(*value, JsonPointerChild(pointer, key), diagnostics_);
  }

  void AddScore(size_t k, const std::string& metric) {
    const std::string pointer = JsonPointerChild("", k);
    const std::optional<double> count = Field(k, "count", true);
    if (!count) return;
    if (*count == 0) {
      stats_.Warning(pointer, metric, fmt::format("{} has no value (count 0): skipped", metric),
                     diagnostics_);
      return;
    }
    const std::optional<double> mean = Field(k, "mean", true);
    if (!mean) return;
    ImportedScore score;
    score.model = model_;
    score.benchmark = spec_.benchmark;
    score.metric = metric;
    score.value = *mean;
    score.field = JsonPointerChild(pointer, "mean");
    score.value_text = stats_.NumberText(score.field);
    score.line = stats_.LocationOf(score.field).line;
    score.setting = (spec_.shots.empty() ? "" : spec_.shots + ", ") + "split=" + split_;
    score.n = Instances();
    const std::optional<double> variance =
        stats_.root()[k].contains("variance") ? Field(k, "variance", false) : std::nullopt;
    if (variance && *count >= 2 && *variance >= 0) {
      score.stderr_ = std::sqrt(*variance / *count);
      score.notes = fmt::format(
          "stderr computed as sqrt(variance / count) over {} train trials (not in the file)",
          *count);
    }
    out_->scores.push_back(std::move(score));
  }

  // The mean of the split's num_instances stat, when a positive integer.
  std::optional<long long> Instances() const {
    auto it = instances_.find(split_);
    if (it == instances_.end()) return std::nullopt;
    auto mean = stats_.root()[it->second].find("mean");
    if (mean == stats_.root()[it->second].end() || !mean->is_number()) return std::nullopt;
    const double n = mean->get<double>();
    if (!(n >= 1 && n < 1e15) || n != std::floor(n)) return std::nullopt;
    return static_cast<long long>(n);
  }

  const LocatedJson& stats_;
  const RunSpec& spec_;
  const std::string& model_;
  ImportedResults* out_;
  Diagnostics* diagnostics_;
  std::string split_;
  std::map<std::string, size_t> instances_;  // split -> index of num_instances
};

// Per instance (first-appearance order) and metric: the sum and number of
// trial values, for the items.
struct InstanceSums {
  std::vector<std::string> order;
  std::set<std::string> seen;
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> sums;
};

void ReadInstance(const LocatedJson& doc, size_t k, const std::set<std::string>& metrics,
                  const std::string& split, InstanceSums* sums, Diagnostics* diagnostics) {
  const std::string pointer = JsonPointerChild("", k);
  const nlohmann::json& entry = doc.root()[k];
  if (!doc.IsObject(entry, pointer, "an instance's stats", diagnostics)) return;
  const nlohmann::json* id = doc.Member(entry, pointer, "instance_id", true, diagnostics);
  const nlohmann::json* stats = doc.Member(entry, pointer, "stats", true, diagnostics);
  if (id == nullptr || stats == nullptr) return;
  if (!id->is_string()) {
    doc.Error(pointer + "/instance_id", "",
              "instance_id must be a string, found " + DescribeJson(*id), diagnostics);
    return;
  }
  if (!doc.IsArray(*stats, pointer + "/stats", "'stats'", diagnostics)) return;
  const std::string instance = id->get<std::string>();
  for (size_t s = 0; s < stats->size(); ++s) {
    const std::string stat_pointer = JsonPointerChild(pointer + "/stats", s);
    std::optional<StatName> name = ReadStatName(doc, (*stats)[s], stat_pointer, diagnostics);
    if (!name || name->variant || name->split != split || metrics.count(name->metric) == 0)
      continue;
    const nlohmann::json* mean = doc.Member((*stats)[s], stat_pointer, "mean", true, diagnostics);
    if (mean == nullptr) continue;
    std::optional<double> value =
        doc.FiniteNumber(*mean, JsonPointerChild(stat_pointer, "mean"), diagnostics);
    if (!value) continue;
    auto [it, added] = sums->sums.try_emplace({name->metric, instance}, 0.0, 0);
    if (added && sums->seen.insert(instance).second) sums->order.push_back(instance);
    it->second.first += *value;
    it->second.second += 1;
  }
}

void ReadItems(const std::string& path, const std::string& shown, const std::string& split,
               ImportedResults* out, Diagnostics* diagnostics) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return;
  LocatedJson doc;
  if (!doc.Load(path, shown, diagnostics)) return;
  out->extra_files.push_back(shown);
  if (!doc.IsArray(doc.root(), "", "per_instance_stats.json", diagnostics)) return;
  std::set<std::string> metrics;
  for (const ImportedScore& score : out->scores) metrics.insert(score.metric);
  InstanceSums sums;
  for (size_t k = 0; k < doc.root().size(); ++k) {
    ReadInstance(doc, k, metrics, split, &sums, diagnostics);
  }
  for (const ImportedScore& score : out->scores) {
    for (const std::string& instance : sums.order) {
      auto it = sums.sums.find({score.metric, instance});
      if (it == sums.sums.end()) continue;
      out->items.push_back({score.model, score.benchmark, instance,
                            it->second.first / it->second.second, score.metric});
    }
  }
}

// Direction and scale, when every imported metric is an accuracy in [0, 1].
void AddFacts(ImportedResults* out) {
  if (out->scores.empty()) return;
  ImportedResults::BenchmarkFacts facts;
  facts.benchmark = out->scores[0].benchmark;
  bool accuracies = true;
  for (const ImportedScore& score : out->scores) {
    accuracies =
        accuracies && IsAccuracyMetric(score.metric) && score.value >= 0 && score.value <= 1;
  }
  if (accuracies) {
    facts.max = 1;
    facts.higher_is_better = true;
  }
  out->benchmarks.push_back(std::move(facts));
}

std::string ModelName(const RunSpec& spec, const std::string& argument, const std::string& shown,
                      Diagnostics* diagnostics) {
  if (!spec.model.empty() && !argument.empty() && spec.model != argument) {
    diagnostics->Warning(Location{shown}, "--model", argument,
                         fmt::format("the run names the model \"{}\"; that name is kept (map it "
                                     "to a registry model with an alias)",
                                     spec.model));
  }
  if (!spec.model.empty()) return spec.model;
  if (argument.empty()) {
    diagnostics->Error(Location{shown}, "--model", "",
                       "the run does not name the model (no adapter_spec.model): pass --model");
  }
  return argument;
}

}  // namespace

ImportedResults ImportHelm(const std::string& run_folder, const std::string& shown,
                           const std::string& model, Diagnostics* diagnostics) {
  ImportedResults results;
  results.path = JoinPath(shown, "stats.json");
  results.format = "helm";
  results.tool = "HELM";
  LocatedJson run_spec;
  const std::string run_spec_shown = JoinPath(shown, "run_spec.json");
  RunSpec spec;
  if (!run_spec.Load(JoinPath(run_folder, "run_spec.json"), run_spec_shown, diagnostics) ||
      !ReadRunSpec(run_spec, &spec, diagnostics)) {
    return results;
  }
  results.extra_files.push_back(run_spec_shown);
  const std::string model_name = ModelName(spec, model, run_spec_shown, diagnostics);
  LocatedJson stats;
  if (!stats.Load(JoinPath(run_folder, "stats.json"), results.path, diagnostics)) return results;
  const int errors_before = diagnostics->error_count();
  HelmReader reader(stats, spec, model_name, &results, diagnostics);
  reader.Read();
  if (results.scores.empty()) {
    if (diagnostics->error_count() == errors_before) {
      stats.Error("", "",
                  "no accuracy-type stat (exact_match, f1_score, ...) without "
                  "perturbation: nothing to import",
                  diagnostics);
    }
    return results;
  }
  AddFacts(&results);
  ReadItems(JoinPath(run_folder, "per_instance_stats.json"),
            JoinPath(shown, "per_instance_stats.json"), reader.split(), &results, diagnostics);
  return results;
}

}  // namespace podium
