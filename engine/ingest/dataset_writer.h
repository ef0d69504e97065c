// Writes what importers read (imported_results.h) into a dataset folder, in
// the formats every command reads (docs/formats.md):
//   DIR/registry/sources.csv     one source per imported file: id, the file's
//                                path relative to DIR ("./x.csv", "../r.json"),
//                                its SHA-256, the tool that wrote it
//   DIR/registry/models.csv      models not yet known (by id, name or alias)
//   DIR/registry/benchmarks.csv  benchmarks not yet known, with what the file
//                                or the command line says of scale and direction
//   DIR/claims/<source>.csv      one claim per score, kind `data`, citing the
//                                line and field (column or JSON Pointer) the
//                                number is at, so `podium audit` can check it
//   DIR/items/<source>.csv       per-item results, when the file has them
//
// Ids: a model or benchmark that the registry already names (id, name or
// alias, case-insensitively) keeps its id, so results of one model from
// several files meet in one row of the leaderboard. A new one gets an id made
// from its name (lowercase; letters, digits, '.', '_' and '-'); when two
// different names make the same id, the later one gets "-2", "-3"... and a
// warning says so; an import never fails on a name collision.
//
// Importing the same file again changes no byte: a source is known by its
// path, claims files are written whole from the file, and files whose bytes
// would not change are not written. A changed file keeps its source id and
// gets its new SHA-256. Nothing is written when any input has an error.
#ifndef PODIUM_ENGINE_INGEST_DATASET_WRITER_H_
#define PODIUM_ENGINE_INGEST_DATASET_WRITER_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

// What the command line says of a benchmark (--n-items, --chance, --max,
// --lower-is-better), keyed by the benchmark's id or its name as written.
struct BenchmarkSettings {
  std::optional<long long> n_items;
  std::optional<double> chance;
  std::optional<double> max;
  bool lower_is_better = false;
};

struct ImportSettings {
  // Benchmark as written (a column header, a task) -> the id to give it
  // (--benchmarks COLUMN=ID). An id the registry knows joins that benchmark.
  std::map<std::string, std::string> benchmark_ids;
  std::map<std::string, BenchmarkSettings> benchmarks;  // by id or name as written
  // The scale of every value unless a benchmark says otherwise (--scale):
  // written as the new benchmarks' `max` (100 for percentages, 1 for
  // proportions). Unset: what the file says, else nothing.
  std::optional<double> scale;
};

struct ImportSummary {
  int sources_added = 0;
  int sources_updated = 0;  // known path, new SHA-256
  int models_added = 0;
  int benchmarks_added = 0;
  int claims = 0;  // claims in the claims files written for the inputs
  int items = 0;
  std::vector<std::string> written;    // files written (changed or new), as shown
  std::vector<std::string> unchanged;  // files that already had these bytes
};

// Writes `inputs` into `directory` (shown as `shown`); creates the folder and
// its files when absent. On any error (diagnostics) nothing is written.
// Each input's `path` is opened to hash it.
ImportSummary WriteImport(const std::vector<ImportedResults>& inputs,
                          const ImportSettings& settings, const std::string& directory,
                          const std::string& shown, Diagnostics* diagnostics);

// A name made into an id: ASCII letters lowercased; letters, digits, '.',
// '_' and '-' kept; any other run of bytes becomes one '-'; trimmed of '-';
// "x" when nothing is left.
std::string IdFromName(std::string_view name);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_DATASET_WRITER_H_
