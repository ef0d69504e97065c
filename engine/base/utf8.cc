#include "engine/base/utf8.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace podium {
namespace {

// Length of the well-formed sequence starting at text[k], or 0 when it is
// ill-formed. Follows the table of well-formed byte sequences in Unicode
// 15.0 §3.9 (Table 3-7), which rules out overlongs and surrogates.
size_t SequenceLength(std::string_view text, size_t k) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t b0 = byte(k);
  if (b0 < 0x80) return 1;
  size_t length = 0;
  uint8_t low = 0x80, high = 0xBF;  // range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    if (b0 == 0xE0) low = 0xA0;
    if (b0 == 0xED) high = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    if (b0 == 0xF0) low = 0x90;
    if (b0 == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (k + length > text.size()) return 0;
  if (byte(k + 1) < low || byte(k + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(k + i) < 0x80 || byte(k + i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t k = 0;
  while (k < text.size()) {
    // ASCII fast path: eight bytes at a time while no high bit is set.
    while (k + 8 <= text.size()) {
      uint64_t word;
      std::memcpy(&word, text.data() + k, 8);
      if ((word & 0x8080808080808080ULL) != 0) break;
      k += 8;
    }
    if (k >= text.size()) break;
    const size_t length = SequenceLength(text, k);
    if (length == 0) return k;
    k += length;
  }
  return std::string_view::npos;
}

std::string DescribeInvalidUtf8(std::string_view text, size_t offset) {
  const auto hex = [&](size_t i) { return fmt::format("0x{:02X}", static_cast<uint8_t>(text[i])); };
  const uint8_t b0 = static_cast<uint8_t>(text[offset]);
  // A lead byte followed by too few continuation bytes: show them together.
  size_t expected = b0 >= 0xF0 && b0 <= 0xF4   ? 4
                    : b0 >= 0xE0               ? 3
                    : b0 >= 0xC2 && b0 <= 0xDF ? 2
                                               : 1;
  if (b0 > 0xF4) expected = 1;
  size_t n = 1;
  while (n < expected && offset + n < text.size() &&
         (static_cast<uint8_t>(text[offset + n]) & 0xC0) == 0x80) {
    ++n;
  }
  if (n == 1) return "byte " + hex(offset);
  std::string out = "bytes";
  for (size_t i = 0; i < n; ++i) out += " " + hex(offset + i);
  return out + (n < expected ? " (truncated sequence)" : "");
}

std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t k = 0;
  while (k < text.size()) {
    const size_t length = SequenceLength(text, k);
    if (length == 0) {
      out += "\xEF\xBF\xBD";
      ++k;
    } else {
      out.append(text.substr(k, length));
      k += length;
    }
  }
  return out;
}

}  // namespace podium
