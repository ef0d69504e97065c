#include "engine/inference/sample_size.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <optional>

#include "engine/inference/intervals.h"

namespace podium {
namespace {

// Battles among a, b, c, d (names sorted = matrix order): `cells` of
// (i, j, wins of i, wins of j, ties).
BattleData Data(const std::vector<std::array<int64_t, 5>>& cells) {
  BattleData data;
  data.models = {"a", "b", "c", "d"};
  for (const auto& [i, j, wi, wj, t] : cells) {
    const int ii = static_cast<int>(i), jj = static_cast<int>(j);
    if (wi > 0) data.cells.push_back({ii, jj, Outcome::kWinA, wi});
    if (wj > 0) data.cells.push_back({ii, jj, Outcome::kWinB, wj});
    if (t > 0) data.cells.push_back({ii, jj, Outcome::kTie, t});
    data.battles += wi + wj + t;
  }
  return data;
}

ArenaResult Fit(const BattleData& data, TieModel ties = TieModel::kHalf) {
  ArenaOptions o;
  o.rounds = 0;
  o.ties = ties;
  Diagnostics d;
  std::optional<ArenaResult> r = BuildArena(data, o, &d);
  EXPECT_TRUE(r.has_value()) << d.error_count();
  return *r;
}

const std::vector<std::array<int64_t, 5>> kField = {{0, 1, 30, 22, 4}, {0, 2, 35, 15, 0},
                                                    {0, 3, 40, 10, 2}, {1, 2, 28, 20, 3},
                                                    {1, 3, 33, 17, 0}, {2, 3, 26, 24, 5}};

TEST(SampleSizeTest, PowerMultiplierAtTheDefaults) {
  EXPECT_NEAR(PowerMultiplier({}), 1.959963985 + 0.841621234, 1e-8);
  EXPECT_NEAR(PowerMultiplier({0.99, 0.9}), 2.575829304 + 1.281551566, 1e-8);
}

// By hand: z_a = 1.959964, z_b = 0.841621, p̄ = 0.55:
// (1.959964·√0.495 + 0.841621·√0.49)² / 0.01 = (1.378954 + 0.589135)² / 0.01 = 387.34.
// (The unpooled form (z_a + z_b)² (p1 q1 + p2 q2) / Δ² would give 384.6 -> 385.)
TEST(SampleSizeTest, FleissWithoutContinuityCorrectionByHand) {
  EXPECT_NEAR(ItemsNeededExact(0.5, 0.6, {}), 387.3385, 1e-3);
  EXPECT_EQ(ItemsNeeded(0.5, 0.6, {}), 388);
  EXPECT_EQ(ItemsNeeded(0.6, 0.5, {}), 388);
  // p̄ = 0.25: (1.959964·√0.375 + 0.841621·√0.37)² / 0.01 = 293.15; mirror image 0.7/0.8.
  EXPECT_NEAR(ItemsNeededExact(0.2, 0.3, {}), 293.1513, 1e-3);
  EXPECT_NEAR(ItemsNeededExact(0.8, 0.7, {}), 293.1513, 1e-3);
  // p̄ = 0.5, Δ = 0.2: (1.959964·√0.5 + 0.841621·√0.42)² / 0.04 = 96.92 -> 97.
  EXPECT_EQ(ItemsNeeded(0.4, 0.6, {}), 97);
  EXPECT_TRUE(std::isinf(ItemsNeeded(0.3, 0.3, {})));
}

TEST(SampleSizeTest, MinimumDetectableDifferenceRoundTrips) {
  for (double p : {0.05, 0.3, 0.5, 0.62, 0.9}) {
    for (double d : {0.01, 0.05, 0.1, 0.2}) {
      const double q = p < 0.5 ? p + d : p - d;
      if (q < 0 || q > 1) continue;
      const double n = ItemsNeeded(p, q, {});
      const double mdd = MinimumDetectableDifference(static_cast<int64_t>(n), p, {});
      EXPECT_LE(mdd, d + 1e-9) << p << " " << d;
      EXPECT_GT(mdd, d * 0.97) << p << " " << d;  // n is d's own n, rounded up
    }
  }
  // 388 items at 0.5 detect 0.1 (the alternative 0.4, by symmetry with 0.6).
  EXPECT_NEAR(MinimumDetectableDifference(388, 0.5, {}), 0.1, 2e-4);
  EXPECT_TRUE(std::isnan(MinimumDetectableDifference(0, 0.5, {})));
  EXPECT_TRUE(std::isnan(MinimumDetectableDifference(2, 0.5, {})));  // not even 0 vs 0.5
}

TEST(SampleSizeTest, BattleFormulasByHand) {
  // δ = 0.2, z = 2.801585: T = (0.2 / 2.801585)² = 0.0050963.
  const double t = std::pow(0.2 / PowerMultiplier({}), 2);
  const double v0 = 0.02, p = 1 / (1 + std::exp(-0.2));
  EXPECT_EQ(DirectBattlesNeeded(0.2, v0, p, {}), std::ceil((1 / t - 1 / v0) / (p * (1 - p))));
  EXPECT_EQ(DirectBattlesNeeded(0.2, v0, p, {}), 591);     // (196.222 − 50) / 0.247517 = 590.76
  EXPECT_EQ(FieldBattlesNeeded(0.2, v0, 1000, {}), 2925);  // 1000 (3.92442 − 1) = 2924.4
  EXPECT_EQ(DirectBattlesNeeded(0.2, 0.005, p, {}), 0);
  EXPECT_EQ(FieldBattlesNeeded(-0.2, 0.005, 1000, {}), 0);
  EXPECT_TRUE(std::isinf(DirectBattlesNeeded(0, v0, 0.5, {})));
  EXPECT_TRUE(std::isinf(FieldBattlesNeeded(0, v0, 1000, {})));
}

// Two models only: I = n p q [[1, −1], [−1, 1]], so Var(δ) = 1 / (n p q).
TEST(SampleSizeTest, GapVarianceOfTwoModelsIsOneOverNpq) {
  BattleData data;
  data.models = {"a", "b"};
  data.cells = {{0, 1, Outcome::kWinA, 60}, {0, 1, Outcome::kWinB, 40}};
  data.battles = 100;
  const ArenaResult arena = Fit(data);
  const BattlePlan plan = PlanBattles(arena, 0, 1, {});
  EXPECT_NEAR(plan.gap, std::log(1.5), 1e-8);
  EXPECT_NEAR(plan.win_probability, 0.6, 1e-8);
  EXPECT_NEAR(plan.variance, 1 / (100 * 0.24), 1e-8);
  EXPECT_EQ(plan.direct, 100);
  EXPECT_EQ(plan.battles, 100);
  // Direct and field battles are the same thing here.
  EXPECT_NEAR(plan.more_direct, plan.more_field, 1);
  // Two-proportion check: at p = 0.6, z = 2.8016: n p q ≥ (z / δ)² -> n ≥ 199.9.
  EXPECT_EQ(plan.more_direct,
            std::ceil(std::pow(PowerMultiplier({}) / std::log(1.5), 2) / 0.24) - 100);
}

// The slow check of Sherman–Morrison: add n battles between a and c at the
// fitted rate, refit, and the refit's Fisher variance matches V(n).
TEST(SampleSizeTest, AddingDirectBattlesMatchesShermanMorrison) {
  const ArenaResult arena = Fit(Data(kField));
  const int a = 0, c = 2;
  const BattlePlan plan = PlanBattles(arena, a, c, {});
  ASSERT_GT(plan.gap, 0);
  for (int64_t n : {50, 200, 1000}) {
    std::vector<std::array<int64_t, 5>> more = kField;
    const int64_t wins = std::llround(n * plan.win_probability);
    more.push_back({a, c, wins, n - wins, 0});
    const ArenaResult refit = Fit(Data(more));
    const double refit_variance = GapVariance(refit, BradleyTerryInformation(refit), a, c);
    const double pq = plan.win_probability * (1 - plan.win_probability);
    const double predicted = plan.variance / (1 + n * pq * plan.variance);
    EXPECT_NEAR(refit_variance / predicted, 1.0, 0.03) << n;
  }
}

// The same for more battles of every pair at the current mix.
TEST(SampleSizeTest, ScalingTheFieldMatchesNOverNPlusn) {
  const ArenaResult arena = Fit(Data(kField));
  const BattlePlan plan = PlanBattles(arena, 1, 3, {});
  std::vector<std::array<int64_t, 5>> doubled = kField;
  for (auto& cell : doubled) {
    for (int k = 2; k < 5; ++k) cell[k] *= 3;
  }
  const ArenaResult refit = Fit(Data(doubled));
  EXPECT_NEAR(GapVariance(refit, BradleyTerryInformation(refit), 1, 3), plan.variance / 3,
              1e-6 * plan.variance);
}

TEST(SampleSizeTest, DroppedTiesCarryNoInformation) {
  BattleData data;
  data.models = {"a", "b"};
  data.cells = {{0, 1, Outcome::kWinA, 60}, {0, 1, Outcome::kWinB, 40}, {0, 1, Outcome::kTie, 50}};
  data.battles = 150;
  const BattlePlan half = PlanBattles(Fit(data), 0, 1, {});
  const BattlePlan drop = PlanBattles(Fit(data, TieModel::kDrop), 0, 1, {});
  EXPECT_NEAR(drop.variance, 1 / (100 * 0.24), 1e-8);
  // Ties as half: p = 85 / 150, every battle informative.
  const double p = 85.0 / 150;
  EXPECT_NEAR(half.variance, 1 / (150 * p * (1 - p)), 1e-8);
}

TEST(SampleSizeTest, EqualModelsNeedNeverEnough) {
  BattleData data;
  data.models = {"a", "b"};
  data.cells = {{0, 1, Outcome::kWinA, 50}, {0, 1, Outcome::kWinB, 50}};
  data.battles = 100;
  const BattlePlan plan = PlanBattles(Fit(data), 0, 1, {});
  EXPECT_NEAR(plan.gap, 0, 1e-12);
  EXPECT_TRUE(std::isinf(plan.more_direct) || plan.more_direct > 1e12);
}

}  // namespace
}  // namespace podium
