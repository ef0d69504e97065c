#include "engine/ingest/csv_table.h"

#include <fmt/format.h>

#include <utility>

#include "engine/base/check.h"
#include "engine/ingest/csv_stream.h"

namespace podium {
namespace {

// Builds a table from the records of a stream: the first record is the
// header, the rest are rows.
class TableBuilder {
 public:
  TableBuilder(CsvTable* table, Diagnostics* diagnostics)
      : table_(table), diagnostics_(diagnostics) {}

  void operator()(const CsvRecord& record) {
    if (!header_seen_) {
      header_seen_ = true;
      ReadHeader(record);
    } else if (usable_) {
      ReadRow(record);
    }
  }

  // After the last record: a file without any record has no header.
  void Finish(const std::string& path) {
    if (!header_seen_) {
      diagnostics_->Error(Location{path, 1, 1}, "", "", "empty file: expected a header row");
    }
  }

 private:
  void ReadHeader(const CsvRecord& header) {
    const std::vector<CsvColumn>& columns = table_->columns;
    width_ = header.size();
    physical_.assign(columns.size(), -1);
    for (size_t p = 0; p < header.size(); ++p) {
      const std::string_view name = header.field(p);
      bool known = false;
      for (size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].name != name) continue;
        known = true;
        if (physical_[c] >= 0) {
          diagnostics_->Error(header.FieldLocation(p), std::string(name), std::string(name),
                              "column appears twice in the header");
          usable_ = false;
        }
        physical_[c] = static_cast<int>(p);
      }
      if (!known) {
        diagnostics_->Warning(header.FieldLocation(p), std::string(name), std::string(name),
                              "unknown column is ignored");
      }
    }
    for (size_t c = 0; c < columns.size(); ++c) {
      table_->present[c] = physical_[c] >= 0;
      if (!table_->present[c] && columns[c].required) {
        diagnostics_->Error(Location{table_->path, header.line(), 1}, columns[c].name, "",
                            "missing required column");
        usable_ = false;
      }
    }
  }

  void ReadRow(const CsvRecord& record) {
    if (record.size() != width_) {
      diagnostics_->Error(
          Location{table_->path, record.line(), 1}, "", "",
          fmt::format("too {} fields: the header has {}, this row {}",
                      record.size() < width_ ? "few" : "many", width_, record.size()));
      return;
    }
    const size_t n = table_->columns.size();
    CsvRow row;
    row.line = record.line();
    row.fields.resize(n);
    row.columns.assign(n, 0);
    row.lines.assign(n, 0);
    for (size_t c = 0; c < n; ++c) {
      if (physical_[c] < 0) continue;
      row.fields[c] = record.field(physical_[c]);
      const Location at = record.FieldLocation(physical_[c]);
      row.lines[c] = at.line;
      row.columns[c] = at.column;
    }
    table_->rows.push_back(std::move(row));
  }

  CsvTable* table_;
  Diagnostics* diagnostics_;
  bool header_seen_ = false;
  bool usable_ = true;         // header complete: rows can be read
  size_t width_ = 0;           // fields in the header
  std::vector<int> physical_;  // requested column -> header position, or -1
};

CsvTable EmptyTable(const std::string& path, const std::vector<CsvColumn>& columns) {
  PODIUM_CHECK(!columns.empty());
  CsvTable table;
  table.path = path;
  table.columns = columns;
  table.present.assign(columns.size(), false);
  return table;
}

}  // namespace

Location CsvTable::At(const CsvRow& row, int column) const {
  const bool located = row.columns[column] > 0;
  return Location{path, located && !row.lines.empty() ? row.lines[column] : row.line,
                  located ? row.columns[column] : 1};
}

CsvTable ReadCsvTable(const std::string& path, const std::vector<CsvColumn>& columns,
                      Diagnostics* diagnostics, const std::string& display_path) {
  const std::string shown = display_path.empty() ? path : display_path;
  CsvTable table = EmptyTable(shown, columns);
  TableBuilder builder(&table, diagnostics);
  // An unreadable file already has its error; it is not also "empty".
  if (CsvStream::ReadFile(path, shown, diagnostics, std::ref(builder))) builder.Finish(shown);
  return table;
}

CsvTable ReadCsvTableFromText(const std::string& display_path, std::string_view text,
                              const std::vector<CsvColumn>& columns, Diagnostics* diagnostics) {
  CsvTable table = EmptyTable(display_path, columns);
  TableBuilder builder(&table, diagnostics);
  CsvStream::ReadText(text, display_path, diagnostics, std::ref(builder));
  builder.Finish(display_path);
  return table;
}

}  // namespace podium
