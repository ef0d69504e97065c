#include "engine/inference/head_to_head.h"

#include <gtest/gtest.h>

#include <cmath>

#include "engine/inference/significance.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::MakeClaim;

ScoreMatrix Matrix(const std::vector<Claim>& claims, const Registry& registry) {
  Diagnostics d;
  ScoreMatrix m = BuildScoreMatrix(claims, registry, {}, &d);
  EXPECT_FALSE(d.has_errors());
  return m;
}

TEST(HeadToHeadTest, ScoreDifferencesByHand) {
  // b2 has 164 items (HumanEval's size): 34.8 vs 37.8 has
  // se = 100·√(.348·.652/164 + .378·.622/164) = 5.30768, so the gap of −3.0
  // is within noise: 95% interval [−13.4029, 7.4029], P(A better) = 0.28596,
  // p = 0.57192. b1 (1000 items): 71.9 vs 46.0 is decided.
  const Registry registry = testing::SmallRegistry();
  const std::vector<Claim> claims = {
      MakeClaim("a2", "m1", "b2", 34.8), MakeClaim("b2", "m2", "b2", 37.8),
      MakeClaim("a1", "m1", "b1", 71.9), MakeClaim("b1", "m2", "b1", 46.0),
      MakeClaim("al", "m1", "low", 3),   MakeClaim("bl", "m2", "low", 5),
      MakeClaim("c1", "m3", "b1", 50)};
  const ScoreMatrix m = Matrix(claims, registry);
  const ScoreComparison c = CompareScores(m, claims, registry, 0, 1, 0.95);
  ASSERT_EQ(c.benchmarks.size(), 3u);
  const BenchmarkComparison& b1 = c.benchmarks[0];
  const BenchmarkComparison& b2 = c.benchmarks[1];
  const BenchmarkComparison& low = c.benchmarks[2];
  EXPECT_EQ(b2.benchmark, "b2");
  EXPECT_NEAR(b2.advantage, -3.0, 1e-12);
  EXPECT_NEAR(b2.se, 5.307679663905325, 1e-9);
  EXPECT_NEAR(b2.ci.low, -13.402860982730095, 1e-6);
  EXPECT_NEAR(b2.ci.high, 7.402860982730095, 1e-6);
  EXPECT_NEAR(b2.p_a_better, 0.28596249661621004, 1e-9);
  EXPECT_NEAR(b2.p_value, 0.57192499323242, 1e-9);
  EXPECT_EQ(b2.verdict, Verdict::kTied);
  EXPECT_EQ(b2.a_claims, std::vector<std::string>({"a2"}));
  EXPECT_EQ(b2.a_noise, "binomial, n = 164");
  EXPECT_EQ(b1.verdict, Verdict::kABetter);
  EXPECT_NEAR(b1.advantage / b1.se, 12.2034, 1e-3);  // 25.9 / 2.1224
  // Lower is better: A's 3 beats B's 5, but without a sampling model there
  // is no verdict.
  EXPECT_EQ(low.advantage, 2);
  EXPECT_EQ(low.verdict, Verdict::kUnknown);
  EXPECT_EQ(low.a_noise, "none");
  EXPECT_EQ(c.won, 1);
  EXPECT_EQ(c.tied, 1);
  EXPECT_EQ(c.unknown, 1);
  EXPECT_EQ(c.lost, 0);
}

TEST(HeadToHeadTest, AllPairsAreHolmAdjusted) {
  const Registry registry = testing::SmallRegistry();
  const std::vector<Claim> claims = {MakeClaim("1", "m1", "b1", 60), MakeClaim("2", "m2", "b1", 55),
                                     MakeClaim("3", "m3", "b1", 40)};
  const ScoreMatrix m = Matrix(claims, registry);
  const std::vector<ScoreComparison> all = CompareAllScores(m, claims, registry, 0.95);
  ASSERT_EQ(all.size(), 3u);
  std::vector<double> raw;
  for (const ScoreComparison& c : all) raw.push_back(c.benchmarks[0].p_value);
  const std::vector<double> holm = HolmAdjust(raw);
  for (size_t k = 0; k < all.size(); ++k) {
    EXPECT_EQ(all[k].benchmarks[0].p_holm, holm[k]);
    EXPECT_GE(all[k].benchmarks[0].p_holm, all[k].benchmarks[0].p_value);
  }
  // m1 vs m2: 60 vs 55 on 1000 items, z = 2.27, p = 0.0235, the largest of
  // the three (the others are far apart): Holm multiplies it by 1; m2 vs m3
  // (55 vs 40, the second largest) by 2.
  EXPECT_NEAR(all[0].benchmarks[0].p_holm, all[0].benchmarks[0].p_value, 1e-15);
  EXPECT_NEAR(all[2].benchmarks[0].p_holm, 2 * all[2].benchmarks[0].p_value, 1e-15);
  EXPECT_EQ(all[0].benchmarks[0].verdict, Verdict::kABetter);
}

// a beat b 9 times, lost once, tied twice; b-c 5/5; a-c 6/4.
BattleData ThreeModels() {
  BattleData data;
  data.models = {"a", "b", "c"};
  data.cells = {{0, 1, Outcome::kWinA, 9}, {0, 1, Outcome::kWinB, 1}, {0, 1, Outcome::kTie, 2},
                {1, 2, Outcome::kWinA, 5}, {1, 2, Outcome::kWinB, 5}, {0, 2, Outcome::kWinA, 6},
                {0, 2, Outcome::kWinB, 4}};
  data.battles = 32;
  return data;
}

TEST(HeadToHeadTest, BattlesByHand) {
  // a beat b 9 times, lost once, tied twice: exact two-sided p = 22/1024.
  const BattleData data = ThreeModels();
  ArenaOptions o;
  o.rounds = 200;
  Diagnostics d;
  const auto arena = BuildArena(data, o, &d);
  ASSERT_TRUE(arena.has_value());
  const BattleComparison c = CompareBattles(*arena, 0, 1);
  EXPECT_EQ(c.wins, 9);
  EXPECT_EQ(c.losses, 1);
  EXPECT_EQ(c.ties, 2);
  EXPECT_DOUBLE_EQ(c.observed, 0.9);
  EXPECT_DOUBLE_EQ(c.observed_ties_half, 10.0 / 12);
  EXPECT_NEAR(c.p_value, 22.0 / 1024, 1e-15);
  EXPECT_NEAR(c.predicted, EloWinProbability(c.rating_a, c.rating_b), 1e-12);
  EXPECT_GT(c.difference, 0);
  EXPECT_LT(c.difference_ci.low, c.difference);
  EXPECT_GT(c.difference_ci.high, c.difference);
  EXPECT_GT(c.share_a_higher, 0.9);

  const std::vector<BattleComparison> all = CompareAllBattles(*arena);
  ASSERT_EQ(all.size(), 3u);  // a-b, a-c, b-c
  // Holm over p = 0.0215 (a-b), 0.754 (a-c), 1 (b-c): 3 · 0.0215 = 0.0645.
  EXPECT_NEAR(all[0].p_holm, 3 * 22.0 / 1024, 1e-12);
  EXPECT_EQ(all[0].verdict, Verdict::kTied);  // not significant after adjustment
}

TEST(HeadToHeadTest, SandwichDifferenceUsesTheCovarianceOfTheDifference) {
  const BattleData data = ThreeModels();
  ArenaOptions o;
  o.rounds = 0;
  o.ci = ArenaIntervals::kSandwich;
  o.draws = 100;
  Diagnostics d;
  const auto arena = BuildArena(data, o, &d);
  ASSERT_TRUE(arena.has_value());
  const BattleComparison c = CompareBattles(*arena, 0, 1);
  const Eigen::MatrixXd& v = arena->covariance;
  // sd of R_a − R_b on the Elo scale, by hand from the covariance entries.
  const double sd = kEloPerNat * std::sqrt(v(0, 0) + v(1, 1) - 2 * v(0, 1));
  const double z = 1.959963984540054;
  EXPECT_NEAR(c.difference_ci.low, c.difference - z * sd, 1e-9);
  EXPECT_NEAR(c.difference_ci.high, c.difference + z * sd, 1e-9);
  EXPECT_TRUE(std::isnan(c.share_a_higher));
  // Not the sd of either rating alone: the covariance between them matters.
  EXPECT_GT(std::abs(sd - kEloPerNat * std::sqrt(v(0, 0) + v(1, 1))), 1e-6);
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(HeadToHeadStatementTest, StatementsAreCheckedAgainstTheNoise) {
  const Registry registry = testing::SmallRegistry();
  const std::vector<Claim> claims = {
      testing::MakeClaim("a2", "m1", "b2", 34.8), testing::MakeClaim("b2", "m2", "b2", 37.8),
      testing::MakeClaim("a1", "m1", "b1", 71.9), testing::MakeClaim("b1", "m2", "b1", 46.0),
      testing::MakeClaim("al", "m1", "low", 3),   testing::MakeClaim("bl", "m2", "low", 5)};
  Diagnostics d;
  const ScoreMatrix m = BuildScoreMatrix(claims, registry, {}, &d);
  const ScoreComparison c = CompareScores(m, claims, registry, 0, 1, 0.95);
  auto check = [&](const std::string& first, const std::string& says,
                   std::vector<std::string> benchmarks) {
    DocumentStatement s;
    s.first = first;
    s.second = first == "m1" ? "m2" : "m1";
    s.says = says;
    s.benchmarks = std::move(benchmarks);
    return CheckStatement(c, s);
  };
  EXPECT_EQ(check("m1", "a_better", {"b1"}).verdict, "supported");
  EXPECT_EQ(check("m2", "b_better", {"b1"}).verdict, "supported");  // the same, seen from m2
  EXPECT_EQ(check("m1", "a_better", {"b1", "b2"}).verdict, "partly_supported");
  EXPECT_EQ(check("m2", "a_better", {"b2"}).verdict, "not_supported");  // 37.8 vs 34.8: noise
  EXPECT_EQ(check("m2", "a_better", {"b1", "b2"}).verdict, "contradicted");
  EXPECT_EQ(check("m1", "similar", {"b2"}).verdict, "supported");
  EXPECT_EQ(check("m1", "similar", {"b1"}).verdict, "not_supported");
  const StatementCheck low = check("m1", "a_better", {"low"});
  EXPECT_EQ(low.verdict, "untestable");
  EXPECT_EQ(low.detail, "no sampling model (no item count or interval published) for low");
  EXPECT_EQ(check("m1", "a_better", {"b1", "b2", "low"}).detail,
            "decided as stated on b1; within noise on b2; no sampling model (no item count or "
            "interval published) for low");
}

}  // namespace
}  // namespace podium
