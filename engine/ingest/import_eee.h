// `podium import eee FILE`: Every Eval Ever records
// (github.com/evaleval/every_eval_ever, schemas/eval.schema.json, version
// 0.3.0): one record is one model's results on one or more evaluations, as
// a leaderboard or an evaluation run published them.
//
// A file holds one record (a JSON object, the form the project stores), a
// JSON array of records, or, when its name ends in ".jsonl", one record per
// line. Only the fields below are read: a record that lacks others the
// schema requires (eval_library, model_info.additional_details, as in the
// schema 0.2.0 records) is still read.
//
// Mapping, field by field (ImportedScore; one per evaluation_results[] entry):
//   model       model_info.id ("TencentARC/LLaMA-Pro-8B-Instruct"), else
//               model_info.name, else the `model` argument (--model); none
//               is an error for that record.
//   benchmark   evaluation_results[k].evaluation_name as written ("IFEval").
//   metric      metric_config.metric_id, else metric_config.metric_name,
//               else empty.
//   setting     metric_config.additional_details.setting when present (what
//               `podium export eee` writes there), else empty.
//   value       score_details.score; value_text its token as written.
//   stderr_     score_details.uncertainty.standard_error.value; stderr_field
//               its pointer.
//   n           score_details.uncertainty.num_samples.
//   ci_low/high score_details.uncertainty.confidence_interval.lower/upper;
//               a confidence_level other than 0.95 goes into notes
//               ("confidence level 0.9").
//   line, field the line of score_details.score and its JSON Pointer in the
//               file ("/evaluation_results/0/score_details/score"; in an
//               array "/2/evaluation_results/0/..."; in JSON Lines the
//               pointer within the record and the line of the file).
//   notes       the confidence level, and "std=<v>" for
//               uncertainty.standard_deviation.
//
// ImportedResults: path = `shown`, format = "eee", tool = eval_library.name
// and .version ("lm_eval 0.4.2"; a version "unknown" left out), else
// source_metadata.source_name ("HF Open LLM v2"), of the first record. One
// BenchmarkFacts per evaluation_name: higher_is_better = !lower_is_better,
// max = max_score and min = min_score when they are numbers ("Infinity",
// "-Infinity" and null are no bound), n_items = source_data.samples_number.
// When records disagree on these, the first is kept and the others warned.
// No items: instance-level results (detailed_evaluation_results) are files
// of their own and are not read.
//
// Errors, located path:line:col: unreadable file, invalid or too deeply
// nested JSON (per line for JSON Lines), a record that is not an object, no
// evaluation_results list, an entry without evaluation_name or without a
// numeric score_details.score (that entry is skipped). Never a crash.
#ifndef PODIUM_ENGINE_INGEST_IMPORT_EEE_H_
#define PODIUM_ENGINE_INGEST_IMPORT_EEE_H_

#include <string>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

// Reads the Every Eval Ever file at `path` (named `shown` in diagnostics and
// in the result); `model` is --model (may be empty), used for records that
// name no model.
ImportedResults ImportEee(const std::string& path, const std::string& shown,
                          const std::string& model, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORT_EEE_H_
