#include "engine/base/json_input.h"

namespace podium {

size_t FindJsonTooDeep(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  for (size_t k = 0; k < text.size(); ++k) {
    const char c = text[k];
    if (in_string) {
      if (c == '\\') {
        ++k;  // the escaped character cannot end the string
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return k;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

std::string JsonErrorReason(const std::string& what) {
  // The prefix ends at the first ": " after the bracketed exception id.
  const size_t id_end = what.find("] ");
  const size_t colon = what.find(": ", id_end == std::string::npos ? 0 : id_end);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

}  // namespace podium
