// What an importer reads out of a file an evaluation tool wrote (`podium
// import FORMAT FILE...`): the scores it holds, each with the exact place it
// was read from, and per-item results where the tool kept them.
//
// Importers only read: they name models and benchmarks as the file does and
// leave ids, the registry and the claims files to the dataset writer
// (engine/ingest/dataset_writer.h). Every value keeps its text exactly as
// written in the file, so that the audit can find it there again.
#ifndef PODIUM_ENGINE_INGEST_IMPORTED_RESULTS_H_
#define PODIUM_ENGINE_INGEST_IMPORTED_RESULTS_H_

#include <optional>
#include <string>
#include <vector>

namespace podium {

// One number read from a file.
struct ImportedScore {
  std::string model;      // the model as the file names it ("EleutherAI/pythia-160m")
  // When several rows of one file name the same model (a wide table with a
  // row per precision), `model` is made distinct ("X #2") and this keeps the
  // name as written; empty otherwise.
  std::string model_as_written;
  std::string benchmark;  // the task as the file names it ("mmlu_philosophy", "IFEval")
  double value = 0;       // the number, parsed
  std::string value_text; // the number exactly as written in the file ("0.4563")
  std::string metric;     // "acc", "acc_norm", "exact_match", "accuracy"...; may be empty
  std::string setting;    // "5-shot", "filter=strict-match"...; may be empty
  std::optional<double> stderr_;  // the file's standard error, same scale as value
  std::optional<long long> n;     // the number of items (samples) behind the value
  std::optional<double> ci_low;   // a published interval, same scale as value
  std::optional<double> ci_high;
  int line = 0;           // 1-based line of the file where the value is written
  // Where on that line: for a CSV/TSV file the column's header; for a JSON
  // file the RFC 6901 JSON Pointer of the value ("/results/arc_easy/acc,none").
  std::string field;
  std::string stderr_field;  // the same for the standard error; empty when none
  std::string notes;         // anything a reader of the claim should know
};

// One per-item (per-question) result.
struct ImportedItem {
  std::string model;
  std::string benchmark;  // as in the ImportedScore it belongs to
  std::string item;       // the item id as the file gives it (doc_id, sample id)
  double score = 0;       // typically 0 or 1
  // The metric of that ImportedScore ("exact_match,none"; an Inspect
  // scorer's "choice/accuracy"): a benchmark scored several ways has one
  // list of items per metric. May be empty.
  std::string metric;
};

// Everything one importer read from one input (a file, or a folder for HELM).
struct ImportedResults {
  std::string path;    // the file the scores cite (as given by the user)
  std::string format;  // "wide", "lm-eval", "inspect", "helm", "eee"
  std::string tool;    // the tool that wrote it, with its version when known
  std::vector<ImportedScore> scores;
  std::vector<ImportedItem> items;
  // Other files read for this input (samples_*.jsonl, per_instance_stats.json).
  std::vector<std::string> extra_files;
  // Per benchmark as the file names it: what the file says of its scale and
  // direction, when it says it (unset = the command line's or the default).
  struct BenchmarkFacts {
    std::string benchmark;
    std::optional<double> max;
    std::optional<double> min;  // the lowest possible score (not chance)
    std::optional<bool> higher_is_better;
    std::optional<long long> n_items;
  };
  std::vector<BenchmarkFacts> benchmarks;
};

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORTED_RESULTS_H_
