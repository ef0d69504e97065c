// UTF-8 validation (RFC 3629): every text podium reads must be UTF-8, because
// every text it writes (JSON, HTML, Markdown) is, and a JSON writer refuses
// invalid bytes. Readers check their input with FindInvalidUtf8 and turn the
// first bad byte of a line into a path:line:col diagnostic.
#ifndef PODIUM_ENGINE_BASE_UTF8_H_
#define PODIUM_ENGINE_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace podium {

// The offset of the first byte of `text` that does not begin a well-formed
// UTF-8 sequence (overlong forms, surrogates, code points above U+10FFFF and
// truncated sequences are all ill-formed), or std::string_view::npos when the
// whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// A readable name for the ill-formed sequence that starts at `text[offset]`,
// e.g. "byte 0xFF" or "bytes 0xE4 0xB8 (truncated sequence)", for messages.
// REQUIRES: offset < text.size().
std::string DescribeInvalidUtf8(std::string_view text, size_t offset);

// `text` with every ill-formed sequence replaced by U+FFFD: for echoing
// untrusted text (a file name given on the command line) into output.
std::string ReplaceInvalidUtf8(std::string_view text);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_UTF8_H_
