#include "engine/audit/number_tokens.h"

#include <algorithm>

namespace podium {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsNonAscii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// A byte that, directly before a digit, makes the digit part of a word or of
// a longer number ("MMLU5", "pass@1", "v_2", ".5" after "2024.05").
bool ContinuesWord(char c) {
  return IsDigit(c) || IsAsciiLetter(c) || c == '.' || c == '_' || c == '@';
}

bool StartsWith(std::string_view text, size_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
}

// "100점 만점" ("out of 100 points"): the scale, not a score. "2017년",
// "5차례", "5배", "870명", "9천", "8,000만": a date, a count of times or
// people, a multiplier, or a number that goes on in words — never a score.
bool NotAScore(std::string_view text, size_t end) {
  for (std::string_view suffix : {"점 만점", "점만점", " 만점", "만점", "년", "월", "일", "차례",
                                  "배", "명", "천", "만", "억"}) {
    if (StartsWith(text, end, suffix)) return true;
  }
  return false;
}

// Reads the number whose first digit is at `i`; returns its end and fills
// `digits` (without separators). `grouped` allows thousands separators.
size_t ReadNumber(std::string_view text, size_t i, bool grouped, std::string* digits) {
  size_t j = i;
  while (j < text.size() && IsDigit(text[j])) ++j;
  digits->assign(text.substr(i, j - i));
  if (grouped && j - i <= 3) {
    while (j + 3 < text.size() && text[j] == ',' && IsDigit(text[j + 1]) && IsDigit(text[j + 2]) &&
           IsDigit(text[j + 3]) && (j + 4 == text.size() || !IsDigit(text[j + 4]))) {
      digits->append(text.substr(j + 1, 3));
      j += 4;
    }
  }
  if (j + 1 < text.size() && text[j] == '.' && IsDigit(text[j + 1])) {
    size_t k = j + 1;
    while (k < text.size() && IsDigit(text[k])) ++k;
    digits->append(text.substr(j, k - j));
    j = k;
  }
  return j;
}

// The sign printed directly before the digit at `i`, if it is one: '+' or '-'
// after a space, a bracket, a tab or the start of the text, not the hyphen of
// "GPT-4" or "그록-2.0".
char SignBefore(std::string_view text, size_t i) {
  if (i == 0 || (text[i - 1] != '+' && text[i - 1] != '-')) return 0;
  if (i >= 2 && (IsDigit(text[i - 2]) || IsAsciiLetter(text[i - 2]) || IsNonAscii(text[i - 2]))) {
    return 0;
  }
  return text[i - 1];
}

// A hyphen between a word and the digit at `i` ("GPT-4", "그록-2.0"): the
// digits are part of a name the registry does not know.
bool AfterNameHyphen(std::string_view text, size_t i) {
  return i >= 2 && text[i - 1] == '-' && (IsAsciiLetter(text[i - 2]) || IsNonAscii(text[i - 2]));
}

}  // namespace

std::vector<NumberToken> ProseNumbers(std::string_view text, const std::vector<TextSpan>& skip) {
  std::vector<NumberToken> out;
  auto span = skip.begin();
  for (size_t i = 0; i < text.size();) {
    while (span != skip.end() && span->end <= i) ++span;
    if (span != skip.end() && span->begin <= i) {
      i = span->end;
      continue;
    }
    if (!IsDigit(text[i]) || (i > 0 && ContinuesWord(text[i - 1])) || AfterNameHyphen(text, i)) {
      ++i;
      continue;
    }
    NumberToken token;
    size_t end = ReadNumber(text, i, /*grouped=*/true, &token.digits);
    if (span != skip.end() && end > span->begin) {  // runs into a name: not a number
      i = span->end;
      continue;
    }
    if (end < text.size() && (IsAsciiLetter(text[end]) || text[end] == '_')) {
      while (end < text.size() && (IsDigit(text[end]) || IsAsciiLetter(text[end]))) ++end;
      i = end;  // "8x7b", "2D": part of a word
      continue;
    }
    token.sign = SignBefore(text, i);
    token.begin = token.sign != 0 ? i - 1 : i;
    token.end = end;
    token.text = std::string(text.substr(token.begin, end - token.begin));
    if (!NotAScore(text, end)) out.push_back(std::move(token));
    i = end;
  }
  return out;
}

std::optional<NumberToken> CellNumber(std::string_view cell) {
  const size_t first = cell.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return std::nullopt;
  cell = cell.substr(first, cell.find_last_not_of(" \t\r") - first + 1);
  for (std::string_view unit : {"%p", "%", "점", "pp"}) {
    if (cell.size() > unit.size() && cell.substr(cell.size() - unit.size()) == unit) {
      cell.remove_suffix(unit.size());
      break;
    }
  }
  while (!cell.empty() && cell.back() == ' ') cell.remove_suffix(1);
  NumberToken token;
  size_t i = 0;
  if (!cell.empty() && (cell[0] == '+' || cell[0] == '-')) token.sign = cell[i++];
  if (i >= cell.size() || !IsDigit(cell[i])) return std::nullopt;
  if (ReadNumber(cell, i, /*grouped=*/true, &token.digits) != cell.size()) return std::nullopt;
  token.end = cell.size();
  token.text = std::string(cell);
  return token;
}

bool PrintsValue(const NumberToken& token, std::string_view value_text) {
  if (value_text.empty()) return false;
  const char sign = value_text[0] == '+' || value_text[0] == '-' ? value_text[0] : 0;
  if (sign != 0) value_text.remove_prefix(1);
  if (token.digits != value_text) return false;
  return sign != 0 ? token.sign == sign : token.sign != '-';
}

bool LinePrintsNumber(std::string_view line, std::string_view value_text) {
  const std::vector<NumberToken> numbers = ProseNumbers(line);
  return std::any_of(numbers.begin(), numbers.end(),
                     [&](const NumberToken& t) { return PrintsValue(t, value_text); });
}

}  // namespace podium
