// A JSON file an importer reads: parsed, with the place of every value, so
// that each number read from it can cite its line and its text as written,
// and each problem is a path:line:col diagnostic.
//
// Evaluation tools are Python programs, and Python's json.dump writes NaN,
// Infinity and -Infinity, which JSON does not allow. Rather than rejecting a
// whole results file for one NaN standard error, such a bare literal is read
// as a string of the same length (positions do not move), and
// IsNonFinite() tells the reader, which decides whether it is an error.
#ifndef PODIUM_ENGINE_INGEST_LOCATED_JSON_H_
#define PODIUM_ENGINE_INGEST_LOCATED_JSON_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "engine/base/diagnostic.h"
#include "engine/base/json_positions.h"

namespace podium {

// Parses one JSON text (a file, or one line of a JSON Lines file: its errors
// are then reported on line `first_line`) after masking Python's non-finite
// literals. False, with one located error, when the text is nested deeper
// than kMaxJsonDepth (json_input.h) or is not JSON; `masked` (if not null)
// receives the byte offsets of the masked literals.
bool ParseLocatedJson(std::string* text, const std::string& shown, int first_line,
                      Diagnostics* diagnostics, nlohmann::json* out,
                      std::set<size_t>* masked = nullptr);

class LocatedJson {
 public:
  // Reads and parses the file `path`, named `shown` in diagnostics. False,
  // with a located error, when it cannot be read or is not JSON.
  bool Load(const std::string& path, const std::string& shown, Diagnostics* diagnostics);
  // The same for a text in memory (tests, fuzzers).
  bool Parse(std::string text, const std::string& shown, Diagnostics* diagnostics);

  const nlohmann::json& root() const { return root_; }
  const std::string& shown() const { return shown_; }

  // Where the value at JSON Pointer `pointer` starts: {shown, 0, 0} when the
  // pointer names no value.
  Location LocationOf(const std::string& pointer) const;
  // The number at `pointer` exactly as written ("0.4560"); empty otherwise.
  std::string NumberText(const std::string& pointer) const;
  // True when the value at `pointer` is a masked NaN, Infinity or -Infinity.
  bool IsNonFinite(const std::string& pointer) const;

  // An error at the value `pointer` (field = pointer, text = `text`).
  void Error(const std::string& pointer, const std::string& text, const std::string& message,
             Diagnostics* diagnostics) const;
  void Warning(const std::string& pointer, const std::string& text, const std::string& message,
               Diagnostics* diagnostics) const;

  // Member `key` of `object` (the value at `pointer`), or null: when it is
  // missing and `required`, with an error at the object ("missing key
  // 'results'"). `object` not being an object counts as missing.
  const nlohmann::json* Member(const nlohmann::json& object, const std::string& pointer,
                               std::string_view key, bool required, Diagnostics* diagnostics) const;

  // The value at `pointer` as a finite number; nullopt, with an error, when
  // it is not a number or is non-finite. Booleans are not numbers.
  std::optional<double> FiniteNumber(const nlohmann::json& value, const std::string& pointer,
                                     Diagnostics* diagnostics) const;

  // True when `value` (at `pointer`) is an object (or, with IsArray, an
  // array); otherwise false with an error naming what `what` should be
  // ("'results' must be an object of tasks").
  bool IsObject(const nlohmann::json& value, const std::string& pointer, const std::string& what,
                Diagnostics* diagnostics) const;
  bool IsArray(const nlohmann::json& value, const std::string& pointer, const std::string& what,
               Diagnostics* diagnostics) const;

 private:
  std::string shown_;
  nlohmann::json root_;
  std::unordered_map<std::string, JsonValuePosition> positions_;
  std::set<size_t> masked_;  // offsets of masked non-finite literals
};

// The literal a masked value stood for ("NaN", "Infinity", "-Infinity").
std::string MaskedLiteral(const nlohmann::json& value);

// How a JSON value is described in messages: "a string (\"N/A\")", "an
// array", "null".
std::string DescribeJson(const nlohmann::json& value);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_LOCATED_JSON_H_
