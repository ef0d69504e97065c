// `podium export eee`: podium's claims as Every Eval Ever records
// (github.com/evaleval/every_eval_ever, schemas/eval.schema.json 0.3.0), the
// inverse of ImportEee (engine/ingest/import_eee.h): importing what this
// writes gives back every claim's model, benchmark, value, metric, setting,
// stderr, n and interval, as the same doubles.
//
// One record per model (a record is one model's results, and the project
// stores one record per file), in registry order; its evaluation_results are
// that model's claims in claims order. Field by field:
//   schema_version        "0.3.0"
//   evaluation_id         "podium/<model id>/<retrieved_timestamp>"
//   retrieved_timestamp   EeeExportOptions::retrieved_timestamp
//   source_metadata       source_name "podium claims", source_type
//                         "documentation" (claims are numbers published in
//                         documents), source_organization_name: the claims'
//                         publishers (registry sources), "; "-joined in first
//                         use order ("unknown" when none is named),
//                         evaluator_relationship "other"
//   model_info            name = Model::name, id = Model::id, developer =
//                         Model::organization (when set), additional_details
//                         deployment_type and model_availability "unknown"
//   eval_library          name and version "unknown" (the documents do not
//                         say), additional_details.exported_by "podium"
//   per claim, evaluation_results[k]:
//     evaluation_result_id  Claim::id
//     evaluation_name       Benchmark::name (the id when the registry has none)
//     source_data           dataset_name = the same; source_type "other";
//                           additional_details (strings): benchmark_id,
//                           source, source_title, publisher, date, line,
//                           kind, model_as_written, benchmark_as_written
//     metric_config         lower_is_better = !Benchmark::higher_is_better,
//                           score_type "continuous", min_score null (podium
//                           knows chance, not the lowest score), max_score =
//                           Benchmark::max or null, metric_name = Claim::metric
//                           and metric_unit = Claim::unit when set,
//                           additional_details setting = Claim::setting and
//                           chance = Benchmark::chance when set
//     score_details         score = Claim::value (shortest text that reads
//                           back as the same double); details value_text
//                           and notes; uncertainty when any is known:
//                           standard_error.value = stderr_, num_samples = n,
//                           confidence_interval lower/upper = ci_low/ci_high
//                           (no confidence_level: claims do not record it)
#ifndef PODIUM_ENGINE_REPORTING_EEE_EXPORT_H_
#define PODIUM_ENGINE_REPORTING_EEE_EXPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

struct EeeExportOptions {
  // When the records were made, Unix epoch seconds as text (the schema's
  // convention, "1770682486"); the command passes the current time.
  std::string retrieved_timestamp = "0";
};

// The records, one per model with claims, in registry order. Claims whose
// model or benchmark is not in `registry` are written with their ids.
std::vector<nlohmann::ordered_json> EeeRecords(const std::vector<Claim>& claims,
                                               const Registry& registry,
                                               const EeeExportOptions& options);

// Where the records go, by the shape of `out`:
//   "x.json"   one file holding a JSON array of every record;
//   "x.jsonl"  one file, one record per line;
//   otherwise  a folder with one file per record, "<model id>.json" (bytes
//              outside [A-Za-z0-9._-] of the id replaced by "_", and a
//              "-2", "-3" suffix if two ids end up the same).
// Returns (path, text) pairs for the output writer; texts end in "\n".
std::vector<std::pair<std::string, std::string>> EeeOutputs(
    const std::vector<nlohmann::ordered_json>& records, const std::string& out);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_EEE_EXPORT_H_
