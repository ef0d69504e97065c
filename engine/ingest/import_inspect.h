// `podium import inspect LOG`: the scores and per-sample results of an
// Inspect AI evaluation log (https://inspect.aisi.org.uk/eval-logs.html), in
// either of Inspect's two forms:
//
//   - the .json form: one JSON document, the EvalLog with `version`,
//     `status`, `eval`, `plan`, `results`, `stats`, `samples`, `reductions`;
//   - the .eval form: a zip archive (told apart by its "PK" signature, not
//     its name) whose `header.json` is the EvalLog without samples and whose
//     `samples/<id>_epoch_<n>.json` members hold one sample each
//     (`summaries.json`, `reductions.json` and `_journal/` are not read).
//
// Mapping, field by field (ImportedScore; one per scorer and metric):
//   model       eval.model ("ollama/qwen2.5:0.5b"); when the log has none,
//               the `model` argument (--model); neither is an error.
//   benchmark   eval.task as written ("inspect_evals/arc_easy").
//   metric      "<scorer>/<metric>": results.scores[i].name and the key of
//               its `metrics` object ("choice/accuracy").
//   value       results.scores[i].metrics.<metric>.value; value_text is the
//               number's token as written ("0.3333333333333333"). A value
//               that is not a number (null) is a warning and no score.
//   setting     "reducer=<r>" when results.scores[i].reducer is set (logs
//               run with several epochs), else empty.
//   stderr_     the scorer's "stderr" (or "bootstrap_stderr") metric, on
//               each of that scorer's other metrics; stderr_field its place.
//               Inspect's "std" and "var" are the spread of the sample scores,
//               not a standard error: they are kept in `notes` ("std=0.47"),
//               never as stderr_ and never as scores of their own.
//   n           results.completed_samples, else results.total_samples.
//   line, field for the .json form: the line of the value and its JSON
//               Pointer ("/results/scores/0/metrics/accuracy/value"); for a
//               .eval archive the field is "<member>#<pointer>"
//               ("header.json#/results/scores/0/metrics/accuracy/value") and
//               the line is the line WITHIN that member, not of the archive.
//   notes       the log's status when it is not "success", and std/var.
//
// ImportedResults: path = `shown`, format = "inspect", tool = "inspect_ai"
// plus eval.packages.inspect_ai when given ("inspect_ai 0.3.138"); one
// BenchmarkFacts for the task: higher_is_better = true, max = 1 and min = 0
// when every metric of the log is "accuracy" (a mean of 0/1 sample scores),
// n_items = eval.dataset.samples (the size of the whole dataset, which a
// `--limit` run does not cover).
//
// Items (ImportedItem; one per sample and scorer): item = the sample's id as
// written (a number as its JSON token), plus "#<epoch>" when the log has
// more than one epoch (eval.config.epochs > 1, or a sample's epoch > 1);
// metric = the scorer's name; score = InspectScoreValue of
// samples[j].scores.<scorer>.value. A value it cannot convert is a warning
// at its place and no item (Inspect itself would count it as 0 after a
// warning; a made-up 0 is not imported).
//
// Errors, located path:line:col (for a .eval archive the line and column
// are within the member, which the diagnostic's field names:
// "x.eval:2:9: error: field 'header.json': invalid JSON: ..."): unreadable
// file, a .json log over 512 MiB, invalid or too deeply nested JSON, a
// broken zip, a member over kMaxZipMemberBytes, no header.json (an
// evaluation still running has only _journal/), no `eval`, no task, no
// model, no `results` (a log whose status is "error" or "cancelled" may have
// none). Never a crash. Python's NaN, which Inspect may write for a metric of
// one sample, is not JSON: such a log is refused with a hint, not read.
#ifndef PODIUM_ENGINE_INGEST_IMPORT_INSPECT_H_
#define PODIUM_ENGINE_INGEST_IMPORT_INSPECT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

// Reads the Inspect log at `path` (named `shown` in diagnostics and in the
// result's path); `model` is --model (may be empty). Problems go to
// `diagnostics`; what could be read is returned (scores empty on errors that
// stop the read).
ImportedResults ImportInspect(const std::string& path, const std::string& shown,
                              const std::string& model, Diagnostics* diagnostics);

// A sample's score value as a number, as Inspect's value_to_float does
// (inspect_ai/scorer/_metric.py): "C" -> 1, "P" -> 0.5, "I" and "N" -> 0,
// true/false -> 1/0, numbers as they are; other strings, lowercased: "yes",
// "true" -> 1, "no", "false" -> 0, a number's text -> that number. nullopt for
// anything else (null, a list, an object, other text).
std::optional<double> InspectScoreValue(const nlohmann::json& value);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORT_INSPECT_H_
