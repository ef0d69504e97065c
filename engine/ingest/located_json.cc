#include "engine/ingest/located_json.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/base/file_util.h"
#include "engine/base/json_input.h"
#include "engine/base/text_position.h"

namespace podium {
namespace {

bool IsWordChar(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Replaces each bare NaN, Infinity and -Infinity outside strings by a string
// of the same length, its first and last characters made quotes ("a",
// "nfinit", "Infinit"), so that every other value keeps its offset; returns
// their offsets.
std::set<size_t> MaskPythonNonFinite(std::string* text) {
  std::set<size_t> masked;
  bool in_string = false;
  for (size_t i = 0; i < text->size(); ++i) {
    const char c = (*text)[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      continue;
    }
    if (i > 0 && IsWordChar((*text)[i - 1])) continue;
    for (std::string_view literal : {"NaN", "Infinity", "-Infinity"}) {
      if (std::string_view(*text).substr(i, literal.size()) != literal) continue;
      const size_t end = i + literal.size();
      if (end < text->size() && IsWordChar((*text)[end])) continue;
      (*text)[i] = '"';
      (*text)[end - 1] = '"';
      masked.insert(i);
      i = end - 1;
      break;
    }
  }
  return masked;
}

}  // namespace

std::string MaskedLiteral(const nlohmann::json& value) {
  const std::string text = value.is_string() ? value.get<std::string>() : "";
  if (text == "a") return "NaN";
  return text == "nfinit" ? "Infinity" : "-Infinity";
}

bool ParseLocatedJson(std::string* text, const std::string& shown, int first_line,
                      Diagnostics* diagnostics, nlohmann::json* out, std::set<size_t>* masked) {
  const auto error_at = [&](size_t offset, const std::string& message) {
    const TextPosition pos = PositionOf(*text, offset);
    diagnostics->Error(Location{shown, first_line - 1 + pos.line, pos.column}, "", "", message);
  };
  const size_t deep = FindJsonTooDeep(*text);
  if (deep != std::string_view::npos) {
    error_at(deep, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    return false;
  }
  std::set<size_t> offsets = MaskPythonNonFinite(text);
  try {
    *out = nlohmann::json::parse(*text);
  } catch (const nlohmann::json::parse_error& e) {
    error_at(e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + JsonErrorReason(e.what()));
    return false;
  } catch (const nlohmann::json::exception& e) {  // e.g. a number beyond a double: 1e309
    error_at(LocateJsonToken(*text, e.what()), "invalid JSON: " + JsonErrorReason(e.what()));
    return false;
  }
  if (masked != nullptr) *masked = std::move(offsets);
  return true;
}

bool LocatedJson::Load(const std::string& path, const std::string& shown,
                       Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    shown_ = shown;
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return false;
  }
  return Parse(std::move(*text), shown, diagnostics);
}

bool LocatedJson::Parse(std::string text, const std::string& shown, Diagnostics* diagnostics) {
  shown_ = shown;
  if (!ParseLocatedJson(&text, shown, 1, diagnostics, &root_, &masked_)) return false;
  auto positions = JsonValuePositions(text);
  if (!positions) {  // nlohmann_json parsed it: its SAX parser cannot disagree
    diagnostics->Error(Location{shown}, "", "", "invalid JSON");
    return false;
  }
  positions_ = std::move(*positions);
  return true;
}

Location LocatedJson::LocationOf(const std::string& pointer) const {
  auto it = positions_.find(pointer);
  if (it == positions_.end()) return Location{shown_};
  return Location{shown_, it->second.line, it->second.column};
}

std::string LocatedJson::NumberText(const std::string& pointer) const {
  auto it = positions_.find(pointer);
  return it == positions_.end() ? std::string() : it->second.number_text;
}

bool LocatedJson::IsNonFinite(const std::string& pointer) const {
  auto it = positions_.find(pointer);
  return it != positions_.end() && masked_.count(it->second.offset) > 0;
}

void LocatedJson::Error(const std::string& pointer, const std::string& text,
                        const std::string& message, Diagnostics* diagnostics) const {
  diagnostics->Error(LocationOf(pointer), pointer, text, message);
}

void LocatedJson::Warning(const std::string& pointer, const std::string& text,
                          const std::string& message, Diagnostics* diagnostics) const {
  diagnostics->Warning(LocationOf(pointer), pointer, text, message);
}

const nlohmann::json* LocatedJson::Member(const nlohmann::json& object, const std::string& pointer,
                                          std::string_view key, bool required,
                                          Diagnostics* diagnostics) const {
  if (object.is_object()) {
    auto it = object.find(key);
    if (it != object.end()) return &*it;
  }
  if (required) Error(pointer, "", fmt::format("missing key '{}'", key), diagnostics);
  return nullptr;
}

std::optional<double> LocatedJson::FiniteNumber(const nlohmann::json& value,
                                                const std::string& pointer,
                                                Diagnostics* diagnostics) const {
  if (value.is_number()) {
    const double number = value.get<double>();
    if (std::isfinite(number)) return number;
  }
  if (IsNonFinite(pointer)) {
    Error(pointer, MaskedLiteral(value),
          MaskedLiteral(value) + " is not a finite number (Python writes it; JSON has none)",
          diagnostics);
  } else if (value.is_number()) {
    Error(pointer, NumberText(pointer), NumberText(pointer) + " is not a finite number",
          diagnostics);
  } else {
    Error(pointer, "", "expected a number, found " + DescribeJson(value), diagnostics);
  }
  return std::nullopt;
}

bool LocatedJson::IsObject(const nlohmann::json& value, const std::string& pointer,
                           const std::string& what, Diagnostics* diagnostics) const {
  if (value.is_object()) return true;
  Error(pointer, "", fmt::format("{} must be an object, found {}", what, DescribeJson(value)),
        diagnostics);
  return false;
}

bool LocatedJson::IsArray(const nlohmann::json& value, const std::string& pointer,
                          const std::string& what, Diagnostics* diagnostics) const {
  if (value.is_array()) return true;
  Error(pointer, "", fmt::format("{} must be an array, found {}", what, DescribeJson(value)),
        diagnostics);
  return false;
}

std::string DescribeJson(const nlohmann::json& value) {
  if (value.is_object()) return "an object";
  if (value.is_array()) return "an array";
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    if (text.size() > 40) text = text.substr(0, 40) + "...";
    return fmt::format("a string (\"{}\")", text);
  }
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_null()) return "null";
  return "a number";
}

}  // namespace podium
