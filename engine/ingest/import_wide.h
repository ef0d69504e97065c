// `podium import wide`: a score table with one row per model and one column
// per benchmark (a leaderboard exported as CSV, a spreadsheet saved as TSV).
//
// Mapping, for each row and each benchmark column:
//   model       the row's model column as written (--model-column; default
//               the column named "model", else the first column)
//   benchmark   the column's header as written
//   value_text  the cell exactly as written; value = the cell parsed
//   line        the line the cell is on; field = the column's header
// An empty cell is a missing result (no score). Which columns are
// benchmarks: those named in `benchmark_columns`, else every column (but the
// model column) whose non-empty cells are all finite numbers and which has
// at least one. A named column that is not in the header, or a cell of a
// named column that is neither empty nor a number, is an error at its place.
//
// Rows that name the same model (the Open LLM Leaderboard lists a model once
// per precision) are kept apart: the second is imported as "X #2" with
// `model_as_written` "X", and a warning names the rows.
#ifndef PODIUM_ENGINE_INGEST_IMPORT_WIDE_H_
#define PODIUM_ENGINE_INGEST_IMPORT_WIDE_H_

#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

struct WideImportOptions {
  std::string model_column;                    // empty: "model", else the first column
  std::vector<std::string> benchmark_columns;  // empty: every numeric column
  char delimiter = 0;                          // 0: '\t' for *.tsv, else ','
};

ImportedResults ImportWide(const std::string& path, const std::string& shown,
                           const WideImportOptions& options, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORT_WIDE_H_
