#include "engine/rating/style_features.h"

#include <gtest/gtest.h>

#include <cmath>

namespace podium {
namespace {

// Four battles, two features, laid out [f1_a, f1_b, f2_a, f2_b] per battle.
// Feature 1 (tokens): r = (a − b)/(a + b) = 1/3, −1/3, 0, 0 (the last has
// a = b = 0: divided by 1). mean = 0, population sd = √((1/9 + 1/9)/4) = √2/6,
// so x = r/sd = ±(1/3)·6/√2 = ±√2, 0, 0.
// Feature 2 is 1 in every battle (a = 1, b = 0): constant, its column left 0.
TEST(StyleFeaturesTest, RelativeDifferencesZScoredByHand) {
  const std::vector<double> raw = {
      200, 100, 1, 0,  // battle 0
      100, 200, 2, 0,  // battle 1
      50,  50,  3, 0,  // battle 2
      0,   0,   4, 0,  // battle 3
  };
  const StyleCovariates s = ComputeStyleCovariates(4, 2, raw);
  ASSERT_EQ(s.covariates.rows(), 4);
  ASSERT_EQ(s.covariates.cols(), 2);
  EXPECT_NEAR(s.means[0], 0, 1e-15);
  EXPECT_NEAR(s.sds[0], std::sqrt(2.0) / 6, 1e-15);
  EXPECT_NEAR(s.covariates(0, 0), std::sqrt(2.0), 1e-14);
  EXPECT_NEAR(s.covariates(1, 0), -std::sqrt(2.0), 1e-14);
  EXPECT_EQ(s.covariates(2, 0), 0);
  EXPECT_EQ(s.covariates(3, 0), 0);
  // r = 1 in every battle: mean 1, sd 0, column 0.
  EXPECT_EQ(s.means[1], 1);
  EXPECT_EQ(s.sds[1], 0);
  EXPECT_EQ(s.covariates.col(1).cwiseAbs().maxCoeff(), 0);
}

// Population sd (ddof 0), not the sample sd: after z-scoring, the mean
// square of each column is exactly 1 (numpy's std of the column is 1).
TEST(StyleFeaturesTest, ColumnsHaveMeanZeroAndPopulationSdOne) {
  std::vector<double> raw;
  for (int i = 0; i < 7; ++i) {
    raw.push_back(i * i + 1);
    raw.push_back(10 - i);
  }
  const StyleCovariates s = ComputeStyleCovariates(7, 1, raw);
  EXPECT_NEAR(s.covariates.col(0).mean(), 0, 1e-15);
  EXPECT_NEAR(s.covariates.col(0).squaredNorm() / 7, 1, 1e-14);
  EXPECT_NEAR(s.covariates(3, 0), (RelativeDifference(10, 7) - s.means[0]) / s.sds[0], 1e-15);
}

TEST(StyleFeaturesTest, RelativeDifferenceRule) {
  EXPECT_DOUBLE_EQ(RelativeDifference(3, 1), 0.5);
  EXPECT_DOUBLE_EQ(RelativeDifference(0, 5), -1);
  EXPECT_EQ(RelativeDifference(0, 0), 0);
  EXPECT_EQ(RelativeDifference(2, -2), 4);  // a + b = 0: pandas' replace(0, 1)
}

TEST(StyleFeaturesTest, NoFeatures) {
  const StyleCovariates s = ComputeStyleCovariates(3, 0, {});
  EXPECT_EQ(s.covariates.rows(), 3);
  EXPECT_EQ(s.covariates.cols(), 0);
  EXPECT_TRUE(s.means.empty());
}

}  // namespace
}  // namespace podium
