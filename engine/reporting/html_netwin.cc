// The HTML section of a podium.netwin/1 report (html_sections.h).
#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <tuple>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/html_svg.h"
#include "engine/reporting/html_table.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

constexpr char kNetWinMethod[] =
    "Net win rate NWR = 100 · mean of the judgments (+1 A preferred, 0 tie, −1 B preferred); "
    "equivalent win probability p = (1 + NWR/100) / 2; Elo gap = 400 · log10(p / (1 − p)).";

// Win probabilities with rows = model A (and the task, when there are
// several) and columns = model B, in order of first appearance.
std::string NetWinHeatMap(const Json& list, const std::string& caption) {
  if (list.empty()) return "";
  std::vector<std::string> tasks;
  for (const Json& n : list) {
    if (std::find(tasks.begin(), tasks.end(), JsonStr(n, "task")) == tasks.end()) {
      tasks.push_back(JsonStr(n, "task"));
    }
  }
  auto row_label = [&](const Json& n) {
    return tasks.size() > 1 ? JsonStr(n, "model_a") + " · " + JsonStr(n, "task")
                            : JsonStr(n, "model_a");
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
    const size_t i = slot(&map.rows, row_label(n)), j = slot(&map.columns, JsonStr(n, "model_b"));
    std::string title = fmt::format(
        "{} vs {}{}\nNWR {}, p {}, Elo gap {}", JsonStr(n, "model_a"), JsonStr(n, "model_b"),
        JsonStr(n, "task").empty() ? "" : " (" + JsonStr(n, "task") + ")",
        FixedText(JsonNum(n, "nwr"), 1), FixedText(JsonNum(n, "win_probability"), 3),
        FixedText(JsonNum(n, "elo_gap"), 0));
    if (!JsonStr(n, "claim").empty()) {
      title += fmt::format("\nclaim {}: {} line {}", JsonStr(n, "claim"), JsonStr(n, "source"),
                           ShortestText(JsonNum(n, "line")));
    }
    cells.emplace_back(i, j, JsonNum(n, "win_probability"), title);
  }
  map.values.assign(map.rows.size(), std::vector<double>(map.columns.size(), kNaN));
  map.titles.assign(map.rows.size(), std::vector<std::string>(map.columns.size()));
  for (const auto& [i, j, p, title] : cells) {
    map.values[i][j] = p;
    map.titles[i][j] = title;
  }
  return HtmlFigure(HeatMapSvg(map), caption);
}

// Net win rates computed from judgments, with bootstrap intervals.
std::string ComputedNetWins(const Json& r) {
  const Json& options = JsonAt(r, "options");
  const Json& computed = JsonArray(r, "computed");
  if (computed.empty()) return "";
  std::string out = "<h3>From judgments</h3>\n";
  out += HtmlParagraph(fmt::format(
      "Judgments from {}; {} intervals: percentile bootstrap over prompts, {} rounds, seed {}.",
      JsonStr(options, "judgments_file"), PercentText(JsonNum(options, "level")),
      ShortestText(JsonNum(options, "rounds")), ShortestText(JsonNum(options, "seed"))));
  std::vector<std::vector<TableCell>> body;
  for (const Json& n : computed) {
    body.push_back({NameCell(JsonStr(n, "model_a")), NameCell(JsonStr(n, "model_b")),
                    CountCell(JsonAt(n, "judgments")), CountCell(JsonAt(n, "prompts")),
                    TallyCell(n, "wins", "ties", "losses"),
                    NumberCell(JsonNum(n, "nwr"), 1, "not available"),
                    IntervalCell(JsonNum(n, "ci_low"), JsonNum(n, "ci_high"), 1),
                    NumberCell(JsonNum(n, "win_probability"), 3, "not available"),
                    NumberCell(JsonNum(n, "elo_gap"), 0, "not available")});
  }
  out += HtmlTable({{"A", false, ""},
                    {"B", false, ""},
                    {"Judgments", true, ""},
                    {"Prompts", true, ""},
                    {"W / T / L", true, "Wins / ties / losses of A; sorts by wins"},
                    {"NWR", true, "Net win rate of A"},
                    {PercentText(JsonNum(options, "level")) + " CI", true, "Interval of the NWR"},
                    {"P(A preferred)", true, ""},
                    {"Elo gap", true, ""}},
                   body);
  return out + NetWinHeatMap(computed, "Win probability of the row model over the column model.");
}

// Net win rates as published (claims), with where each was printed.
std::string ReportedNetWins(const Json& r) {
  const Json& reported = JsonArray(r, "reported");
  if (reported.empty()) return "";
  std::string out = "<h3>Reported</h3>\n";
  out += HtmlParagraph(
      "Net win rates as published (claims), converted the same way; no interval, as the "
      "judgments are not published.");
  std::vector<std::vector<TableCell>> body;
  for (const Json& n : reported) {
    const std::string where =
        fmt::format("{} line {}", JsonStr(n, "source"), ShortestText(JsonNum(n, "line")));
    body.push_back({NameCell(JsonStr(n, "model_a")), NameCell(JsonStr(n, "model_b")),
                    TextCell(JsonStr(n, "task")), NumberCell(JsonNum(n, "nwr"), 1, "not available"),
                    NumberCell(JsonNum(n, "win_probability"), 3, "not available"),
                    NumberCell(JsonNum(n, "elo_gap"), 0, "not available"),
                    TextCell(JsonStr(n, "claim") + " (" + where + ")",
                             "claim " + JsonStr(n, "claim") + ": " + where)});
  }
  out += HtmlTable({{"A", false, ""},
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

}  // namespace

std::string NetWinHtmlSection(const Json& r, const std::string& id) {
  return HtmlSectionStart(id, "netwin", ReportTitle(r, "Net win rates")) +
         HtmlParagraph(kNetWinMethod) + ComputedNetWins(r) + ReportedNetWins(r) + "</section>\n";
}

}  // namespace podium
