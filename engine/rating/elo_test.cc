#include "engine/rating/elo.h"

#include <gtest/gtest.h>

#include <cmath>

namespace podium {
namespace {

Battle Of(int a, int b, Outcome outcome) {
  Battle battle;
  battle.a = a;
  battle.b = b;
  battle.outcome = outcome;
  return battle;
}

TEST(OnlineEloTest, ByHand) {
  // Equal ratings: e = 1/2 each, so a win moves K/2 = 2 points each way;
  // then 1002 vs 998 tie: e_a = 1 / (1 + 10^(-4/400)).
  const std::vector<Battle> battles = {Of(0, 1, Outcome::kWinA), Of(0, 1, Outcome::kTie)};
  const Eigen::VectorXd r = OnlineElo(2, battles, EloOptions());
  const double ea = 1 / (1 + std::pow(10.0, -4.0 / 400));
  EXPECT_DOUBLE_EQ(r(0), 1002 + 4 * (0.5 - ea));
  EXPECT_DOUBLE_EQ(r(1), 998 + 4 * (0.5 - (1 - ea)));
}

// The bootstrap replay is OnlineElo over the order drawn by Below, bit for
// bit: fewer battles than draws in flight, and many more.
TEST(OnlineEloTest, ResampledReplayIsOnlineEloOverTheDrawnOrder) {
  for (int n : {1, 5, 16, 17, 1000}) {
    std::vector<Battle> battles;
    for (int k = 0; k < n; ++k) {
      const Outcome outcomes[] = {Outcome::kWinA, Outcome::kWinB, Outcome::kTie};
      battles.push_back(Of(k % 7, (k * 3 + 1) % 7 == k % 7 ? (k + 1) % 7 : (k * 3 + 1) % 7,
                           outcomes[(k * 5) % 3]));
    }
    for (uint64_t stream = 0; stream < 3; ++stream) {
      Rng drawer(9, stream), replayer(9, stream);
      std::vector<int> order(n);
      for (int k = 0; k < n; ++k) order[k] = static_cast<int>(drawer.Below(n));
      const Eigen::VectorXd expected = OnlineElo(7, battles, EloOptions(), &order);
      const Eigen::VectorXd got = ResampledOnlineElo(7, PackBattles(battles), EloOptions(), replayer);
      for (int i = 0; i < 7; ++i) EXPECT_EQ(got(i), expected(i)) << "n=" << n << " model " << i;
      EXPECT_EQ(replayer.Next(), drawer.Next()) << "the same number of draws";
    }
  }
}

}  // namespace
}  // namespace podium
