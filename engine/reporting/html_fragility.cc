// The "How fragile is this board" part of an arena page (podium.arena/1
// "fragility") and the page of `podium robustness` (podium.robustness/1).
#include <fmt/format.h>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/html_table.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// Battles listed in the page's table before the rest are summarized.
constexpr size_t kBattlesShown = 200;

std::string RobustnessHtml(const Json& rob) {
  std::string out = HtmlParagraph(JsonStr(rob, "text"), "summary");
  const Json& battles = JsonArray(rob, "battles");
  if (battles.empty()) return out;
  std::vector<std::vector<TableCell>> body;
  for (size_t k = 0; k < battles.size() && k < kBattlesShown; ++k) {
    const Json& b = battles[k];
    body.push_back({TextCell(JsonStr(b, "file")), CountCell(JsonAt(b, "line")),
                    NameCell(JsonStr(b, "model_a")), NameCell(JsonStr(b, "model_b")),
                    TextCell(JsonStr(b, "winner"))});
  }
  out += "<h4>The battles removed</h4>\n";
  out += HtmlTable({{"File", false, ""},
                    {"Line", true, "Line of the battles file"},
                    {"Model A", false, ""},
                    {"Model B", false, ""},
                    {"Winner", false, "The winner's name, or tie"}},
                   body);
  if (battles.size() > kBattlesShown) {
    out += HtmlParagraph(fmt::format("… and {} more battles (all of them are in the JSON report "
                                     "and in podium robustness --format csv).",
                                     battles.size() - kBattlesShown));
  }
  const Json& after = JsonArray(rob, "board_after");
  if (!after.empty()) {
    std::vector<std::vector<TableCell>> rows;
    for (const Json& row : after) {
      rows.push_back({CountCell(JsonAt(row, "rank")), NameCell(JsonStr(row, "model")),
                      NumberCell(JsonNum(row, "rating"), 1, "no rating")});
    }
    out += "<h4>The board without them</h4>\n" +
           HtmlTable({{"Rank", true, "Refitted without the battles above"},
                      {"Model", false, ""},
                      {"Rating", true, "Elo scale, refitted"}},
                     rows);
  }
  return out;
}

std::string LeaveOneOutHtml(const Json& loo) {
  std::string out = HtmlParagraph(JsonStr(loo, "text"));
  const std::string by = JsonStr(loo, "by");
  std::vector<std::vector<TableCell>> body;
  for (const Json& m : JsonArray(loo, "models")) {
    body.push_back({CountCell(JsonAt(m, "rank")), NameCell(JsonStr(m, "model")),
                    NumberCell(JsonNum(m, "rating"), 1, "no rating"),
                    NumberCell(JsonNum(m, "largest_rating_change"), 1, "never refitted"),
                    TextCell(JsonStr(m, "rating_change_group")),
                    CountCell(JsonAt(m, "largest_rank_change")),
                    TextCell(JsonStr(m, "rank_change_group"))});
  }
  out += HtmlTable({{"Rank", true, ""},
                    {"Model", false, ""},
                    {"Rating", true, "Elo scale, the full board"},
                    {"Largest rating change", true, "Refitted without one " + by},
                    {"Left out", false, "The " + by + " whose removal caused it"},
                    {"Largest rank change", true, "Positive: a worse rank"},
                    {"Left out", false, "The " + by + " whose removal caused it"}},
                   body);
  std::vector<std::vector<TableCell>> groups;
  for (const Json& g : JsonArray(loo, "groups")) {
    groups.push_back({TextCell(JsonStr(g, "group")), CountCell(JsonAt(g, "battles")),
                      JsonAt(g, "disconnects") == true ? MissingCell("splits the graph")
                      : JsonStr(g, "top").empty()      ? MissingCell("none")
                                                       : NameCell(JsonStr(g, "top"))});
  }
  out += HtmlTable({{by, false, ""}, {"Battles", true, ""}, {"#1 without it", false, ""}},
                   groups);
  return out;
}

}  // namespace

std::string FragilityHtml(const Json& fragility) {
  if (!fragility.is_object()) return "";
  std::string out = "<h3>How fragile is this board</h3>\n";
  const Json& rob = JsonAt(fragility, "robustness");
  if (rob.is_object()) out += RobustnessHtml(rob);
  const Json& loo = JsonAt(fragility, "leave_one_out");
  if (loo.is_object()) out += LeaveOneOutHtml(loo);
  return out;
}

std::string RobustnessHtmlSection(const Json& r, const std::string& id) {
  std::string out = HtmlSectionStart(id, "robustness", ReportTitle(r, "Vote dropping"));
  const Json& input = JsonAt(r, "input");
  out += HtmlParagraph(fmt::format("{} battles among {} models from {}.",
                                   ShortestText(JsonNum(input, "battles")),
                                   ShortestText(JsonNum(input, "models")),
                                   JsonStr(input, "battles_file")),
                       "summary");
  const Json& rob = JsonAt(r, "robustness");
  if (rob.is_object()) out += RobustnessHtml(rob);
  return out + "</section>\n";
}

}  // namespace podium
