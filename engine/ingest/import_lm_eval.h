// Reads the results file of EleutherAI's lm-evaluation-harness
// (`lm_eval --output_path`, https://github.com/EleutherAI/lm-evaluation-harness)
// into ImportedResults (imported_results.h), with the per-item results of
// the samples files written next to it (`--log_samples`).
//
// Two schemas are read, told apart by the keys of "results":
//   current (0.4+, results_<timestamp>.json): keys "metric,filter";
//     {"results": {"arc_easy": {"alias": "arc_easy", "acc,none": 0.7563,
//                               "acc_stderr,none": 0.0088, ...}},
//      "n-shot": {"arc_easy": 0}, "n-samples": {"arc_easy": {"original":
//      2376, "effective": 2376}}, "higher_is_better": {"arc_easy": {"acc":
//      true}}, "versions": {...}, "config": {"model_args": "pretrained=..."},
//      "model_name": "...", "git_hash": "1f84a09f", "lm_eval_version": "..."}
//   old (0.3): keys "metric", and "config": {"num_fewshot": 5, ...};
//     {"results": {"arc_easy": {"acc": 0.7563, "acc_stderr": 0.0088}}}
//
// Mapping, one ImportedScore per numeric "metric,filter" value of a task
// that is not a standard error:
//   benchmark    the task key of "results" as written ("mmlu_philosophy");
//                group entries (aggregates such as "mmlu") are imported too,
//                like any task: they are numbers the file publishes
//   metric       the key as written ("acc,none", "exact_match,strict-match";
//                old files: "acc")
//   value        the number; value_text its text as written; line and field
//                (JSON Pointer "/results/arc_easy/acc,none") where it is
//   stderr_      "metric_stderr,filter" (old: "metric_stderr") of the same
//                task, with stderr_field its pointer; "N/A" or a missing key
//                leaves it unset
//   setting      "N-shot" from n-shot/TASK (old: config/num_fewshot); empty
//                when the file does not say
//   n            n-samples/TASK/effective, else original (old: unset)
//   notes        "task version V" from versions/TASK when present
//   model        model_name, else "pretrained=NAME" of config/model_args (a
//                string "k=v,k=v" or an object), else the `model` argument
//   tool         "lm-evaluation-harness" + lm_eval_version + "(git HASH)"
// Per task, ImportedResults::benchmarks holds: n_items = n-samples/original;
// higher_is_better from higher_is_better/TASK/METRIC (the metric without its
// filter) when all the task's imported metrics agree; max = 1 when every
// imported metric of the task is a proportion (acc, acc_norm, exact_match,
// mc1, mc2, f1, em, and the IFEval accuracies) and every value lies in
// [0, 1]. The scores are in the order of their lines.
//
// Items: for a results file named results_<TS>.json, each file
// samples_<TASK>_<TS>.jsonl next to it (see ImportLmEvalSamples) is read and
// listed in extra_files.
//
// Errors (all path:line:col, never a crash; the file is untrusted): the file
// cannot be read, is nested too deep or is not JSON; "results" missing or
// not an object of objects; a "metric,filter" value that is not a finite
// number (Python's NaN and Infinity included); a stderr that is neither a
// number nor "N/A"; no model name anywhere (pass --model); no score at all
// (nothing to import). Other keys of a task ("alias", strings of old files)
// are not metrics and are skipped.
#ifndef PODIUM_ENGINE_INGEST_IMPORT_LM_EVAL_H_
#define PODIUM_ENGINE_INGEST_IMPORT_LM_EVAL_H_

#include <string>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

// Reads the results file `path`, named `shown` in diagnostics and in
// ImportedResults::path. `model` (--model; may be empty) names the model
// only when the file does not; when both do and differ, a warning says that
// the file's name is kept. Problems go to `diagnostics`; what was read
// before an error is still returned, so callers check has_errors().
ImportedResults ImportLmEval(const std::string& path, const std::string& shown,
                             const std::string& model, Diagnostics* diagnostics);

// Reads one samples file samples_<TASK>_<TS>.jsonl (one JSON object a line:
// "doc_id", "filter", and one key per metric, e.g. "exact_match": 1.0) into
// `into`: for each score of `into` whose benchmark is TASK and whose metric
// is "M,F" (old files: "M", filter taken as "none"), every line with
// filter F and a number (or boolean) M becomes an ImportedItem (item =
// doc_id as written, score = that number, metric = "M,F"). Lines whose M is
// not a number (metrics scored on the whole set, such as bleu, keep a pair)
// give no item. The file is added to into->extra_files. Errors: a file name
// not of that form, a line that is not a JSON object, a missing doc_id, a
// doc_id twice for one filter.
void ImportLmEvalSamples(const std::string& path, const std::string& shown, ImportedResults* into,
                         Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORT_LM_EVAL_H_
