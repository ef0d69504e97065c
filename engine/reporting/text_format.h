// Small, locale-independent text helpers shared by the report writers.
#ifndef PODIUM_ENGINE_REPORTING_TEXT_FORMAT_H_
#define PODIUM_ENGINE_REPORTING_TEXT_FORMAT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

// `value` rounded to 12 significant digits for JSON, so that reports do not
// carry binary floating-point noise (57.400000000000006) yet keep far more
// precision than any published score; NaN becomes null.
nlohmann::ordered_json JsonNumber(double value);

// One CSV field, quoted per RFC 4180 when it holds a comma, quote or newline.
std::string CsvField(std::string_view text);

// A CSV line (with '\n') from fields.
std::string CsvLine(const std::vector<std::string>& fields);

// Escapes '|' (the cell separator) and line breaks for a Markdown table cell.
std::string MarkdownCell(std::string_view text);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_TEXT_FORMAT_H_
