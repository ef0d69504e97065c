#include "engine/inference/leave_one_out.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "engine/base/random.h"
#include "tests/battle_cells.h"
#include "engine/matrix/pair_counts.h"

namespace podium {
namespace {

using testing::CellsOf;

void Add(std::vector<Battle>* battles, int a, int b, Outcome o, int times, int group) {
  for (int k = 0; k < times; ++k) battles->push_back({a, b, o, 0, 0, group});
}

TEST(LeaveOneOut, TwoModelsByHand) {
  // Groups x, y: A beats B 4 times and loses once; z: A wins once, loses 3.
  std::vector<Battle> battles;
  for (int g : {0, 1}) {
    Add(&battles, 0, 1, Outcome::kWinA, 4, g);
    Add(&battles, 1, 0, Outcome::kWinA, 1, g);
  }
  Add(&battles, 0, 1, Outcome::kWinA, 1, 2);
  Add(&battles, 0, 1, Outcome::kWinB, 3, 2);
  const LeaveOneOutResult r = LeaveOneGroupOut(2, CellsOf(battles), battles, 3, {});
  const double half = kEloPerNat / 2;
  EXPECT_NEAR(r.ratings(0), 1000 + half * std::log(9.0 / 5), 1e-6);
  EXPECT_NEAR(r.group_ratings(0, 0), 1000 + half * std::log(5.0 / 4), 1e-6);
  EXPECT_NEAR(r.group_ratings(2, 0), 1000 + half * std::log(8.0 / 2), 1e-6);
  EXPECT_NEAR(r.models[0].rating_change, half * (std::log(4.0) - std::log(1.8)), 1e-6);
  EXPECT_EQ(r.models[0].rating_group, 2);
  EXPECT_EQ(r.models[0].rank_change, 0);
  EXPECT_EQ(r.models[0].rank_group, -1);
  EXPECT_EQ(r.groups[0].battles, 5);
  EXPECT_EQ(r.groups[2].battles, 4);
  EXPECT_EQ(r.groups[2].top, 0);
}

TEST(LeaveOneOut, RankChangeAndTheGroupThatCausedIt) {
  // A narrowly ahead of B thanks to group 1; without it B is #1.
  std::vector<Battle> battles;
  Add(&battles, 0, 1, Outcome::kWinA, 5, 0);
  Add(&battles, 0, 1, Outcome::kWinB, 5, 0);
  Add(&battles, 0, 2, Outcome::kWinA, 6, 0);
  Add(&battles, 0, 2, Outcome::kWinB, 2, 0);
  Add(&battles, 1, 2, Outcome::kWinA, 7, 0);
  Add(&battles, 1, 2, Outcome::kWinB, 2, 0);
  Add(&battles, 0, 1, Outcome::kWinA, 2, 1);
  const LeaveOneOutResult r = LeaveOneGroupOut(3, CellsOf(battles), battles, 2, {});
  EXPECT_EQ(r.ranks[0], 1);
  EXPECT_EQ(r.models[0].rank_change, 1);
  EXPECT_EQ(r.models[0].rank_group, 1);
  EXPECT_EQ(r.models[1].rank_change, -1);
  EXPECT_EQ(r.groups[1].top, 1);
}

TEST(LeaveOneOut, AgreesWithRefittingTheRestByHand) {
  Rng rng(5, 0);
  std::vector<Battle> battles;
  const int m = 5, groups = 4;
  for (int k = 0; k < 600; ++k) {
    int a = static_cast<int>(rng.Below(m)), b = static_cast<int>(rng.Below(m - 1));
    if (b >= a) ++b;
    const double p = 1 / (1 + std::exp(0.3 * (b - a)));
    const double u = rng.Uniform();
    const Outcome o = u < 0.1 ? Outcome::kTie : u < 0.1 + 0.9 * p ? Outcome::kWinA : Outcome::kWinB;
    battles.push_back({a, b, o, 0, 0, static_cast<int>(rng.Below(groups))});
  }
  const LeaveOneOutResult r = LeaveOneGroupOut(m, CellsOf(battles), battles, groups, {});
  for (int g = 0; g < groups; ++g) {
    std::vector<Battle> rest;
    for (const Battle& b : battles) {
      if (b.group != g) rest.push_back(b);
    }
    const BradleyTerryResult fit = FitBradleyTerry(ToPairCounts(m, CellsOf(rest)), {});
    for (int i = 0; i < m; ++i) {
      EXPECT_NEAR(r.group_ratings(g, i), 1000 + kEloPerNat * fit.theta(i), 1e-6);
    }
  }
}

TEST(LeaveOneOut, AModelWithoutBattlesAndAnAnchor) {
  // Model 2 plays only in group 1: without it, 2 has no rating.
  std::vector<Battle> battles;
  Add(&battles, 0, 1, Outcome::kWinA, 3, 0);
  Add(&battles, 0, 1, Outcome::kWinB, 2, 0);
  Add(&battles, 2, 0, Outcome::kWinA, 1, 1);
  Add(&battles, 2, 1, Outcome::kWinB, 1, 1);
  LeaveOneOutOptions o;
  o.anchor = 1;
  o.anchor_rating = 1200;
  const LeaveOneOutResult r = LeaveOneGroupOut(3, CellsOf(battles), battles, 2, o);
  EXPECT_NEAR(r.ratings(1), 1200, 1e-9);
  EXPECT_TRUE(std::isnan(r.group_ratings(1, 2)));
  EXPECT_NEAR(r.group_ratings(1, 1), 1200, 1e-9);
  EXPECT_NEAR(r.group_ratings(1, 0), 1200 + kEloPerNat * std::log(1.5), 1e-6);
  EXPECT_EQ(r.models[2].absent_in, 1);
}

}  // namespace
}  // namespace podium
