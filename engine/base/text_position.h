// Byte offset -> (line, column), for parsers that report offsets only; and
// splitting text into lines.
//
// nlohmann_json's parse_error carries the byte position of the failure; users
// need path:line:col like every other diagnostic.
#ifndef PODIUM_ENGINE_BASE_TEXT_POSITION_H_
#define PODIUM_ENGINE_BASE_TEXT_POSITION_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace podium {

struct TextPosition {
  int line = 1;    // 1-based
  int column = 1;  // 1-based byte column
};

// The position of byte `offset` in `text` (an offset past the end maps to the
// end). nlohmann_json reports the 1-based count of bytes read, so callers pass
// that value minus one.
TextPosition PositionOf(std::string_view text, size_t offset);

// The lines of `text` (without their "\n" or "\r\n"); a final line break
// does not start another line. Views into `text`.
std::vector<std::string_view> SplitLines(std::string_view text);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_TEXT_POSITION_H_
