// Fuzz target: the generic CSV table reader every CSV format goes through
// (engine/base/csv_table.h, ReadCsvTableFromText), asked for three
// required and two optional columns. Every row it hands on must have one
// field per requested column and point at a line of the input; the rows are
// then written as JSON (fields as strings) and checked with CheckReportJson.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/base/csv_table.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diagnostics;
  const CsvTable table = ReadCsvTableFromText(
      "table.csv", text, {{"model"}, {"benchmark"}, {"value"}, {"notes", false}, {"line", false}},
      &diagnostics);
  FormatDiagnostics(diagnostics);
  const int lines = 1 + static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const CsvRow& row : table.rows) {
    if (row.fields.size() != table.columns.size()) FuzzInvariantFailed("row of the wrong width");
    if (row.line < 1 || row.line > lines) FuzzInvariantFailed("row outside the input");
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (size_t k = 0; k < row.fields.size(); ++k) {
      const Location at = table.At(row, static_cast<int>(k));
      if (at.line < 0 || at.line > lines) FuzzInvariantFailed("field outside the input");
      fields.push_back(row.fields[k]);
    }
    rows.push_back({{"line", row.line}, {"fields", fields}});
  }
  if (!diagnostics.has_errors()) CheckReportJson(nlohmann::ordered_json{{"rows", rows}}.dump());
  return 0;
}
