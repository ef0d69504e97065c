#include "engine/reporting/html_table.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// One cell as HTML.
std::string Td(const TableCell& c) {
  std::string out = "<td";
  if (!c.css.empty()) out += " class=\"" + c.css + "\"";
  if (!c.sort.empty()) out += " data-sort=\"" + c.sort + "\"";
  if (!c.title.empty()) out += " title=\"" + HtmlEscape(c.title) + "\"";
  return out + ">" + c.html + "</td>";
}

}  // namespace

TableCell TextCell(const std::string& text, const std::string& title) {
  return {HtmlEscape(text), "", title, ""};
}

TableCell NameCell(const std::string& name, const std::string& id) {
  return {HtmlEscape(name), "", id, "name"};
}

TableCell MissingCell(const std::string& why) { return {kDash, "", why, "num missing"}; }

TableCell NumberCell(double v, int decimals, const std::string& why_missing) {
  if (!std::isfinite(v)) return MissingCell(why_missing);
  return {FixedText(v, decimals), SortKey(v), "", "num"};
}

TableCell CountCell(const Json& v) {
  if (!v.is_number()) return MissingCell("not available");
  return {fmt::format("{}", v.get<long long>()), SortKey(JsonNum(v)), "", "num"};
}

TableCell RankRangeCell(const Json& low, const Json& high) {
  if (!low.is_number() || !high.is_number()) return MissingCell("not available");
  const long long l = low.get<long long>(), h = high.get<long long>();
  return {l == h ? fmt::format("{}", l) : fmt::format("{}–{}", l, h), SortKey(JsonNum(low)), "",
          "num"};
}

TableCell TallyCell(const Json& j, const char* first, const char* second, const char* third) {
  return {fmt::format("{} / {} / {}", ShortestText(JsonNum(j, first)),
                      ShortestText(JsonNum(j, second)), ShortestText(JsonNum(j, third))),
          SortKey(JsonNum(j, first)), "", "num"};
}

TableCell IntervalCell(double low, double high, int decimals) {
  if (!std::isfinite(low) || !std::isfinite(high)) return MissingCell("no interval");
  return {fmt::format("[{}, {}]", FixedText(low, decimals), FixedText(high, decimals)),
          SortKey(low), "", "num"};
}

TableCell PValueCell(double p, const std::string& why_missing) {
  if (!std::isfinite(p)) return MissingCell(why_missing);
  return {HtmlEscape(ProbabilityText(p)), SortKey(p), "", "num"};
}

std::string HtmlTable(const std::vector<TableColumn>& columns,
                      const std::vector<std::vector<TableCell>>& rows) {
  std::string out = "<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>";
  for (const TableColumn& c : columns) {
    out += fmt::format("<th scope=\"col\" data-type=\"{}\"", c.numeric ? "num" : "text");
    if (c.numeric) out += " class=\"num\"";
    if (!c.title.empty()) out += " title=\"" + HtmlEscape(c.title) + "\"";
    out += ">" + HtmlEscape(c.label) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const std::vector<TableCell>& row : rows) {
    out += "<tr>";
    for (const TableCell& c : row) out += Td(c);
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table></div>\n";
}

std::string HtmlParagraph(const std::string& text, const char* css) {
  if (text.empty()) return "";
  return fmt::format("<p class=\"{}\">{}</p>\n", css, HtmlEscape(text));
}

std::string HtmlList(const std::vector<std::string>& items) {
  if (items.empty()) return "";
  std::string out = "<ul>\n";
  for (const std::string& item : items) out += "<li>" + HtmlEscape(item) + "</li>\n";
  return out + "</ul>\n";
}

std::string HtmlSectionStart(const std::string& id, const char* kind, const std::string& heading) {
  return fmt::format("<section id=\"{}\" class=\"report {}\">\n<h2>{}</h2>\n", HtmlEscape(id), kind,
                     HtmlEscape(heading));
}

std::string HtmlFigure(const std::string& svg, const std::string& caption) {
  if (svg.empty()) return "";
  return "<figure>\n" + svg + "<figcaption>" + HtmlEscape(caption) + "</figcaption>\n</figure>\n";
}

}  // namespace podium
