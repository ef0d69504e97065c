#include "engine/ingest/import_wide.h"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "engine/base/csv_stream.h"
#include "engine/base/number.h"

namespace podium {
namespace {

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

struct Cell {
  std::string text;
  Location at;
};

struct Row {
  int line = 0;
  std::vector<Cell> cells;
};

// The model column's index in `header`, or -1 (with an error) when a named
// one is absent.
int ModelColumn(const std::vector<std::string>& header, const WideImportOptions& options,
                const Location& at, Diagnostics* diagnostics) {
  const std::string wanted = options.model_column.empty() ? "model" : options.model_column;
  for (size_t k = 0; k < header.size(); ++k) {
    if (header[k] == wanted) return static_cast<int>(k);
  }
  if (options.model_column.empty()) return 0;
  diagnostics->Error(
      at, "--model-column", wanted,
      fmt::format("no column \"{}\" in the header (columns: {})", wanted, fmt::join(header, ", ")));
  return -1;
}

bool IsNumberColumn(const std::vector<Row>& rows, size_t k) {
  bool any = false;
  for (const Row& row : rows) {
    const std::string& text = row.cells[k].text;
    if (text.empty()) continue;
    if (!ParseFiniteDouble(text)) return false;
    any = true;
  }
  return any;
}

}  // namespace

ImportedResults ImportWide(const std::string& path, const std::string& shown,
                           const WideImportOptions& options, Diagnostics* diagnostics) {
  ImportedResults out;
  out.path = shown;
  out.format = "wide";
  out.tool = "a score table";
  const char delimiter =
      options.delimiter != 0 ? options.delimiter : (EndsWith(path, ".tsv") ? '\t' : ',');
  std::vector<std::string> header;
  Location header_at{shown, 1, 1};
  std::vector<Row> rows;
  bool header_seen = false;
  const bool read = CsvStream::ReadFile(
      path, shown, diagnostics,
      [&](const CsvRecord& record) {
        if (!header_seen) {
          header_seen = true;
          header_at.line = record.line();
          for (size_t k = 0; k < record.size(); ++k) header.emplace_back(record.field(k));
          return;
        }
        if (record.size() != header.size()) {
          diagnostics->Error(
              Location{shown, record.line(), 1}, "", "",
              fmt::format("{} fields, the header has {}", record.size(), header.size()));
          return;
        }
        Row row;
        row.line = record.line();
        std::vector<Location> at = record.FieldLocations();
        for (size_t k = 0; k < record.size(); ++k) {
          row.cells.push_back({std::string(record.field(k)), at[k]});
        }
        rows.push_back(std::move(row));
      },
      delimiter);
  if (!read) return out;
  if (!header_seen) {
    diagnostics->Error(Location{shown, 1, 1}, "", "", "empty file: no header row");
    return out;
  }
  const int model_column = ModelColumn(header, options, header_at, diagnostics);
  if (model_column < 0) return out;

  std::vector<size_t> columns;
  if (options.benchmark_columns.empty()) {
    for (size_t k = 0; k < header.size(); ++k) {
      if (static_cast<int>(k) != model_column && IsNumberColumn(rows, k)) columns.push_back(k);
    }
    if (columns.empty()) {
      diagnostics->Error(header_at, "", "",
                         "no column (besides the model's) holds only numbers: name the "
                         "benchmark columns with --benchmarks");
    }
  } else {
    for (const std::string& name : options.benchmark_columns) {
      size_t k = 0;
      while (k < header.size() && header[k] != name) ++k;
      if (k == header.size()) {
        diagnostics->Error(header_at, "--benchmarks", name,
                           fmt::format("no column \"{}\" in the header", name));
      } else {
        columns.push_back(k);
      }
    }
  }

  std::map<std::string, std::vector<int>> lines_of_model;
  for (const Row& row : rows) {
    const Cell& name = row.cells[model_column];
    if (name.text.empty()) {
      diagnostics->Error(name.at, header[model_column], "", "the model's name is empty");
      continue;
    }
    std::vector<int>& seen = lines_of_model[name.text];
    seen.push_back(row.line);
    std::string model = name.text;
    std::string as_written;
    if (seen.size() > 1) {
      model = fmt::format("{} #{}", name.text, seen.size());
      as_written = name.text;
    }
    for (size_t k : columns) {
      const Cell& cell = row.cells[k];
      if (cell.text.empty()) continue;
      std::optional<double> value = ParseFiniteDouble(cell.text);
      if (!value) {
        diagnostics->Error(cell.at, header[k], cell.text,
                           fmt::format("\"{}\" is not a finite number", cell.text));
        continue;
      }
      ImportedScore score;
      score.model = model;
      score.model_as_written = as_written;
      score.benchmark = header[k];
      score.value = *value;
      score.value_text = cell.text;
      score.line = cell.at.line;
      score.field = header[k];
      out.scores.push_back(std::move(score));
    }
  }
  for (const auto& [name, lines] : lines_of_model) {
    if (lines.size() < 2) continue;
    diagnostics->Warning(Location{shown, lines[1], 1}, header[model_column], name,
                         fmt::format("{} rows name model \"{}\" (lines {}): imported as {} "
                                     "models, \"{}\", \"{} #2\"{}",
                                     lines.size(), name, fmt::join(lines, ", "), lines.size(), name,
                                     name, lines.size() > 2 ? ", ..." : ""));
  }
  return out;
}

}  // namespace podium
