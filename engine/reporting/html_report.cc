#include "engine/reporting/html_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>
#include <utility>

#include "engine/base/number.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr char kDash[] = "–";  // en dash: a missing number

// ---------------------------------------------------------------------------
// Reading a report. Reports are podium's own output, but a hand-edited or
// older file must still render: a missing or mistyped field reads as empty.

const Json& At(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const Json& Array(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  const Json& v = At(j, key);
  return v.is_array() ? v : kEmpty;
}

std::string Str(const Json& j, const char* key) {
  const Json& v = At(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

double Num(const Json& v) { return v.is_number() ? v.get<double>() : kNaN; }
double Num(const Json& j, const char* key) { return Num(At(j, key)); }

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  for (const Json& v : Array(j, key)) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

// Element [i][j] of a JSON matrix, NaN when absent or null.
double MatrixAt(const Json& m, size_t i, size_t j) {
  if (!m.is_array() || i >= m.size() || !m[i].is_array() || j >= m[i].size()) return kNaN;
  return Num(m[i][j]);
}

std::string Title(const Json& report, const char* fallback) {
  const std::string t = Str(report, "title");
  return t.empty() ? fallback : t;
}

// ---------------------------------------------------------------------------
// Numbers as text. fmt never consults the locale.

std::string Fixed(double v, int decimals) {
  return std::isfinite(v) ? FormatFixed(v, decimals) : kDash;
}

// The shortest text that reads back as `v` ("48.3", not "48.300000").
std::string Shortest(double v) { return std::isfinite(v) ? fmt::format("{}", v + 0.0) : kDash; }

// A data-sort key: full precision, empty when missing (sorted last).
std::string SortKey(double v) { return std::isfinite(v) ? fmt::format("{:.12g}", v + 0.0) : ""; }

std::string Probability(double p) {
  if (!std::isfinite(p)) return kDash;
  return p < 0.001 ? "< 0.001" : FormatFixed(p, 3);
}

std::string Percent(double level) { return fmt::format("{:g}%", 100 * level); }

// An SVG coordinate: rounded to 0.1 px, no trailing zeros.
std::string Px(double v) { return fmt::format("{:g}", std::round(v * 10) / 10 + 0.0); }

// Estimated width in px of `text` at 12 px: 7 per ASCII character, 12 per
// other character (CJK glyphs are about square). Close enough to size a
// label column; there is no font metrics without a browser.
double TextWidth(std::string_view text) {
  double width = 0;
  for (unsigned char c : text) {
    if (c < 0x80) {
      width += 7;
    } else if (c >= 0xC0) {  // first byte of a multi-byte character
      width += 12;
    }
  }
  return width;
}

// `text` cut at a character boundary to fit `max_width` px (TextWidth), with
// "…" appended when shortened.
std::string FitText(const std::string& text, double max_width) {
  if (TextWidth(text) <= max_width) return text;
  double width = 12;  // the ellipsis
  size_t end = 0;
  while (end < text.size()) {
    size_t next = end + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    width += TextWidth(text.substr(end, next - end));
    if (width > max_width) break;
    end = next;
  }
  return text.substr(0, end) + "…";
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string Humanize(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

// ---------------------------------------------------------------------------
// Tables. Every table is sortable by the page's script; data-sort carries the
// full-precision number so that sorting is numeric, and a cell without one
// (missing) sorts last in both directions.

struct Column {
  std::string label;  // plain text
  bool numeric = false;
  std::string title;  // hover text of the header; empty = none
};

struct Cell {
  std::string html;   // content, already escaped
  std::string sort;   // data-sort; empty = sort by the text
  std::string title;  // hover text (plain); empty = none
  std::string css;    // class
};

Cell Text(const std::string& text, const std::string& title = "") {
  return {HtmlEscape(text), "", title, ""};
}

// A model name: kept on one line; `id` in the hover title.
Cell Name(const std::string& name, const std::string& id = "") {
  return {HtmlEscape(name), "", id, "name"};
}

Cell Missing(const std::string& why) { return {kDash, "", why, "num missing"}; }

Cell Number(double v, int decimals, const std::string& why_missing) {
  if (!std::isfinite(v)) return Missing(why_missing);
  return {Fixed(v, decimals), SortKey(v), "", "num"};
}

Cell Count(const Json& v) {
  if (!v.is_number()) return Missing("not available");
  return {fmt::format("{}", v.get<long long>()), SortKey(Num(v)), "", "num"};
}

// A rank range "2–4" (or "2"), sorted by its low end.
Cell RankRange(const Json& low, const Json& high) {
  if (!low.is_number() || !high.is_number()) return Missing("not available");
  const long long l = low.get<long long>(), h = high.get<long long>();
  return {l == h ? fmt::format("{}", l) : fmt::format("{}–{}", l, h), SortKey(Num(low)), "", "num"};
}

// "w / l / t" from three counts of `j`, sorted by the first.
Cell Tally(const Json& j, const char* first, const char* second, const char* third) {
  return {fmt::format("{} / {} / {}", Shortest(Num(j, first)), Shortest(Num(j, second)),
                      Shortest(Num(j, third))),
          SortKey(Num(j, first)), "", "num"};
}

// "[low, high]", sorted by the low end.
Cell Interval(double low, double high, int decimals) {
  if (!std::isfinite(low) || !std::isfinite(high)) return Missing("no interval");
  return {fmt::format("[{}, {}]", Fixed(low, decimals), Fixed(high, decimals)), SortKey(low), "",
          "num"};
}

// A p-value: "< 0.001" below 0.001, else 3 digits.
Cell PValue(double p, const std::string& why_missing) {
  if (!std::isfinite(p)) return Missing(why_missing);
  return {HtmlEscape(Probability(p)), SortKey(p), "", "num"};
}

std::string Td(const Cell& c) {
  std::string out = "<td";
  if (!c.css.empty()) out += " class=\"" + c.css + "\"";
  if (!c.sort.empty()) out += " data-sort=\"" + c.sort + "\"";
  if (!c.title.empty()) out += " title=\"" + HtmlEscape(c.title) + "\"";
  return out + ">" + c.html + "</td>";
}

std::string Table(const std::vector<Column>& columns, const std::vector<std::vector<Cell>>& rows) {
  std::string out = "<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>";
  for (const Column& c : columns) {
    out += fmt::format("<th scope=\"col\" data-type=\"{}\"", c.numeric ? "num" : "text");
    if (c.numeric) out += " class=\"num\"";
    if (!c.title.empty()) out += " title=\"" + HtmlEscape(c.title) + "\"";
    out += ">" + HtmlEscape(c.label) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<Cell>& row : rows) {
    out += "<tr>";
    for (const Cell& c : row) out += Td(c);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string Paragraph(const std::string& text, const char* css = "method") {
  if (text.empty()) return "";
  return fmt::format("<p class=\"{}\">{}</p>\n", css, HtmlEscape(text));
}

std::string List(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  std::string out = "<ul>\n";
  for (const std::string& item : items) out += "<li>" + HtmlEscape(item) + "</li>\n";
  return out + "</ul>\n";
}

std::string SectionStart(const std::string& id, const char* kind, const std::string& heading) {
  return fmt::format("<section id=\"{}\" class=\"report {}\">\n<h2>{}</h2>\n", HtmlEscape(id), kind,
                     HtmlEscape(heading));
}

std::string Figure(const std::string& svg, const std::string& caption) {
  if (svg.empty()) return "";
  return "<figure>\n" + svg + "<figcaption>" + HtmlEscape(caption) + "</figcaption>\n</figure>\n";
}

// ---------------------------------------------------------------------------
// Provenance: where a number comes from, from the report's "claims" and
// "sources" objects (docs/formats.md).

class Provenance {
 public:
  explicit Provenance(const Json& report)
      : claims_(At(report, "claims")), sources_(At(report, "sources")) {}

  // One line of plain text: "ID: TITLE (FILE), line N, KIND: “MODEL” on
  // “BENCHMARK” = VALUE".
  std::string Line(const std::string& id) const {
    const Json& c = At(claims_, id.c_str());
    if (!c.is_object()) return "claim " + id;
    if (!At(c, "source").is_string()) {
      return fmt::format("{}: from per-item results ({}) = {}", id, Str(c, "notes"), Value(c));
    }
    return fmt::format("{}: {}, line {}, {}: “{}” on “{}” = {}{}", id, Document(c), LineOf(c),
                       Str(c, "kind"), Str(c, "model_as_written"), Str(c, "benchmark_as_written"),
                       Value(c), Qualifiers(c));
  }

  // The same as an HTML list item, with the claim's notes under it.
  std::string Item(const std::string& id) const {
    const Json& c = At(claims_, id.c_str());
    std::string out = "<li><b>" + HtmlEscape(id) + "</b> ";
    if (!c.is_object()) return out + "(no details in this report)</li>";
    if (!At(c, "source").is_string()) {
      out += "from per-item results = " + HtmlEscape(Value(c));
    } else {
      const Json& s = At(sources_, Str(c, "source").c_str());
      out += s.is_object() ? fmt::format("<cite>{}</cite> ({})", HtmlEscape(Str(s, "title")),
                                         HtmlEscape(Str(s, "file")))
                           : HtmlEscape(Str(c, "source"));
      out += fmt::format(", line {}, {}: “{}” on “{}” = {}{}", LineOf(c),
                         HtmlEscape(Str(c, "kind")), HtmlEscape(Str(c, "model_as_written")),
                         HtmlEscape(Str(c, "benchmark_as_written")), HtmlEscape(Value(c)),
                         HtmlEscape(Qualifiers(c)));
    }
    const std::string notes = Str(c, "notes");
    if (!notes.empty()) out += "<br><small>" + HtmlEscape(notes) + "</small>";
    return out + "</li>";
  }

  // A cell showing `shown` (escaped here) whose claims are listed in its hover
  // title and in a <details> element that opens without JavaScript.
  Cell Wrap(const std::string& shown, const std::string& sort,
            const std::vector<std::string>& ids) const {
    if (ids.empty()) return {HtmlEscape(shown), sort, "", "num"};
    std::string title, items;
    for (const std::string& id : ids) {
      title += (title.empty() ? "" : "\n") + Line(id);
      items += Item(id) + "\n";
    }
    return {"<details class=\"prov\"><summary>" + HtmlEscape(shown) + "</summary>\n<ul>\n" + items +
                "</ul></details>",
            sort, title, "num"};
  }

  // The value as printed in the document, when the report has it.
  std::string ValueText(const std::vector<std::string>& ids) const {
    if (ids.empty()) return "";
    const Json& c = At(claims_, ids.front().c_str());
    return Str(c, "value_text");
  }

 private:
  static std::string Value(const Json& c) {
    return Str(c, "value_text") + (Str(c, "unit") == "%" ? "%" : "");
  }
  static std::string LineOf(const Json& c) {
    const Json& line = At(c, "line");
    return line.is_number() ? fmt::format("{}", line.get<long long>()) : "?";
  }
  static std::string Qualifiers(const Json& c) {
    std::string q;
    for (const char* key : {"metric", "setting"}) {
      const std::string v = Str(c, key);
      if (!v.empty()) q += (q.empty() ? "" : ", ") + v;
    }
    return q.empty() ? "" : " [" + q + "]";
  }
  std::string Document(const Json& c) const {
    const Json& s = At(sources_, Str(c, "source").c_str());
    if (!s.is_object()) return Str(c, "source");
    return fmt::format("{} ({})", Str(s, "title"), Str(s, "file"));
  }

  const Json& claims_;
  const Json& sources_;
};

// ---------------------------------------------------------------------------
// podium.leaderboard/1

// Digits of the score, as leaderboard_report.cc's Markdown: win rates and
// scaled values are 0–1 (3 digits), Borda counts 1, percentages 2.
int ScoreDecimals(const Json& options) {
  const std::string aggregate = Str(options, "aggregate"), normalize = Str(options, "normalize");
  if (aggregate == "winrate") return 3;
  if (aggregate == "borda") return 1;
  return normalize == "minmax" || normalize == "zscore" ? 3 : 2;
}

int CellDecimals(const Json& options) {
  const std::string normalize = Str(options, "normalize");
  return normalize == "minmax" || normalize == "zscore" ? 3 : 2;
}

// The forest plot's caption: what the lines are.
std::string IntervalCaption(const Json& u) {
  const std::string kind = Str(u, "kind");
  if (kind == "published") return "Points: score; lines: the intervals published with the claims.";
  if (kind != "bootstrap") return "Points: score; this report has no intervals.";
  const std::string interval = Str(u, "interval") == "bca" ? "BCa" : "percentile";
  std::string bootstrap = Str(u, "bootstrap");
  if (bootstrap == "benchmarks" || bootstrap == "items") bootstrap.pop_back();
  return fmt::format(
      "Points: score; lines: {} {} intervals from a {} bootstrap ({} rounds, seed {}).",
      Percent(Num(u, "level")), interval, bootstrap, Shortest(Num(u, "rounds")),
      Shortest(Num(u, "seed")));
}

bool AnyRowHas(const Json& rows, const char* key) {
  return std::any_of(rows.begin(), rows.end(),
                     [&](const Json& r) { return !At(r, key).is_null(); });
}

struct BenchmarkColumn {
  std::string id, name;
};

std::vector<BenchmarkColumn> BenchmarkColumns(const Json& report) {
  std::vector<BenchmarkColumn> out;
  for (const Json& b : Array(report, "benchmarks")) {
    const std::string id = Str(b, "id"), name = Str(b, "name");
    out.push_back(
        {id, (name.empty() ? id : name) + (At(b, "higher_is_better") == false ? " (↓)" : "")});
  }
  if (out.empty()) {
    for (const std::string& id : Strings(At(report, "options"), "benchmarks")) {
      out.push_back({id, id});
    }
  }
  return out;
}

// Which optional columns a leaderboard shows and how it prints numbers.
struct LeaderboardLayout {
  bool ci = false, rank_ci = false, rank_set = false, tier = false, rank_ub = false;
  int decimals = 2;         // score digits
  int cell_decimals = 2;    // benchmark cell digits
  bool as_printed = false;  // raw cells show the claim's own text, as the Markdown does
  std::vector<BenchmarkColumn> benchmarks;
};

LeaderboardLayout LayOutLeaderboard(const Json& r) {
  const Json& options = At(r, "options");
  const Json& rows = Array(r, "rows");
  LeaderboardLayout l;
  l.ci = AnyRowHas(rows, "ci_low");
  l.rank_ci = AnyRowHas(rows, "rank_ci_low");
  l.rank_set = AnyRowHas(rows, "rank_set_low");
  l.tier = AnyRowHas(rows, "tier");
  l.rank_ub = Str(At(options, "uncertainty"), "kind") == "published" && AnyRowHas(rows, "rank_ub");
  l.decimals = ScoreDecimals(options);
  l.cell_decimals = CellDecimals(options);
  l.as_printed = Str(options, "normalize") == "raw" && Str(options, "on_conflict") != "mean";
  l.benchmarks = BenchmarkColumns(r);
  return l;
}

std::vector<Column> LeaderboardColumns(const LeaderboardLayout& l, double level) {
  std::vector<Column> columns = {{"Rank", true, ""},
                                 {"Model", false, ""},
                                 {"Score", true, "Hover or open a score for its claims"}};
  if (l.ci) {
    columns.push_back(
        {level > 0 ? Percent(level) + " CI" : "Interval", true, "Interval of the score"});
  }
  if (l.rank_ci) columns.push_back({"Rank CI", true, "Interval of the bootstrap rank"});
  if (l.rank_set) columns.push_back({"Rank set", true, "Simultaneous rank set"});
  if (l.tier) columns.push_back({"Tier", true, "Models not told apart from the tier's leader"});
  if (l.rank_ub) columns.push_back({"Rank (UB)", true, "1 + models whose lower bound is above"});
  columns.push_back({"Coverage", true, "Benchmarks with a number / benchmarks shown"});
  for (const BenchmarkColumn& b : l.benchmarks) columns.push_back({b.name, true, b.id});
  return columns;
}

// A benchmark cell: the number (as printed for raw values) and its claims.
Cell BenchmarkCell(const Json& cell, const LeaderboardLayout& l, const Provenance& provenance) {
  const double value = Num(cell, "value");
  if (!cell.is_object() || !std::isfinite(value)) return Missing("no claim");
  const std::vector<std::string> ids = Strings(cell, "claims");
  const std::string printed = l.as_printed ? provenance.ValueText(ids) : "";
  return provenance.Wrap(printed.empty() ? Fixed(value, l.cell_decimals) : printed, SortKey(value),
                         ids);
}

std::vector<Cell> LeaderboardRow(const Json& row, const LeaderboardLayout& l,
                                 const Provenance& provenance) {
  const double score = Num(row, "score"), covered = Num(row, "cells");
  std::vector<Cell> cells = {
      Count(At(row, "rank")), Name(Str(row, "name"), Str(row, "model")),
      provenance.Wrap(Fixed(score, l.decimals), SortKey(score), Strings(row, "claims"))};
  if (l.ci) cells.push_back(Interval(Num(row, "ci_low"), Num(row, "ci_high"), l.decimals));
  if (l.rank_ci) cells.push_back(RankRange(At(row, "rank_ci_low"), At(row, "rank_ci_high")));
  if (l.rank_set) cells.push_back(RankRange(At(row, "rank_set_low"), At(row, "rank_set_high")));
  if (l.tier) cells.push_back(Count(At(row, "tier")));
  if (l.rank_ub) cells.push_back(Count(At(row, "rank_ub")));
  cells.push_back(
      {fmt::format("{}/{}", Shortest(covered), l.benchmarks.size()), SortKey(covered), "", "num"});
  for (const BenchmarkColumn& b : l.benchmarks) {
    cells.push_back(BenchmarkCell(At(At(row, "benchmarks"), b.id.c_str()), l, provenance));
  }
  return cells;
}

std::string LeaderboardTable(const Json& r, const Provenance& provenance) {
  const LeaderboardLayout l = LayOutLeaderboard(r);
  std::vector<std::vector<Cell>> body;
  for (const Json& row : Array(r, "rows")) body.push_back(LeaderboardRow(row, l, provenance));
  const double level = Num(At(At(r, "options"), "uncertainty"), "level");
  return Table(LeaderboardColumns(l, level), body);
}

// Points at the scores, lines across their intervals, in rank order.
std::string ScorePlot(const Json& r) {
  std::vector<ForestRow> forest;
  for (const Json& row : Array(r, "rows")) {
    forest.push_back(
        {Str(row, "name"), Num(row, "score"), Num(row, "ci_low"), Num(row, "ci_high"), ""});
  }
  ForestPlotOptions plot;
  plot.decimals = ScoreDecimals(At(r, "options"));
  plot.axis_label = "Score";
  return Figure(ForestPlotSvg(forest, plot), IntervalCaption(At(At(r, "options"), "uncertainty")));
}

// The benchmarks and models a leaderboard leaves out, and why.
std::string LeftOut(const Json& r) {
  std::string out;
  const std::vector<std::string> dropped = Strings(r, "dropped_benchmarks");
  if (!dropped.empty()) {
    out += Paragraph(
        fmt::format("Left out ({} benchmarks reported for fewer than {} models): {}.",
                    dropped.size(), Shortest(Num(At(r, "options"), "min_models")), Joined(dropped)),
        "note");
  }
  std::vector<std::string> excluded;
  for (const Json& e : Array(r, "excluded")) {
    excluded.push_back(Str(e, "model") + " (" + Str(e, "reason") + ")");
  }
  if (!excluded.empty()) out += "<h3>Not ranked</h3>\n" + List(excluded);
  return out;
}

std::string LeaderboardSection(const Json& r, const std::string& id) {
  const Json& options = At(r, "options");
  const Json& u = At(options, "uncertainty");
  std::string out = SectionStart(id, "leaderboard", Title(r, "Leaderboard"));
  out +=
      Paragraph(Str(options, "method")) + Paragraph(Str(u, "method")) + List(Strings(u, "notes"));
  out += LeaderboardTable(r, Provenance(r)) + ScorePlot(r) + LeftOut(r);
  return out + "</section>\n";
}

// ---------------------------------------------------------------------------
// podium.arena/1

// Indices into matrices.models of the ranked models, best rating first (the
// rows are ranked within their component).
std::vector<size_t> ByRating(const Json& r, const std::vector<std::string>& models) {
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < models.size(); ++k) index[models[k]] = k;
  std::vector<std::pair<double, size_t>> order;
  for (const Json& row : Array(r, "rows")) {
    const auto it = index.find(Str(row, "model"));
    if (it != index.end()) order.push_back({Num(row, "rating"), it->second});
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<size_t> out;
  for (const auto& [rating, k] : order) out.push_back(k);
  return out;
}

std::string ArenaCellTitle(const Json& matrices, const std::vector<std::string>& models, size_t i,
                           size_t j) {
  const double battles = MatrixAt(At(matrices, "battles"), i, j);
  return fmt::format(
      "{} vs {}\npredicted P({} wins): {}\nobserved: {} (ties excluded)\nbattles: {}", models[i],
      models[j], models[i], Fixed(MatrixAt(At(matrices, "predicted"), i, j), 3),
      Fixed(MatrixAt(At(matrices, "win_fraction"), i, j), 3),
      std::isfinite(battles) ? Shortest(battles) : "0");
}

// P(row beats column) predicted from the ratings, models by rating.
std::string ArenaHeatMap(const Json& r) {
  const Json& matrices = At(r, "matrices");
  const std::vector<std::string> models = Strings(matrices, "models");
  const std::vector<size_t> order = ByRating(r, models);
  HeatMap map;
  for (size_t k : order) map.rows.push_back(models[k]);
  map.columns = map.rows;
  for (size_t i : order) {
    map.values.emplace_back();
    map.titles.emplace_back();
    for (size_t j : order) {
      map.values.back().push_back(i == j ? kNaN : MatrixAt(At(matrices, "predicted"), i, j));
      map.titles.back().push_back(ArenaCellTitle(matrices, models, i, j));
    }
  }
  map.legend = "P(row beats column), predicted from the ratings";
  std::string caption =
      "Head-to-head: the probability that the row model beats the column model, predicted from "
      "the ratings (red: row favoured, blue: column favoured); hover a cell for the observed win "
      "fraction and the number of battles.";
  if (order.size() > 20) caption += " Too many models to print the numbers in the cells.";
  if (order.size() > 80) caption += " The names are in the hover text only.";
  return Figure(HeatMapSvg(map), caption);
}

std::vector<Column> ArenaColumns(bool components, double level) {
  std::vector<Column> columns;
  if (components) columns.push_back({"Component", true, "Connected component of the battle graph"});
  columns.insert(columns.end(), {{"Rank", true, ""},
                                 {"Model", false, ""},
                                 {"Rating", true, "Elo scale"},
                                 {Percent(level) + " CI", true, "Bootstrap interval of the rating"},
                                 {"Rank set", true, "Simultaneous rank set"},
                                 {"Tier", true, "Models not told apart from the tier's leader"},
                                 {"Battles", true, ""},
                                 {"W / L / T", true, "Wins / losses / ties; sorts by wins"}});
  return columns;
}

std::vector<Cell> ArenaRow(const Json& row, bool components) {
  std::vector<Cell> cells;
  if (components) cells.push_back(Count(At(row, "component")));
  // A model without a rank: "—" with the reason on hover, and a marked name.
  const std::string not_ranked = Str(row, "not_ranked");
  Cell rank = not_ranked.empty() ? Count(At(row, "rank")) : Missing("not ranked: " + not_ranked);
  Cell name = Name(Str(row, "model"));
  if (!not_ranked.empty()) {
    name.html += " <span class=\"not-ranked\">(not ranked: " + HtmlEscape(not_ranked) + ")</span>";
    name.title = "No maximum-likelihood rating (" + not_ranked +
                 "): the rating comes from a ridge; --rank-all ranks it";
  }
  cells.insert(
      cells.end(),
      {rank, name, Number(Num(row, "rating"), 0, "no rating"),
       Interval(Num(row, "ci_low"), Num(row, "ci_high"), 0),
       RankRange(At(row, "rank_set_low"), At(row, "rank_set_high")), Count(At(row, "tier")),
       Count(At(row, "battles")), Tally(row, "wins", "losses", "ties")});
  return cells;
}

std::string ArenaSection(const Json& r, const std::string& id) {
  const Json& options = At(r, "options");
  const Json& fit = At(r, "fit");
  const Json& rows = Array(r, "rows");
  std::string out = SectionStart(id, "arena", Title(r, "Arena leaderboard"));
  out += Paragraph(
      fmt::format("{} battles among {} models from {}.", Shortest(Num(At(r, "input"), "battles")),
                  rows.size(), Str(At(r, "input"), "battles_file")),
      "summary");
  out += Paragraph(Str(options, "method_text"));
  if (At(fit, "converged") == false) {
    out += Paragraph(
        fmt::format("The fit did not converge ({} iterations).", Shortest(Num(fit, "iterations"))),
        "warning");
  }
  const bool components = Num(fit, "components") > 1;
  std::vector<std::vector<Cell>> body;
  std::vector<ForestRow> forest;
  for (const Json& row : rows) {
    body.push_back(ArenaRow(row, components));
    forest.push_back(
        {Str(row, "model"), Num(row, "rating"), Num(row, "ci_low"), Num(row, "ci_high"), ""});
  }
  out += Table(ArenaColumns(components, Num(options, "level")), body);
  ForestPlotOptions plot;
  plot.decimals = 0;
  plot.axis_label = "Rating";
  const std::string caption =
      Num(options, "rounds") > 0
          ? fmt::format("Points: rating; lines: {} percentile bootstrap intervals ({} rounds).",
                        Percent(Num(options, "level")), Shortest(Num(options, "rounds")))
          : "Points: rating; no intervals (no bootstrap rounds).";
  out += Figure(ForestPlotSvg(forest, plot), caption) + ArenaHeatMap(r);
  const std::vector<std::string> warnings = Strings(r, "warnings");
  if (!warnings.empty()) out += "<h3>Warnings</h3>\n" + List(warnings);
  return out + "</section>\n";
}

// ---------------------------------------------------------------------------
// podium.netwin/1

constexpr char kNetWinMethod[] =
    "Net win rate NWR = 100 · mean of the judgments (+1 A preferred, 0 tie, −1 B preferred); "
    "equivalent win probability p = (1 + NWR/100) / 2; Elo gap = 400 · log10(p / (1 − p)).";

// Win probabilities with rows = model A (and the task, when there are
// several) and columns = model B, in order of first appearance.
std::string NetWinHeatMap(const Json& list, const std::string& caption) {
  if (list.empty()) return "";
  std::vector<std::string> tasks;
  for (const Json& n : list) {
    if (std::find(tasks.begin(), tasks.end(), Str(n, "task")) == tasks.end()) {
      tasks.push_back(Str(n, "task"));
    }
  }
  auto row_label = [&](const Json& n) {
    return tasks.size() > 1 ? Str(n, "model_a") + " · " + Str(n, "task") : Str(n, "model_a");
  };
  HeatMap map;
  map.legend = "P(row preferred over column)";
  auto slot = [](std::vector<std::string>* labels, const std::string& label) {
    const auto it = std::find(labels->begin(), labels->end(), label);
    if (it != labels->end()) return static_cast<size_t>(it - labels->begin());
    labels->push_back(label);
    return labels->size() - 1;
  };
  std::vector<std::tuple<size_t, size_t, double, std::string>> cells;
  for (const Json& n : list) {
    const size_t i = slot(&map.rows, row_label(n)), j = slot(&map.columns, Str(n, "model_b"));
    std::string title = fmt::format(
        "{} vs {}{}\nNWR {}, p {}, Elo gap {}", Str(n, "model_a"), Str(n, "model_b"),
        Str(n, "task").empty() ? "" : " (" + Str(n, "task") + ")", Fixed(Num(n, "nwr"), 1),
        Fixed(Num(n, "win_probability"), 3), Fixed(Num(n, "elo_gap"), 0));
    if (!Str(n, "claim").empty()) {
      title += fmt::format("\nclaim {}: {} line {}", Str(n, "claim"), Str(n, "source"),
                           Shortest(Num(n, "line")));
    }
    cells.emplace_back(i, j, Num(n, "win_probability"), title);
  }
  map.values.assign(map.rows.size(), std::vector<double>(map.columns.size(), kNaN));
  map.titles.assign(map.rows.size(), std::vector<std::string>(map.columns.size()));
  for (const auto& [i, j, p, title] : cells) {
    map.values[i][j] = p;
    map.titles[i][j] = title;
  }
  return Figure(HeatMapSvg(map), caption);
}

// Net win rates computed from judgments, with bootstrap intervals.
std::string ComputedNetWins(const Json& r) {
  const Json& options = At(r, "options");
  const Json& computed = Array(r, "computed");
  if (computed.empty()) return "";
  std::string out = "<h3>From judgments</h3>\n";
  out += Paragraph(fmt::format(
      "Judgments from {}; {} intervals: percentile bootstrap over prompts, {} rounds, seed {}.",
      Str(options, "judgments_file"), Percent(Num(options, "level")),
      Shortest(Num(options, "rounds")), Shortest(Num(options, "seed"))));
  std::vector<std::vector<Cell>> body;
  for (const Json& n : computed) {
    body.push_back({Name(Str(n, "model_a")), Name(Str(n, "model_b")), Count(At(n, "judgments")),
                    Count(At(n, "prompts")), Tally(n, "wins", "ties", "losses"),
                    Number(Num(n, "nwr"), 1, "not available"),
                    Interval(Num(n, "ci_low"), Num(n, "ci_high"), 1),
                    Number(Num(n, "win_probability"), 3, "not available"),
                    Number(Num(n, "elo_gap"), 0, "not available")});
  }
  out += Table({{"A", false, ""},
                {"B", false, ""},
                {"Judgments", true, ""},
                {"Prompts", true, ""},
                {"W / T / L", true, "Wins / ties / losses of A; sorts by wins"},
                {"NWR", true, "Net win rate of A"},
                {Percent(Num(options, "level")) + " CI", true, "Interval of the NWR"},
                {"P(A preferred)", true, ""},
                {"Elo gap", true, ""}},
               body);
  return out + NetWinHeatMap(computed, "Win probability of the row model over the column model.");
}

// Net win rates as published (claims), with where each was printed.
std::string ReportedNetWins(const Json& r) {
  const Json& reported = Array(r, "reported");
  if (reported.empty()) return "";
  std::string out = "<h3>Reported</h3>\n";
  out += Paragraph(
      "Net win rates as published (claims), converted the same way; no interval, as the "
      "judgments are not published.");
  std::vector<std::vector<Cell>> body;
  for (const Json& n : reported) {
    const std::string where = fmt::format("{} line {}", Str(n, "source"), Shortest(Num(n, "line")));
    body.push_back(
        {Name(Str(n, "model_a")), Name(Str(n, "model_b")), Text(Str(n, "task")),
         Number(Num(n, "nwr"), 1, "not available"),
         Number(Num(n, "win_probability"), 3, "not available"),
         Number(Num(n, "elo_gap"), 0, "not available"),
         Text(Str(n, "claim") + " (" + where + ")", "claim " + Str(n, "claim") + ": " + where)});
  }
  out += Table({{"A", false, ""},
                {"B", false, ""},
                {"Task", false, ""},
                {"NWR", true, "Net win rate of A, as published"},
                {"P(A preferred)", true, ""},
                {"Elo gap", true, ""},
                {"Claim (source, line)", false, ""}},
               body);
  return out + NetWinHeatMap(reported,
                             "Reported net win rates as the probability that the row model is "
                             "preferred over the column model (red: row preferred); blank: not "
                             "compared.");
}

std::string NetWinSection(const Json& r, const std::string& id) {
  return SectionStart(id, "netwin", Title(r, "Net win rates")) + Paragraph(kNetWinMethod) +
         ComputedNetWins(r) + ReportedNetWins(r) + "</section>\n";
}

// ---------------------------------------------------------------------------
// podium.h2h/1

std::string VerdictText(const std::string& verdict, const std::string& a, const std::string& b) {
  if (verdict == "a_better") return a + " better";
  if (verdict == "b_better") return b + " better";
  if (verdict == "tied_within_noise") return "within noise";
  if (verdict == "unknown") return "unknown (no sampling model)";
  return Humanize(verdict);
}

Cell Verdict(const std::string& verdict, const std::string& a, const std::string& b) {
  return {HtmlEscape(VerdictText(verdict, a, b)), "", "", "verdict v-" + HtmlEscape(verdict)};
}

std::string BenchmarkLabel(const Json& bc) {
  return Str(bc, "benchmark") + (At(bc, "higher_is_better") == false ? " (↓)" : "");
}

// One side's number as printed, with its claims and its sampling model.
Cell SideValue(const Json& bc, bool a_side, const Provenance& provenance) {
  const double v = Num(bc, a_side ? "a" : "b");
  if (!std::isfinite(v)) return Missing("no claim");
  const std::vector<std::string> ids = Strings(bc, a_side ? "a_claims" : "b_claims");
  const std::string printed = provenance.ValueText(ids);
  Cell cell = provenance.Wrap(printed.empty() ? Shortest(v) : printed, SortKey(v), ids);
  const std::string noise = Str(bc, a_side ? "a_noise" : "b_noise");
  if (!noise.empty()) cell.title += (cell.title.empty() ? "" : "\n") + ("noise: " + noise);
  return cell;
}

std::vector<Cell> BenchmarkComparisonRow(const Json& bc, const std::string& a, const std::string& b,
                                         bool holm, const Provenance& provenance) {
  return {Text(BenchmarkLabel(bc)),
          SideValue(bc, true, provenance),
          SideValue(bc, false, provenance),
          Number(Num(bc, "advantage"), 2, "not available"),
          Interval(Num(bc, "ci_low"), Num(bc, "ci_high"), 2),
          Number(Num(bc, "p_a_better"), 3, "no sampling model"),
          PValue(Num(bc, holm ? "p_holm" : "p_value"), "no sampling model"),
          Verdict(Str(bc, "verdict"), a, b)};
}

// The documents' own sentences about the pair, each with its verdict.
std::string StatementsTable(const Json& c, const Json& report) {
  const Json& statements = Array(c, "statements");
  if (statements.empty()) return "";
  std::vector<std::vector<Cell>> body;
  for (const Json& s : statements) {
    const Json& source = At(At(report, "sources"), Str(s, "source").c_str());
    const std::string document = source.is_object()
                                     ? Str(source, "title") + " (" + Str(source, "file") + ")"
                                     : Str(s, "source");
    const std::string benchmarks = Joined(Strings(s, "benchmarks"));
    body.push_back({Text(document, Str(s, "source")),
                    Count(At(s, "line")),
                    {"<q>" + HtmlEscape(Str(s, "quote")) + "</q><br><small>" +
                         HtmlEscape(Str(s, "english")) + "</small>",
                     "", benchmarks.empty() ? "" : "benchmarks: " + benchmarks, "quote"},
                    Text(Humanize(Str(s, "says"))),
                    {HtmlEscape(Humanize(Str(s, "verdict"))), "", "",
                     "verdict v-" + HtmlEscape(Str(s, "verdict"))},
                    Text(Str(s, "detail"))});
  }
  return "<h4>What the documents say</h4>\n" +
         Table({{"Document", false, ""},
                {"Line", true, ""},
                {"Statement", false, "Hover for the benchmarks it covers"},
                {"Says", false, ""},
                {"Verdict", false, ""},
                {"Why", false, ""}},
               body);
}

std::string ScoreComparisonHtml(const Json& c, const Json& report, const Provenance& provenance) {
  const std::string a = Str(c, "a_name").empty() ? Str(c, "a") : Str(c, "a_name");
  const std::string b = Str(c, "b_name").empty() ? Str(c, "b") : Str(c, "b_name");
  const bool holm = At(report, "all_pairs") == true;
  const Json& summary = At(c, "summary");
  std::string out = "<h3>" + HtmlEscape(a + " vs " + b) + "</h3>\n";
  out += Paragraph(
      fmt::format("{} against {} on {} benchmarks both have: better on {}, worse on {}, within "
                  "noise on {}, no sampling model for {}.",
                  a, b, Array(c, "benchmarks").size(), Shortest(Num(summary, "a_better")),
                  Shortest(Num(summary, "b_better")), Shortest(Num(summary, "tied")),
                  Shortest(Num(summary, "unknown"))),
      "summary");
  std::vector<std::vector<Cell>> body;
  std::vector<ForestRow> forest;
  for (const Json& bc : Array(c, "benchmarks")) {
    body.push_back(BenchmarkComparisonRow(bc, a, b, holm, provenance));
    forest.push_back(
        {BenchmarkLabel(bc), Num(bc, "advantage"), Num(bc, "ci_low"), Num(bc, "ci_high"), ""});
  }
  const std::string level = Percent(Num(report, "level"));
  out += Table({{"Benchmark", false, "(↓): lower is better"},
                {a, true, "As printed; hover or open for the claims"},
                {b, true, "As printed; hover or open for the claims"},
                {"Advantage of A", true, "a − b (b − a when lower is better)"},
                {level + " CI", true, ""},
                {"P(A better)", true, ""},
                {holm ? "p (Holm)" : "p", true, ""},
                {"Verdict", false, ""}},
               body);
  ForestPlotOptions plot;
  plot.reference = 0;
  plot.axis_label = "Advantage of " + a + " (> 0: " + a + " better)";
  out += Figure(ForestPlotSvg(forest, plot),
                fmt::format("Points: advantage of {} over {}; lines: {} intervals (none without "
                            "a sampling model); dashed: no difference.",
                            a, b, level));
  return out + StatementsTable(c, report);
}

std::string BattleComparisonsHtml(const Json& r) {
  const bool holm = At(r, "all_pairs") == true;
  std::vector<std::vector<Cell>> body;
  for (const Json& c : Array(r, "comparisons")) {
    const double p = Num(c, holm ? "p_holm" : "p_value");
    body.push_back({Name(Str(c, "a")), Name(Str(c, "b")), Tally(c, "wins", "losses", "ties"),
                    Number(Num(c, "observed"), 3, "no decisive battles"),
                    Number(Num(c, "predicted"), 3, "not available"), PValue(p, "not available"),
                    Number(Num(c, "difference"), 0, "not available"),
                    Interval(Num(c, "difference_ci_low"), Num(c, "difference_ci_high"), 0),
                    Verdict(Str(c, "verdict"), Str(c, "a"), Str(c, "b"))});
  }
  return Table({{"A", false, ""},
                {"B", false, ""},
                {"W / L / T", true, "Direct battles from A's side; sorts by wins"},
                {"Observed", true, "P(A wins), ties excluded"},
                {"Predicted", true, "P(A wins) from the ratings"},
                {holm ? "p (Holm)" : "p", true, "Exact binomial test"},
                {"Rating difference", true, ""},
                {Percent(Num(r, "level")) + " CI", true, "Interval of the difference"},
                {"Verdict", false, ""}},
               body);
}

std::string H2HSection(const Json& r, const std::string& id) {
  std::string out = SectionStart(id, "h2h", Title(r, "Head-to-head"));
  out += Paragraph(Str(At(r, "options"), "method"));
  if (Str(r, "mode") == "battles") {
    out += BattleComparisonsHtml(r);
  } else {
    const Provenance provenance(r);
    for (const Json& c : Array(r, "comparisons")) out += ScoreComparisonHtml(c, r, provenance);
  }
  return out + "</section>\n";
}

// ---------------------------------------------------------------------------
// Charts

// Where the parts of a forest plot go, in px (geometry in the header).
struct ForestLayout {
  Axis axis;
  double left = 0;        // x of the axis' low end; labels end 8 px before it
  double plot_width = 0;  // px from the axis' low end to its high end
  double row_height = 0;
  double font = 12;   // label size
  double top = 8;     // y of the first row's top
  double bottom = 0;  // y of the axis line
  double width = 0, height = 0;
  double X(double v) const { return left + plot_width * (v - axis.low) / (axis.high - axis.low); }
  double Y(size_t k) const { return top + row_height * (k + 0.5); }
};

// The layout of `rows`, or nullopt when no row has a finite point.
std::optional<ForestLayout> LayOutForest(const std::vector<ForestRow>& rows,
                                         const ForestPlotOptions& o) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo, longest = 0;
  auto extend = [&](double v) {
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  };
  for (const ForestRow& r : rows) {
    longest = std::max(longest, TextWidth(r.label));
    if (!std::isfinite(r.point)) continue;
    extend(r.point);
    if (std::isfinite(r.low) && std::isfinite(r.high)) extend(r.low), extend(r.high);
  }
  if (!std::isfinite(lo)) return std::nullopt;
  extend(o.reference);
  ForestLayout f;
  f.axis = NiceAxis(lo, hi);
  f.row_height = o.row_height > 0 ? o.row_height : rows.size() <= 60 ? 20 : 12;
  f.font = std::min(12.0, f.row_height - 2);
  f.left = o.label_width > 0 ? o.label_width : std::clamp(longest + 14, 60.0, 260.0);
  f.plot_width = o.plot_width;
  f.bottom = f.top + f.row_height * rows.size();
  f.width = f.left + f.plot_width + 24;
  f.height = f.bottom + 24 + (o.axis_label.empty() ? 0 : 16);
  return f;
}

// Row k: a band holding the hover title, the label, the interval, the point.
std::string ForestRowSvg(const ForestRow& r, size_t k, const ForestLayout& f, int decimals) {
  const double y = f.Y(k);
  const bool interval = std::isfinite(r.point) && std::isfinite(r.low) && std::isfinite(r.high);
  std::string title = r.title;
  if (title.empty()) {
    title = r.label + ": " + Fixed(r.point, decimals);
    if (interval) {
      title += fmt::format(" [{}, {}]", Fixed(r.low, decimals), Fixed(r.high, decimals));
    }
  }
  std::string out = fmt::format(
      "<g class=\"row\"><title>{}</title><rect class=\"band\" x=\"0\" y=\"{}\" width=\"{}\" "
      "height=\"{}\" fill=\"{}\"/>",
      HtmlEscape(title), Px(y - f.row_height / 2), Px(f.width), Px(f.row_height),
      k % 2 ? "#f6f6f6" : "#ffffff");
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{}\" fill=\"#222\">{}</text>",
      Px(f.left - 8), Px(y + f.font * 0.35), Px(f.font), HtmlEscape(FitText(r.label, f.left - 14)));
  if (interval) {
    out += fmt::format(
        "<line class=\"interval\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#1f4e9a\" "
        "stroke-width=\"2\"/>",
        Px(f.X(r.low)), Px(f.X(r.high)), Px(y));
  }
  if (std::isfinite(r.point)) {
    out += fmt::format("<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#1f4e9a\"/>",
                       Px(f.X(r.point)), Px(y), f.row_height >= 16 ? 4 : 3);
  }
  return out + "</g>\n";
}

// The x axis: line, ticks, tick labels and the axis label under them.
std::string ForestAxisSvg(const ForestLayout& f, const std::string& axis_label) {
  std::string out = fmt::format(
      "<line class=\"axis\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#777\"/>\n",
      Px(f.left), Px(f.left + f.plot_width), Px(f.bottom));
  for (double t : f.axis.ticks) {
    out += fmt::format(
        "<line class=\"tick\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#777\"/>"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{4}"
        "</text>\n",
        Px(f.X(t)), Px(f.bottom), Px(f.bottom + 4), Px(f.bottom + 16),
        FormatFixed(t, f.axis.decimals));
  }
  if (axis_label.empty()) return out;
  return out + fmt::format(
                   "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" "
                   "fill=\"#333\">{}</text>\n",
                   Px(f.left + f.plot_width / 2), Px(f.bottom + 34), HtmlEscape(axis_label));
}

// Where the parts of a heat map go, in px (rules in the header).
struct HeatLayout {
  double side = 36;             // cell side
  bool labels = true;           // row and column labels drawn
  bool numbers = true;          // values printed in the cells
  double font = 11, scale = 1;  // label size, and its ratio to TextWidth's 12 px
  double row_w = 0, col_w = 0;  // longest row and column label at `font`, clamped
  int angle = 45;               // column labels turned by this many degrees
  double left = 0, top = 0;     // the matrix' top-left corner
  double legend_y = 0;          // top of the colour legend
  double width = 0, height = 0;
};

HeatLayout LayOutHeatMap(const HeatMap& map) {
  const size_t n = std::max(map.rows.size(), map.columns.size());
  HeatLayout h;
  h.side = std::clamp(std::floor(720.0 / static_cast<double>(n)), 4.0, 36.0);
  h.labels = h.side >= 9;
  h.numbers = map.rows.size() <= 20 && map.columns.size() <= 20;
  h.font = std::min(11.0, h.side - 1);
  h.scale = h.font / 12;
  for (const std::string& s : map.rows) h.row_w = std::max(h.row_w, TextWidth(s) * h.scale);
  for (const std::string& s : map.columns) h.col_w = std::max(h.col_w, TextWidth(s) * h.scale);
  h.row_w = std::clamp(h.row_w, 24.0, 200.0);
  h.col_w = std::clamp(h.col_w, 24.0, 200.0);
  // Slanted labels need about 1.4 × the font between them: upright below 20 px.
  h.angle = h.side >= 20 ? 45 : 90;
  const double rise = h.angle == 45 ? 0.71 : 1.0, overhang = h.angle == 45 ? h.col_w * rise : 0;
  h.left = h.labels ? h.row_w + 10 : 8;
  h.top = h.labels ? h.col_w * rise + 12 : 8;
  h.legend_y = h.top + h.side * map.rows.size() + 14;
  h.width = std::max(h.left + h.side * map.columns.size() + (h.labels ? overhang : 0) + 8,
                     h.left + 11 * 18 + 12 + TextWidth(map.legend) + 8);
  h.height = h.legend_y + 30;
  return h;
}

// Cell (i, j) with its hover title and, when small enough, its value; "" when
// the value is missing.
std::string HeatCellSvg(const HeatMap& map, size_t i, size_t j, const HeatLayout& h) {
  const double v = i < map.values.size() && j < map.values[i].size() ? map.values[i][j] : kNaN;
  if (!std::isfinite(v)) return "";
  std::string title = i < map.titles.size() && j < map.titles[i].size() ? map.titles[i][j] : "";
  if (title.empty()) title = map.rows[i] + " vs " + map.columns[j] + ": " + Fixed(v, 3);
  const double x = h.left + h.side * j, y = h.top + h.side * i;
  std::string out = fmt::format(
      "<rect class=\"cell\" x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{2}\" fill=\"{3}\">"
      "<title>{4}</title></rect>",
      Px(x), Px(y), Px(h.side), DivergingColor(v), HtmlEscape(title));
  if (h.numbers) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{}\" "
        "pointer-events=\"none\">{}</text>",
        Px(x + h.side / 2), Px(y + h.side / 2 + 3.5), std::abs(v - 0.5) > 0.3 ? "#fff" : "#111",
        Fixed(v, 2));
  }
  return out + "\n";
}

std::string HeatLabelsSvg(const HeatMap& map, const HeatLayout& h) {
  std::string out;
  for (size_t i = 0; i < map.rows.size(); ++i) {
    out += fmt::format(
        "<text class=\"row-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{}\" "
        "fill=\"#222\">{}</text>\n",
        Px(h.left - 5), Px(h.top + h.side * (i + 0.5) + h.font * 0.35), Px(h.font),
        HtmlEscape(FitText(map.rows[i], h.row_w / h.scale + 0.5)));
  }
  for (size_t j = 0; j < map.columns.size(); ++j) {
    const double x = h.left + h.side * (j + 0.5) + h.font * 0.3, y = h.top - 5;
    out += fmt::format(
        "<text class=\"column-label\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-{4} {0} {1})\" "
        "font-size=\"{2}\" fill=\"#222\">{3}</text>\n",
        Px(x), Px(y), Px(h.font), HtmlEscape(FitText(map.columns[j], h.col_w / h.scale + 0.5)),
        h.angle);
  }
  return out;
}

// Eleven swatches from 0 to 1, labelled 0, 0.5 and 1, and what they mean.
std::string HeatLegendSvg(const std::string& legend, const HeatLayout& h) {
  std::string out;
  for (int k = 0; k <= 10; ++k) {
    out += fmt::format(
        "<rect class=\"legend\" x=\"{}\" y=\"{}\" width=\"18\" height=\"10\" fill=\"{}\"/>",
        Px(h.left + 18 * k), Px(h.legend_y), DivergingColor(k / 10.0));
  }
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"198\" height=\"10\" fill=\"none\" stroke=\"#999\" "
      "stroke-width=\"0.5\"/>\n",
      Px(h.left), Px(h.legend_y));
  const std::pair<int, const char*> kTicks[] = {{0, "0"}, {5, "0.5"}, {10, "1"}};
  for (const auto& [k, label] : kTicks) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#333\">{}</text>",
        Px(h.left + 18 * k + 9), Px(h.legend_y + 22), label);
  }
  return out + fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\">{}</text>\n",
                           Px(h.left + 11 * 18 + 10), Px(h.legend_y + 9), HtmlEscape(legend));
}

// ---------------------------------------------------------------------------
// The page

// Light, print-friendly; system fonts only.
constexpr char kStyle[] = R"css(
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans CJK KR",sans-serif;color:#1b1b1b;background:#fff;margin:0 auto;max-width:84rem;padding:1rem 1.5rem 3rem}
h1{font-size:1.6rem;margin:.5rem 0}
h2{font-size:1.3rem;margin:2.2rem 0 .6rem;padding-bottom:.2rem;border-bottom:1px solid #ccc}
h3{font-size:1.1rem;margin:1.6rem 0 .4rem}
h4{font-size:1rem;margin:1.2rem 0 .4rem}
p,li{max-width:62rem}
.method,.note,figcaption{color:#444}
.warning{color:#8a1c00;font-weight:600}
nav.toc ol{padding-left:1.4rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;margin:.4rem 0 1rem;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .55rem;border-bottom:1px solid #e2e2e2;text-align:left;vertical-align:top}
thead th{background:#f3f3f3;border-bottom:2px solid #bbb;white-space:nowrap}
th.num,td.num{text-align:right}
td.num,td.name{white-space:nowrap}
td.missing{color:#999}
tbody tr:hover{background:#fbf8e8}
.js table.sortable thead th{cursor:pointer}
.js table.sortable thead th:hover{background:#e8e8e8}
th[aria-sort=ascending]::after{content:" \25B2";font-size:.75em}
th[aria-sort=descending]::after{content:" \25BC";font-size:.75em}
details.prov>summary{cursor:pointer;list-style:none;text-decoration:underline dotted #888;text-underline-offset:3px}
details.prov>summary::-webkit-details-marker{display:none}
details.prov>ul{margin:.3rem 0 .2rem;padding-left:1rem;text-align:left;font-size:.85em;min-width:20rem;max-width:34rem;white-space:normal;overflow-wrap:anywhere}
td.verdict{white-space:nowrap}
details.manifest{margin:.6rem 0 1.2rem;font-size:.9em;color:#333}
details.manifest>summary{cursor:pointer}
details.manifest code{overflow-wrap:anywhere}
.v-a_better,.v-supported{color:#14622a}
.v-b_better,.v-contradicted,.v-not_supported{color:#9b1c1c}
.v-partly_supported{color:#7a5a00}
.v-unknown,.v-untestable{color:#666}
td.quote{min-width:22rem}
figure{margin:1rem 0 1.6rem}
figcaption{font-size:.9em;max-width:62rem}
svg{max-width:100%;height:auto;font-family:inherit}
svg g.row:hover rect.band{fill:#fbf3c8}
svg rect.cell:hover{stroke:#000;stroke-width:1.5}
@media print{
body{max-width:none;padding:0;font-size:10pt}
.scroll{overflow:visible}
nav.toc{display:none}
tr,figure{break-inside:avoid}
th[aria-sort]::after{content:""}
}
)css";

// Sorting by a click on a header (or Enter/Space when focused): numeric on
// data-sort for numeric columns, else by text with numbers compared as
// numbers; missing values last in both directions; ties keep their order.
constexpr char kScript[] = R"js(
(function () {
  'use strict';
  var collator = new Intl.Collator('en', {numeric: true, sensitivity: 'base'});
  function key(row, index, numeric) {
    var cell = row.cells[index];
    if (!cell) return null;
    var sort = cell.getAttribute('data-sort');
    if (numeric) {
      if (sort === null || sort === '') return null;
      var x = Number(sort);
      return isFinite(x) ? x : null;
    }
    return sort !== null ? sort : cell.textContent.trim();
  }
  function sortBy(table, th) {
    var index = th.cellIndex;
    var numeric = th.getAttribute('data-type') === 'num';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, i) {
      return {row: row, i: i, key: key(row, index, numeric)};
    });
    rows.sort(function (a, b) {
      if (a.key === null || b.key === null) {
        return a.key === b.key ? a.i - b.i : (a.key === null ? 1 : -1);
      }
      var c = numeric ? a.key - b.key : collator.compare(a.key, b.key);
      if (!ascending) c = -c;
      return c !== 0 ? c : a.i - b.i;
    });
    rows.forEach(function (r) { body.appendChild(r.row); });
    Array.prototype.forEach.call(th.parentNode.cells, function (h) {
      if (h !== th) h.removeAttribute('aria-sort');
    });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  document.documentElement.className += ' js';
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    if (!table.tHead || table.tBodies.length === 0) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortBy(table, th); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          sortBy(table, th);
        }
      });
    });
  });
})();
)js";

// The id and <h2> text of a section as HtmlSection writes it.
bool SectionHeading(const std::string& section, std::string* id, std::string* heading) {
  const std::string open = "<section id=\"";
  if (section.compare(0, open.size(), open) != 0) return false;
  const size_t id_end = section.find('"', open.size());
  const size_t h = section.find("<h2>");
  const size_t h_end = h == std::string::npos ? h : section.find("</h2>", h);
  if (id_end == std::string::npos || h_end == std::string::npos) return false;
  *id = section.substr(open.size(), id_end - open.size());
  *heading = section.substr(h + 4, h_end - h - 4);
  return true;
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

Axis NiceAxis(double min, double max, int max_ticks) {
  if (!std::isfinite(min) || !std::isfinite(max) || min > max) min = 0, max = 1;
  if (min == max) {
    const double pad = min == 0 ? 1 : std::abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const double raw = (max - min) / std::max(1, max_ticks - 1);
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  Axis axis;
  axis.step = 10 * magnitude;
  for (double m : {1.0, 2.0, 5.0}) {
    if (m * magnitude >= raw * (1 - 1e-9)) {
      axis.step = m * magnitude;
      break;
    }
  }
  // Ends on multiples of the step; the tolerance keeps 90 / 20 = 4.5000001 from
  // adding a tick beyond an end that is already a multiple.
  const long long first = static_cast<long long>(std::floor(min / axis.step + 1e-9));
  const long long last = static_cast<long long>(std::ceil(max / axis.step - 1e-9));
  axis.low = first * axis.step + 0.0;
  axis.high = last * axis.step + 0.0;
  axis.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(axis.step) + 1e-9)));
  for (long long k = first; k <= last; ++k) axis.ticks.push_back(k * axis.step + 0.0);
  return axis;
}

std::string ForestPlotSvg(const std::vector<ForestRow>& rows, const ForestPlotOptions& options) {
  const std::optional<ForestLayout> f = LayOutForest(rows, options);
  if (!f) return "";
  std::string out = fmt::format(
      "<svg class=\"forest\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"Forest plot\">\n",
      Px(f->width), Px(f->height));
  for (double t : f->axis.ticks) {
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#e4e4e4\"/>\n",
        Px(f->X(t)), Px(f->top), Px(f->bottom));
  }
  for (size_t k = 0; k < rows.size(); ++k) out += ForestRowSvg(rows[k], k, *f, options.decimals);
  if (std::isfinite(options.reference)) {
    out += fmt::format(
        "<line class=\"ref\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#b2182b\" "
        "stroke-dasharray=\"4 3\"/>\n",
        Px(f->X(options.reference)), Px(f->top), Px(f->bottom));
  }
  return out + ForestAxisSvg(*f, options.axis_label) + "</svg>\n";
}

std::string DivergingColor(double p) {
  if (std::isnan(p)) return "#eeeeee";
  p = std::clamp(p, 0.0, 1.0);
  const double t = std::abs(2 * p - 1);
  const int end[3] = {p >= 0.5 ? 0xb2 : 0x21, p >= 0.5 ? 0x18 : 0x66, p >= 0.5 ? 0x2b : 0xac};
  int rgb[3];
  for (int k = 0; k < 3; ++k) rgb[k] = static_cast<int>(std::lround(255 + (end[k] - 255) * t));
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

std::string HeatMapSvg(const HeatMap& map) {
  if (map.rows.empty() || map.columns.empty()) return "";
  const HeatLayout h = LayOutHeatMap(map);
  std::string out = fmt::format(
      "<svg class=\"heatmap\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"Heat map: {2}\">\n",
      Px(h.width), Px(h.height), HtmlEscape(map.legend));
  out += fmt::format(
      "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f7f7f7\"/>\n",
      Px(h.left), Px(h.top), Px(h.side * map.columns.size()), Px(h.side * map.rows.size()));
  for (size_t i = 0; i < map.rows.size(); ++i) {
    for (size_t j = 0; j < map.columns.size(); ++j) out += HeatCellSvg(map, i, j, h);
  }
  if (h.labels) out += HeatLabelsSvg(map, h);
  return out + HeatLegendSvg(map.legend, h) + "</svg>\n";
}

namespace {

// How the report was made, from its manifest (docs/formats.md): the command,
// podium's version and commit, seed and rounds, each input with its rows and
// SHA-256, and what was left out. Closed by default; a list, not a table, so
// that it does not join the sortable tables.
std::string ManifestDetails(const Json& report) {
  const Json& m = At(report, "manifest");
  if (!m.is_object()) return "";
  std::string out =
      "<details class=\"manifest\"><summary>How this report was made (manifest)</summary>\n<ul>\n";
  out += "<li>Command: <code>" + HtmlEscape(Str(m, "command_line")) + "</code></li>\n";
  std::string made = "podium " + Str(m, "podium_version");
  if (At(m, "git_commit").is_string()) made += ", commit " + Str(m, "git_commit");
  if (At(m, "seed").is_number()) made += fmt::format(", seed {}", At(m, "seed").dump());
  if (At(m, "rounds").is_number()) made += fmt::format(", {} rounds", At(m, "rounds").dump());
  if (At(m, "seconds").is_number()) made += fmt::format(", {} s", Shortest(Num(m, "seconds")));
  out += "<li>Made by " + HtmlEscape(made) + "</li>\n";
  for (const Json& input : Array(m, "inputs")) {
    out += fmt::format("<li>Input <code>{}</code> ({}, {} rows): SHA-256 <code>{}</code></li>\n",
                       HtmlEscape(Str(input, "path")), HtmlEscape(Str(input, "kind")),
                       At(input, "rows").dump(), HtmlEscape(Str(input, "sha256")));
  }
  for (const Json& d : Array(m, "dropped")) {
    out += fmt::format("<li>Left out {} {}: {}</li>\n", At(d, "count").dump(),
                       HtmlEscape(Str(d, "what")), HtmlEscape(Str(d, "reason")));
  }
  return out + "</ul>\n</details>\n";
}

std::string SectionBody(const Json& report, const std::string& id) {
  const std::string schema = Str(report, "schema");
  if (schema == "podium.leaderboard/1") return LeaderboardSection(report, id);
  if (schema == "podium.arena/1") return ArenaSection(report, id);
  if (schema == "podium.netwin/1") return NetWinSection(report, id);
  if (schema == "podium.h2h/1") return H2HSection(report, id);
  const std::string note =
      schema.empty() ? "This report names no schema, so it has no HTML view."
                     : "Schema " + schema + " has no HTML view; see its JSON or Markdown file.";
  return SectionStart(id, "other", Title(report, schema.empty() ? "Report" : schema.c_str())) +
         Paragraph(note, "note") + "</section>\n";
}

}  // namespace

std::string HtmlSection(const Json& report, const std::string& id) {
  std::string section = SectionBody(report, id);
  const std::string end = "</section>\n";
  const std::string manifest = ManifestDetails(report);
  if (!manifest.empty() && section.size() >= end.size() &&
      section.compare(section.size() - end.size(), end.size(), end) == 0) {
    section.insert(section.size() - end.size(), manifest);
  }
  return section;
}

std::string HtmlPage(const std::string& title, const std::string& intro_html,
                     const std::vector<std::string>& sections) {
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"podium\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n<header>\n<h1>{}</h1>\n{}</header>\n",
      HtmlEscape(title), kStyle, HtmlEscape(title), intro_html);
  if (sections.size() > 1) {
    std::string items;
    for (const std::string& s : sections) {
      std::string id, heading;
      if (SectionHeading(s, &id, &heading)) {
        items += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, heading);
      }
    }
    if (!items.empty()) {
      out += "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n" + items +
             "</ol>\n</nav>\n";
    }
  }
  out += "<main>\n";
  for (const std::string& s : sections) out += s;
  return out + "</main>\n<script>" + kScript + "</script>\n</body>\n</html>\n";
}

std::string ReportHtml(const Json& report) {
  return HtmlPage(Title(report, "podium report"), "", {HtmlSection(report, "report")});
}

}  // namespace podium
