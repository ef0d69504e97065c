// Where each value of a JSON text is written: its line, by JSON Pointer.
//
// nlohmann_json parses without keeping positions, yet a claim imported from a
// JSON file must cite the line its number is on, and the audit must find it
// there again. JsonValueLines runs nlohmann_json's own SAX parser over the
// text through an iterator that counts the bytes read, so the parser (not a
// second hand-written one) decides what the text means, and every value gets
// the line of its last character: for scalars, which JSON never breaks over
// lines, that is the line of the whole value; for objects and arrays it is
// the line of the opening bracket.
#ifndef PODIUM_ENGINE_BASE_JSON_POSITIONS_H_
#define PODIUM_ENGINE_BASE_JSON_POSITIONS_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace podium {

// JSON Pointer (RFC 6901, "/results/arc_easy/acc,none"; "" is the whole
// text) -> 1-based line of the value. nullopt when `text` is not valid JSON
// (parse it with nlohmann_json to get the located error).
std::optional<std::unordered_map<std::string, int>> JsonValueLines(std::string_view text);

// JsonValueLines, and the token of every number exactly as the text writes it
// ("0.33333333333333337", "1.0", "-2E+3"; nlohmann_json keeps only the
// parsed value), for readers that keep a value's text (ImportedScore's
// value_text). nullopt when `text` is not valid JSON.
struct JsonLinesAndNumbers {
  std::unordered_map<std::string, int> lines;            // as JsonValueLines
  std::unordered_map<std::string, std::string> numbers;  // pointer -> token, numbers only
};
std::optional<JsonLinesAndNumbers> JsonValueLinesAndNumbers(std::string_view text);

// The pointer `parent` extended by one object key or array index, escaped as
// RFC 6901 says ("~" -> "~0", "/" -> "~1").
std::string JsonPointerChild(const std::string& parent, std::string_view key);
std::string JsonPointerChild(const std::string& parent, size_t index);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_JSON_POSITIONS_H_
