#include "engine/base/csv_table.h"

#include <fmt/format.h>

#include <utility>

#include "engine/base/check.h"

namespace podium {
namespace {

// The table checks over a stream of records: the first record is the header
// (requested columns mapped, duplicates, unknown and missing columns), the
// rest are rows of the header's width.
class TableStream {
 public:
  TableStream(std::string path, const std::vector<CsvColumn>& columns, Diagnostics* diagnostics,
              const CsvTableHandlers& handlers)
      : path_(std::move(path)), columns_(columns), diagnostics_(diagnostics), handlers_(handlers) {
    PODIUM_CHECK(!columns.empty());
  }

  void operator()(const CsvRecord& record) {
    if (!header_seen_) {
      header_seen_ = true;
      usable_ = ReadHeader(record) && (!handlers_.header || handlers_.header(record, index_));
    } else if (usable_) {
      ReadRow(record);
    }
  }

  // After the last record: a file without any record has no header.
  void Finish() {
    if (!header_seen_) {
      diagnostics_->Error(Location{path_, 1, 1}, "", "", "empty file: expected a header row");
    }
  }

 private:
  // False when the header is unusable (a duplicate or a missing required column).
  bool ReadHeader(const CsvRecord& header) {
    width_ = header.size();
    index_.assign(columns_.size(), -1);
    const std::vector<Location> at = header.FieldLocations();
    bool usable = true;
    for (size_t p = 0; p < header.size(); ++p) {
      const std::string name(header.field(p));
      bool known = false;
      for (size_t c = 0; c < columns_.size(); ++c) {
        if (columns_[c].name != name) continue;
        known = true;
        if (index_[c] >= 0) {
          diagnostics_->Error(at[p], name, name, "column appears twice in the header");
          usable = false;
        }
        index_[c] = static_cast<int>(p);
      }
      if (!known) diagnostics_->Warning(at[p], name, name, "unknown column is ignored");
    }
    for (size_t c = 0; c < columns_.size(); ++c) {
      if (index_[c] < 0 && columns_[c].required) {
        diagnostics_->Error(Location{path_, header.line(), 1}, columns_[c].name, "",
                            "missing required column");
        usable = false;
      }
    }
    return usable;
  }

  void ReadRow(const CsvRecord& record) {
    if (record.size() != width_) {
      diagnostics_->Error(
          Location{path_, record.line(), 1}, "", "",
          fmt::format("too {} fields: the header has {}, this row {}",
                      record.size() < width_ ? "few" : "many", width_, record.size()));
      return;
    }
    handlers_.row(record, index_);
  }

  std::string path_;
  const std::vector<CsvColumn>& columns_;
  Diagnostics* diagnostics_;
  const CsvTableHandlers& handlers_;
  bool header_seen_ = false;
  bool usable_ = true;    // the header is complete: rows are read
  size_t width_ = 0;      // fields in the header
  CsvColumnIndex index_;  // requested column -> field index, or -1
};

// The handlers that keep every row in `table`.
CsvTableHandlers Collect(CsvTable* table) {
  CsvTableHandlers handlers;
  handlers.header = [table](const CsvRecord&, const CsvColumnIndex& index) {
    for (size_t c = 0; c < index.size(); ++c) table->present[c] = index[c] >= 0;
    return true;
  };
  handlers.row = [table](const CsvRecord& record, const CsvColumnIndex& index) {
    const size_t n = index.size();
    const std::vector<Location> at = record.FieldLocations();
    CsvRow row;
    row.line = record.line();
    row.fields.resize(n);
    row.columns.assign(n, 0);
    row.lines.assign(n, 0);
    for (size_t c = 0; c < n; ++c) {
      if (index[c] < 0) continue;
      row.fields[c] = record.field(index[c]);
      row.lines[c] = at[index[c]].line;
      row.columns[c] = at[index[c]].column;
    }
    table->rows.push_back(std::move(row));
  };
  return handlers;
}

CsvTable EmptyTable(const std::string& path, const std::vector<CsvColumn>& columns) {
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

bool StreamCsvTable(const std::string& path, const std::string& display_path,
                    const std::vector<CsvColumn>& columns, Diagnostics* diagnostics,
                    const CsvTableHandlers& handlers, char delimiter) {
  TableStream table(display_path, columns, diagnostics, handlers);
  // An unreadable file already has its error; it is not also "empty".
  if (!CsvStream::ReadFile(path, display_path, diagnostics, std::ref(table), delimiter)) {
    return false;
  }
  table.Finish();
  return true;
}

CsvTable ReadCsvTable(const std::string& path, const std::vector<CsvColumn>& columns,
                      Diagnostics* diagnostics, const std::string& display_path) {
  const std::string shown = display_path.empty() ? path : display_path;
  CsvTable table = EmptyTable(shown, columns);
  StreamCsvTable(path, shown, columns, diagnostics, Collect(&table));
  return table;
}

CsvTable ReadCsvTableFromText(const std::string& display_path, std::string_view text,
                              const std::vector<CsvColumn>& columns, Diagnostics* diagnostics) {
  CsvTable table = EmptyTable(display_path, columns);
  const CsvTableHandlers handlers = Collect(&table);
  TableStream stream(display_path, columns, diagnostics, handlers);
  CsvStream::ReadText(text, display_path, diagnostics, std::ref(stream));
  stream.Finish();
  return table;
}

}  // namespace podium
