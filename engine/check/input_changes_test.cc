#include "engine/check/input_changes.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

Json Manifest(std::vector<std::array<std::string, 3>> inputs) {
  Json list = Json::array();
  for (const auto& [path, kind, sha] : inputs) {
    list.push_back({{"path", path}, {"kind", kind}, {"rows", 3}, {"sha256", sha}});
  }
  return {{"command", {"leaderboard"}}, {"inputs", list}};
}

TEST(InputChangesTest, TheSameBytesElsewhereAreTheSameInput) {
  const InputComparison c =
      CompareInputs(Manifest({{"datasets/claims/x.csv", "claims", "11"},
                              {"datasets/registry/models.csv", "registry", "22"}}),
                    Manifest({{"/ci/work/datasets/registry/models.csv", "registry", "22"},
                              {"/ci/work/datasets/claims/x.csv", "claims", "11"}}));
  EXPECT_TRUE(c.known);
  EXPECT_EQ(c.same, 2);
  EXPECT_EQ(c.relocated, 2);
  EXPECT_TRUE(c.changes.empty());
}

TEST(InputChangesTest, EditedAddedAndRemovedFiles) {
  const InputComparison c =
      CompareInputs(Manifest({{"d/claims/x.csv", "claims", "11"},
                              {"d/claims/y.csv", "claims", "33"},
                              {"d/claims/old.csv", "claims", "44"}}),
                    Manifest({{"/ci/d/claims/x.csv", "claims", "12"},  // edited, and elsewhere
                              {"d/claims/y.csv", "claims", "33"},
                              {"d/claims/new.csv", "claims", "55"}}));
  EXPECT_EQ(c.same, 1);
  EXPECT_EQ(c.relocated, 0);
  ASSERT_EQ(c.changes.size(), 3u);
  EXPECT_EQ(c.changes[0],
            (InputChange{"changed", "claims", "d/claims/x.csv", "/ci/d/claims/x.csv", "11", "12"}));
  EXPECT_EQ(c.changes[0].path(), "/ci/d/claims/x.csv");
  EXPECT_EQ(c.changes[1], (InputChange{"removed", "claims", "d/claims/old.csv", "", "44", ""}));
  EXPECT_EQ(c.changes[1].path(), "d/claims/old.csv");
  EXPECT_EQ(c.changes[2], (InputChange{"added", "claims", "", "d/claims/new.csv", "", "55"}));
}

TEST(InputChangesTest, ARenamedFileWithTheSameBytesIsTheSameInput) {
  const InputComparison c =
      CompareInputs(Manifest({{"a.csv", "claims", "11"}}), Manifest({{"b.csv", "claims", "11"}}));
  EXPECT_EQ(c.same, 1);
  EXPECT_EQ(c.relocated, 1);
  EXPECT_TRUE(c.changes.empty());
}

TEST(InputChangesTest, WithoutManifestInputsNothingIsKnown) {
  EXPECT_FALSE(CompareInputs(Json(), Manifest({{"a.csv", "claims", "11"}})).known);
  EXPECT_FALSE(CompareInputs(Manifest({}), Json{{"command", {"x"}}}).known);
  const InputComparison odd = CompareInputs(
      Json{{"inputs", {{{"path", "a.csv"}}, 7, {{"path", "b.csv"}, {"sha256", "1"}}}}},
      Manifest({{"b.csv", "", "1"}}));
  EXPECT_TRUE(odd.known);  // entries without a digest are skipped
  EXPECT_EQ(odd.same, 1);
  EXPECT_TRUE(odd.changes.empty());
}

}  // namespace
}  // namespace podium
