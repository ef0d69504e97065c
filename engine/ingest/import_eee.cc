#include "engine/ingest/import_eee.h"

#include <fmt/format.h>

#include <filesystem>
#include <new>
#include <optional>

#include "engine/base/file_util.h"
#include "engine/base/json_positions.h"
#include "engine/base/text_position.h"
#include "engine/ingest/import_json.h"

namespace podium {
namespace {

using Json = nlohmann::json;

// Largest file read (as the Inspect reader: 512 MiB).
constexpr uintmax_t kMaxEeeBytes = uintmax_t{512} << 20;

const Json* Child(const Json* object, const char* key) {
  if (object == nullptr || !object->is_object()) return nullptr;
  const auto it = object->find(key);
  return it == object->end() ? nullptr : &*it;
}

std::optional<double> Number(const Json* value) {
  if (value == nullptr || !value->is_number()) return std::nullopt;
  return value->get<double>();
}

class EeeReader {
 public:
  EeeReader(const std::string& shown, const std::string& model, Diagnostics* diagnostics,
            ImportedResults* result)
      : shown_(shown), model_(model), diagnostics_(diagnostics), result_(result) {}

  // The record at `pointer` of `json`.
  void ReadRecord(const ParsedJson& json, const std::string& pointer);

 private:
  void Error(const ParsedJson& json, const std::string& pointer, std::string message) {
    diagnostics_->Error(Location{shown_, json.Line(pointer), 0}, pointer, "", std::move(message));
  }
  void ReadResult(const ParsedJson& json, const Json& entry, const std::string& pointer,
                  const std::string& model);
  void AddFacts(const ParsedJson& json, const Json& entry, const std::string& pointer,
                const std::string& benchmark);

  const std::string& shown_;
  const std::string& model_;
  Diagnostics* diagnostics_;
  ImportedResults* result_;
  bool tool_set_ = false;
};

void EeeReader::ReadRecord(const ParsedJson& json, const std::string& pointer) {
  const Json& record = pointer.empty() ? json.doc : json.doc.at(Json::json_pointer(pointer));
  if (!record.is_object()) {
    Error(json, pointer, "expected an Every Eval Ever record (a JSON object)");
    return;
  }
  const Json* info = Child(&record, "model_info");
  std::string model = info == nullptr ? "" : JsonString(*info, "id");
  if (model.empty() && info != nullptr) model = JsonString(*info, "name");
  if (model.empty()) model = model_;
  if (model.empty()) {
    Error(json, pointer, "the record names no model (model_info.id or .name): give --model");
    return;
  }
  if (!tool_set_) {
    tool_set_ = true;
    const Json* library = Child(&record, "eval_library");
    std::string tool = library == nullptr ? "" : JsonString(*library, "name");
    const std::string version = library == nullptr ? "" : JsonString(*library, "version");
    if (!tool.empty() && !version.empty() && version != "unknown") tool += " " + version;
    const Json* source = Child(&record, "source_metadata");
    if (tool.empty() && source != nullptr) tool = JsonString(*source, "source_name");
    result_->tool = tool;
  }
  const Json* results = Child(&record, "evaluation_results");
  if (results == nullptr || !results->is_array()) {
    Error(json, pointer, "the record has no \"evaluation_results\" list");
    return;
  }
  for (size_t k = 0; k < results->size(); ++k) {
    ReadResult(json, (*results)[k],
               JsonPointerChild(JsonPointerChild(pointer, "evaluation_results"), k), model);
  }
}

void EeeReader::ReadResult(const ParsedJson& json, const Json& entry, const std::string& pointer,
                           const std::string& model) {
  const std::string benchmark = JsonString(entry, "evaluation_name");
  if (benchmark.empty()) {
    Error(json, pointer, "evaluation result without an \"evaluation_name\"; skipped");
    return;
  }
  const Json* details = Child(&entry, "score_details");
  const std::string at = pointer + "/score_details/score";
  const std::optional<double> value = Number(Child(details, "score"));
  if (!value) {
    Error(json, Child(details, "score") != nullptr ? at : pointer,
          fmt::format("evaluation result \"{}\" has no numeric score_details.score; skipped",
                      benchmark));
    return;
  }
  ImportedScore score;
  score.model = model;
  score.benchmark = benchmark;
  score.value = *value;
  score.value_text = json.NumberText(at);
  const Json* config = Child(&entry, "metric_config");
  score.metric = JsonString(config == nullptr ? Json() : *config, "metric_id");
  if (score.metric.empty() && config != nullptr) score.metric = JsonString(*config, "metric_name");
  const Json* extra = Child(config, "additional_details");
  if (extra != nullptr) score.setting = JsonString(*extra, "setting");
  const Json* uncertainty = Child(details, "uncertainty");
  score.stderr_ = Number(Child(Child(uncertainty, "standard_error"), "value"));
  if (score.stderr_)
    score.stderr_field = pointer + "/score_details/uncertainty/standard_error/value";
  const Json* n = Child(uncertainty, "num_samples");
  if (n != nullptr && n->is_number_integer()) score.n = n->get<long long>();
  const Json* interval = Child(uncertainty, "confidence_interval");
  score.ci_low = Number(Child(interval, "lower"));
  score.ci_high = Number(Child(interval, "upper"));
  const std::optional<double> level = Number(Child(interval, "confidence_level"));
  if (level && *level != 0.95) score.notes = fmt::format("confidence level {}", *level);
  const std::string sd = json.NumberText(pointer + "/score_details/uncertainty/standard_deviation");
  if (!sd.empty()) score.notes += (score.notes.empty() ? "std=" : "; std=") + sd;
  score.line = json.Line(at);
  score.field = at;
  result_->scores.push_back(std::move(score));
  AddFacts(json, entry, pointer, benchmark);
}

void EeeReader::AddFacts(const ParsedJson& json, const Json& entry, const std::string& pointer,
                         const std::string& benchmark) {
  ImportedResults::BenchmarkFacts facts;
  facts.benchmark = benchmark;
  const Json* config = Child(&entry, "metric_config");
  const Json* lower = Child(config, "lower_is_better");
  if (lower != nullptr && lower->is_boolean()) facts.higher_is_better = !lower->get<bool>();
  facts.max = Number(Child(config, "max_score"));
  facts.min = Number(Child(config, "min_score"));
  const Json* samples = Child(Child(&entry, "source_data"), "samples_number");
  if (samples != nullptr && samples->is_number_integer()) facts.n_items = samples->get<long long>();
  for (const ImportedResults::BenchmarkFacts& known : result_->benchmarks) {
    if (known.benchmark != benchmark) continue;
    if (known.higher_is_better != facts.higher_is_better || known.max != facts.max ||
        known.min != facts.min || known.n_items != facts.n_items) {
      diagnostics_->Warning(Location{shown_, json.Line(pointer), 0}, pointer, benchmark,
                            "this evaluation's metric_config or samples_number differs from an "
                            "earlier record's; the first is kept");
    }
    return;
  }
  result_->benchmarks.push_back(std::move(facts));
}

void ReadText(const std::string& text, bool json_lines, EeeReader* reader, const std::string& shown,
              Diagnostics* diagnostics) {
  if (json_lines) {
    const std::vector<std::string_view> lines = SplitLines(text);
    for (size_t k = 0; k < lines.size(); ++k) {
      if (lines[k].find_first_not_of(" \t\r") == std::string_view::npos) continue;
      std::optional<ParsedJson> json =
          ParseJsonText(lines[k], JsonOrigin{shown, "", static_cast<int>(k)}, diagnostics);
      if (json) reader->ReadRecord(*json, "");
    }
    return;
  }
  std::optional<ParsedJson> json = ParseJsonText(text, JsonOrigin{shown, ""}, diagnostics);
  if (!json) return;
  if (!json->doc.is_array()) {
    reader->ReadRecord(*json, "");
    return;
  }
  for (size_t k = 0; k < json->doc.size(); ++k) reader->ReadRecord(*json, JsonPointerChild("", k));
}

}  // namespace

ImportedResults ImportEee(const std::string& path, const std::string& shown,
                          const std::string& model, Diagnostics* diagnostics) {
  ImportedResults result;
  result.path = shown;
  result.format = "eee";
  EeeReader reader(shown, model, diagnostics, &result);
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > kMaxEeeBytes) {
    diagnostics->Error(Location{shown}, "", "",
                       fmt::format("file of {} bytes (at most {} are read)", size, kMaxEeeBytes));
    return result;
  }
  std::string error;
  const std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return result;
  }
  try {
    ReadText(*text, path.ends_with(".jsonl"), &reader, shown, diagnostics);
  } catch (const std::bad_alloc&) {
    diagnostics->Error(Location{shown}, "", "", "out of memory while reading the file");
  }
  return result;
}

}  // namespace podium
