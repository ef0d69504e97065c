#include "engine/reporting/html_report.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "engine/reporting/html_assets.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

// The text between the first `open` at or after `from` and the next `close`.
std::string Between(const std::string& s, const std::string& open, const std::string& close,
                    size_t from = 0) {
  const size_t a = s.find(open, from);
  if (a == std::string::npos) return "";
  const size_t b = s.find(close, a + open.size());
  return b == std::string::npos ? "" : s.substr(a + open.size(), b - a - open.size());
}

// The <td> whose data-sort is `key`, with everything up to its </td>.
std::string CellWithSort(const std::string& html, const std::string& key) {
  const size_t at = html.find("data-sort=\"" + key + "\"");
  if (at == std::string::npos) return "";
  const size_t start = html.rfind("<td", at);
  return html.substr(start, html.find("</td>", at) + 5 - start);
}

// A leaderboard of three models on two benchmarks: one cell missing, one
// model without an interval, one excluded model, one dropped benchmark.
Json Leaderboard() {
  return Json::parse(R"json({
    "schema": "podium.leaderboard/1", "title": "Test board",
    "options": {"normalize": "raw", "aggregate": "mean", "on_conflict": "error",
                "min_models": 2, "benchmarks": ["b1", "b2"],
                "method": "Values as published.",
                "uncertainty": {"kind": "bootstrap", "bootstrap": "parametric",
                                "interval": "bca", "rounds": 200, "seed": 7, "level": 0.9,
                                "method": "Parametric bootstrap.", "notes": ["b2 held fixed"]}},
    "benchmarks": [{"id": "b1", "name": "Bench One", "higher_is_better": true},
                   {"id": "b2", "name": "Bench Two", "higher_is_better": false}],
    "rows": [
      {"rank": 1, "model": "m1", "name": "A<&\"B", "score": 65.5, "ci_low": 60.25, "ci_high": 70.75,
       "rank_ci_low": 1, "rank_ci_high": 2, "rank_set_low": 1, "rank_set_high": 2, "tier": 1,
       "cells": 2,
       "benchmarks": {"b1": {"value": 65.0, "raw": 65.0, "claims": ["c1"]},
                      "b2": {"value": 66.0, "raw": 66.0, "claims": ["c2", "c3"]}},
       "claims": ["c1", "c2", "c3"]},
      {"rank": 2, "model": "m2", "name": "모델 둘", "score": 50.0, "ci_low": 45.0, "ci_high": 55.0,
       "rank_ci_low": 1, "rank_ci_high": 3, "rank_set_low": 1, "rank_set_high": 3, "tier": 1,
       "cells": 1,
       "benchmarks": {"b1": {"value": 50.0, "raw": 50.0, "claims": ["c4"]}, "b2": null},
       "claims": ["c4"]},
      {"rank": 3, "model": "m3", "name": "Model Three", "score": 9.5, "ci_low": null,
       "ci_high": null, "rank_ci_low": 3, "rank_ci_high": 3, "rank_set_low": 3,
       "rank_set_high": 3, "tier": 2, "cells": 1,
       "benchmarks": {"b1": {"value": 9.5, "raw": 9.5, "claims": ["c5"]}, "b2": null},
       "claims": ["c5"]}],
    "excluded": [{"model": "m4", "reason": "coverage 0.00 < --min-coverage 0.50"}],
    "dropped_benchmarks": ["b9"],
    "claims": {
      "c1": {"source": "s1", "line": 42, "kind": "table", "model_as_written": "모델 하나",
             "benchmark_as_written": "Bench-1", "value_text": "65.0", "unit": "%",
             "metric": "", "setting": "5-shot", "notes": "typo <in> source"},
      "c2": {"source": "s1", "line": 43, "kind": "prose", "model_as_written": "M1",
             "benchmark_as_written": "B2", "value_text": "66", "unit": "points",
             "metric": "", "setting": "", "notes": ""},
      "c3": {"source": "s2", "line": 7, "kind": "table", "model_as_written": "M-1",
             "benchmark_as_written": "B-2", "value_text": "66.0", "unit": "points",
             "metric": "", "setting": "", "notes": ""},
      "c4": {"source": "s1", "line": 44, "kind": "table", "model_as_written": "M2",
             "benchmark_as_written": "Bench-1", "value_text": "50.0", "unit": "points",
             "metric": "", "setting": "", "notes": ""},
      "c5": {"source": null, "line": null, "kind": "items", "model_as_written": "",
             "benchmark_as_written": "", "value_text": "9.50", "unit": "",
             "metric": "", "setting": "", "notes": "from items.csv"}},
    "sources": {"s1": {"file": "doc.txt", "title": "Doc Title", "publisher": "P",
                       "date": "2024-11", "sha256": "00"}}
  })json");
}

TEST(HtmlEscapeTest, EscapesMarkupAndKeepsUtf8) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">&'</a>"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("미스트랄 8B – ok\n"), "미스트랄 8B – ok\n");
}

TEST(NiceAxisTest, TicksAreOneTwoOrFiveTimesAPowerOfTen) {
  const Axis a = NiceAxis(10, 90);
  EXPECT_DOUBLE_EQ(a.low, 0);
  EXPECT_DOUBLE_EQ(a.high, 100);
  EXPECT_DOUBLE_EQ(a.step, 20);
  EXPECT_EQ(a.decimals, 0);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 20, 40, 60, 80, 100}));

  const Axis small = NiceAxis(0.02, 0.07);
  EXPECT_NEAR(small.step, 0.01, 1e-15);
  EXPECT_EQ(small.decimals, 2);
  EXPECT_NEAR(small.low, 0.02, 1e-12);
  EXPECT_NEAR(small.high, 0.07, 1e-12);
  EXPECT_EQ(small.ticks.size(), 6u);

  const Axis negative = NiceAxis(-13.4, 7.4);  // an interval around 0
  EXPECT_DOUBLE_EQ(negative.step, 5);
  EXPECT_DOUBLE_EQ(negative.low, -15);
  EXPECT_DOUBLE_EQ(negative.high, 10);

  const Axis point = NiceAxis(5, 5);  // widened by 10% on each side
  EXPECT_LT(point.low, 5);
  EXPECT_GT(point.high, 5);
  const Axis bad = NiceAxis(std::nan(""), 3);
  EXPECT_DOUBLE_EQ(bad.low, 0);
  EXPECT_DOUBLE_EQ(bad.high, 1);
}

TEST(ForestPlotTest, PointsAndIntervalsAtHandComputedPositions) {
  // Axis [0, 100] (NiceAxis(10, 90)); x(v) = 100 + 400 · v / 100.
  ForestPlotOptions options;
  options.label_width = 100;
  options.plot_width = 400;
  options.row_height = 20;
  const std::string svg =
      ForestPlotSvg({{"first", 20, 10, 90, ""}, {"second", 80, NAN, NAN, ""}}, options);
  EXPECT_EQ(Count(svg, "<circle class=\"point\""), 2u);
  EXPECT_EQ(Count(svg, "<line class=\"interval\""), 1u);
  // Row k at y = 8 + 20 · (k + 0.5).
  EXPECT_NE(svg.find("<circle class=\"point\" cx=\"180\" cy=\"18\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<circle class=\"point\" cx=\"420\" cy=\"38\""), std::string::npos) << svg;
  EXPECT_NE(svg.find("<line class=\"interval\" x1=\"140\" x2=\"460\" y1=\"18\" y2=\"18\""),
            std::string::npos);
  EXPECT_EQ(Count(svg, "<line class=\"tick\""), 6u);
  EXPECT_NE(svg.find(">100</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>first: 20.00 [10.00, 90.00]</title>"), std::string::npos);
  EXPECT_EQ(svg.find("class=\"ref\""), std::string::npos);  // no reference asked for
}

TEST(ForestPlotTest, ReferenceLineAndEmptyInput) {
  ForestPlotOptions options;
  options.label_width = 100;
  options.plot_width = 400;
  options.reference = 0;
  // Axis over -13.4 .. 7.4 and 0 = [-15, 10]: x(0) = 100 + 400 · 15 / 25 = 340.
  const std::string svg = ForestPlotSvg({{"d", -3, -13.4, 7.4, ""}}, options);
  EXPECT_NE(svg.find("<line class=\"ref\" x1=\"340\" x2=\"340\""), std::string::npos) << svg;
  EXPECT_EQ(ForestPlotSvg({{"no point", NAN, NAN, NAN, ""}}, options), "");
  EXPECT_EQ(ForestPlotSvg({}, options), "");
}

TEST(DivergingColorTest, WhiteAtHalfRedAboveBlueBelow) {
  EXPECT_EQ(DivergingColor(0.5), "#ffffff");
  EXPECT_EQ(DivergingColor(1), "#b2182b");
  EXPECT_EQ(DivergingColor(0), "#2166ac");
  // Halfway from white to #b2182b: (255 + 178) / 2 = 216.5 -> 217 = d9, 139.5 -> 140 = 8c, 149.
  EXPECT_EQ(DivergingColor(0.75), "#d98c95");
  // Halfway to #2166ac: 144 = 90, 178.5 -> 179 = b3, 213.5 -> 214 = d6.
  EXPECT_EQ(DivergingColor(0.25), "#90b3d6");
  EXPECT_EQ(DivergingColor(1.7), "#b2182b");
  EXPECT_EQ(DivergingColor(NAN), "#eeeeee");
}

TEST(HeatMapTest, SmallMatrixPrintsNumbersAndLabels) {
  HeatMap map;
  map.rows = map.columns = {"x", "y", "z"};
  map.values = {{NAN, 0.75, 0.9}, {0.25, NAN, 0.5}, {0.1, 0.5, NAN}};
  map.titles = {{"", "x beats y <75%>", ""}, {}, {}};
  const std::string svg = HeatMapSvg(map);
  EXPECT_EQ(Count(svg, "<rect class=\"cell\""), 6u);  // n(n - 1): diagonal blank
  EXPECT_NE(svg.find("width=\"36\" height=\"36\" fill=\"#d98c95\"><title>x beats y &lt;75%&gt;"),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<title>y vs x: 0.250</title>"), std::string::npos);  // default title
  EXPECT_NE(svg.find(">0.75</text>"), std::string::npos);
  EXPECT_EQ(Count(svg, "class=\"row-label\""), 3u);
  EXPECT_EQ(Count(svg, "class=\"column-label\""), 3u);
  EXPECT_EQ(Count(svg, "<rect class=\"legend\""), 11u);
}

TEST(HeatMapTest, LargeMatrixHasSmallCellsNoNumbersNoLabels) {
  HeatMap map;
  const int n = 120;
  for (int i = 0; i < n; ++i) map.rows.push_back("model-" + std::to_string(i));
  map.columns = map.rows;
  map.values.assign(n, std::vector<double>(n, 0.6));
  for (int i = 0; i < n; ++i) map.values[i][i] = NAN;
  const std::string svg = HeatMapSvg(map);
  EXPECT_EQ(Count(svg, "<rect class=\"cell\""), static_cast<size_t>(n * (n - 1)));
  EXPECT_NE(svg.find("width=\"6\" height=\"6\""), std::string::npos);  // floor(720 / 120)
  EXPECT_EQ(svg.find("pointer-events"), std::string::npos);            // no numbers
  EXPECT_EQ(svg.find("row-label"), std::string::npos);
  EXPECT_NE(svg.find("<title>model-0 vs model-1: 0.600</title>"), std::string::npos);
  EXPECT_EQ(HeatMapSvg(HeatMap()), "");
}

TEST(HtmlSectionTest, LeaderboardTableRowsColumnsAndMissingCells) {
  const std::string html = HtmlSection(Leaderboard(), "lb");
  EXPECT_EQ(html.rfind("<section id=\"lb\" class=\"report leaderboard\">\n<h2>Test board</h2>", 0),
            0u);
  const std::string body = Between(html, "<tbody>", "</tbody>");
  EXPECT_EQ(Count(body, "<tr>"), 3u);
  const std::string head = Between(html, "<thead>", "</thead>");
  for (const char* column : {">Rank<", ">Model<", ">Score<", ">90% CI<", ">Rank CI<", ">Rank set<",
                             ">Tier<", ">Bench One<", ">Bench Two (↓)<"}) {
    EXPECT_NE(head.find(column), std::string::npos) << column;
  }
  EXPECT_EQ(Count(head, "data-type=\"num\""), 9u);  // all but Model
  // Missing cells: an en dash that says why.
  EXPECT_EQ(Count(body, "<td class=\"num missing\" title=\"no claim\">–</td>"), 2u);
  EXPECT_EQ(Count(body, "<td class=\"num missing\" title=\"no interval\">–</td>"), 1u);
  // Score to 2 decimals, interval, rank ranges; raw cells as printed.
  EXPECT_NE(body.find("<summary>65.50</summary>"), std::string::npos);
  EXPECT_NE(body.find("<td class=\"num\" data-sort=\"60.25\">[60.25, 70.75]</td>"),
            std::string::npos);
  EXPECT_NE(body.find("<td class=\"num\" data-sort=\"1\">1–3</td>"), std::string::npos);
  EXPECT_NE(body.find("<summary>9.50</summary>"), std::string::npos);
  // Method, notes, dropped benchmarks and excluded models.
  EXPECT_NE(html.find("<p class=\"method\">Values as published.</p>"), std::string::npos);
  EXPECT_NE(html.find("<li>b2 held fixed</li>"), std::string::npos);
  EXPECT_NE(html.find("Left out (1 benchmarks reported for fewer than 2 models): b9."),
            std::string::npos);
  EXPECT_NE(html.find("<li>m4 (coverage 0.00 &lt; --min-coverage 0.50)</li>"), std::string::npos);
}

TEST(HtmlSectionTest, LeaderboardCellsCarryTheirProvenance) {
  const std::string html = HtmlSection(Leaderboard(), "lb");
  // The MMLU-like cell of the first model: claim id, document, line, names as
  // written and the value as printed, in the hover title and in <details>.
  const std::string cell = CellWithSort(html, "65");
  ASSERT_FALSE(cell.empty());
  EXPECT_NE(cell.find("title=\"c1: Doc Title (doc.txt), line 42, table: “모델 하나” on "
                      "“Bench-1” = 65.0% [5-shot]\""),
            std::string::npos)
      << cell;
  EXPECT_NE(cell.find("<details class=\"prov\"><summary>65.0</summary>"), std::string::npos);
  EXPECT_NE(
      cell.find("<li><b>c1</b> <cite>Doc Title</cite> (doc.txt), line 42, table: “모델 하나” "
                "on “Bench-1” = 65.0% [5-shot]<br><small>typo &lt;in&gt; source</small></li>"),
      std::string::npos)
      << cell;
  // Two claims behind one cell; a source missing from "sources" shows its id.
  const std::string two = CellWithSort(html, "66");
  EXPECT_NE(two.find("title=\"c2: Doc Title (doc.txt), line 43, prose: “M1” on “B2” = 66\nc3: s2, "
                     "line 7, table: “M-1” on “B-2” = 66.0\""),
            std::string::npos)
      << two;
  // The score's provenance is every claim of the row.
  const std::string score = CellWithSort(html, "65.5");
  EXPECT_EQ(Count(score, "<li><b>"), 3u);
  // A claim from per-item results has no document.
  EXPECT_NE(html.find("c5: from per-item results (from items.csv) = 9.50"), std::string::npos);
}

TEST(HtmlSectionTest, LeaderboardForestPlotOneMarkPerModel) {
  const std::string html = HtmlSection(Leaderboard(), "lb");
  const std::string svg = Between(html, "<svg class=\"forest\"", "</svg>");
  EXPECT_EQ(Count(svg, "<circle class=\"point\""), 3u);
  EXPECT_EQ(Count(svg, "<line class=\"interval\""), 2u);  // Model Three has none
  EXPECT_NE(html.find("<figcaption>Points: score; lines: 90% BCa intervals from a parametric "
                      "bootstrap (200 rounds, seed 7).</figcaption>"),
            std::string::npos);
}

TEST(HtmlSectionTest, EscapesNamesFromJson) {
  const std::string html = HtmlSection(Leaderboard(), "lb\"x");
  EXPECT_EQ(html.find("A<&\"B"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"name\" title=\"m1\">A&lt;&amp;&quot;B</td>"), std::string::npos);
  EXPECT_NE(html.find(">A&lt;&amp;&quot;B</text>"), std::string::npos);  // forest label
  EXPECT_NE(html.find("<section id=\"lb&quot;x\""), std::string::npos);
  EXPECT_NE(html.find(">모델 둘</td>"), std::string::npos);
}

Json Arena() {
  // matrices.models in name order; rows by rating: "top" > "mid" > "low".
  return Json::parse(R"json({
    "schema": "podium.arena/1", "title": "Arena",
    "options": {"method": "bt", "rounds": 100, "level": 0.95, "method_text": "Bradley–Terry."},
    "input": {"battles_file": "b.csv", "battles": 60, "models": 3},
    "fit": {"iterations": 5, "converged": true, "components": 1},
    "rows": [
      {"model": "top", "component": 1, "rating": 1100.4, "ci_low": 1050.2, "ci_high": 1150.6,
       "rank": 1, "rank_set_low": 1, "rank_set_high": 1, "tier": 1, "battles": 40, "wins": 30,
       "losses": 8, "ties": 2},
      {"model": "mid", "component": 1, "rating": 1000.0, "ci_low": 950.0, "ci_high": 1050.0,
       "rank": 2, "rank_set_low": 2, "rank_set_high": 3, "tier": 2, "battles": 40, "wins": 20,
       "losses": 18, "ties": 2},
      {"model": "low", "component": 1, "rating": 899.6, "ci_low": 849.4, "ci_high": 949.8,
       "rank": 3, "rank_set_low": 2, "rank_set_high": 3, "tier": 2, "battles": 40, "wins": 8,
       "losses": 32, "ties": 0}],
    "matrices": {"models": ["low", "mid", "top"],
                 "battles": [[0, 20, 20], [20, 0, 20], [20, 20, 0]],
                 "win_fraction": [[null, 0.3, 0.2], [0.7, null, 0.35], [0.8, 0.65, null]],
                 "predicted": [[null, 0.36, 0.25], [0.64, null, 0.36], [0.75, 0.64, null]]},
    "warnings": ["a warning"]
  })json");
}

TEST(HtmlSectionTest, ArenaTableForestAndHeatMapOrderedByRating) {
  const std::string html = HtmlSection(Arena(), "arena");
  EXPECT_EQ(Count(Between(html, "<tbody>", "</tbody>"), "<tr>"), 3u);
  EXPECT_NE(html.find("<td class=\"num\" data-sort=\"1100.4\">1100</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\" data-sort=\"1050.2\">[1050, 1151]</td>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\" data-sort=\"30\">30 / 8 / 2</td>"), std::string::npos);
  const std::string forest = Between(html, "<svg class=\"forest\"", "</svg>");
  EXPECT_EQ(Count(forest, "<circle class=\"point\""), 3u);
  EXPECT_EQ(Count(forest, "<line class=\"interval\""), 3u);

  const std::string heat = Between(html, "<svg class=\"heatmap\"", "</svg>");
  EXPECT_EQ(Count(heat, "<rect class=\"cell\""), 6u);
  // Row 0 is "top" (highest rating), column 2 is "low": P(top beats low) = 0.75.
  EXPECT_NE(heat.find("fill=\"#d98c95\"><title>top vs low\npredicted P(top wins): 0.750\n"
                      "observed: 0.800 (ties excluded)\nbattles: 20</title>"),
            std::string::npos)
      << heat;
  const size_t top = heat.find(">top</text>"), mid = heat.find(">mid</text>"),
               low = heat.find(">low</text>");
  EXPECT_LT(top, mid);
  EXPECT_LT(mid, low);
  EXPECT_NE(html.find("<li>a warning</li>"), std::string::npos);
}

TEST(HtmlSectionTest, NetWinTableAndHeatMapByTask) {
  const Json report = Json::parse(R"json({
    "schema": "podium.netwin/1", "title": "NWR", "options": {"level": 0.95}, "computed": [],
    "reported": [
      {"claim": "k1", "model_a": "gen", "model_b": "rival", "task": "video", "nwr": 35.0,
       "win_probability": 0.675, "elo_gap": 126.97, "source": "s1", "line": 225},
      {"claim": "k2", "model_a": "gen", "model_b": "rival", "task": "audio", "nwr": -10.0,
       "win_probability": 0.45, "elo_gap": -34.8, "source": "s1", "line": 226}]
  })json");
  const std::string html = HtmlSection(report, "nwr");
  EXPECT_EQ(Count(Between(html, "<tbody>", "</tbody>"), "<tr>"), 2u);
  EXPECT_NE(html.find(">k1 (s1 line 225)</td>"), std::string::npos);
  EXPECT_NE(html.find("data-sort=\"126.97\">127</td>"), std::string::npos);
  const std::string heat = Between(html, "<svg class=\"heatmap\"", "</svg>");
  EXPECT_EQ(Count(heat, "<rect class=\"cell\""), 2u);
  EXPECT_NE(heat.find(">gen · video</text>"), std::string::npos);
  EXPECT_NE(heat.find(">gen · audio</text>"), std::string::npos);
}

Json ScoreH2H() {
  return Json::parse(R"json({
    "schema": "podium.h2h/1", "title": "A vs B", "mode": "scores", "all_pairs": false,
    "level": 0.95, "options": {"method": "Per benchmark."},
    "comparisons": [{"a": "a", "b": "b", "a_name": "Model A", "b_name": "Model B",
      "summary": {"a_better": 1, "b_better": 0, "tied": 0, "unknown": 1},
      "benchmarks": [
        {"benchmark": "mmlu", "higher_is_better": true, "a": 65.0, "b": 60.0,
         "a_claims": ["x1"], "b_claims": ["x2"], "a_noise": "binomial, n = 14042",
         "b_noise": "binomial, n = 14042", "advantage": 5.0, "se": 0.5, "ci_low": 4.02,
         "ci_high": 5.98, "p_a_better": 1.0, "p_value": 0.0, "p_holm": 0.0,
         "verdict": "a_better"},
        {"benchmark": "agieval", "higher_is_better": true, "a": 48.3, "b": 44.4,
         "a_claims": [], "b_claims": [], "a_noise": "none", "b_noise": "none",
         "advantage": 3.9, "se": null, "ci_low": null, "ci_high": null, "p_a_better": null,
         "p_value": null, "p_holm": null, "verdict": "unknown"}],
      "statements": [{"source": "s1", "line": 12, "first": "a", "second": "b",
                      "says": "a_better", "benchmarks": ["mmlu"], "quote": "A가 더 좋다",
                      "english": "A is better.", "verdict": "partly_supported",
                      "detail": "within noise on x"}]}],
    "claims": {"x1": {"source": "s1", "line": 10, "kind": "table", "model_as_written": "에이",
                      "benchmark_as_written": "MMLU", "value_text": "65.0", "unit": "points",
                      "metric": "", "setting": "", "notes": ""},
               "x2": {"source": "s1", "line": 11, "kind": "table", "model_as_written": "비",
                      "benchmark_as_written": "MMLU", "value_text": "60", "unit": "points",
                      "metric": "", "setting": "", "notes": ""}},
    "sources": {"s1": {"file": "s1.txt", "title": "Brief", "publisher": "", "date": "",
                       "sha256": ""}}
  })json");
}

TEST(HtmlSectionTest, ScoreHeadToHead) {
  const std::string html = HtmlSection(ScoreH2H(), "h");
  EXPECT_NE(html.find("<h3>Model A vs Model B</h3>"), std::string::npos);
  EXPECT_EQ(Count(Between(html, "<tbody>", "</tbody>"), "<tr>"), 2u);
  EXPECT_NE(html.find("title=\"x2: Brief (s1.txt), line 11, table: “비” on “MMLU” = 60\nnoise: "
                      "binomial, n = 14042\"><details class=\"prov\"><summary>60</summary>"),
            std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\" data-sort=\"0\">&lt; 0.001</td>"), std::string::npos);
  EXPECT_NE(html.find(">Model A better</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num missing\" title=\"no sampling model\">–</td>"),
            std::string::npos);
  // Forest plot of the advantage: two points, one interval, a line at 0.
  const std::string svg = Between(html, "<svg class=\"forest\"", "</svg>");
  EXPECT_EQ(Count(svg, "<circle class=\"point\""), 2u);
  EXPECT_EQ(Count(svg, "<line class=\"interval\""), 1u);
  EXPECT_EQ(Count(svg, "<line class=\"ref\""), 1u);
  // The statement with its verdict; the second table's rows.
  EXPECT_NE(html.find("<q>A가 더 좋다</q><br><small>A is better.</small>"), std::string::npos);
  EXPECT_NE(html.find("verdict v-partly_supported\">partly supported</td>"), std::string::npos);
  const size_t second = html.find("<tbody>", html.find("</tbody>"));
  EXPECT_EQ(Count(Between(html, "<tbody>", "</tbody>", second), "<tr>"), 1u);
}

TEST(HtmlSectionTest, BattleHeadToHeadAndUnknownSchema) {
  const Json battles = Json::parse(R"json({
    "schema": "podium.h2h/1", "title": "", "mode": "battles", "all_pairs": true, "level": 0.95,
    "options": {"method": "Direct battles."},
    "comparisons": [
      {"a": "x", "b": "y", "wins": 30, "losses": 20, "ties": 5, "observed": 0.6,
       "predicted": 0.658, "p_value": 0.2, "p_holm": 0.81, "difference": 113.7,
       "difference_ci_low": 62.5, "difference_ci_high": 171.1, "verdict": "tied_within_noise"},
      {"a": "x", "b": "z", "wins": 35, "losses": 12, "ties": 2, "observed": 0.745,
       "predicted": 0.725, "p_value": 0.001, "p_holm": 0.005, "difference": 168.8,
       "difference_ci_low": 106.1, "difference_ci_high": 241.4, "verdict": "a_better"}]
  })json");
  const std::string html = HtmlSection(battles, "b");
  EXPECT_NE(html.find("<h2>Head-to-head</h2>"), std::string::npos);  // empty title
  EXPECT_EQ(Count(Between(html, "<tbody>", "</tbody>"), "<tr>"), 2u);
  EXPECT_NE(html.find(">p (Holm)</th>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\" data-sort=\"0.81\">0.810</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"num\" data-sort=\"35\">35 / 12 / 2</td>"), std::string::npos);

  const std::string other =
      HtmlSection(Json::parse(R"({"schema": "podium.audit/1", "title": "Audit"})"), "a");
  EXPECT_EQ(other,
            "<section id=\"a\" class=\"report other\">\n<h2>Audit</h2>\n<p class=\"note\">Schema "
            "podium.audit/1 has no HTML view; see its JSON or Markdown file.</p>\n</section>\n");
  EXPECT_NE(HtmlSection(Json::array(), "x").find("names no schema"), std::string::npos);
}

TEST(HtmlPageTest, SelfContainedPageWithTableOfContents) {
  const std::string page =
      HtmlPage("Reports <all>", "<p>intro</p>",
               {HtmlSection(Leaderboard(), "lb"), HtmlSection(Arena(), "arena")});
  EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0),
            0u);
  EXPECT_NE(page.find("<title>Reports &lt;all&gt;</title>"), std::string::npos);
  EXPECT_NE(page.find("<h1>Reports &lt;all&gt;</h1>\n<p>intro</p>"), std::string::npos);
  EXPECT_NE(page.find("<li><a href=\"#lb\">Test board</a></li>\n<li><a href=\"#arena\">Arena</a>"),
            std::string::npos);
  EXPECT_EQ(Count(page, "<style>"), 1u);
  EXPECT_EQ(Count(page, "<script>"), 1u);
  // Nothing outside the page: no src at all, every href an in-page anchor, no URL.
  EXPECT_EQ(page.find("src="), std::string::npos);
  const std::regex href("href=\"([^\"]*)\"");
  size_t hrefs = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), href); it != std::sregex_iterator();
       ++it, ++hrefs) {
    EXPECT_EQ((*it)[1].str().rfind("#", 0), 0u) << (*it)[1].str();
  }
  EXPECT_EQ(hrefs, 2u);
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
  EXPECT_EQ(page.find("url("), std::string::npos);
  EXPECT_EQ(page.find("@import"), std::string::npos);

  // One section: no table of contents.
  const std::string single = ReportHtml(Leaderboard());
  EXPECT_EQ(single.find("<nav"), std::string::npos);
  EXPECT_NE(single.find("<title>Test board</title>"), std::string::npos);
  EXPECT_NE(single.find("<section id=\"report\""), std::string::npos);
}

TEST(HtmlPageTest, OutputIsAPureFunctionOfTheInput) {
  for (const Json& report : {Leaderboard(), Arena(), ScoreH2H()}) {
    EXPECT_EQ(ReportHtml(report), ReportHtml(report));
  }
  EXPECT_NE(ReportHtml(Json::object()).find("<title>podium report</title>"), std::string::npos);
}

// The bytes of a file in the test's runfiles (the working directory).
std::string FileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(HtmlAssetsTest, EmbeddedBytesAreTheFilesBytes) {
  const std::string css = FileBytes("engine/reporting/html/report.css");
  const std::string js = FileBytes("engine/reporting/html/report.js");
  ASSERT_FALSE(css.empty());
  ASSERT_FALSE(js.empty());
  EXPECT_EQ(ReportCss(), css);
  EXPECT_EQ(ReportJs(), js);
  // The page puts each on a line of its own and adds nothing else.
  const std::string page = ReportHtml(Leaderboard());
  EXPECT_NE(page.find("<style>\n" + css + "</style>\n</head>"), std::string::npos);
  EXPECT_NE(page.find("<script>\n" + js + "</script>\n</body>"), std::string::npos);
}

TEST(HtmlSectionTest, OneRendererPerSchemaFromTheTable) {
  for (const char* schema :
       {"podium.leaderboard/1", "podium.arena/1", "podium.netwin/1", "podium.h2h/1"}) {
    EXPECT_NE(FindHtmlSectionRenderer(schema), nullptr) << schema;
  }
  EXPECT_EQ(FindHtmlSectionRenderer("podium.audit/1"), nullptr);
  EXPECT_EQ(FindHtmlSectionRenderer(""), nullptr);
  EXPECT_EQ(FindHtmlSectionRenderer("podium.leaderboard/2"), nullptr);
  EXPECT_EQ(FindHtmlSectionRenderer("podium.arena/1")(Arena(), "a"), HtmlSection(Arena(), "a"));
}

// The Markdown and the page print leaderboard numbers by one rule.
TEST(LeaderboardNumbersTest, DigitsFromTheOptionNames) {
  const LeaderboardNumbers raw = LeaderboardNumbersFor("raw", "mean", "error");
  EXPECT_EQ(raw.score_decimals, 2);
  EXPECT_EQ(raw.cell_decimals, 2);
  EXPECT_TRUE(raw.cells_as_printed);
  EXPECT_FALSE(LeaderboardNumbersFor("raw", "mean", "mean").cells_as_printed);  // averaged
  const LeaderboardNumbers minmax = LeaderboardNumbersFor("minmax", "mean", "latest");
  EXPECT_EQ(minmax.score_decimals, 3);
  EXPECT_EQ(minmax.cell_decimals, 3);
  EXPECT_FALSE(minmax.cells_as_printed);
  EXPECT_EQ(LeaderboardNumbersFor("zscore", "borda", "error").score_decimals, 1);
  EXPECT_EQ(LeaderboardNumbersFor("zscore", "borda", "error").cell_decimals, 3);
  EXPECT_EQ(LeaderboardNumbersFor("chance", "winrate", "error").score_decimals, 3);
  EXPECT_EQ(LeaderboardNumbersFor("chance", "winrate", "error").cell_decimals, 2);
  EXPECT_EQ(LeaderboardNumbersFor("", "", "").score_decimals, 2);
}

TEST(LeaderboardNumbersTest, ColumnsFromTheUncertaintyKind) {
  using C = UncertaintyColumn;
  EXPECT_EQ(UncertaintyColumns("bootstrap"),
            (std::vector<C>{C::kInterval, C::kRankCi, C::kRankSet, C::kTier}));
  EXPECT_EQ(UncertaintyColumns("published"), (std::vector<C>{C::kInterval, C::kRankUb}));
  EXPECT_TRUE(UncertaintyColumns("").empty());
  EXPECT_EQ(UncertaintyColumnHeader(C::kInterval, 0.95), "95% CI");
  EXPECT_EQ(UncertaintyColumnHeader(C::kInterval, 0.975), "97.5% CI");
  EXPECT_EQ(UncertaintyColumnHeader(C::kInterval, NAN), "Interval");
  EXPECT_EQ(UncertaintyColumnHeader(C::kRankUb, 0.95), "Rank (UB)");
}

// The page shows the columns of the report's uncertainty kind, as the
// Markdown does, less those no row fills.
TEST(HtmlSectionTest, LeaderboardColumnsFollowTheUncertaintyKind) {
  Json published = Leaderboard();
  published["options"]["uncertainty"] = {{"kind", "published"}, {"method", "As published."}};
  published["rows"][0]["rank_ub"] = 1;
  std::string head = Between(HtmlSection(published, "p"), "<thead>", "</thead>");
  EXPECT_NE(head.find(">Interval</th>"), std::string::npos) << head;
  EXPECT_NE(head.find(">Rank (UB)</th>"), std::string::npos) << head;
  EXPECT_EQ(head.find(">Rank CI</th>"), std::string::npos) << head;  // not a published column

  Json none = Leaderboard();
  none["options"]["uncertainty"] = nullptr;
  head = Between(HtmlSection(none, "n"), "<thead>", "</thead>");
  EXPECT_EQ(Count(head, "<th "), 6u) << head;  // rank, model, score, coverage, 2 benchmarks

  Json unfilled = Leaderboard();
  for (Json& row : unfilled["rows"]) row["tier"] = nullptr;
  head = Between(HtmlSection(unfilled, "u"), "<thead>", "</thead>");
  EXPECT_EQ(head.find(">Tier</th>"), std::string::npos) << head;
  EXPECT_NE(head.find(">Rank set</th>"), std::string::npos) << head;
}

TEST(HtmlReportTest, ManifestShownAsHowTheReportWasMade) {
  nlohmann::ordered_json report = nlohmann::ordered_json::parse(R"({
    "schema": "podium.netwin/1", "title": "T", "computed": [], "reported": [],
    "manifest": {"podium_version": "0.1.0", "command": ["netwin"],
                 "command_line": "podium netwin --title 'a <b>'", "seed": 3, "rounds": 40,
                 "inputs": [{"path": "datasets/x.csv", "kind": "pairwise", "rows": 8,
                             "bytes": 10, "sha256": "abc123"}],
                 "dropped": [{"what": "battles", "count": 2, "reason": "ties removed"}],
                 "reproducible": true}})");
  const std::string html = HtmlSection(report, "r");
  EXPECT_NE(html.find("<details class=\"manifest\">"), std::string::npos) << html;
  EXPECT_NE(html.find("<code>podium netwin --title &#39;a &lt;b&gt;&#39;</code>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("Made by podium 0.1.0, seed 3, 40 rounds</li>"), std::string::npos) << html;
  EXPECT_NE(html.find("Input <code>datasets/x.csv</code> (pairwise, 8 rows): SHA-256 "
                      "<code>abc123</code>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("Left out 2 battles: ties removed"), std::string::npos) << html;
  EXPECT_EQ(html.substr(html.size() - 22), "</details>\n</section>\n");
  report.erase("manifest");
  EXPECT_EQ(HtmlSection(report, "r").find("manifest"), std::string::npos);
}

}  // namespace
}  // namespace podium
