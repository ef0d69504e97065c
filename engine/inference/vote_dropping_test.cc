#include "engine/inference/vote_dropping.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "engine/base/random.h"
#include "tests/battle_cells.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/comparison_graph.h"

namespace podium {
namespace {

using testing::CellsOf;

// The strengths of a fit to `battles` as the engine refits (fallback ridge
// when the MLE does not exist).
Eigen::VectorXd Strengths(int m, const std::vector<Battle>& battles, TieModel ties) {
  const PairCounts counts = ToPairCounts(m, CellsOf(battles));
  BradleyTerryOptions options;
  options.ties = ties;
  options.ridge = RidgeWithFallback(counts, ties, 0);
  return FitBradleyTerry(counts, options).theta;
}

// The top model's index (lowest index among equals).
int TopOf(const Eigen::VectorXd& theta) {
  int top = 0;
  for (int i = 1; i < theta.size(); ++i) {
    if (theta(i) > theta(top)) top = i;
  }
  return top;
}

// Brute force: the fewest battles, over every subset of them, whose removal
// puts another model strictly ahead of the current #1.
int BruteForceTop(int m, const std::vector<Battle>& battles, TieModel ties) {
  const Eigen::VectorXd theta = Strengths(m, battles, ties);
  const int top = TopOf(theta);
  const int n = static_cast<int>(battles.size());
  int best = -1;
  for (uint32_t mask = 1; mask < (1u << n); ++mask) {
    const int size = __builtin_popcount(mask);
    if (best >= 0 && size >= best) continue;
    std::vector<Battle> kept;
    for (int k = 0; k < n; ++k) {
      if (!(mask & (1u << k))) kept.push_back(battles[k]);
    }
    const Eigen::VectorXd after = Strengths(m, kept, ties);
    for (int i = 0; i < m; ++i) {
      if (i != top && after(i) > after(top) + 1e-9) {
        best = size;
        break;
      }
    }
  }
  return best;
}

VoteDropOptions TopOptions(double max_fraction = 1.0) {
  VoteDropOptions o;
  o.max_fraction = max_fraction;
  return o;
}

TEST(VoteDropping, FiftyOneToFortyNineNeedsExactlyThreeRemovals) {
  const std::vector<PairCell> cells = {{0, 1, Outcome::kWinA, 51}, {0, 1, Outcome::kWinB, 49}};
  for (int64_t limit : {int64_t{0}, kExhaustiveLimit}) {
    VoteDropOptions o = TopOptions();
    o.exhaustive_limit = limit;
    const VoteDropResult r = FindVoteDrop(2, cells, o);
    ASSERT_TRUE(r.flipped) << limit;
    EXPECT_EQ(r.dropped, 3) << limit;
    ASSERT_EQ(r.cells.size(), 1u);
    EXPECT_EQ(r.cells[0].outcome, Outcome::kWinA);  // wins of the leader go
    EXPECT_EQ(r.cells[0].count, 3);
    EXPECT_EQ(r.ahead, 0);
    EXPECT_EQ(r.behind, 1);
    EXPECT_GT(r.after(1), r.after(0));
    EXPECT_EQ(r.top_before, std::vector<int>{0});
    EXPECT_EQ(r.top_after, std::vector<int>{1});
    EXPECT_NEAR(r.fraction(), 0.03, 1e-12);
    EXPECT_EQ(r.exhaustive, limit > 0);
  }
}

TEST(VoteDropping, TheApproximationProposesAndTheRefitDecides) {
  // 510 to 490: the first-order count is close to the truth, 21 removals
  // (489 < 490 needs 510 − k < 490, k = 21).
  const std::vector<PairCell> cells = {{0, 1, Outcome::kWinA, 510}, {0, 1, Outcome::kWinB, 490}};
  VoteDropOptions o = TopOptions();
  o.exhaustive_limit = 0;
  const VoteDropResult r = FindVoteDrop(2, cells, o);
  ASSERT_TRUE(r.flipped);
  EXPECT_EQ(r.dropped, 21);
  EXPECT_GT(r.approximation, 0);
  EXPECT_NEAR(static_cast<double>(r.approximation), 21, 3);
  EXPECT_GT(r.refits, 1);
}

TEST(VoteDropping, SaysSoWhenTheBoundIsTooSmall) {
  const std::vector<PairCell> cells = {{0, 1, Outcome::kWinA, 70}, {0, 1, Outcome::kWinB, 30}};
  const VoteDropResult r = FindVoteDrop(2, cells, TopOptions(0.05));  // 5 battles at most
  EXPECT_FALSE(r.flipped);
  EXPECT_EQ(r.dropped, 0);
  EXPECT_EQ(r.max_drop, 5);
  EXPECT_TRUE(r.cells.empty());
}

TEST(VoteDropping, TiesAsHalfCount) {
  // 0 beats 1 five times, loses three times, four ties: ties as half pull
  // the two together, and removing a tie does nothing under drop.
  const std::vector<PairCell> cells = {
      {0, 1, Outcome::kWinA, 5}, {0, 1, Outcome::kWinB, 3}, {0, 1, Outcome::kTie, 4}};
  for (TieModel ties : {TieModel::kHalf, TieModel::kDrop}) {
    VoteDropOptions o = TopOptions();
    o.fit.ties = ties;
    o.exhaustive_limit = 0;
    const VoteDropResult r = FindVoteDrop(2, cells, o);
    ASSERT_TRUE(r.flipped);
    EXPECT_EQ(r.dropped, 3);  // 2 wins against 3 losses
    for (const DroppedCell& c : r.cells) EXPECT_EQ(c.outcome, Outcome::kWinA);
  }
}

TEST(VoteDropping, AgreesWithBruteForceOverAllSubsetsOnTinyData) {
  int compared = 0;
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    Rng rng(seed, 0);
    const int m = 3;
    const double strength[] = {0.8, 0.3, 0};
    std::vector<Battle> battles;
    const int n = 8 + static_cast<int>(rng.Below(6));  // 8..13 battles
    for (int k = 0; k < n; ++k) {
      int a = static_cast<int>(rng.Below(m)), b = static_cast<int>(rng.Below(m - 1));
      if (b >= a) ++b;
      const double p = 1 / (1 + std::exp(strength[b] - strength[a]));
      const double u = rng.Uniform();
      const Outcome o = u < 0.15 ? Outcome::kTie : u < 0.15 + 0.85 * p ? Outcome::kWinA
                                                                       : Outcome::kWinB;
      battles.push_back({a, b, o, 0});
    }
    const std::vector<PairCell> cells = CellsOf(battles);
    const Eigen::VectorXd theta = Strengths(m, battles, TieModel::kHalf);
    // A tie at the top has no single #1 to dethrone.
    std::vector<double> sorted(theta.data(), theta.data() + m);
    std::sort(sorted.rbegin(), sorted.rend());
    if (sorted[0] - sorted[1] < 1e-6) continue;
    const int truth = BruteForceTop(m, battles, TieModel::kHalf);
    const VoteDropResult exact = FindVoteDrop(m, cells, TopOptions());
    VoteDropOptions approximate_only = TopOptions();
    approximate_only.exhaustive_limit = 0;
    const VoteDropResult approximate = FindVoteDrop(m, cells, approximate_only);
    ++compared;
    if (truth < 0) {
      EXPECT_FALSE(exact.flipped) << seed;
      EXPECT_FALSE(approximate.flipped) << seed;
      continue;
    }
    ASSERT_TRUE(exact.flipped) << seed;
    EXPECT_EQ(exact.dropped, truth) << seed;

    // The influence order alone finds a set no smaller than the truth, and
    // a real one: removing it flips the refit.
    if (approximate.flipped) {
      EXPECT_GE(approximate.dropped, truth) << seed;
      std::vector<Battle> kept = battles;
      for (const DroppedCell& c : approximate.cells) {
        for (int64_t t = 0; t < c.count; ++t) {
          const auto it = std::find_if(kept.begin(), kept.end(), [&](const Battle& b) {
            const std::vector<PairCell> one = CellsOf({b});
            return one[0].i == c.i && one[0].j == c.j && one[0].outcome == c.outcome;
          });
          ASSERT_NE(it, kept.end());
          kept.erase(it);
        }
      }
      const Eigen::VectorXd after = Strengths(m, kept, TieModel::kHalf);
      EXPECT_NE(TopOf(after), TopOf(theta)) << seed;
    }
  }
  EXPECT_GE(compared, 20);
}

TEST(VoteDropping, PairAndTopK) {
  // Four models in a chain of strengths, 40 battles per pair.
  std::vector<PairCell> cells;
  const int wins[4][4] = {{0, 24, 28, 32}, {16, 0, 24, 28}, {12, 16, 0, 24}, {8, 12, 16, 0}};
  for (int i = 0; i < 4; ++i) {
    for (int j = i + 1; j < 4; ++j) {
      cells.push_back({i, j, Outcome::kWinA, wins[i][j]});
      cells.push_back({i, j, Outcome::kWinB, wins[j][i]});
    }
  }
  VoteDropOptions pair = TopOptions();
  pair.target = DropTarget::kPair;
  pair.model_a = 2;  // named behind first: the order is found, not assumed
  pair.model_b = 1;
  pair.exhaustive_limit = 0;
  const VoteDropResult p = FindVoteDrop(4, cells, pair);
  ASSERT_TRUE(p.flipped);
  EXPECT_EQ(p.ahead, 1);
  EXPECT_EQ(p.behind, 2);
  EXPECT_GT(p.after(2), p.after(1));

  VoteDropOptions top2 = TopOptions();
  top2.target = DropTarget::kTopK;
  top2.top_k = 2;
  top2.exhaustive_limit = 0;
  const VoteDropResult t = FindVoteDrop(4, cells, top2);
  ASSERT_TRUE(t.flipped);
  EXPECT_EQ(t.top_before, (std::vector<int>{0, 1}));
  EXPECT_EQ(t.top_after.size(), 2u);
  EXPECT_NE(std::find(t.top_after.begin(), t.top_after.end(), 2), t.top_after.end());
  EXPECT_GT(t.dropped, 1);  // no single battle flips the top two
}

TEST(VoteDropping, OnlyEligibleModelsHoldPlaces) {
  // Model 2 never loses (no MLE; not ranked): it is not #1 to dethrone.
  const std::vector<PairCell> cells = {{0, 1, Outcome::kWinA, 6},
                                       {0, 1, Outcome::kWinB, 4},
                                       {0, 2, Outcome::kWinB, 3}};
  VoteDropOptions o = TopOptions();
  o.fit.ridge = 0.01;
  o.eligible = {0, 1};
  const VoteDropResult r = FindVoteDrop(3, cells, o);
  ASSERT_TRUE(r.flipped);
  EXPECT_EQ(r.top_before, std::vector<int>{0});
  EXPECT_EQ(r.top_after, std::vector<int>{1});
}

}  // namespace
}  // namespace podium
