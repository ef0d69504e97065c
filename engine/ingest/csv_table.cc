#include "engine/ingest/csv_table.h"

#include <fmt/format.h>
#include <libfccp/csv.h>

#include <array>
#include <utility>

#include "engine/base/check.h"
#include "engine/base/file_util.h"
#include "engine/base/text_position.h"

namespace podium {
namespace {

using Reader =
    io::CSVReader<kMaxCsvColumns, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>>;

// The unquoted, trimmed text of the field starting at `begin` in `line`.
std::string FieldText(std::string_view line, int begin) {
  std::string out;
  size_t i = begin;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i < line.size() && line[i] == '"') {
    for (++i; i < line.size(); ++i) {
      if (line[i] == '"') {
        if (i + 1 < line.size() && line[i + 1] == '"') {
          out += '"';
          ++i;
        } else {
          break;
        }
      } else {
        out += line[i];
      }
    }
    return out;
  }
  size_t end = line.find(',', i);
  if (end == std::string_view::npos) end = line.size();
  out.assign(line.substr(i, end - i));
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  return out;
}

// Names for the unused template slots: never present in a real header.
std::string UnusedColumnName(int index) { return fmt::format("\x01podium-unused-{}", index); }

template <size_t... I>
void ReadHeader(Reader& reader, const std::array<std::string, kMaxCsvColumns>& names,
                std::index_sequence<I...>) {
  reader.read_header(io::ignore_extra_column | io::ignore_missing_column, names[I]...);
}

template <size_t... I>
bool ReadRow(Reader& reader, std::array<char*, kMaxCsvColumns>& cells, std::index_sequence<I...>) {
  return reader.read_row(cells[I]...);
}

}  // namespace

Location CsvTable::At(const CsvRow& row, int column) const {
  return Location{path, row.line, row.columns[column] > 0 ? row.columns[column] : 1};
}

std::vector<int> LocateCsvFields(std::string_view line) {
  std::vector<int> starts = {0};
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: no net change
    } else if (line[i] == ',' && !quoted) {
      starts.push_back(static_cast<int>(i + 1));
    }
  }
  return starts;
}

CsvTable ReadCsvTable(const std::string& path, const std::vector<CsvColumn>& columns,
                      Diagnostics* diagnostics, const std::string& display_path) {
  const std::string shown = display_path.empty() ? path : display_path;
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    CsvTable table;
    table.path = shown;
    table.columns = columns;
    table.present.assign(columns.size(), false);
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return table;
  }
  return ReadCsvTableFromText(shown, *text, columns, diagnostics);
}

CsvTable ReadCsvTableFromText(const std::string& display_path, std::string_view text,
                              const std::vector<CsvColumn>& columns, Diagnostics* diagnostics) {
  PODIUM_CHECK(!columns.empty() && columns.size() <= kMaxCsvColumns);
  CsvTable table;
  table.path = display_path;
  table.columns = columns;
  table.present.assign(columns.size(), false);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  const std::vector<std::string_view> lines = SplitLines(text);

  std::array<std::string, kMaxCsvColumns> names;
  for (int i = 0; i < kMaxCsvColumns; ++i) {
    names[i] = i < static_cast<int>(columns.size()) ? columns[i].name : UnusedColumnName(i);
  }
  Reader reader(display_path, text.data(), text.data() + text.size());
  try {
    ReadHeader(reader, names, std::make_index_sequence<kMaxCsvColumns>());
  } catch (const io::error::header_missing&) {
    diagnostics->Error(Location{display_path, 1, 1}, "", "", "empty file: expected a header row");
    return table;
  } catch (const io::error::duplicated_column_in_header& e) {
    diagnostics->Error(Location{display_path, 1, 1}, e.column_name, e.column_name,
                       "column appears twice in the header");
    return table;
  } catch (const io::error::base& e) {
    diagnostics->Error(Location{display_path, 1, 1}, "", "", e.what());
    return table;
  }

  // Physical position of each header name, to map requested columns to byte
  // columns and to warn about columns nobody reads.
  const std::string_view header = lines.empty() ? std::string_view() : lines[0];
  const std::vector<int> header_starts = LocateCsvFields(header);
  std::vector<int> physical(columns.size(), -1);
  for (int p = 0; p < static_cast<int>(header_starts.size()); ++p) {
    const std::string name = FieldText(header, header_starts[p]);
    bool known = false;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].name == name) {
        physical[c] = p;
        known = true;
      }
    }
    if (!known) {
      diagnostics->Warning(Location{display_path, 1, header_starts[p] + 1}, name, name,
                           "unknown column is ignored");
    }
  }
  bool missing_required = false;
  for (size_t c = 0; c < columns.size(); ++c) {
    table.present[c] = physical[c] >= 0;
    if (!table.present[c] && columns[c].required) {
      diagnostics->Error(Location{display_path, 1, 1}, columns[c].name, "",
                         "missing required column");
      missing_required = true;
    }
  }
  if (missing_required) return table;

  std::array<char*, kMaxCsvColumns> cells{};
  for (;;) {
    cells.fill(nullptr);
    bool got_row = false;
    int line_number = 0;
    try {
      got_row = ReadRow(reader, cells, std::make_index_sequence<kMaxCsvColumns>());
      line_number = static_cast<int>(reader.get_file_line());
    } catch (const io::error::too_few_columns& e) {
      diagnostics->Error(Location{display_path, e.file_line, 1}, "", "",
                         fmt::format("too few fields: the header has {}", header_starts.size()));
      continue;
    } catch (const io::error::too_many_columns& e) {
      diagnostics->Error(Location{display_path, e.file_line, 1}, "", "",
                         fmt::format("too many fields: the header has {}", header_starts.size()));
      continue;
    } catch (const io::error::escaped_string_not_closed& e) {
      diagnostics->Error(Location{display_path, e.file_line, 1}, "", "",
                         "unclosed quote (a field may not span lines)");
      continue;
    } catch (const io::error::base& e) {
      diagnostics->Error(Location{display_path, static_cast<int>(reader.get_file_line()), 1}, "",
                         "", e.what());
      break;  // the line reader itself failed; nothing further is reliable
    }
    if (!got_row) break;
    const std::string_view raw =
        line_number - 1 < static_cast<int>(lines.size()) ? lines[line_number - 1] : "";
    const std::vector<int> starts = LocateCsvFields(raw);
    CsvRow row;
    row.line = line_number;
    row.fields.resize(columns.size());
    row.columns.assign(columns.size(), 0);
    for (size_t c = 0; c < columns.size(); ++c) {
      if (!table.present[c]) continue;
      if (cells[c] != nullptr) row.fields[c] = cells[c];
      if (physical[c] < static_cast<int>(starts.size())) {
        row.columns[c] = starts[physical[c]] + 1;
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace podium
