// Reads one run folder of Stanford CRFM's HELM (helm-run writes
// benchmark_output/runs/SUITE/RUN/; https://github.com/stanford-crfm/helm)
// into ImportedResults (imported_results.h).
//
// Files of the folder:
//   run_spec.json            {"name": "mmlu:subject=philosophy,method=
//                            multiple_choice_joint,model=openai_gpt2",
//                            "adapter_spec": {"model": "openai/gpt2",
//                            "max_train_instances": 5, ...}, "metric_specs":
//                            [{"args": {"names": ["exact_match", ...]}}]}
//   stats.json               [{"name": {"name": "exact_match", "split":
//                            "test", "sub_split"?, "perturbation"?}, "count":
//                            1, "sum", "sum_squared", "min", "max", "mean",
//                            "variance", "stddev"}, ...]
//   per_instance_stats.json  [{"instance_id": "id147", "train_trial_index":
//                            0, "stats": [same records, one instance]}, ...]
//                            (optional)
//
// Which stats are scores: the accuracy-type metrics (exact_match,
// quasi_exact_match, prefix_exact_match, quasi_prefix_exact_match,
// exact_match_indicator, final_number_exact_match, exact_set_match,
// f1_score, f1_set_match, iou_set_match, rouge_1, rouge_2, rouge_l, bleu_1,
// bleu_4, math_equiv, math_equiv_chain_of_thought, equivalent,
// equivalent_cot, chain_of_thought_correctness, ifeval_strict_accuracy) and
// the names the run's metric_specs list, on split "test" (else the only
// split there is), without perturbation and without sub_split: the other
// stats are costs, token counts, calibration and robustness variants.
//
// Mapping, one ImportedScore per such stat:
//   benchmark  the run's name without its model= and model_deployment=
//              arguments ("mmlu:subject=philosophy,method=
//              multiple_choice_joint"): it is how HELM itself names the run
//              in its run listings and summaries, and it keeps what
//              distinguishes runs (scenario arguments, adaptation method),
//              while the model is the model column. The registry maps it to
//              a benchmark with an alias.
//   model      adapter_spec/model ("openai/gpt2"), else the `model` argument
//   metric     name/name ("exact_match")
//   value      mean; value_text as written, line and field ("/16/mean") its
//              place in stats.json (ImportedResults::path is stats.json,
//              where the numbers are)
//   setting    "N-shot, split=S" (N = adapter_spec/max_train_instances,
//              left out when absent)
//   n          the mean of the num_instances stat of that split (the
//              instances evaluated); stats.json's count is the number of
//              train trials, each contributing one mean, not of items
//   stderr_    sqrt(variance / count) when count >= 2: the standard error
//              over train trials, computed here, so stderr_field stays empty
//              and notes says so; unset for one trial (variance 0 says
//              nothing of sampling error)
// ImportedResults::benchmarks: higher_is_better = true and max = 1 when
// every imported metric is of the list above with values in [0, 1].
// Items: per instance_id of per_instance_stats.json, the same stat's mean
// averaged over train trials (one list per metric, in file order).
// extra_files: run_spec.json, and per_instance_stats.json when present.
//
// Errors (path:line:col; the files are untrusted): a file that cannot be
// read (per_instance_stats.json may be absent), is nested too deep or is not
// JSON; a missing or mistyped key the mapping needs (run_spec name, a stat's
// name/name, mean, count); a non-finite mean; several splits none of which
// is "test"; no model (pass --model); no score (nothing to import).
#ifndef PODIUM_ENGINE_INGEST_IMPORT_HELM_H_
#define PODIUM_ENGINE_INGEST_IMPORT_HELM_H_

#include <string>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

// Reads the run folder `run_folder`, named `shown` in diagnostics (its files
// as `shown`/stats.json...). `model` (--model; may be empty) names the model
// only when run_spec.json does not; when both do and differ, a warning says
// that the file's name is kept. What was read before an error is still
// returned: callers check diagnostics->has_errors().
ImportedResults ImportHelm(const std::string& run_folder, const std::string& shown,
                           const std::string& model, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORT_HELM_H_
