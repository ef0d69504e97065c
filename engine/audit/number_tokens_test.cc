#include "engine/audit/number_tokens.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

std::vector<std::string> Texts(std::string_view text, const std::vector<TextSpan>& skip = {}) {
  std::vector<std::string> out;
  for (const NumberToken& t : ProseNumbers(text, skip)) out.push_back(t.text);
  return out;
}

TEST(ProseNumbersTest, ReadsNumbersAsPrinted) {
  using V = std::vector<std::string>;
  EXPECT_EQ(Texts("미스트랄 8B는 65.0점으로 ‘라마 3.1 8B’(64.7점)"), (V{"65.0", "3.1", "64.7"}));
  EXPECT_EQ(Texts("인간 선호도 평가는 1,032점으로"), (V{"1,032"}));
  EXPECT_EQ(Texts("Overall\t+35.0\t+8.2\t-3.9"), (V{"+35.0", "+8.2", "-3.9"}));
  // Words, names the registry does not know, dates and scales are not scores.
  EXPECT_EQ(Texts("믹스트랄 8x7b, 3D, MMLU5, pass@1, GPT-4, 그록-2.0"), V{});
  EXPECT_EQ(Texts("2024.05.13."), (V{"2024.05"}));
  EXPECT_EQ(Texts("GPT-4o는 100점 만점 중 22점을"), (V{"22"}));
  EXPECT_EQ(Texts("2017년 5차례 5배 870명 9천 8,000만 개 중 12개, 1위"), (V{"12", "1"}));
  EXPECT_EQ(Texts("1,0320 and 12,34"), (V{"1", "0320", "12", "34"}));
}

TEST(ProseNumbersTest, SkipsNamesAndKeepsOffsets) {
  const std::string text = "11개 벤치마크 평균 점수 81.2점";
  const size_t name_end = text.find(" 81.2");
  const std::vector<NumberToken> numbers = ProseNumbers(text, {{0, name_end}});
  ASSERT_EQ(numbers.size(), 1u);
  EXPECT_EQ(numbers[0].digits, "81.2");
  EXPECT_EQ(numbers[0].begin, name_end + 1);
  EXPECT_EQ(numbers[0].end, name_end + 5);
  const NumberToken grouped = ProseNumbers("약 1,077점")[0];
  EXPECT_EQ(grouped.digits, "1077");
  EXPECT_EQ(grouped.text, "1,077");
}

TEST(CellNumberTest, WholeCellOnly) {
  EXPECT_EQ(CellNumber(" 61.32% ")->digits, "61.32");
  EXPECT_EQ(CellNumber("+35.0")->sign, '+');
  EXPECT_EQ(CellNumber("48.3점")->digits, "48.3");
  EXPECT_EQ(CellNumber("1,234")->digits, "1234");  // a quoted CSV cell, or a TSV one
  EXPECT_FALSE(CellNumber("2.7B"));
  EXPECT_FALSE(CellNumber("Llama 3.1 8B"));
  EXPECT_FALSE(CellNumber(""));
  EXPECT_FALSE(CellNumber("1,23"));
  EXPECT_FALSE(CellNumber("%"));
}

TEST(PrintsValueTest, SameDigitsAndSign) {
  EXPECT_TRUE(PrintsValue(*CellNumber("+8.2"), "+8.2"));
  EXPECT_TRUE(PrintsValue(*CellNumber("+8.2"), "8.2"));  // unsigned value after '+'
  EXPECT_FALSE(PrintsValue(*CellNumber("-8.2"), "8.2"));
  EXPECT_FALSE(PrintsValue(*CellNumber("8.2"), "+8.2"));
  EXPECT_FALSE(PrintsValue(*CellNumber("65.0"), "65"));
  EXPECT_TRUE(PrintsValue(*CellNumber("1,077"), "1077"));
}

TEST(LinePrintsNumberTest, WholeTokensOnly) {
  EXPECT_TRUE(LinePrintsNumber("미스트랄 8B는 65.0점으로", "65.0"));
  EXPECT_TRUE(LinePrintsNumber("Overall\t+35.0\t+8.2", "+35.0"));
  EXPECT_TRUE(LinePrintsNumber("Overall\t+35.0\t+8.2", "8.2"));  // unsigned after '+'
  EXPECT_TRUE(LinePrintsNumber("1,032점으로", "1032"));
  EXPECT_TRUE(LinePrintsNumber("1077점", "1077"));
  EXPECT_TRUE(LinePrintsNumber("GPT-4(67%)", "67"));
  EXPECT_FALSE(LinePrintsNumber("165.0점", "65.0"));
  EXPECT_FALSE(LinePrintsNumber("65.05점", "65.0"));
  EXPECT_FALSE(LinePrintsNumber("65.0", "65"));
  EXPECT_FALSE(LinePrintsNumber("score -3.1", "3.1"));  // sign differs
  EXPECT_FALSE(LinePrintsNumber("1,0320", "1032"));
  EXPECT_FALSE(LinePrintsNumber("nothing here", "1"));
}

}  // namespace
}  // namespace podium
