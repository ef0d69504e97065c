// The HTML section of a podium.leaderboard/1 report (html_sections.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_provenance.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/html_svg.h"
#include "engine/reporting/html_table.h"
#include "engine/reporting/html_text.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The forest plot's caption: what the lines are.
std::string IntervalCaption(const Json& u) {
  const std::string kind = JsonStr(u, "kind");
  if (kind == "published") return "Points: score; lines: the intervals published with the claims.";
  if (kind != "bootstrap") return "Points: score; this report has no intervals.";
  const std::string interval = JsonStr(u, "interval") == "bca" ? "BCa" : "percentile";
  std::string bootstrap = JsonStr(u, "bootstrap");
  if (bootstrap == "benchmarks" || bootstrap == "items") bootstrap.pop_back();
  return fmt::format(
      "Points: score; lines: {} {} intervals from a {} bootstrap ({} rounds, seed {}).",
      PercentText(JsonNum(u, "level")), interval, bootstrap, ShortestText(JsonNum(u, "rounds")),
      ShortestText(JsonNum(u, "seed")));
}

bool AnyRowHas(const Json& rows, const char* key) {
  return std::any_of(rows.begin(), rows.end(),
                     [&](const Json& r) { return !JsonAt(r, key).is_null(); });
}

struct BenchmarkColumn {
  std::string id, name;
};

std::vector<BenchmarkColumn> BenchmarkColumns(const Json& report) {
  std::vector<BenchmarkColumn> out;
  for (const Json& b : JsonArray(report, "benchmarks")) {
    const std::string id = JsonStr(b, "id"), name = JsonStr(b, "name");
    out.push_back(
        {id, (name.empty() ? id : name) + (JsonAt(b, "higher_is_better") == false ? " (↓)" : "")});
  }
  if (out.empty()) {
    for (const std::string& id : JsonStrings(JsonAt(report, "options"), "benchmarks")) {
      out.push_back({id, id});
    }
  }
  return out;
}

// What the page shows of `column`: the row field of its value (the low end of
// a range; the column is left out when no row has it) and its header's hover
// title.
struct ColumnFields {
  const char* field;
  const char* title;
};

ColumnFields FieldsOf(UncertaintyColumn column) {
  switch (column) {
    case UncertaintyColumn::kInterval:
      return {"ci_low", "Interval of the score"};
    case UncertaintyColumn::kRankCi:
      return {"rank_ci_low", "Interval of the bootstrap rank"};
    case UncertaintyColumn::kRankSet:
      return {"rank_set_low", "Simultaneous rank set"};
    case UncertaintyColumn::kTier:
      return {"tier", "Models not told apart from the tier's leader"};
    case UncertaintyColumn::kRankUb:
      return {"rank_ub", "1 + models whose lower bound is above"};
  }
  return {"", ""};
}

// The cell of `column` in `row`; intervals with the score's digits.
TableCell UncertaintyCell(UncertaintyColumn column, const Json& row, int decimals) {
  switch (column) {
    case UncertaintyColumn::kInterval:
      return IntervalCell(JsonNum(row, "ci_low"), JsonNum(row, "ci_high"), decimals);
    case UncertaintyColumn::kRankCi:
      return RankRangeCell(JsonAt(row, "rank_ci_low"), JsonAt(row, "rank_ci_high"));
    case UncertaintyColumn::kRankSet:
      return RankRangeCell(JsonAt(row, "rank_set_low"), JsonAt(row, "rank_set_high"));
    case UncertaintyColumn::kTier:
      return CountCell(JsonAt(row, "tier"));
    case UncertaintyColumn::kRankUb:
      return CountCell(JsonAt(row, "rank_ub"));
  }
  return MissingCell("not available");
}

// The Markdown's rule (text_format.h) applied to the report's options.
LeaderboardNumbers NumbersOf(const Json& options) {
  return LeaderboardNumbersFor(JsonStr(options, "normalize"), JsonStr(options, "aggregate"),
                               JsonStr(options, "on_conflict"));
}

// Which optional columns a leaderboard shows and how it prints numbers.
struct LeaderboardLayout {
  // The columns of the report's uncertainty kind, as in the Markdown, less
  // those no row fills.
  std::vector<UncertaintyColumn> uncertainty;
  double level = 0;  // of the intervals; NaN when the report gives none
  LeaderboardNumbers numbers;
  std::vector<BenchmarkColumn> benchmarks;
};

LeaderboardLayout LayOutLeaderboard(const Json& r) {
  const Json& options = JsonAt(r, "options");
  const Json& u = JsonAt(options, "uncertainty");
  const Json& rows = JsonArray(r, "rows");
  LeaderboardLayout l;
  for (UncertaintyColumn column : UncertaintyColumns(JsonStr(u, "kind"))) {
    if (AnyRowHas(rows, FieldsOf(column).field)) l.uncertainty.push_back(column);
  }
  l.level = JsonNum(u, "level");
  l.numbers = NumbersOf(options);
  l.benchmarks = BenchmarkColumns(r);
  return l;
}

std::vector<TableColumn> LeaderboardColumns(const LeaderboardLayout& l) {
  std::vector<TableColumn> columns = {{"Rank", true, ""},
                                      {"Model", false, ""},
                                      {"Score", true, "Hover or open a score for its claims"}};
  for (UncertaintyColumn column : l.uncertainty) {
    columns.push_back({UncertaintyColumnHeader(column, l.level), true, FieldsOf(column).title});
  }
  columns.push_back({"Coverage", true, "Benchmarks with a number / benchmarks shown"});
  for (const BenchmarkColumn& b : l.benchmarks) columns.push_back({b.name, true, b.id});
  return columns;
}

// A benchmark cell: the number (the claim's own text when cells are shown as
// printed) and its claims.
TableCell BenchmarkCell(const Json& cell, const LeaderboardLayout& l,
                        const ClaimProvenance& provenance) {
  const double value = JsonNum(cell, "value");
  if (!cell.is_object() || !std::isfinite(value)) return MissingCell("no claim");
  const std::vector<std::string> ids = JsonStrings(cell, "claims");
  const std::string printed = l.numbers.cells_as_printed ? provenance.ValueText(ids) : "";
  return provenance.Wrap(printed.empty() ? FixedText(value, l.numbers.cell_decimals) : printed,
                         SortKey(value), ids);
}

std::vector<TableCell> LeaderboardRow(const Json& row, const LeaderboardLayout& l,
                                      const ClaimProvenance& provenance) {
  const double score = JsonNum(row, "score"), covered = JsonNum(row, "cells");
  std::vector<TableCell> cells = {CountCell(JsonAt(row, "rank")),
                                  NameCell(JsonStr(row, "name"), JsonStr(row, "model")),
                                  provenance.Wrap(FixedText(score, l.numbers.score_decimals),
                                                  SortKey(score), JsonStrings(row, "claims"))};
  for (UncertaintyColumn column : l.uncertainty) {
    cells.push_back(UncertaintyCell(column, row, l.numbers.score_decimals));
  }
  cells.push_back({fmt::format("{}/{}", ShortestText(covered), l.benchmarks.size()),
                   SortKey(covered), "", "num"});
  for (const BenchmarkColumn& b : l.benchmarks) {
    cells.push_back(BenchmarkCell(JsonAt(JsonAt(row, "benchmarks"), b.id.c_str()), l, provenance));
  }
  return cells;
}

std::string LeaderboardTable(const Json& r, const ClaimProvenance& provenance) {
  const LeaderboardLayout l = LayOutLeaderboard(r);
  std::vector<std::vector<TableCell>> body;
  for (const Json& row : JsonArray(r, "rows")) body.push_back(LeaderboardRow(row, l, provenance));
  return HtmlTable(LeaderboardColumns(l), body);
}

// Points at the scores, lines across their intervals, in rank order.
std::string ScorePlot(const Json& r) {
  std::vector<ForestRow> forest;
  for (const Json& row : JsonArray(r, "rows")) {
    forest.push_back({JsonStr(row, "name"), JsonNum(row, "score"), JsonNum(row, "ci_low"),
                      JsonNum(row, "ci_high"), ""});
  }
  ForestPlotOptions plot;
  plot.decimals = NumbersOf(JsonAt(r, "options")).score_decimals;
  plot.axis_label = "Score";
  return HtmlFigure(ForestPlotSvg(forest, plot),
                    IntervalCaption(JsonAt(JsonAt(r, "options"), "uncertainty")));
}

// The benchmarks and models a leaderboard leaves out, and why.
std::string LeftOut(const Json& r) {
  std::string out;
  const std::vector<std::string> dropped = JsonStrings(r, "dropped_benchmarks");
  if (!dropped.empty()) {
    out += HtmlParagraph(
        fmt::format("Left out ({} benchmarks reported for fewer than {} models): {}.",
                    dropped.size(), ShortestText(JsonNum(JsonAt(r, "options"), "min_models")),
                    CommaJoined(dropped)),
        "note");
  }
  std::vector<std::string> excluded;
  for (const Json& e : JsonArray(r, "excluded")) {
    excluded.push_back(JsonStr(e, "model") + " (" + JsonStr(e, "reason") + ")");
  }
  if (!excluded.empty()) out += "<h3>Not ranked</h3>\n" + HtmlList(excluded);
  return out;
}

// The agreement's benchmark names by id, from the report's "benchmarks".
std::map<std::string, std::string> BenchmarkNames(const Json& r) {
  std::map<std::string, std::string> names;
  for (const BenchmarkColumn& b : BenchmarkColumns(r)) names[b.id] = b.name;
  return names;
}

// A heat map of tau-b between every two benchmarks (symmetric, no diagonal).
std::string AgreementHeatMap(const Json& a, const std::map<std::string, std::string>& names) {
  std::vector<std::string> ids;
  for (const Json& b : JsonArray(a, "benchmarks")) ids.push_back(JsonStr(b, "benchmark"));
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < ids.size(); ++k) index[ids[k]] = k;
  HeatMap map;
  for (const std::string& id : ids) map.rows.push_back(names.count(id) ? names.at(id) : id);
  map.columns = map.rows;
  map.values.assign(ids.size(), std::vector<double>(ids.size(), std::nan("")));
  map.titles.assign(ids.size(), std::vector<std::string>(ids.size()));
  map.legend = "Kendall tau-b";
  map.low = -1;
  for (const Json& p : JsonArray(a, "pairs")) {
    const auto i = index.find(JsonStr(p, "a")), j = index.find(JsonStr(p, "b"));
    if (i == index.end() || j == index.end()) continue;
    const double tau = JsonNum(p, "tau");
    const std::string title =
        fmt::format("{} vs {}: {} ({} shared models)", map.rows[i->second], map.rows[j->second],
                    std::isfinite(tau) ? fmt::format("tau-b {} [{}, {}]", FixedText(tau, 2),
                                                     FixedText(JsonNum(p, "ci_low"), 2),
                                                     FixedText(JsonNum(p, "ci_high"), 2))
                                       : JsonStr(p, "undefined"),
                    ShortestText(JsonNum(p, "shared")));
    for (const auto& [x, y] : {std::pair(i->second, j->second), std::pair(j->second, i->second)}) {
      map.values[x][y] = tau;
      map.titles[x][y] = title;
    }
  }
  return HtmlFigure(HeatMapSvg(map),
                    "Kendall tau-b between the model orders of two benchmarks, over their shared "
                    "models (red: same order, blue: reversed; no cell: undefined).");
}

// The "agreement" object of a leaderboard run with --agreement, or "".
std::string Agreement(const Json& r) {
  const Json& a = JsonAt(r, "agreement");
  if (!a.is_object()) return "";
  const std::map<std::string, std::string> names = BenchmarkNames(r);
  std::vector<std::vector<TableCell>> body;
  std::vector<std::string> flagged;
  for (const Json& b : JsonArray(a, "benchmarks")) {
    const std::string id = JsonStr(b, "benchmark");
    const std::string name = names.count(id) ? names.at(id) : id;
    const bool flag = JsonAt(b, "flagged") == true;
    if (flag) flagged.push_back(name);
    body.push_back({TextCell(name, id), NumberCell(JsonNum(b, "mean_tau"), 2, "no defined pair"),
                    IntervalCell(JsonNum(b, "ci_low"), JsonNum(b, "ci_high"), 2),
                    CountCell(JsonAt(b, "pairs")),
                    NumberCell(JsonNum(b, "others_median"), 2, "no other benchmark"),
                    TextCell(flag ? "yes" : "")});
  }
  std::string out = "<h3>Benchmark agreement</h3>\n" + HtmlParagraph(JsonStr(a, "method"));
  out += HtmlTable({{"Benchmark", false, ""},
                    {"Mean τ", true, "Unweighted mean of the defined taus with the others"},
                    {PercentText(JsonNum(a, "level")) + " interval", true, ""},
                    {"Pairs", true, "Pairs with a defined tau"},
                    {"Median of the others", true, ""},
                    {"Disagrees", false, "Interval below the others' median"}},
                   body);
  out +=
      HtmlParagraph(flagged.empty() ? "No benchmark is flagged."
                                    : "Disagree most with the rest: " + CommaJoined(flagged) + ".",
                    "note");
  return out + AgreementHeatMap(a, names);
}

}  // namespace

std::string LeaderboardHtmlSection(const Json& r, const std::string& id) {
  const Json& options = JsonAt(r, "options");
  const Json& u = JsonAt(options, "uncertainty");
  std::string out = HtmlSectionStart(id, "leaderboard", ReportTitle(r, "Leaderboard"));
  out += HtmlParagraph(JsonStr(options, "method")) + HtmlParagraph(JsonStr(u, "method")) +
         HtmlList(JsonStrings(u, "notes"));
  out += LeaderboardTable(r, ClaimProvenance(r)) + ScorePlot(r) + LeftOut(r) + Agreement(r);
  return out + "</section>\n";
}

}  // namespace podium
