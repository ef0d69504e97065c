// Bradley–Terry on real data: WildBench v2 (146,829 GPT-4-Turbo-judged battles,
// 54 models, three hub opponents; ../shared/data/battles). podium's Newton fit
// must agree with an independent fit of the same likelihood — Zermelo's
// fixed-point (MM) iteration, run to machine precision — within 0.01 Elo.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>

#include "engine/ingest/battles.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/bradley_terry.h"
#include "tests/testing.h"

namespace podium {
namespace {

Eigen::VectorXd ZermeloRatings(const PairCounts& c) {
  Eigen::VectorXd pi = Eigen::VectorXd::Ones(c.num_models);
  Eigen::VectorXd wins = Eigen::VectorXd::Zero(c.num_models);
  for (const PairTotal& p : c.pairs) {
    wins(p.i) += p.wins_i + p.ties / 2;
    wins(p.j) += p.wins_j + p.ties / 2;
  }
  for (int it = 0; it < 200000; ++it) {
    Eigen::VectorXd denom = Eigen::VectorXd::Zero(c.num_models);
    for (const PairTotal& p : c.pairs) {
      const double share = p.total() / (pi(p.i) + pi(p.j));
      denom(p.i) += share;
      denom(p.j) += share;
    }
    Eigen::VectorXd next = wins.cwiseQuotient(denom);
    next /= std::exp(next.array().log().mean());
    const double change = ((next.array() / pi.array()).log().abs()).maxCoeff();
    pi = next;
    if (change < 1e-14) break;
  }
  Eigen::VectorXd r = 400 * pi.array().log10();
  return (r.array() - r.mean() + 1000).matrix();
}

TEST(WildBenchTest, NewtonFitAgreesWithZermeloIterationWithinAHundredthOfAnEloPoint) {
  const std::string shared = testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "../shared is not available (set PODIUM_SHARED)";
  Diagnostics d;
  const BattleData data =
      ReadBattles(shared + "/data/battles/wildbench_v2_K-1.csv", "wildbench", {}, &d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(data.battles, 146829);
  ASSERT_EQ(data.models.size(), 54u);
  const PairCounts counts = ToPairCounts(54, data.cells);
  const BradleyTerryResult fit = FitBradleyTerry(counts, {});
  ASSERT_TRUE(fit.converged);
  const Eigen::VectorXd newton = (1000 + kEloPerNat * fit.theta.array()).matrix();
  const Eigen::VectorXd zermelo = ZermeloRatings(counts);
  double worst = 0;
  for (int i = 0; i < 54; ++i) worst = std::max(worst, std::abs(newton(i) - zermelo(i)));
  EXPECT_LT(worst, 0.01);
  std::cout << fmt::format("largest difference {:.2e} Elo over 54 models, {} Newton steps\n", worst,
                           fit.iterations);
  for (const char* model :
       {"gpt-4o-2024-05-13", "claude-3-5-sonnet-20240620", "Llama-2-70b-chat-hf"}) {
    const int i = static_cast<int>(std::find(data.models.begin(), data.models.end(), model) -
                                   data.models.begin());
    ASSERT_LT(i, 54) << model;
    std::cout << fmt::format("{}: newton {:.4f}, zermelo {:.4f}\n", model, newton(i), zermelo(i));
  }
}

}  // namespace
}  // namespace podium
