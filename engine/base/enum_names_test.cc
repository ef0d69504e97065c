#include "engine/base/enum_names.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

enum class Fruit { kApple, kPear };
inline constexpr EnumName<Fruit> kFruitNames[] = {{Fruit::kApple, "apple"}, {Fruit::kPear, "pear"}};

TEST(EnumNames, NameAndParseAreInverse) {
  EXPECT_STREQ(NameOf(kFruitNames, Fruit::kPear), "pear");
  EXPECT_EQ(ParseName(kFruitNames, "apple"), Fruit::kApple);
  EXPECT_EQ(NamesOf(kFruitNames), (std::vector<std::string>{"apple", "pear"}));
}

TEST(EnumNames, AnUnknownNameIsNotADefault) {
  EXPECT_FALSE(ParseName(kFruitNames, "Apple").has_value());  // case matters
  EXPECT_FALSE(ParseName(kFruitNames, "").has_value());
  EXPECT_FALSE(ParseName(kFruitNames, "plum").has_value());
}

}  // namespace
}  // namespace podium
