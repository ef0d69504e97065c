// Reads a CSV file with named columns into rows of text, with locations.
//
// Records come from CsvStream (csv_stream.h: libcsv, RFC 4180 quoting with
// doubled quotes and line breaks inside quoted fields, fields trimmed of
// spaces and tabs, UTF-8 checked); columns are matched by header name in any
// order, and every field keeps the line and column where it starts.
//
// Every problem of a file is reported as a Diagnostic (path:line:col) and the
// reader goes on to the next line, so a user sees all problems at once.
#ifndef PODIUM_ENGINE_BASE_CSV_TABLE_H_
#define PODIUM_ENGINE_BASE_CSV_TABLE_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/csv_stream.h"
#include "engine/base/diagnostic.h"

namespace podium {

// A column the caller asks for.
struct CsvColumn {
  std::string name;      // header name, matched exactly
  bool required = true;  // a missing required column is an error
};

// One data row: fields in the order of the requested columns.
struct CsvRow {
  int line = 0;                     // 1-based line where the row starts
  std::vector<std::string> fields;  // "" for an absent optional column
  std::vector<int> columns;         // 1-based byte column of each field; 0 if absent
  std::vector<int> lines;           // line of each field (a quoted field before it
                                    // may span lines); 0 if absent
};

struct CsvTable {
  std::string path;
  std::vector<CsvColumn> columns;  // as requested
  std::vector<bool> present;       // per requested column: found in the header
  std::vector<CsvRow> rows;        // rows that parsed, in file order

  // The location of field `column` (an index into `columns`) of `row`.
  Location At(const CsvRow& row, int column) const;
};

// Where the header put each requested column: its field index in every row,
// or -1 when the header does not have it.
using CsvColumnIndex = std::vector<int>;

// What a streamed table hands on. `header` (may be empty) sees the mapping
// before any row and returns false to stop reading (a column the caller needs
// is missing); `row` gets every row with the header's number of fields.
struct CsvTableHandlers {
  std::function<bool(const CsvRecord& header, const CsvColumnIndex& index)> header;
  std::function<void(const CsvRecord& row, const CsvColumnIndex& index)> row;
};

// Streams `path` as a table without keeping it (memory does not grow with
// the file), with every check of ReadCsvTable below. `delimiter` is ',' for
// CSV, '\t' for TSV. Returns false when the file cannot be read (an error
// diagnostic says why).
bool StreamCsvTable(const std::string& path, const std::string& display_path,
                    const std::vector<CsvColumn>& columns, Diagnostics* diagnostics,
                    const CsvTableHandlers& handlers, char delimiter = ',');

// Reads `path` (shown in diagnostics as `display_path`, or `path` if empty).
// Unknown header columns give a warning and are ignored. Rows with the wrong
// number of fields, a malformed quote or invalid UTF-8 give an error and are
// skipped; a file without a header row is an error ("empty file"). Returns a
// table even when there are errors; callers check diagnostics->has_errors().
// REQUIRES: columns is not empty, distinct names.
CsvTable ReadCsvTable(const std::string& path, const std::vector<CsvColumn>& columns,
                      Diagnostics* diagnostics, const std::string& display_path = "");

// The same, reading from memory (used by tests and by readers that already
// hold the bytes, e.g. to hash them).
CsvTable ReadCsvTableFromText(const std::string& display_path, std::string_view text,
                              const std::vector<CsvColumn>& columns, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_CSV_TABLE_H_
