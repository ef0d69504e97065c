// Words and numbers as text on the HTML page: escaping, and numbers printed to
// the precision the data carries. Numbers are formatted with fmt, which never
// consults the locale, so a page is the same on every machine.
#ifndef PODIUM_ENGINE_REPORTING_HTML_TEXT_H_
#define PODIUM_ENGINE_REPORTING_HTML_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

namespace podium {

// An en dash: how the page shows a missing number.
inline constexpr char kDash[] = "–";

// `text` with & < > " ' replaced by character references, safe both as element
// content and inside a quoted attribute value. Other bytes, including UTF-8
// multi-byte sequences and line breaks, pass unchanged.
std::string HtmlEscape(std::string_view text);

// `v` with `decimals` digits after the point ("65.50"); kDash when `v` is NaN
// or infinite.
std::string FixedText(double v, int decimals);

// The shortest text that reads back as `v` ("48.3", not "48.300000"; -0 as
// "0"); kDash when `v` is NaN or infinite.
std::string ShortestText(double v);

// The data-sort key of a numeric cell: `v` to 12 significant digits (the
// precision of report JSON), "" when `v` is missing, which sorts last.
std::string SortKey(double v);

// A probability or p-value: "< 0.001" below 0.001, else 3 digits ("0.810");
// kDash when missing.
std::string ProbabilityText(double p);

// A level as a percentage with the fewest digits: 0.95 -> "95%", 0.975 ->
// "97.5%".
std::string PercentText(double level);

// `items` joined by ", " ("" for none).
std::string CommaJoined(const std::vector<std::string>& items);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_TEXT_H_
