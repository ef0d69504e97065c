#include "engine/audit/table_claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "engine/audit/table_cells.h"

namespace podium {
namespace {

bool Blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string::npos; }

bool HasNumber(const std::vector<std::string>& cells) {
  return std::any_of(cells.begin(), cells.end(),
                     [](const std::string& cell) { return CellNumber(cell).has_value(); });
}

// The header name of every column: an empty cell after a named one is part of
// it (a merged cell).
std::vector<std::string> Spanned(std::vector<std::string> cells) {
  for (size_t j = 1; j < cells.size(); ++j) {
    if (cells[j].empty()) cells[j] = cells[j - 1];
  }
  return cells;
}

struct Header {
  int line = 0;                                       // 0: none found
  std::vector<std::string> names;                     // per column, merged cells filled in
  std::vector<int> columns;                           // the columns the benchmark heads
  std::vector<std::vector<std::string>> sub_headers;  // rows without numbers below it
};

class TableCheck {
 public:
  TableCheck(const Claim& claim, const Registry& registry, DocumentReading* document,
             const AuditOptions& options, char delimiter)
      : c_(claim),
        registry_(registry),
        doc_(*document),
        options_(options),
        delimiter_(delimiter),
        lines_(document->document().lines) {}

  std::optional<ClaimCheck> Run() {
    std::set<std::string> keys = {NameKey(c_.benchmark_as_written)};
    header_ = FindHeader(keys);
    if (!header_.line) {
      keys.clear();
      if (const Benchmark* b = registry_.FindBenchmark(c_.benchmark)) {
        keys.insert(NameKey(b->name));
        for (const std::string& a : b->aliases) keys.insert(NameKey(a));
      }
      header_ = FindHeader(keys);
    }
    if (!header_.line) return std::nullopt;
    row_ = SplitCells(lines_[c_.line - 1], delimiter_);
    if (std::optional<ClaimCheck> label = CheckLabel()) return label;
    return CheckCell(ChosenColumns());
  }

 private:
  // The nearest row above the cited one, in the same table, with a header
  // cell in `keys`.
  Header FindHeader(const std::set<std::string>& keys) {
    Header header;
    std::vector<std::vector<std::string>> between;
    for (int line = c_.line - 1; line >= 1; --line) {
      const std::string& text = lines_[line - 1];
      if (Blank(text)) break;
      if (doc_.document().delimiter == 0 && text.find(delimiter_) == std::string::npos) break;
      std::vector<std::string> cells = SplitCells(text, delimiter_);
      if (IsSeparatorRow(cells)) continue;
      std::vector<std::string> names = Spanned(cells);
      for (size_t j = 0; j < names.size(); ++j) {
        if (keys.count(NameKey(names[j])) > 0) header.columns.push_back(static_cast<int>(j));
      }
      if (!header.columns.empty()) {
        header.line = line;
        header.names = std::move(names);
        for (auto& row : between) {
          if (!HasNumber(row)) header.sub_headers.push_back(std::move(row));
        }
        return header;
      }
      between.push_back(std::move(cells));
    }
    return {};
  }

  std::string ColumnName(int j) const {
    std::string name = j < static_cast<int>(header_.names.size()) ? header_.names[j] : "";
    for (const auto& sub : header_.sub_headers) {
      if (j < static_cast<int>(sub.size()) && !sub[j].empty()) name += " / " + sub[j];
    }
    return fmt::format("'{}' (column {})", name, j + 1);
  }

  // The benchmark's columns narrowed by the sub-header the setting names.
  std::vector<int> ChosenColumns() const {
    if (header_.columns.size() < 2) return header_.columns;
    const std::string setting = NameKey(c_.setting);
    std::vector<int> best;
    size_t best_length = 0;
    for (int j : header_.columns) {
      size_t length = 0;
      for (const auto& sub : header_.sub_headers) {
        if (j >= static_cast<int>(sub.size())) continue;
        const std::string key = NameKey(sub[j]);
        if (!key.empty() && setting.find(key) != std::string::npos) {
          length = std::max(length, key.size());
        }
      }
      if (length > best_length) best.clear();
      if (length >= best_length && length > 0) best.push_back(j);
      best_length = std::max(best_length, length);
    }
    return best.size() == 1 ? best : header_.columns;
  }

  // The row's label must name the model (or the caption must, if it names none).
  std::optional<ClaimCheck> CheckLabel() {
    std::string label;
    for (const std::string& cell : row_) {
      if (CellNumber(cell)) break;
      if (!cell.empty()) label += (label.empty() ? "" : " ") + cell;
    }
    const LineReading reading = ReadLine(label, doc_.names());
    const Mention* other = nullptr;
    for (const Mention& m : reading.models) {
      if (m.Names(c_.model)) return std::nullopt;
      if (other == nullptr) other = &m;
    }
    if (other != nullptr) {
      return ClaimCheck{
          FindingKind::kRowLabelMismatch,
          fmt::format("claim {}: the row label '{}' of line {} names {}, not '{}' ({})", c_.id,
                      label, c_.line, fmt::join(other->name->ids, ", "), c_.model_as_written,
                      c_.model)};
    }
    if (ModelNamedNear(c_, registry_, doc_.document(), header_.line, options_.context_lines)) {
      return std::nullopt;
    }
    return ClaimCheck{
        FindingKind::kModelNotNear,
        fmt::format("claim {}: the row label '{}' of line {} names no model, and no name of "
                    "model '{}' is on the table's header (line {}) or the {} lines above it",
                    c_.id, label, c_.line, c_.model, header_.line, options_.context_lines)};
  }

  bool CellPrints(int j) const {
    if (j >= static_cast<int>(row_.size())) return false;
    const std::optional<NumberToken> n = CellNumber(row_[j]);
    return n && PrintsValue(*n, c_.value_text);
  }

  std::string Holds(int j) const {
    if (j >= static_cast<int>(row_.size())) return "no cell";
    return row_[j].empty() ? "an empty cell" : row_[j];
  }

  ClaimCheck CheckCell(const std::vector<int>& columns) {
    std::vector<int> found;
    for (int j = 0; j < static_cast<int>(row_.size()); ++j) {
      if (CellPrints(j)) found.push_back(j);
    }
    const auto in_columns =
        std::find_first_of(found.begin(), found.end(), columns.begin(), columns.end());
    if (in_columns != found.end() && columns.size() == 1) return ClaimCheck::Verified();
    if (in_columns != found.end()) {
      return {FindingKind::kUndecided,
              fmt::format("claim {}: {} is in column {} of line {}, one of the {} columns under "
                          "'{}' (header: line {}); the setting '{}' names none of their "
                          "sub-headers, so which column is the claim's cannot be decided",
                          c_.id, c_.value_text, ColumnName(*in_columns), c_.line, columns.size(),
                          header_.names[columns.front()], header_.line, c_.setting)};
    }
    std::vector<std::string> expected;
    for (int j : columns)
      expected.push_back(fmt::format("{}, which holds {}", ColumnName(j), Holds(j)));
    if (!found.empty()) {
      std::vector<std::string> where;
      for (int j : found) where.push_back(ColumnName(j));
      return {FindingKind::kWrongCell,
              fmt::format("claim {}: {} is in column {} of line {}, not in column {} (header: "
                          "line {})",
                          c_.id, c_.value_text, fmt::join(where, " and "), c_.line,
                          fmt::join(expected, " or "), header_.line)};
    }
    return {FindingKind::kValueNotOnLine,
            fmt::format("claim {}: {} is in no cell of line {}; the benchmark's column {} "
                        "(header: line {})",
                        c_.id, c_.value_text, c_.line, fmt::join(expected, " or "), header_.line)};
  }

  const Claim& c_;
  const Registry& registry_;
  DocumentReading& doc_;
  const AuditOptions& options_;
  const char delimiter_;
  const std::vector<std::string>& lines_;
  Header header_;
  std::vector<std::string> row_;
};

}  // namespace

std::optional<ClaimCheck> CheckTableClaim(const Claim& claim, const Registry& registry,
                                          DocumentReading* document, const AuditOptions& options) {
  const SourceDocument& doc = document->document();
  const char delimiter =
      doc.delimiter != 0 ? doc.delimiter : RowDelimiter(doc.lines[claim.line - 1]);
  if (delimiter == 0) return std::nullopt;
  return TableCheck(claim, registry, document, options, delimiter).Run();
}

}  // namespace podium
