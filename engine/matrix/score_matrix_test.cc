#include "engine/matrix/score_matrix.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::MakeClaim;

TEST(ScoreMatrixTest, BuildsMatrixWithMaskInRegistryOrder) {
  const Registry r = testing::SmallRegistry();
  std::vector<Claim> claims = {MakeClaim("c1", "m2", "b2", 30), MakeClaim("c2", "m1", "b1", 60),
                               MakeClaim("c3", "m2", "b1", 70)};
  Diagnostics d;
  ScoreMatrix m = BuildScoreMatrix(claims, r, {}, &d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(m.models, (std::vector<std::string>{"m1", "m2"}));
  EXPECT_EQ(m.benchmarks, (std::vector<std::string>{"b1", "b2"}));
  EXPECT_TRUE(m.present(0, 0));
  EXPECT_FALSE(m.present(0, 1));
  EXPECT_TRUE(std::isnan(m.values(0, 1)));
  EXPECT_EQ(m.values(1, 1), 30);
  EXPECT_EQ(m.claim_ids[1][0], (std::vector<std::string>{"c3"}));
}

TEST(ScoreMatrixTest, SameNumberTwiceIsNotAConflict) {
  const Registry r = testing::SmallRegistry();
  std::vector<Claim> claims = {MakeClaim("c1", "m1", "b1", 60), MakeClaim("c2", "m1", "b1", 60)};
  Diagnostics d;
  ScoreMatrix m = BuildScoreMatrix(claims, r, {}, &d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(m.claim_ids[0][0], (std::vector<std::string>{"c1", "c2"}));
}

TEST(ScoreMatrixTest, ConflictPolicies) {
  const Registry r = testing::SmallRegistry();
  std::vector<Claim> claims = {MakeClaim("c1", "m1", "b1", 82.0, "s2"),
                               MakeClaim("c2", "m1", "b1", 77.2, "s1")};
  claims[1].value_text = "77.2";
  claims[0].value_text = "82.0";
  claims[1].origin = {"x.csv", 9, 20};
  Diagnostics error;
  ScoreMatrix m = BuildScoreMatrix(claims, r, {ConflictPolicy::kError}, &error);
  ASSERT_EQ(error.error_count(), 1);
  EXPECT_EQ(FormatDiagnostic(error.all()[0]),
            "x.csv:9:20: error: field 'value': conflicting claims for model 'm1' on benchmark "
            "'b1': c1 = 82.0 (s2 line 1) and c2 = 77.2 (s1 line 1); choose on_conflict "
            "latest|mean or leave the benchmark out");
  EXPECT_FALSE(m.present(0, 0));

  Diagnostics ok;
  m = BuildScoreMatrix(claims, r, {ConflictPolicy::kLatest}, &ok);
  EXPECT_EQ(m.values(0, 0), 82.0);  // s2 (2024-05) is later than s1 (2024-01)
  EXPECT_EQ(m.claim_ids[0][0], (std::vector<std::string>{"c1", "c2"}));
  m = BuildScoreMatrix(claims, r, {ConflictPolicy::kMean}, &ok);
  EXPECT_DOUBLE_EQ(m.values(0, 0), 79.6);
  EXPECT_FALSE(ok.has_errors());
}

TEST(ScoreMatrixTest, SubsetsKeepTheRequestedOrder) {
  const Registry r = testing::SmallRegistry();
  std::vector<Claim> claims = {MakeClaim("c1", "m1", "b1", 1), MakeClaim("c2", "m1", "b2", 2),
                               MakeClaim("c3", "m2", "b1", 3)};
  Diagnostics d;
  ScoreMatrix m = BuildScoreMatrix(claims, r, {ConflictPolicy::kError, {"b2", "b1"}, {"m1"}}, &d);
  EXPECT_EQ(m.benchmarks, (std::vector<std::string>{"b2", "b1"}));
  EXPECT_EQ(m.models, (std::vector<std::string>{"m1"}));
  EXPECT_EQ(m.values(0, 0), 2);
}

}  // namespace
}  // namespace podium
