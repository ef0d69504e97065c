#include "engine/audit/table_cells.h"

#include <algorithm>

namespace podium {
namespace {

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return "";
  return std::string(text.substr(begin, text.find_last_not_of(" \t\r") - begin + 1));
}

}  // namespace

char DocumentDelimiter(std::string_view file_name) {
  if (EndsWith(file_name, ".csv")) return ',';
  if (EndsWith(file_name, ".tsv")) return '\t';
  return 0;
}

char RowDelimiter(std::string_view line) {
  if (line.find('\t') != std::string_view::npos) return '\t';
  if (std::count(line.begin(), line.end(), '|') >= 2) return '|';
  return 0;
}

std::vector<TextSpan> CellSpans(std::string_view line, char delimiter) {
  std::vector<TextSpan> cells;
  size_t begin = 0;
  bool quoted = false;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && delimiter == ',' && line[i] == '"') quoted = !quoted;
    if (i == line.size() || (!quoted && line[i] == delimiter)) {
      cells.push_back({begin, i});
      begin = i + 1;
    }
  }
  if (delimiter == '|') {
    const TextSpan first = cells.front();
    if (cells.size() > 1 && Trim(line.substr(first.begin, first.end - first.begin)).empty()) {
      cells.erase(cells.begin());
    }
    const TextSpan last = cells.back();
    if (cells.size() > 1 && Trim(line.substr(last.begin, last.end - last.begin)).empty()) {
      cells.pop_back();
    }
  }
  return cells;
}

std::vector<std::string> SplitCells(std::string_view line, char delimiter) {
  std::vector<std::string> out;
  for (const TextSpan& span : CellSpans(line, delimiter)) {
    std::string cell = Trim(line.substr(span.begin, span.end - span.begin));
    if (delimiter == ',' && cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
      std::string unquoted;
      for (size_t i = 1; i + 1 < cell.size(); ++i) {
        unquoted += cell[i];
        if (cell[i] == '"' && cell[i + 1] == '"') ++i;
      }
      cell = Trim(unquoted);
    }
    out.push_back(std::move(cell));
  }
  return out;
}

bool IsSeparatorRow(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(), [](const std::string& cell) {
    return !cell.empty() && cell.find_first_not_of("-: ") == std::string::npos;
  });
}

}  // namespace podium
