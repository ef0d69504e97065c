// The blocks an HTML report section is made of: sortable tables of cells, and
// the paragraphs, lists, headings and figures around them.
//
// Every table is <table class="sortable"> inside <div class="scroll">, with
// <th scope="col" data-type="num|text">; numeric headers and cells have class
// "num". A numeric cell carries data-sort, its full-precision number
// (SortKey), so that the page's script sorts numerically; a cell without one,
// such as a missing number, sorts last in both directions. A missing number is
// an en dash in a cell of class "num missing" whose hover title says why.
// Plain text given here is escaped on output; `html`, `svg` and a section's
// `kind` are inserted as they are.
#ifndef PODIUM_ENGINE_REPORTING_HTML_TABLE_H_
#define PODIUM_ENGINE_REPORTING_HTML_TABLE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace podium {

// A column header.
struct TableColumn {
  std::string label;     // plain text
  bool numeric = false;  // data-type="num" and right-aligned, else "text"
  std::string title;     // hover text of the header; empty = none
};

// A table cell: <td class="CSS" data-sort="SORT" title="TITLE">HTML</td>,
// each attribute left out when empty.
struct TableCell {
  std::string html;   // content, already escaped
  std::string sort;   // data-sort; empty = sort by the text
  std::string title;  // hover text (plain); empty = none
  std::string css;    // class
};

// Plain text, with an optional hover title.
TableCell TextCell(const std::string& text, const std::string& title = "");

// A model name (class "name", kept on one line); `id` as its hover title.
TableCell NameCell(const std::string& name, const std::string& id = "");

// A missing number: kDash with `why` as its hover title.
TableCell MissingCell(const std::string& why);

// `v` with `decimals` digits; MissingCell(why_missing) when `v` is not finite.
TableCell NumberCell(double v, int decimals, const std::string& why_missing);

// An integer count ("42"); MissingCell("not available") when `v` is not a
// JSON number.
TableCell CountCell(const nlohmann::ordered_json& v);

// A rank range "2–4" (or "2" when both ends are equal), sorted by its low end;
// MissingCell("not available") unless both ends are JSON numbers.
TableCell RankRangeCell(const nlohmann::ordered_json& low, const nlohmann::ordered_json& high);

// "w / l / t" from the counts `first`, `second` and `third` of `j` (a missing
// count is kDash), sorted by the first.
TableCell TallyCell(const nlohmann::ordered_json& j, const char* first, const char* second,
                    const char* third);

// "[low, high]" with `decimals` digits, sorted by the low end;
// MissingCell("no interval") unless both ends are finite.
TableCell IntervalCell(double low, double high, int decimals);

// A p-value as ProbabilityText ("< 0.001" below 0.001, else 3 digits);
// MissingCell(why_missing) when `p` is not finite.
TableCell PValueCell(double p, const std::string& why_missing);

// A sortable table: the header row from `columns`, then one <tr> per row of
// `rows` (a row may have fewer cells than there are columns).
std::string HtmlTable(const std::vector<TableColumn>& columns,
                      const std::vector<std::vector<TableCell>>& rows);

// <p class="CSS">text</p>, or "" for an empty text.
std::string HtmlParagraph(const std::string& text, const char* css = "method");

// <ul> with one <li> per item, or "" for no items.
std::string HtmlList(const std::vector<std::string>& items);

// The opening of a report section: <section id="ID" class="report KIND"> and
// its <h2>. `kind` is inserted as is; the id and heading are escaped. The
// caller closes the section with "</section>\n".
std::string HtmlSectionStart(const std::string& id, const char* kind, const std::string& heading);

// <figure> holding `svg` (inserted as is) and its caption; "" when `svg` is
// empty (a chart with nothing to show).
std::string HtmlFigure(const std::string& svg, const std::string& caption);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_TABLE_H_
