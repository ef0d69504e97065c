#include "engine/base/json_positions.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(JsonValueLines, EveryValueGetsTheLineItIsWrittenOn) {
  std::string text =
      "{\n"
      "  \"results\": {\n"
      "    \"arc_easy\": {\"acc,none\": 0.5,\n"
      "                 \"acc_stderr,none\": 0.01},\n"
      "    \"a/b~c\": [1,\n"
      "      true, null, \"x\"\n"
      "    ]\n"
      "  },\n"
      "  \"n\": 12\n"
      "}";
  auto lines = JsonValueLines(text);
  ASSERT_TRUE(lines.has_value());
  EXPECT_EQ(lines->at(""), 1);
  EXPECT_EQ(lines->at("/results"), 2);
  EXPECT_EQ(lines->at("/results/arc_easy"), 3);
  EXPECT_EQ(lines->at("/results/arc_easy/acc,none"), 3);
  EXPECT_EQ(lines->at("/results/arc_easy/acc_stderr,none"), 4);
  EXPECT_EQ(lines->at("/results/a~1b~0c"), 5);
  EXPECT_EQ(lines->at("/results/a~1b~0c/0"), 5);  // the ",\n" after 1 is not part of it
  EXPECT_EQ(lines->at("/results/a~1b~0c/1"), 6);
  EXPECT_EQ(lines->at("/results/a~1b~0c/3"), 6);
  EXPECT_EQ(lines->at("/n"), 9);  // the number is followed by a line break
}

TEST(JsonValueLines, ANumberAtTheEndOfTheText) {
  auto lines = JsonValueLines("\n\n-1.5e3");
  ASSERT_TRUE(lines.has_value());
  EXPECT_EQ(lines->at(""), 3);
}

TEST(JsonValueLines, InvalidJsonIsNullopt) {
  EXPECT_FALSE(JsonValueLines("{\"a\": 1,}").has_value());
  EXPECT_FALSE(JsonValueLines("").has_value());
  EXPECT_FALSE(JsonValueLines("[1] 2").has_value());
}

TEST(JsonValuePositions, NumbersKeepTheirTextAndEveryValueItsColumn) {
  std::string text =
      "{\"a\": 0.4560, \"b\":[1e-3,-0 ,\n"
      "  12, \"x\"], \"c\" :\t{}}";
  auto positions = JsonValuePositions(text);
  ASSERT_TRUE(positions.has_value());
  EXPECT_EQ(positions->at("/a").number_text, "0.4560");
  EXPECT_EQ(positions->at("/a").line, 1);
  EXPECT_EQ(positions->at("/a").column, 7);
  EXPECT_EQ(positions->at("/b").column, 19);
  EXPECT_EQ(positions->at("/b/0").number_text, "1e-3");
  EXPECT_EQ(positions->at("/b/0").column, 20);
  EXPECT_EQ(positions->at("/b/1").number_text, "-0");
  EXPECT_EQ(positions->at("/b/1").column, 25);
  EXPECT_EQ(positions->at("/b/2").number_text, "12");
  EXPECT_EQ(positions->at("/b/2").line, 2);
  EXPECT_EQ(positions->at("/b/2").column, 3);
  EXPECT_EQ(positions->at("/b/3").number_text, "");
  EXPECT_EQ(positions->at("/b/3").column, 7);
  EXPECT_EQ(positions->at("/c").column, 19);
  EXPECT_EQ(positions->at("/c").offset, text.size() - 3);
}

TEST(JsonValuePositions, ANumberAtTheEndAndAByteOrderMark) {
  auto positions = JsonValuePositions("\xEF\xBB\xBF 7.50");
  ASSERT_TRUE(positions.has_value());
  EXPECT_EQ(positions->at("").number_text, "7.50");
  EXPECT_EQ(positions->at("").column, 5);
}

TEST(JsonPointerChild, EscapesAsRfc6901Says) {
  EXPECT_EQ(JsonPointerChild("", "a/b"), "/a~1b");
  EXPECT_EQ(JsonPointerChild("/x", "~"), "/x/~0");
  EXPECT_EQ(JsonPointerChild("/x", size_t{3}), "/x/3");
}

}  // namespace
}  // namespace podium
