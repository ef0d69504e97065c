#include "engine/base/option_names.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(OptionNames, FieldNamesUntilSpelt) {
  SetOptionSpelling({});
  EXPECT_EQ(OptionName("min_battles"), "min_battles");
  SetOptionSpelling({{"min_battles", "--min-battles"}});
  EXPECT_EQ(OptionName("min_battles"), "--min-battles");
  EXPECT_EQ(OptionName("rank_all"), "rank_all");  // not listed: the field itself
  SetOptionSpelling({});
  EXPECT_EQ(OptionName("min_battles"), "min_battles");
}

}  // namespace
}  // namespace podium
