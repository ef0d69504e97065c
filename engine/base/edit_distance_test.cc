#include "engine/base/edit_distance.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(EditDistanceTest, HandComputedDistances) {
  EXPECT_EQ(EditDistance("", ""), 0);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3);
  EXPECT_EQ(EditDistance("gpt-4o-mni", "gpt-4o-mini"), 1);
  EXPECT_EQ(EditDistance("abc", ""), 3);
  EXPECT_EQ(EditDistance("라마 3.1 8B", "라마 3.1 70B"), 2);  // one syllable is one edit
  EXPECT_EQ(EditDistance("미스트랄", "미스트럴"), 1);
}

TEST(EditDistanceTest, NearestNamesArePlausibleMisspellingsOnly) {
  const std::vector<std::string> known = {"gpt-4o", "gpt-4o-mini", "claude-3", "llama-3.1-8b"};
  EXPECT_EQ(NearestNames("gpt-4o-mni", known), (std::vector<size_t>{1}));  // gpt-4o: 4 edits
  EXPECT_EQ(NearestNames("llama 3.1 8b", known), (std::vector<size_t>{3}));
  EXPECT_TRUE(NearestNames("mistral", known).empty());
  EXPECT_EQ(NearestNames("gpt-4o", {"gpt-4o", "gpt-4o"}, 3), (std::vector<size_t>{0}));
}

}  // namespace
}  // namespace podium
