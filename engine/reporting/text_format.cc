#include "engine/reporting/text_format.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/base/number.h"

namespace podium {

std::string MarkdownCell(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

LeaderboardNumbers LeaderboardNumbersFor(std::string_view normalize, std::string_view aggregate,
                                         std::string_view on_conflict) {
  const bool unit_scale = normalize == "minmax" || normalize == "zscore";
  LeaderboardNumbers numbers;
  numbers.cell_decimals = unit_scale ? 3 : 2;
  numbers.score_decimals = numbers.cell_decimals;  // a mean of cells
  if (aggregate == "winrate") numbers.score_decimals = 3;
  if (aggregate == "borda") numbers.score_decimals = 1;
  numbers.cells_as_printed = normalize == "raw" && on_conflict != "mean";
  return numbers;
}

std::vector<UncertaintyColumn> UncertaintyColumns(std::string_view kind) {
  using C = UncertaintyColumn;
  if (kind == "bootstrap") return {C::kInterval, C::kRankCi, C::kRankSet, C::kTier};
  if (kind == "published") return {C::kInterval, C::kRankUb};
  return {};
}

std::string UncertaintyColumnHeader(UncertaintyColumn column, double level) {
  switch (column) {
    case UncertaintyColumn::kInterval:
      return level > 0 ? fmt::format("{:g}% CI", 100 * level) : "Interval";
    case UncertaintyColumn::kRankCi:
      return "Rank CI";
    case UncertaintyColumn::kRankSet:
      return "Rank set";
    case UncertaintyColumn::kTier:
      return "Tier";
    case UncertaintyColumn::kRankUb:
      return "Rank (UB)";
  }
  return "";
}

}  // namespace podium
