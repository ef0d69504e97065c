// Numbers as a document prints them: in prose ("65.0점", "1,032점", "+35.0")
// and in table cells ("61.32%"), and whether a printed number is a claim's
// value.
//
// A claim's value is compared as text, not as a double: "65.0" is not "65"
// (the claims record the number exactly as printed). Thousands separators
// ("1,077") are read in prose and in a cell that is one whole number; between
// the cells of a CSV row a comma is a delimiter, which the caller splits on
// first (table_cells.h).
#ifndef PODIUM_ENGINE_AUDIT_NUMBER_TOKENS_H_
#define PODIUM_ENGINE_AUDIT_NUMBER_TOKENS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

struct NumberToken {
  size_t begin = 0;  // byte offsets in the text scanned, [begin, end)
  size_t end = 0;
  char sign = 0;       // '+', '-' or 0 (none printed)
  std::string digits;  // without sign and thousands separators: "1032", "65.0"
  std::string text;    // as printed: "1,032", "+35.0"
};

// A span of the text that is not read for numbers (a model's or benchmark's
// name such as "라마 3.1 8B" or "11개 벤치마크 평균 점수").
struct TextSpan {
  size_t begin = 0;
  size_t end = 0;
};

// The numbers of a prose text, in order. A number is a run of ASCII digits
// with an optional decimal part, thousands groups of exactly three digits
// after a first group of one to three, and a sign when '+' or '-' stands
// directly before it after a space, bracket or tab. Not numbers: digits glued
// to ASCII letters ("8x7b", "2D", "MMLU5"), digits after a word and a hyphen
// (the "4" of "GPT-4", the "2.0" of "그록-2.0": parts of names the registry
// does not know), digits inside `skip` spans (sorted, disjoint), digits that
// continue a number ("2024.05.13" reads as "2024.05" and the rest is skipped),
// and numbers that are no score by the word after them: a scale ("100점
// 만점", out of 100 points), a date (년 월 일), a count of times or people
// (차례 배 명) or a number going on in words (천 만 억: "9천", "8,000만").
std::vector<NumberToken> ProseNumbers(std::string_view text,
                                      const std::vector<TextSpan>& skip = {});

// The number a table cell holds: the whole cell (trimmed) is one number,
// optionally followed by a unit ("%", "점", "pp", "%p"); nullopt otherwise
// ("Llama 3.1 8B", "2.7B", "", "n/a").
std::optional<NumberToken> CellNumber(std::string_view cell);

// True if `token` prints `value_text` (a claim's value as written): the same
// digits, and the same sign when the value has one; an unsigned value also
// matches a number printed with '+', never one printed with '-'.
bool PrintsValue(const NumberToken& token, std::string_view value_text);

// True if `line`, read as prose, prints the number `value_text`: "1,032점으로"
// prints 1032; "165.0점" does not print 65.0; "score -3.1" does not print 3.1.
bool LinePrintsNumber(std::string_view line, std::string_view value_text);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_NUMBER_TOKENS_H_
