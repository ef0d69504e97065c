// The HTML section of a podium.h2h/1 report (html_sections.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_provenance.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/html_svg.h"
#include "engine/reporting/html_table.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// "tied_within_noise" -> "tied within noise".
std::string Humanize(std::string text) {
  std::replace(text.begin(), text.end(), '_', ' ');
  return text;
}

std::string VerdictText(const std::string& verdict, const std::string& a, const std::string& b) {
  if (verdict == "a_better") return a + " better";
  if (verdict == "b_better") return b + " better";
  if (verdict == "tied_within_noise") return "within noise";
  if (verdict == "unknown") return "unknown (no sampling model)";
  return Humanize(verdict);
}

TableCell Verdict(const std::string& verdict, const std::string& a, const std::string& b) {
  return {HtmlEscape(VerdictText(verdict, a, b)), "", "", "verdict v-" + HtmlEscape(verdict)};
}

std::string BenchmarkLabel(const Json& bc) {
  return JsonStr(bc, "benchmark") + (JsonAt(bc, "higher_is_better") == false ? " (↓)" : "");
}

// One side's number as printed, with its claims and its sampling model.
TableCell SideValue(const Json& bc, bool a_side, const ClaimProvenance& provenance) {
  const double v = JsonNum(bc, a_side ? "a" : "b");
  if (!std::isfinite(v)) return MissingCell("no claim");
  const std::vector<std::string> ids = JsonStrings(bc, a_side ? "a_claims" : "b_claims");
  const std::string printed = provenance.ValueText(ids);
  TableCell cell = provenance.Wrap(printed.empty() ? ShortestText(v) : printed, SortKey(v), ids);
  const std::string noise = JsonStr(bc, a_side ? "a_noise" : "b_noise");
  if (!noise.empty()) cell.title += (cell.title.empty() ? "" : "\n") + ("noise: " + noise);
  return cell;
}

std::vector<TableCell> BenchmarkComparisonRow(const Json& bc, const std::string& a,
                                              const std::string& b, bool holm,
                                              const ClaimProvenance& provenance) {
  return {TextCell(BenchmarkLabel(bc)),
          SideValue(bc, true, provenance),
          SideValue(bc, false, provenance),
          NumberCell(JsonNum(bc, "advantage"), 2, "not available"),
          IntervalCell(JsonNum(bc, "ci_low"), JsonNum(bc, "ci_high"), 2),
          NumberCell(JsonNum(bc, "p_a_better"), 3, "no sampling model"),
          PValueCell(JsonNum(bc, holm ? "p_holm" : "p_value"), "no sampling model"),
          Verdict(JsonStr(bc, "verdict"), a, b)};
}

// The documents' own sentences about the pair, each with its verdict.
std::string StatementsTable(const Json& c, const Json& report) {
  const Json& statements = JsonArray(c, "statements");
  if (statements.empty()) return "";
  std::vector<std::vector<TableCell>> body;
  for (const Json& s : statements) {
    const Json& source = JsonAt(JsonAt(report, "sources"), JsonStr(s, "source").c_str());
    const std::string document =
        source.is_object() ? JsonStr(source, "title") + " (" + JsonStr(source, "file") + ")"
                           : JsonStr(s, "source");
    const std::string benchmarks = CommaJoined(JsonStrings(s, "benchmarks"));
    body.push_back({TextCell(document, JsonStr(s, "source")),
                    CountCell(JsonAt(s, "line")),
                    {"<q>" + HtmlEscape(JsonStr(s, "quote")) + "</q><br><small>" +
                         HtmlEscape(JsonStr(s, "english")) + "</small>",
                     "", benchmarks.empty() ? "" : "benchmarks: " + benchmarks, "quote"},
                    TextCell(Humanize(JsonStr(s, "says"))),
                    {HtmlEscape(Humanize(JsonStr(s, "verdict"))), "", "",
                     "verdict v-" + HtmlEscape(JsonStr(s, "verdict"))},
                    TextCell(JsonStr(s, "detail"))});
  }
  return "<h4>What the documents say</h4>\n" +
         HtmlTable({{"Document", false, ""},
                    {"Line", true, ""},
                    {"Statement", false, "Hover for the benchmarks it covers"},
                    {"Says", false, ""},
                    {"Verdict", false, ""},
                    {"Why", false, ""}},
                   body);
}

// The minimum detectable difference of each benchmark at its item count
// (fields items, mdd, mdd_note), or "" for a report without them.
std::string DetectableParagraph(const Json& c, const Json& report) {
  std::vector<std::string> parts;
  for (const Json& bc : JsonArray(c, "benchmarks")) {
    if (!bc.contains("mdd")) continue;
    const double mdd = JsonNum(bc, "mdd");
    parts.push_back(std::isfinite(mdd)
                        ? fmt::format("{} {} (n = {})", BenchmarkLabel(bc), FixedText(mdd, 2),
                                      ShortestText(JsonNum(bc, "items")))
                        : BenchmarkLabel(bc) + ": " + JsonStr(bc, "mdd_note"));
  }
  if (parts.empty()) return "";
  return HtmlParagraph(
      fmt::format("Minimum detectable difference ({} level, 80% power, two-proportion test at "
                  "the item count and the models' mean accuracy): {}.",
                  PercentText(JsonNum(report, "level")), fmt::format("{}", fmt::join(parts, "; "))),
      "note");
}

std::string ScoreComparisonHtml(const Json& c, const Json& report,
                                const ClaimProvenance& provenance) {
  const std::string a = JsonStr(c, "a_name").empty() ? JsonStr(c, "a") : JsonStr(c, "a_name");
  const std::string b = JsonStr(c, "b_name").empty() ? JsonStr(c, "b") : JsonStr(c, "b_name");
  const bool holm = JsonAt(report, "all_pairs") == true;
  const Json& summary = JsonAt(c, "summary");
  std::string out = "<h3>" + HtmlEscape(a + " vs " + b) + "</h3>\n";
  out += HtmlParagraph(
      fmt::format(
          "{} against {} on {} benchmarks both have: better on {}, worse on {}, within "
          "noise on {}, no sampling model for {}.",
          a, b, JsonArray(c, "benchmarks").size(), ShortestText(JsonNum(summary, "a_better")),
          ShortestText(JsonNum(summary, "b_better")), ShortestText(JsonNum(summary, "tied")),
          ShortestText(JsonNum(summary, "unknown"))),
      "summary");
  std::vector<std::vector<TableCell>> body;
  std::vector<ForestRow> forest;
  for (const Json& bc : JsonArray(c, "benchmarks")) {
    body.push_back(BenchmarkComparisonRow(bc, a, b, holm, provenance));
    forest.push_back({BenchmarkLabel(bc), JsonNum(bc, "advantage"), JsonNum(bc, "ci_low"),
                      JsonNum(bc, "ci_high"), ""});
  }
  const std::string level = PercentText(JsonNum(report, "level"));
  out += HtmlTable({{"Benchmark", false, "(↓): lower is better"},
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
  out +=
      HtmlFigure(ForestPlotSvg(forest, plot),
                 fmt::format("Points: advantage of {} over {}; lines: {} intervals (none without "
                             "a sampling model); dashed: no difference.",
                             a, b, level));
  return out + DetectableParagraph(c, report) + StatementsTable(c, report);
}

std::string BattleComparisonsHtml(const Json& r) {
  const bool holm = JsonAt(r, "all_pairs") == true;
  std::vector<std::vector<TableCell>> body;
  for (const Json& c : JsonArray(r, "comparisons")) {
    const double p = JsonNum(c, holm ? "p_holm" : "p_value");
    body.push_back(
        {NameCell(JsonStr(c, "a")), NameCell(JsonStr(c, "b")),
         TallyCell(c, "wins", "losses", "ties"),
         NumberCell(JsonNum(c, "observed"), 3, "no decisive battles"),
         NumberCell(JsonNum(c, "predicted"), 3, "not available"), PValueCell(p, "not available"),
         NumberCell(JsonNum(c, "difference"), 0, "not available"),
         IntervalCell(JsonNum(c, "difference_ci_low"), JsonNum(c, "difference_ci_high"), 0),
         Verdict(JsonStr(c, "verdict"), JsonStr(c, "a"), JsonStr(c, "b"))});
  }
  return HtmlTable({{"A", false, ""},
                    {"B", false, ""},
                    {"W / L / T", true, "Direct battles from A's side; sorts by wins"},
                    {"Observed", true, "P(A wins), ties excluded"},
                    {"Predicted", true, "P(A wins) from the ratings"},
                    {holm ? "p (Holm)" : "p", true, "Exact binomial test"},
                    {"Rating difference", true, ""},
                    {PercentText(JsonNum(r, "level")) + " CI", true, "Interval of the difference"},
                    {"Verdict", false, ""}},
                   body);
}

}  // namespace

std::string H2HHtmlSection(const Json& r, const std::string& id) {
  std::string out = HtmlSectionStart(id, "h2h", ReportTitle(r, "Head-to-head"));
  out += HtmlParagraph(JsonStr(JsonAt(r, "options"), "method"));
  if (JsonStr(r, "mode") == "battles") {
    out += BattleComparisonsHtml(r);
  } else {
    const ClaimProvenance provenance(r);
    for (const Json& c : JsonArray(r, "comparisons")) out += ScoreComparisonHtml(c, r, provenance);
  }
  return out + "</section>\n";
}

}  // namespace podium
