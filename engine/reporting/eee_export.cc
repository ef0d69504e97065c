#include "engine/reporting/eee_export.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/base/file_util.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// A number as JSON: nlohmann_json writes a double in the shortest form that
// reads back as the same double ("0.1", "35.0").
Json NumberJson(double value) { return value; }

Json SourceData(const Claim& claim, const Registry& registry, const std::string& name) {
  Json details = Json::object();
  const auto put = [&](const char* key, const std::string& value) {
    if (!value.empty()) details[key] = value;
  };
  put("benchmark_id", claim.benchmark);
  put("source", claim.source);
  if (const Source* source = registry.FindSource(claim.source)) {
    put("source_title", source->title);
    put("publisher", source->publisher);
    put("date", source->date);
  }
  if (claim.line > 0) put("line", std::to_string(claim.line));
  put("kind", ClaimKindName(claim.kind));
  put("model_as_written", claim.model_as_written);
  put("benchmark_as_written", claim.benchmark_as_written);
  return Json{{"dataset_name", name}, {"source_type", "other"}, {"additional_details", details}};
}

Json MetricConfig(const Claim& claim, const Benchmark* benchmark) {
  Json config = Json::object();
  if (!claim.metric.empty()) config["metric_name"] = claim.metric;
  if (!claim.unit.empty()) config["metric_unit"] = claim.unit;
  config["lower_is_better"] = benchmark != nullptr && !benchmark->higher_is_better;
  config["score_type"] = "continuous";
  config["min_score"] = nullptr;
  config["max_score"] =
      benchmark != nullptr && benchmark->max ? NumberJson(*benchmark->max) : Json(nullptr);
  Json details = Json::object();
  if (!claim.setting.empty()) details["setting"] = claim.setting;
  if (benchmark != nullptr && benchmark->chance) {
    details["chance"] = Json(*benchmark->chance).dump();
  }
  if (!details.empty()) config["additional_details"] = details;
  return config;
}

Json ScoreDetails(const Claim& claim) {
  Json score{{"score", NumberJson(claim.value)}};
  Json details = Json::object();
  if (!claim.value_text.empty()) details["value_text"] = claim.value_text;
  if (!claim.notes.empty()) details["notes"] = claim.notes;
  if (!details.empty()) score["details"] = details;
  Json uncertainty = Json::object();
  if (claim.stderr_) uncertainty["standard_error"] = Json{{"value", NumberJson(*claim.stderr_)}};
  if (claim.ci_low && claim.ci_high) {
    uncertainty["confidence_interval"] =
        Json{{"lower", NumberJson(*claim.ci_low)}, {"upper", NumberJson(*claim.ci_high)}};
  }
  if (claim.n) uncertainty["num_samples"] = *claim.n;
  if (!uncertainty.empty()) score["uncertainty"] = uncertainty;
  return score;
}

Json Result(const Claim& claim, const Registry& registry) {
  const Benchmark* benchmark = registry.FindBenchmark(claim.benchmark);
  const std::string name =
      benchmark != nullptr && !benchmark->name.empty() ? benchmark->name : claim.benchmark;
  return Json{{"evaluation_result_id", claim.id},
              {"evaluation_name", name},
              {"source_data", SourceData(claim, registry, name)},
              {"metric_config", MetricConfig(claim, benchmark)},
              {"score_details", ScoreDetails(claim)}};
}

Json Record(const std::string& model_id, const std::vector<const Claim*>& claims,
            const Registry& registry, const EeeExportOptions& options) {
  std::vector<std::string> publishers;
  Json results = Json::array();
  for (const Claim* claim : claims) {
    const Source* source = registry.FindSource(claim->source);
    if (source != nullptr && !source->publisher.empty() &&
        std::find(publishers.begin(), publishers.end(), source->publisher) == publishers.end()) {
      publishers.push_back(source->publisher);
    }
    results.push_back(Result(*claim, registry));
  }
  std::string organizations;
  for (const std::string& p : publishers) organizations += (organizations.empty() ? "" : "; ") + p;
  const Model* model = registry.FindModel(model_id);
  Json info{{"name", model != nullptr && !model->name.empty() ? model->name : model_id},
            {"id", model_id}};
  if (model != nullptr && !model->organization.empty()) info["developer"] = model->organization;
  info["additional_details"] = {{"deployment_type", "unknown"}, {"model_availability", "unknown"}};
  return Json{{"schema_version", "0.3.0"},
              {"evaluation_id", "podium/" + model_id + "/" + options.retrieved_timestamp},
              {"retrieved_timestamp", options.retrieved_timestamp},
              {"source_metadata",
               {{"source_name", "podium claims"},
                {"source_type", "documentation"},
                {"source_organization_name", organizations.empty() ? "unknown" : organizations},
                {"evaluator_relationship", "other"}}},
              {"model_info", info},
              {"eval_library",
               {{"name", "unknown"},
                {"version", "unknown"},
                {"additional_details", {{"exported_by", "podium"}}}}},
              {"evaluation_results", results}};
}

std::string FileNameOf(const std::string& model_id) {
  std::string name = model_id;
  for (char& c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '_' || c == '-';
    if (!plain) c = '_';
  }
  if (name.empty() || name == "." || name == "..") name = "_" + name;
  return name;
}

}  // namespace

std::vector<Json> EeeRecords(const std::vector<Claim>& claims, const Registry& registry,
                             const EeeExportOptions& options) {
  std::map<std::string, std::vector<const Claim*>> by_model;
  std::vector<std::string> order;  // registry order, then unknown models in claims order
  for (const Claim& claim : claims) by_model[claim.model].push_back(&claim);
  for (const Model& model : registry.models()) {
    if (by_model.count(model.id) != 0) order.push_back(model.id);
  }
  for (const Claim& claim : claims) {
    if (registry.FindModel(claim.model) == nullptr &&
        std::find(order.begin(), order.end(), claim.model) == order.end()) {
      order.push_back(claim.model);
    }
  }
  std::vector<Json> records;
  for (const std::string& id : order)
    records.push_back(Record(id, by_model[id], registry, options));
  return records;
}

std::vector<std::pair<std::string, std::string>> EeeOutputs(const std::vector<Json>& records,
                                                            const std::string& out) {
  if (out.ends_with(".jsonl")) {
    std::string text;
    for (const Json& record : records) text += record.dump() + "\n";
    return {{out, text}};
  }
  if (out.ends_with(".json")) return {{out, Json(records).dump(2) + "\n"}};
  std::vector<std::pair<std::string, std::string>> files;
  std::set<std::string> used;
  for (const Json& record : records) {
    const std::string base = FileNameOf(record["model_info"]["id"].get<std::string>());
    std::string name = base;
    for (int k = 2; !used.insert(name).second; ++k) name = base + "-" + std::to_string(k);
    files.emplace_back(JoinPath(out, name + ".json"), record.dump(2) + "\n");
  }
  return files;
}

}  // namespace podium
