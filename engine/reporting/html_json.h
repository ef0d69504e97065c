// Reading a podium JSON report for the HTML page (schemas in docs/formats.md).
//
// Reports are podium's own output, but a hand-edited or older file must still
// render: every reader here is total. A missing or mistyped field reads as
// empty (a null value, [], "", NaN) and nothing throws, so a page shows such a
// field as missing instead of failing.
#ifndef PODIUM_ENGINE_REPORTING_HTML_JSON_H_
#define PODIUM_ENGINE_REPORTING_HTML_JSON_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace podium {

// The member `key` of `j`; a null value when `j` is not an object or has no
// such member.
const nlohmann::ordered_json& JsonAt(const nlohmann::ordered_json& j, const char* key);

// JsonAt(j, key) when it is an array, else an empty array.
const nlohmann::ordered_json& JsonArray(const nlohmann::ordered_json& j, const char* key);

// JsonAt(j, key) when it is a string, else "".
std::string JsonStr(const nlohmann::ordered_json& j, const char* key);

// `v` when it is a number (integers converted), else NaN.
double JsonNum(const nlohmann::ordered_json& v);

// JsonNum(JsonAt(j, key)).
double JsonNum(const nlohmann::ordered_json& j, const char* key);

// The strings in JsonArray(j, key), in order; other elements are skipped.
std::vector<std::string> JsonStrings(const nlohmann::ordered_json& j, const char* key);

// Element [i][j] of a matrix written as an array of rows, NaN when it is
// absent or not a number (null).
double JsonMatrixAt(const nlohmann::ordered_json& m, size_t i, size_t j);

// The report's "title", or `fallback` when that is missing or empty.
std::string ReportTitle(const nlohmann::ordered_json& report, const char* fallback);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_JSON_H_
