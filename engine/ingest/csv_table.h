// Reads a CSV file with named columns into rows of text, with locations.
//
// Parsing is done by the Fast C++ CSV Parser (libfccp): RFC 4180 quoting with
// doubled quotes, fields trimmed of spaces and tabs, columns matched by header
// name in any order. Its limits are ours, and are documented in
// docs/formats.md: no line break inside a quoted field, lines up to 16 MiB.
// What the library does not give, and diagnostics need, is where each field
// starts; LocateCsvFields() finds that from the raw line, for messages only.
//
// Every problem of a file is reported as a Diagnostic (path:line:col) and the
// reader goes on to the next line, so a user sees all problems at once.
#ifndef PODIUM_ENGINE_INGEST_CSV_TABLE_H_
#define PODIUM_ENGINE_INGEST_CSV_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

// A column the caller asks for.
struct CsvColumn {
  std::string name;      // header name, matched exactly
  bool required = true;  // a missing required column is an error
};

// One data row: fields in the order of the requested columns.
struct CsvRow {
  int line = 0;                     // 1-based line in the file
  std::vector<std::string> fields;  // "" for an absent optional column
  std::vector<int> columns;         // 1-based byte column of each field; 0 if absent
};

struct CsvTable {
  std::string path;
  std::vector<CsvColumn> columns;  // as requested
  std::vector<bool> present;       // per requested column: found in the header
  std::vector<CsvRow> rows;        // rows that parsed, in file order

  // The location of field `column` (an index into `columns`) of `row`.
  Location At(const CsvRow& row, int column) const;
};

// Maximum number of columns a table may request (a libfccp template argument).
inline constexpr int kMaxCsvColumns = 24;

// Reads `path` (shown in diagnostics as `display_path`, or `path` if empty).
// Unknown header columns give a warning and are ignored. Rows with the wrong
// number of fields or an unclosed quote give an error and are skipped. Returns
// a table even when there are errors; callers check diagnostics->has_errors().
// REQUIRES: 1 <= columns.size() <= kMaxCsvColumns, distinct names.
CsvTable ReadCsvTable(const std::string& path, const std::vector<CsvColumn>& columns,
                      Diagnostics* diagnostics, const std::string& display_path = "");

// The same, reading from memory (used by tests and by readers that already
// hold the bytes, e.g. to hash them).
CsvTable ReadCsvTableFromText(const std::string& display_path, std::string_view text,
                              const std::vector<CsvColumn>& columns, Diagnostics* diagnostics);

// The 0-based byte offsets at which the fields of one CSV line start, honouring
// double-quoted fields. For locating fields in diagnostics; not a parser.
std::vector<int> LocateCsvFields(std::string_view line);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_CSV_TABLE_H_
