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

TEST(JsonValueLinesAndNumbers, KeepsEachNumberAsWritten) {
  const std::string text =
      "{\"a\": [1.0, -2E+3,\n 0.33333333333333337],\n \"b\": {\"c\": 12}, \"d\": \"1.5\",\n"
      " \"e\": true}";
  auto written = JsonValueLinesAndNumbers(text);
  ASSERT_TRUE(written.has_value());
  EXPECT_EQ(written->numbers.at("/a/0"), "1.0");
  EXPECT_EQ(written->numbers.at("/a/1"), "-2E+3");
  EXPECT_EQ(written->numbers.at("/a/2"), "0.33333333333333337");
  EXPECT_EQ(written->numbers.at("/b/c"), "12");
  EXPECT_EQ(written->numbers.count("/d"), 0u);  // a string, not a number
  EXPECT_EQ(written->numbers.count("/e"), 0u);
  EXPECT_EQ(written->numbers.size(), 4u);
  EXPECT_EQ(written->lines, JsonValueLines(text).value());
  EXPECT_EQ(written->lines.at("/a/2"), 2);
}

TEST(JsonValueLinesAndNumbers, ANumberAloneAndInvalidText) {
  auto written = JsonValueLinesAndNumbers("\n\n-1.5e3");
  ASSERT_TRUE(written.has_value());
  EXPECT_EQ(written->numbers.at(""), "-1.5e3");
  EXPECT_EQ(JsonValueLinesAndNumbers("7")->numbers.at(""), "7");
  EXPECT_FALSE(JsonValueLinesAndNumbers("[1,]").has_value());
  EXPECT_FALSE(JsonValueLinesAndNumbers("").has_value());
}

TEST(JsonPointerChild, EscapesAsRfc6901Says) {
  EXPECT_EQ(JsonPointerChild("", "a/b"), "/a~1b");
  EXPECT_EQ(JsonPointerChild("/x", "~"), "/x/~0");
  EXPECT_EQ(JsonPointerChild("/x", size_t{3}), "/x/3");
}

}  // namespace
}  // namespace podium
