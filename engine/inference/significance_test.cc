#include "engine/inference/significance.h"

#include <gtest/gtest.h>

#include <cmath>

namespace podium {
namespace {

TEST(SignificanceTest, BinomialTestByHand) {
  // 9 of 10 at p = 0.5: P(X >= 9) + P(X <= 1) = 2 · 11/1024.
  EXPECT_NEAR(BinomialTestTwoSided(9, 10), 22.0 / 1024, 1e-15);
  EXPECT_NEAR(BinomialTestTwoSided(1, 10), 22.0 / 1024, 1e-15);
  EXPECT_NEAR(BinomialTestTwoSided(0, 5), 2.0 / 32, 1e-15);
  EXPECT_EQ(BinomialTestTwoSided(2, 4), 1.0);
  EXPECT_EQ(BinomialTestTwoSided(0, 0), 1.0);
  // R's example: binom.test(682, 925, p = 0.75) gives 0.3825.
  EXPECT_NEAR(BinomialTestTwoSided(682, 925, 0.75), 0.3824915595748515, 1e-10);
  // Asymmetric p0, observed below and above the mean (summing the pmf of
  // every outcome no more likely than the observed one).
  EXPECT_NEAR(BinomialTestTwoSided(3, 20, 0.3), 0.22041826738070916, 1e-12);
  EXPECT_NEAR(BinomialTestTwoSided(10, 20, 0.3), 0.08344502962981205, 1e-12);
}

TEST(SignificanceTest, BinomialTestOfLargeCountsIsFast) {
  // 100,000 decisive battles, 50.5% won: z = 3.16, p ≈ 0.0016.
  const double p = BinomialTestTwoSided(50500, 100000);
  EXPECT_GT(p, 0.001);
  EXPECT_LT(p, 0.002);
}

TEST(SignificanceTest, HolmByHand) {
  // Sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04;
  // running maximum 0.02, 0.03, 0.06, 0.06.
  const std::vector<double> adjusted = HolmAdjust({0.01, 0.04, 0.03, 0.005});
  EXPECT_DOUBLE_EQ(adjusted[0], 0.03);
  EXPECT_DOUBLE_EQ(adjusted[1], 0.06);
  EXPECT_DOUBLE_EQ(adjusted[2], 0.06);
  EXPECT_DOUBLE_EQ(adjusted[3], 0.02);
  // NaN is not a test; capped at 1.
  const std::vector<double> with_nan = HolmAdjust({0.6, std::nan(""), 0.3});
  EXPECT_DOUBLE_EQ(with_nan[0], 0.6);
  EXPECT_TRUE(std::isnan(with_nan[1]));
  EXPECT_DOUBLE_EQ(with_nan[2], 0.6);
  EXPECT_DOUBLE_EQ(HolmAdjust({0.7, 0.8})[0], 1.0);
}

}  // namespace
}  // namespace podium
