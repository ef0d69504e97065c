#include "engine/inference/rank_sets.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "engine/base/random.h"

namespace podium {
namespace {

// Replicates of `truth + noise`: every model has its own N(0, sd²) noise.
Eigen::MatrixXd Replicates(const Eigen::VectorXd& centre, double sd, int rounds, uint64_t seed) {
  Eigen::MatrixXd out(rounds, centre.size());
  for (int r = 0; r < rounds; ++r) {
    Rng rng(seed, r);
    for (int i = 0; i < centre.size(); ++i) out(r, i) = centre(i) + sd * StandardNormal(rng);
  }
  return out;
}

TEST(RankSetsTest, FarApartModelsGetSingletonSetsAndOwnTiers) {
  Eigen::VectorXd est(3);
  est << 30, 20, 10;
  const RankSets sets = SimultaneousRankSets(Replicates(est, 1, 500, 1), est, 0.95);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(sets.low[i], i + 1);
    EXPECT_EQ(sets.high[i], i + 1);
    EXPECT_EQ(sets.tier[i], i + 1);
  }
}

TEST(RankSetsTest, IndistinguishableModelsShareEveryRankAndOneTier) {
  Eigen::VectorXd est(4);
  est << 0.3, 0.2, 0.1, 0.0;
  const RankSets sets = SimultaneousRankSets(Replicates(est, 5, 500, 2), est, 0.95);
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(sets.low[i], 1);
    EXPECT_EQ(sets.high[i], 4);
    EXPECT_EQ(sets.tier[i], 1);
  }
}

TEST(RankSetsTest, TwoClustersByHand) {
  // {a, b} far above {c, d}; within a cluster the gap is noise. Every cross
  // pair is decided: a, b rank in [1, 2]; c, d in [3, 4]; two tiers.
  Eigen::VectorXd est(4);
  est << 50.5, 50, 10, 10.4;
  const RankSets sets = SimultaneousRankSets(Replicates(est, 2, 400, 3), est, 0.95);
  EXPECT_EQ(std::vector<int>({1, 1, 3, 3}), sets.low);
  EXPECT_EQ(std::vector<int>({2, 2, 4, 4}), sets.high);
  EXPECT_EQ(std::vector<int>({1, 1, 2, 2}), sets.tier);
  EXPECT_EQ(sets.decided(0, 2), 1);
  EXPECT_EQ(sets.decided(2, 0), 0);
  EXPECT_EQ(sets.decided(0, 1) + sets.decided(1, 0), 0);
}

TEST(RankSetsTest, StepDownDecidesMoreThanOneStep) {
  // a far above b and c; b vs c 3.1 apart, t = 3.1 / √2 = 2.19: below the
  // first step's critical value (the max over three pairs, about 2.39) but
  // above the second step's (one pair left: 1.96).
  Eigen::VectorXd est(3);
  est << 100, 3.1, 0;
  const RankSets sets = SimultaneousRankSets(Replicates(est, 1, 2000, 4), est, 0.95);
  EXPECT_GE(sets.steps, 2);
  EXPECT_EQ(sets.decided(0, 1), 1);
  EXPECT_EQ(sets.decided(0, 2), 1);
  EXPECT_EQ(sets.decided(1, 2), 1);
  EXPECT_NEAR(sets.critical_value, 1.96, 0.1);
}

TEST(RankSetsTest, FixedValuesAreDecidedBySign) {
  Eigen::MatrixXd reps(3, 2);
  reps << 2, 1, 2, 1, 2, 1;
  Eigen::VectorXd est(2);
  est << 2, 1;
  const RankSets sets = SimultaneousRankSets(reps, est, 0.95);
  EXPECT_EQ(sets.low, std::vector<int>({1, 2}));
  EXPECT_EQ(sets.high, std::vector<int>({1, 2}));
}

TEST(RankSetsTest, SimultaneousCoverageOfAllTrueRanksByComputation) {
  // Truth: 6 models, some close. Each simulated data set observes truth +
  // N(0, 1) noise per model and bootstraps it parametrically; the sets must
  // contain every true rank at once in at least 95% of the data sets.
  Eigen::VectorXd truth(6);
  truth << 10, 9, 6, 5.5, 2, 0;
  const int sets_total = 300;
  int covered = 0;
  for (int s = 0; s < sets_total; ++s) {
    Rng rng(1000 + s, 0);
    Eigen::VectorXd observed(6);
    for (int i = 0; i < 6; ++i) observed(i) = truth(i) + StandardNormal(rng);
    const RankSets sets = SimultaneousRankSets(Replicates(observed, 1, 400, s), observed, 0.95);
    bool all = true;
    for (int i = 0; i < 6; ++i) all = all && sets.low[i] <= i + 1 && i + 1 <= sets.high[i];
    covered += all ? 1 : 0;
  }
  std::printf("simultaneous coverage: %d/%d\n", covered, sets_total);
  EXPECT_GE(covered, 0.95 * sets_total) << covered << " of " << sets_total;
}

}  // namespace
}  // namespace podium
