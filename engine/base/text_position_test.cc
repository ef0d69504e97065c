#include "engine/base/text_position.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(TextPositionTest, MapsOffsetsToLineAndColumn) {
  const std::string_view text = "ab\ncd\n\nx";
  EXPECT_EQ(PositionOf(text, 0).line, 1);
  EXPECT_EQ(PositionOf(text, 0).column, 1);
  EXPECT_EQ(PositionOf(text, 4).line, 2);
  EXPECT_EQ(PositionOf(text, 4).column, 2);
  EXPECT_EQ(PositionOf(text, 7).line, 4);
  EXPECT_EQ(PositionOf(text, 99).column, 2);  // clamped to the end
}

TEST(TextPositionTest, SplitsLinesWithoutATrailingEmptyOne) {
  EXPECT_EQ(SplitLines("a\r\nb\n\nc\n"), (std::vector<std::string_view>{"a", "b", "", "c"}));
  EXPECT_TRUE(SplitLines("").empty());
  EXPECT_EQ(SplitLines("x"), (std::vector<std::string_view>{"x"}));
}

}  // namespace
}  // namespace podium
