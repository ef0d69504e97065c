// Limits and messages for JSON input: nesting checked before parsing, and a
// parser's error turned into a message for a path:line:col diagnostic.
//
// nlohmann_json parses any depth, but a document nested 100,000 levels deep
// is not a report or a battle record, and some of what is done with it later
// recurses. Readers call FindJsonTooDeep first, so such input is a located
// error ("nested deeper than 64 levels") instead of a crash or a silent
// "nothing found".
#ifndef PODIUM_ENGINE_BASE_JSON_INPUT_H_
#define PODIUM_ENGINE_BASE_JSON_INPUT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace podium {

// Deepest nesting of arrays and objects podium accepts in any JSON input.
inline constexpr int kMaxJsonDepth = 64;

// The offset of the first '[' or '{' of `text` that opens a level deeper than
// `max_depth` (strings, with their escapes, are skipped), or
// std::string_view::npos when none does. Not a validator: malformed JSON is
// left for the parser to report.
size_t FindJsonTooDeep(std::string_view text, int max_depth = kMaxJsonDepth);

// The reason in one of nlohmann_json's exception texts, without its
// "[json.exception.parse_error.101] parse error at line 1, column 2: " prefix
// (the diagnostic carries the location itself):
// "syntax error while parsing value - invalid literal; last read: 'x'".
std::string JsonErrorReason(const std::string& what);

// Where in `text` an error without a byte offset happened: nlohmann_json's
// out_of_range 406 ("number overflow parsing '1e309'") names the token only,
// so the first occurrence of the quoted token is taken; 0 when there is none.
size_t LocateJsonToken(std::string_view text, const std::string& what);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_JSON_INPUT_H_
