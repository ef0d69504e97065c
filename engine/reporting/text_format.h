// Small, locale-independent text helpers shared by the report writers.
#ifndef PODIUM_ENGINE_REPORTING_TEXT_FORMAT_H_
#define PODIUM_ENGINE_REPORTING_TEXT_FORMAT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/csv_write.h"    // CsvField, CsvLine, for every CSV writer
#include "engine/base/json_number.h"  // JsonNumber, for every report writer

namespace podium {


// Escapes '|' (the cell separator) and line breaks for a Markdown table cell.
std::string MarkdownCell(std::string_view text);

// How a leaderboard table prints its numbers, one rule for the Markdown
// (leaderboard_report.h) and the HTML page (html_report.h), which reads the
// option names back from the report JSON's "options".
struct LeaderboardNumbers {
  int score_decimals = 2;  // digits of scores and of their intervals
  int cell_decimals = 2;   // digits of a benchmark cell's (normalized) value
  // Benchmark cells show the claim's own text ("65.0", as printed in the
  // document) rather than the value with cell_decimals digits.
  bool cells_as_printed = false;
};

// The numbers of a leaderboard whose options have the names `normalize`
// (NormalizationName: "raw", "minmax", "zscore", ...), `aggregate`
// (AggregationName: "mean", "winrate", "borda") and `on_conflict`
// (ConflictPolicyName). Scores: 3 digits for HELM win rates and for min-max or
// z-scored values (0–1 and sd scales), 1 for Borda counts, else 2; cells: 3
// when min-max or z-scored, else 2; cells as printed when the values are raw
// and conflicting claims were not averaged ("mean"). An unknown or empty name
// counts as none of those.
LeaderboardNumbers LeaderboardNumbersFor(std::string_view normalize, std::string_view aggregate,
                                         std::string_view on_conflict);

// The interval and rank columns of a leaderboard table, shown after Score in
// this order.
enum class UncertaintyColumn { kInterval, kRankCi, kRankSet, kTier, kRankUb };

// The columns of a leaderboard whose uncertainty kind (the JSON's
// options.uncertainty.kind) is `kind`: "bootstrap" gives the interval, Rank
// CI, Rank set and Tier; "published" the interval and Rank (UB); anything
// else (no uncertainty) none.
std::vector<UncertaintyColumn> UncertaintyColumns(std::string_view kind);

// The header text of `column`: "95% CI" for the interval at `level` 0.95
// ("Interval" when `level` is not > 0: published intervals have no level),
// "Rank CI", "Rank set", "Tier", "Rank (UB)".
std::string UncertaintyColumnHeader(UncertaintyColumn column, double level);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_TEXT_FORMAT_H_
