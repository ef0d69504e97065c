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
  // "[json.exception.<kind>.<id>] " first; parse errors then say where
  // ("parse error at line 1, column 2: "), which the diagnostic says itself.
  const size_t id_end = what.rfind("] ", what.find(' '));
  std::string reason = id_end == std::string::npos ? what : what.substr(id_end + 2);
  if (reason.rfind("parse error", 0) == 0) {
    const size_t colon = reason.find(": ");
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
  }
  return reason;
}

size_t LocateJsonToken(std::string_view text, const std::string& what) {
  const size_t open = what.find('\'');
  const size_t close = open == std::string::npos ? open : what.find('\'', open + 1);
  if (close == std::string::npos || close == open + 1) return 0;
  const size_t at = text.find(std::string_view(what).substr(open + 1, close - open - 1));
  return at == std::string_view::npos ? 0 : at;
}

}  // namespace podium
