// Locale-independent parsing and formatting of numbers.
//
// Reports must be byte-identical on every machine, so numbers never go through
// the C locale: parsing uses std::from_chars and formatting uses fmt, which is
// locale-independent unless asked otherwise.
#ifndef PODIUM_ENGINE_BASE_NUMBER_H_
#define PODIUM_ENGINE_BASE_NUMBER_H_

#include <optional>
#include <string>
#include <string_view>

namespace podium {

// Parses a finite decimal number such as "65.0", "+35.0", "-3", "1e-3".
// A leading '+' is accepted because published net win rates print it.
// Returns nullopt for empty text, trailing garbage, "inf", "nan" or overflow.
std::optional<double> ParseFiniteDouble(std::string_view text);

// Parses a base-10 integer that must be >= 1 (e.g. a line number or a count).
// Returns nullopt for anything else, including "0", "-1", "1.0" and overflow.
std::optional<long long> ParsePositiveInteger(std::string_view text);

// Fixed-point text with `decimals` digits after the point ("65.00"); NaN gives
// "—" (not available). Negative zero prints as "0.00".
std::string FormatFixed(double value, int decimals);

// `digits` with a comma between each group of three from the right ("1077" ->
// "1,077"), independent of the locale. REQUIRES: only digits.
std::string WithThousandsSeparators(std::string_view digits);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_NUMBER_H_
