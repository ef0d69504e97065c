#include "engine/base/utf8.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

constexpr size_t kValid = std::string_view::npos;

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_EQ(FindInvalidUtf8(""), kValid);
  EXPECT_EQ(FindInvalidUtf8("plain ascii, longer than eight bytes"), kValid);
  EXPECT_EQ(FindInvalidUtf8("미스트랄 8B는 65.0점"), kValid);
  EXPECT_EQ(FindInvalidUtf8("\xF0\x9F\x98\x80 emoji \xF4\x8F\xBF\xBF max"), kValid);
}

TEST(Utf8Test, FindsTheFirstIllFormedByte) {
  EXPECT_EQ(FindInvalidUtf8("abc\xFF"), 3u);
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\x80"), 10u);   // lone continuation
  EXPECT_EQ(FindInvalidUtf8("\xC0\xAF"), 0u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xE0\x80\xAF"), 0u);      // overlong
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);      // surrogate U+D800
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ok \xEB\xAF"), 3u);       // truncated at the end
  EXPECT_EQ(FindInvalidUtf8(std::string_view("a\0b\xFE", 4)), 3u);
}

TEST(Utf8Test, DescribesAndReplaces) {
  EXPECT_EQ(DescribeInvalidUtf8("a\xFF", 1), "byte 0xFF");
  EXPECT_EQ(DescribeInvalidUtf8("\xEB\xAF", 0), "bytes 0xEB 0xAF (truncated sequence)");
  EXPECT_EQ(ReplaceInvalidUtf8("a\xFFz미"), "a\xEF\xBF\xBDz미");
}

}  // namespace
}  // namespace podium
