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

// Where one value is written, and for a number its text as written.
struct JsonValuePosition {
  int line = 0;       // 1-based line of the value's first character
  int column = 0;     // 1-based byte column of that character
  size_t offset = 0;  // 0-based byte offset of that character in the text
  // A number's characters exactly as in the text ("0.4563", "1e-3", "-0"),
  // which its parsed double cannot give back; empty for other values.
  std::string number_text;
};

// JSON Pointer -> position of every value (objects and arrays: their opening
// bracket), from the same parse as JsonValueLines. nullopt when `text` is not
// valid JSON.
std::optional<std::unordered_map<std::string, JsonValuePosition>> JsonValuePositions(
    std::string_view text);

// The pointer `parent` extended by one object key or array index, escaped as
// RFC 6901 says ("~" -> "~0", "/" -> "~1").
std::string JsonPointerChild(const std::string& parent, std::string_view key);
std::string JsonPointerChild(const std::string& parent, size_t index);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_JSON_POSITIONS_H_
