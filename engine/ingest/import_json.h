// A JSON text an importer reads (an Inspect log or one of its .eval members,
// an Every Eval Ever record): parsed, with the line of every value and the
// token of every number, and every problem a located diagnostic.
#ifndef PODIUM_ENGINE_INGEST_IMPORT_JSON_H_
#define PODIUM_ENGINE_INGEST_IMPORT_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/base/diagnostic.h"
#include "engine/base/json_positions.h"

namespace podium {

struct ParsedJson {
  nlohmann::json doc;
  // By RFC 6901 pointer, relative to the text parsed (json_positions.h).
  std::unordered_map<std::string, JsonValuePosition> positions;
  int line_offset = 0;  // added to every line (JSON Lines: the record's line - 1)

  // The 1-based line of the value at `pointer` (with line_offset); 0 when
  // there is no such value.
  int Line(const std::string& pointer) const;
  // The number at `pointer` exactly as written; empty when it is no number.
  std::string NumberText(const std::string& pointer) const;
};

// Where the JSON text comes from, for diagnostics: the file as shown, a
// field that names the part of it (a .eval member: "header.json"; may be
// empty), and the line of the file the text starts on, minus one.
struct JsonOrigin {
  std::string shown;
  std::string field;
  int line_offset = 0;
};

// Parses `text`. Nesting deeper than kMaxJsonDepth, invalid JSON, a number
// beyond a double: an error at its line and column (plus a hint when the
// text holds Python's NaN/Infinity, which are not JSON), and nullopt.
// Positions are computed only when `positions` is true.
std::optional<ParsedJson> ParseJsonText(std::string_view text, const JsonOrigin& origin,
                                        Diagnostics* diagnostics, bool positions = true);

// The string at `key` of `object`, or "" when absent or not a string.
std::string JsonString(const nlohmann::json& object, const char* key);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_IMPORT_JSON_H_
