#include "engine/ingest/import_inspect.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <climits>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "engine/base/file_util.h"
#include "engine/base/json_positions.h"
#include "engine/base/zip_archive.h"
#include "engine/ingest/import_json.h"

namespace podium {
namespace {

using Json = nlohmann::json;

const Json* Child(const Json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

std::optional<long long> Integer(const Json* value) {
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer() && !value->is_number_unsigned()) return value->get<long long>();
  if (value->is_number_unsigned() && value->get<unsigned long long>() <= LLONG_MAX) {
    return static_cast<long long>(value->get<unsigned long long>());
  }
  return std::nullopt;
}

// At most 60 bytes of a value's JSON text, for a diagnostic.
std::string Shown(const Json& value) {
  std::string text = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

// One JSON text of the log: the .json file, or one member of a .eval archive.
struct LogPart {
  std::string member;  // "" for the .json form
  ParsedJson json;
  std::string Field(const std::string& pointer) const {
    return member.empty() ? pointer : member + "#" + pointer;
  }
};

// A problem met in a sample, located once the caller knows the lines.
struct SampleIssue {
  std::string pointer, text, message;
};

class InspectReader {
 public:
  InspectReader(const std::string& shown, const std::string& model, Diagnostics* diagnostics,
                ImportedResults* result)
      : shown_(shown), model_(model), diagnostics_(diagnostics), result_(result) {}

  // eval and results: the scores and the benchmark's facts. False when the
  // header is unusable (the samples are then not read).
  bool ReadHeader(const LogPart& header);

  // The sample at `pointer` of `part`: one raw item per scorer.
  std::vector<SampleIssue> ReadSample(const LogPart& part, const std::string& pointer);

  // Reports `issues` of `part` as warnings at their lines.
  void Report(const LogPart& part, const std::vector<SampleIssue>& issues) {
    for (const SampleIssue& issue : issues) {
      diagnostics_->Warning(Location{shown_, part.json.Line(issue.pointer), 0},
                            part.Field(issue.pointer), issue.text, issue.message);
    }
  }

  // Names the items (with "#epoch" when the log has several epochs).
  void Finish();

 private:
  void Error(const LogPart& part, const std::string& pointer, std::string message) {
    diagnostics_->Error(Location{shown_, part.json.Line(pointer), 0}, part.Field(pointer), "",
                        std::move(message));
  }
  void ReadScorer(const LogPart& part, const Json& score, const std::string& pointer,
                  std::optional<long long> n, const std::string& status);

  struct RawItem {
    std::string id;
    long long epoch = 1;
    std::string scorer;
    double score = 0;
  };

  const std::string& shown_;
  const std::string& model_;
  Diagnostics* diagnostics_;
  ImportedResults* result_;
  std::string task_, model_name_;
  long long epochs_ = 1;
  bool all_accuracy_ = true;
  std::vector<RawItem> raw_items_;
};

bool InspectReader::ReadHeader(const LogPart& header) {
  const Json& doc = header.json.doc;
  const Json* eval = Child(doc, "eval");
  if (eval == nullptr || !eval->is_object()) {
    Error(header, "", "not an Inspect eval log: no \"eval\" object");
    return false;
  }
  task_ = JsonString(*eval, "task");
  if (task_.empty()) Error(header, "/eval", "the log names no task (eval.task)");
  model_name_ = JsonString(*eval, "model");
  if (model_name_.empty()) model_name_ = model_;
  if (model_name_.empty())
    Error(header, "/eval", "the log names no model (eval.model): give --model");
  if (task_.empty() || model_name_.empty()) return false;
  const Json* packages = Child(*eval, "packages");
  const std::string version = packages == nullptr ? "" : JsonString(*packages, "inspect_ai");
  result_->tool = version.empty() ? "inspect_ai" : "inspect_ai " + version;
  if (const Json* config = Child(*eval, "config"))
    epochs_ = Integer(Child(*config, "epochs")).value_or(1);
  const std::string status = JsonString(doc, "status");
  const Json* results = Child(doc, "results");
  if (results == nullptr || !results->is_object()) {
    Error(header, "", fmt::format("the log has no results (status \"{}\")", status));
    return false;
  }
  std::optional<long long> n = Integer(Child(*results, "completed_samples"));
  if (!n) n = Integer(Child(*results, "total_samples"));
  const Json* scores = Child(*results, "scores");
  if (scores == nullptr || !scores->is_array()) {
    Error(header, "/results", "the log's results have no \"scores\" list");
    return false;
  }
  for (size_t i = 0; i < scores->size(); ++i) {
    ReadScorer(header, (*scores)[i], JsonPointerChild("/results/scores", i), n, status);
  }
  ImportedResults::BenchmarkFacts facts;
  facts.benchmark = task_;
  facts.higher_is_better = true;
  if (all_accuracy_ && !result_->scores.empty()) facts.max = 1, facts.min = 0;
  if (const Json* dataset = Child(*eval, "dataset"))
    facts.n_items = Integer(Child(*dataset, "samples"));
  result_->benchmarks.push_back(facts);
  return true;
}

void InspectReader::ReadScorer(const LogPart& part, const Json& score, const std::string& pointer,
                               std::optional<long long> n, const std::string& status) {
  std::string name = JsonString(score, "name");
  if (name.empty()) name = JsonString(score, "scorer");
  const Json* metrics = Child(score, "metrics");
  if (name.empty() || metrics == nullptr || !metrics->is_object()) {
    Error(part, pointer, "expected a scorer with a \"name\" and a \"metrics\" object");
    return;
  }
  const std::string metrics_pointer = pointer + "/metrics";
  const auto value_pointer = [&](const std::string& key) {
    return JsonPointerChild(JsonPointerChild(metrics_pointer, key), "value");
  };
  // The standard error first: it belongs to every other metric.
  std::optional<double> stderr_value;
  std::string stderr_field, notes;
  if (status != "success") notes = fmt::format("log status \"{}\"", status);
  for (const auto& [key, metric] : metrics->items()) {
    const Json* value = Child(metric, "value");
    if (value == nullptr || !value->is_number()) continue;
    const std::string text = part.json.NumberText(value_pointer(key));
    if (key == "stderr" || key == "bootstrap_stderr") {
      stderr_value = value->get<double>();
      stderr_field = part.Field(value_pointer(key));
    } else if (key == "std" || key == "var") {
      notes += fmt::format("{}{}={}", notes.empty() ? "" : "; ", key, text);
    }
  }
  const std::string reducer = JsonString(score, "reducer");
  for (const auto& [key, metric] : metrics->items()) {
    if (key == "stderr" || key == "bootstrap_stderr" || key == "std" || key == "var") continue;
    const std::string at = value_pointer(key);
    const Json* value = Child(metric, "value");
    if (value == nullptr || !value->is_number()) {
      diagnostics_->Warning(Location{shown_, part.json.Line(at), 0}, part.Field(at),
                            value == nullptr ? "" : Shown(*value),
                            "metric value is not a number; not imported");
      continue;
    }
    if (key != "accuracy") all_accuracy_ = false;
    ImportedScore imported;
    imported.model = model_name_;
    imported.benchmark = task_;
    imported.value = value->get<double>();
    imported.value_text = part.json.NumberText(at);
    imported.metric = name + "/" + key;
    if (!reducer.empty()) imported.setting = "reducer=" + reducer;
    imported.stderr_ = stderr_value;
    imported.stderr_field = stderr_field;
    imported.n = n;
    imported.line = part.json.Line(at);
    imported.field = part.Field(at);
    imported.notes = notes;
    result_->scores.push_back(std::move(imported));
  }
}

std::vector<SampleIssue> InspectReader::ReadSample(const LogPart& part,
                                                   const std::string& pointer) {
  std::vector<SampleIssue> issues;
  const Json& sample =
      pointer.empty() ? part.json.doc : part.json.doc.at(Json::json_pointer(pointer));
  const Json* id = Child(sample, "id");
  if (id == nullptr || !(id->is_string() || id->is_number_integer())) {
    issues.push_back({pointer, id == nullptr ? "" : Shown(*id),
                      "sample without a string or integer \"id\"; its scores are not imported"});
    return issues;
  }
  const std::string item = id->is_string() ? id->get<std::string>() : id->dump();
  const long long epoch = Integer(Child(sample, "epoch")).value_or(1);
  const Json* scores = Child(sample, "scores");
  if (scores == nullptr || !scores->is_object()) return issues;  // an unscored sample
  for (const auto& [scorer, score] : scores->items()) {
    const Json* value = Child(score, "value");
    std::optional<double> number = value == nullptr ? std::nullopt : InspectScoreValue(*value);
    if (!number) {
      issues.push_back({JsonPointerChild(JsonPointerChild(pointer + "/scores", scorer), "value"),
                        value == nullptr ? "" : Shown(*value),
                        fmt::format("sample {} score of \"{}\" is not C, I, P, N, a boolean or a "
                                    "number; not imported",
                                    item, scorer)});
      continue;
    }
    raw_items_.push_back({item, epoch, scorer, *number});
  }
  return issues;
}

void InspectReader::Finish() {
  const bool epochs = epochs_ > 1 || std::any_of(raw_items_.begin(), raw_items_.end(),
                                                 [](const RawItem& r) { return r.epoch > 1; });
  for (RawItem& raw : raw_items_) {
    ImportedItem item;
    item.model = model_name_;
    item.benchmark = task_;
    item.item = epochs ? fmt::format("{}#{}", raw.id, raw.epoch) : raw.id;
    item.score = raw.score;
    item.metric = raw.scorer;
    result_->items.push_back(std::move(item));
  }
}

void ReadJsonLog(const std::string& path, const std::string& shown, InspectReader* reader,
                 Diagnostics* diagnostics) {
  std::string error;
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  if (!size_error && size > static_cast<uintmax_t>(kMaxZipMemberBytes)) {
    diagnostics->Error(
        Location{shown}, "", "",
        fmt::format("file of {} bytes (at most {} are read)", size, kMaxZipMemberBytes));
    return;
  }
  const std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return;
  }
  LogPart log;
  std::optional<ParsedJson> json = ParseJsonText(*text, JsonOrigin{shown, ""}, diagnostics);
  if (!json) return;
  log.json = std::move(*json);
  if (!reader->ReadHeader(log)) return;
  const Json* samples = Child(log.json.doc, "samples");
  if (samples == nullptr || !samples->is_array()) return;  // a log written without samples
  for (size_t j = 0; j < samples->size(); ++j) {
    reader->Report(log, reader->ReadSample(log, JsonPointerChild("/samples", j)));
  }
}

void ReadEvalArchive(const std::string& path, const std::string& shown, InspectReader* reader,
                     Diagnostics* diagnostics) {
  std::string error;
  const std::unique_ptr<ZipArchive> zip = ZipArchive::Open(path, &error);
  if (zip == nullptr) {
    diagnostics->Error(Location{shown}, "", "", "cannot read the .eval archive: " + error);
    return;
  }
  if (!zip->Has("header.json")) {
    diagnostics->Error(Location{shown}, "", "",
                       zip->Has("_journal/start.json")
                           ? "the .eval log has no header.json: the evaluation has not finished"
                           : "not an Inspect .eval log: no header.json member");
    return;
  }
  const auto read_part = [&](const std::string& member, bool positions) -> std::optional<LogPart> {
    std::optional<std::string> text = zip->Read(member, &error);
    if (!text) {
      diagnostics->Error(Location{shown}, member, "", "cannot read the member: " + error);
      return std::nullopt;
    }
    std::optional<ParsedJson> json =
        ParseJsonText(*text, JsonOrigin{shown, member}, diagnostics, positions);
    if (!json) return std::nullopt;
    LogPart part{member, std::move(*json)};
    return part;
  };
  std::optional<LogPart> header = read_part("header.json", true);
  if (!header || !reader->ReadHeader(*header)) return;
  for (const std::string& name : zip->names()) {
    if (!name.starts_with("samples/") || !name.ends_with(".json")) continue;
    std::optional<LogPart> sample = read_part(name, false);
    if (!sample) continue;
    std::vector<SampleIssue> issues = reader->ReadSample(*sample, "");
    if (issues.empty()) continue;
    sample = read_part(name, true);  // the lines, for the warnings
    if (sample) reader->Report(*sample, issues);
  }
}

bool IsZip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[4] = {};
  in.read(magic, 4);
  return in.gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' &&
         ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6));
}

}  // namespace

std::optional<double> InspectScoreValue(const Json& value) {
  if (value.is_boolean()) return value.get<bool>() ? 1.0 : 0.0;
  if (value.is_number()) return value.get<double>();
  if (!value.is_string()) return std::nullopt;
  std::string text = value.get<std::string>();
  if (text == "C") return 1.0;
  if (text == "P") return 0.5;
  if (text == "I" || text == "N") return 0.0;
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text == "yes" || text == "true") return 1.0;
  if (text == "no" || text == "false") return 0.0;
  double number = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, number);
  if (ec == std::errc() && ptr == end && !text.empty() && std::isfinite(number)) return number;
  return std::nullopt;
}

ImportedResults ImportInspect(const std::string& path, const std::string& shown,
                              const std::string& model, Diagnostics* diagnostics) {
  ImportedResults result;
  result.path = shown;
  result.format = "inspect";
  result.tool = "inspect_ai";
  InspectReader reader(shown, model, diagnostics, &result);
  try {
    if (IsZip(path)) {
      ReadEvalArchive(path, shown, &reader, diagnostics);
    } else {
      ReadJsonLog(path, shown, &reader, diagnostics);
    }
    reader.Finish();
  } catch (const std::bad_alloc&) {
    diagnostics->Error(Location{shown}, "", "", "out of memory while reading the log");
  }
  return result;
}

}  // namespace podium
