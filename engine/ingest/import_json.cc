#include "engine/ingest/import_json.h"

#include <fmt/format.h>

#include "engine/base/json_input.h"
#include "engine/base/text_position.h"

namespace podium {

int ParsedJson::Line(const std::string& pointer) const {
  const auto it = positions.find(pointer);
  return it == positions.end() ? 0 : line_offset + it->second.line;
}

std::string ParsedJson::NumberText(const std::string& pointer) const {
  const auto it = positions.find(pointer);
  return it == positions.end() ? "" : it->second.number_text;
}

std::optional<ParsedJson> ParseJsonText(std::string_view text, const JsonOrigin& origin,
                                        Diagnostics* diagnostics, bool positions) {
  const auto error_at = [&](size_t offset, std::string message) {
    const TextPosition pos = PositionOf(text, offset);
    const std::string_view rest = text.substr(std::min(offset, text.size()));
    if (rest.starts_with("NaN") || rest.starts_with("Infinity") || rest.starts_with("-Infinity")) {
      message += " (NaN and Infinity are Python's, not JSON)";
    }
    diagnostics->Error(Location{origin.shown, origin.line_offset + pos.line, pos.column},
                       origin.field, "", message);
  };
  const size_t deep = FindJsonTooDeep(text);
  if (deep != std::string_view::npos) {
    error_at(deep, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    return std::nullopt;
  }
  ParsedJson located;
  located.line_offset = origin.line_offset;
  try {
    located.doc = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    error_at(e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + JsonErrorReason(e.what()));
    return std::nullopt;
  } catch (const nlohmann::json::exception& e) {  // a number beyond a double: 1e309
    error_at(LocateJsonToken(text, e.what()), "invalid JSON: " + JsonErrorReason(e.what()));
    return std::nullopt;
  }
  if (positions) {
    auto found = JsonValuePositions(text);
    if (found) located.positions = std::move(*found);
  }
  return located;
}

std::string JsonString(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace podium
