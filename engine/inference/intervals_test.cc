#include "engine/inference/intervals.h"

#include <gtest/gtest.h>

#include <cmath>

namespace podium {
namespace {

std::vector<double> OneToNineteen() {
  std::vector<double> v;
  for (int k = 19; k >= 1; --k) v.push_back(k);  // order must not matter
  return v;
}

TEST(IntervalsTest, BcaByHand) {
  // Replicates 1..19, estimate 12: 11 below, 1 equal -> share 11.5/19,
  // z0 = Φ⁻¹(0.605263) = 0.266994. With a = 0.1 and level 0.90 the adjusted
  // levels are Φ(z0 + (z0 + z)/(1 − a(z0 + z))) for z = ∓1.644854:
  // 0.172583 and 0.995740, i.e. type-7 quantiles 1 + 18·α = 4.106497 and
  // 18.923325 (computed with Python's statistics.NormalDist).
  const auto bca = BcaInterval(OneToNineteen(), 12, 0.1, 0.90);
  ASSERT_TRUE(bca.has_value());
  EXPECT_NEAR(bca->low, 4.106496922777714, 1e-9);
  EXPECT_NEAR(bca->high, 18.92332466329664, 1e-9);
}

TEST(IntervalsTest, BcaWithoutBiasOrAccelerationIsThePercentileInterval) {
  // Estimate 10 is the median of 1..19: z0 = 0; a = 0.
  const auto bca = BcaInterval(OneToNineteen(), 10, 0.0, 0.95);
  ASSERT_TRUE(bca.has_value());
  EXPECT_NEAR(bca->low, 1 + 18 * 0.025, 1e-12);
  EXPECT_NEAR(bca->high, 1 + 18 * 0.975, 1e-12);
}

TEST(IntervalsTest, BcaIsUndefinedWhenEveryReplicateIsOnOneSide) {
  EXPECT_FALSE(BcaInterval(OneToNineteen(), 25, 0, 0.95).has_value());
  const IntervalEstimate e = EstimateInterval(OneToNineteen(), 25, 0, 0.95, IntervalMethod::kBca);
  EXPECT_TRUE(e.fell_back);
  EXPECT_NEAR(e.interval.low, 1.45, 1e-12);
  EXPECT_NEAR(e.low_level, 0.025, 1e-15);
}

TEST(IntervalsTest, AccelerationByHand) {
  // One sample, jackknife values 1, 2, 6: d = θ̄ − θ_(i) = 2, 1, −3;
  // a = Σd³ / (6 (Σd²)^1.5) = −18 / (6 · 14^1.5) = −0.0572703.
  EXPECT_NEAR(JackknifeAcceleration({{{1, 2, 6}, {}}}), -0.05727026612409094, 1e-12);
  // Weights are multiplicities: {1, 1, 6} listed as {1 x2, 6 x1} is the same.
  EXPECT_NEAR(JackknifeAcceleration({{{1, 6}, {2, 1}}}), JackknifeAcceleration({{{1, 1, 6}, {}}}),
              1e-15);
  // Two samples (Davison & Hinkley's multi-sample form): {1, 2, 6} and
  // {0.5, 0.5, 0.8} give −0.0569230 (hand computation in Python).
  EXPECT_NEAR(JackknifeAcceleration({{{1, 2, 6}, {}}, {{0.5, 0.8}, {2, 1}}}), -0.05692303065202908,
              1e-12);
  EXPECT_EQ(JackknifeAcceleration({{{3, 3, 3}, {}}}), 0.0);
}

TEST(IntervalsTest, MonteCarloErrorByHandAndAsRoundsGrow) {
  // 0..100 (R = 101), α = 0.5: s = √(.25/101) = 0.049752; type-7 quantiles
  // at 0.5 ± s are 50 ± 4.9752, so the MCSE is 4.9752.
  std::vector<double> v;
  for (int k = 0; k <= 100; ++k) v.push_back(k);
  EXPECT_NEAR(QuantileMonteCarloError(v, 0.5), 100 * std::sqrt(0.25 / 101), 1e-12);

  // Standard normal replicates: the error of the 2.5% endpoint is about
  // √(q(1 − q)/R) / φ(1.96) = 0.1337 at R = 400 and a quarter of it at 6400.
  auto draws = [](int rounds) {
    std::vector<double> out;
    uint64_t x = 88172645463325252ull;
    for (int r = 0; r < rounds; ++r) {
      double u[2];
      for (double& w : u) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        w = (static_cast<double>(x >> 11) + 0.5) / 9007199254740992.0;
      }
      out.push_back(std::sqrt(-2 * std::log(u[0])) * std::cos(2 * M_PI * u[1]));
    }
    return out;
  };
  const IntervalEstimate small =
      EstimateInterval(draws(400), 0, 0, 0.95, IntervalMethod::kPercentile);
  const IntervalEstimate large =
      EstimateInterval(draws(6400), 0, 0, 0.95, IntervalMethod::kPercentile);
  EXPECT_NEAR(small.mcse_low, 0.1337, 0.05);
  EXPECT_NEAR(large.mcse_low, 0.1337 / 4, 0.0125);
  EXPECT_LT(large.mcse_high, small.mcse_high / 2.5);
}

}  // namespace
}  // namespace podium
