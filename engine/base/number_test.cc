#include "engine/base/number.h"

#include <gtest/gtest.h>

#include <clocale>
#include <cmath>

namespace podium {
namespace {

TEST(NumberTest, ParsesPublishedNumbers) {
  EXPECT_EQ(ParseFiniteDouble("65.0"), 65.0);
  EXPECT_EQ(ParseFiniteDouble("+35.0"), 35.0);  // net win rates print a plus sign
  EXPECT_EQ(ParseFiniteDouble("-3.1"), -3.1);
  EXPECT_EQ(ParseFiniteDouble("1e-3"), 0.001);
}

TEST(NumberTest, RejectsWhatIsNotAFiniteNumber) {
  for (const char* bad :
       {"", "+", "-", "n/a", "65.0%", "1,077", "inf", "nan", "-inf", "1e999", "++1", "+-1", " 1"}) {
    EXPECT_FALSE(ParseFiniteDouble(bad).has_value()) << bad;
  }
}

TEST(NumberTest, PositiveIntegers) {
  EXPECT_EQ(ParsePositiveInteger("310"), 310);
  for (const char* bad : {"0", "-1", "1.0", "", "x", "99999999999999999999"}) {
    EXPECT_FALSE(ParsePositiveInteger(bad).has_value()) << bad;
  }
}

TEST(NumberTest, FormattingIgnoresTheLocale) {
  std::setlocale(LC_ALL, "de_DE.UTF-8");  // decimal comma, if installed
  EXPECT_EQ(FormatFixed(64.7, 2), "64.70");
  EXPECT_EQ(FormatFixed(-0.0001, 2), "0.00");
  EXPECT_EQ(FormatFixed(-1.5, 1), "-1.5");
  EXPECT_EQ(FormatFixed(std::nan(""), 2), "—");
  EXPECT_EQ(ParseFiniteDouble("0.5"), 0.5);
  std::setlocale(LC_ALL, "C");
}

TEST(NumberTest, ThousandsSeparators) {
  EXPECT_EQ(WithThousandsSeparators(""), "");
  EXPECT_EQ(WithThousandsSeparators("999"), "999");
  EXPECT_EQ(WithThousandsSeparators("1077"), "1,077");
  EXPECT_EQ(WithThousandsSeparators("2000000"), "2,000,000");
}

}  // namespace
}  // namespace podium
