#include "engine/inference/arena_style.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <tuple>

#include "engine/inference/arena.h"
#include "engine/rating/contextual_bradley_terry.h"
#include "engine/rating/style_features.h"
#include "tests/style_battles.h"

namespace podium {
namespace {

// Synthetic battles with two style features, as the battles reader hands
// them over: the sequence, the raw feature values, and the cells.
BattleData StyleData(int64_t n, uint64_t seed) {
  Rng rng(seed, 0);
  Eigen::VectorXd theta(5), beta(2);
  theta << 0.6, 0.3, 0.0, -0.3, -0.6;
  beta << 0.4, -0.2;
  const testing::StyleBattles sim = testing::SimulateStyleBattles(theta, beta, n, 0.1, rng);
  BattleData data;
  data.models = {"m0", "m1", "m2", "m3", "m4"};
  data.feature_names = {"length", "lists"};
  data.sequence = sim.battles;
  data.features = sim.raw;
  std::map<std::tuple<int, int, Outcome>, int64_t> cells;
  for (const Battle& b : sim.battles) {
    Outcome o = b.outcome;
    if (b.a > b.b && o != Outcome::kTie) o = o == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
    ++cells[{std::min(b.a, b.b), std::max(b.a, b.b), o}];
  }
  for (const auto& [key, count] : cells) {
    data.cells.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), count});
  }
  data.battles = n;
  return data;
}

TEST(ArenaStyleTest, TheBoardIsTheContextualFitOfTheChosenFeatures) {
  const BattleData data = StyleData(4000, 5);
  ArenaOptions o;
  o.ci = ArenaIntervals::kSandwich;
  o.rounds = 0;
  o.draws = 500;
  o.style.features = {"lists"};  // one of the two, by name
  Diagnostics d;
  const auto r = BuildArena(data, o, &d);
  ASSERT_TRUE(r.has_value()) << d.error_count();
  ASSERT_TRUE(r->style.has_value());
  // Independently: the covariate of "lists" alone, the weights, the fit.
  std::vector<double> raw;
  for (size_t i = 0; i < data.sequence.size(); ++i) {
    raw.push_back(data.features[4 * i + 2]);
    raw.push_back(data.features[4 * i + 3]);
  }
  const StyleCovariates x = ComputeStyleCovariates(static_cast<int64_t>(data.sequence.size()), 1, raw);
  const ContextualBradleyTerryResult fit = FitContextualBradleyTerry(
      5, data.sequence, x.covariates, ContextualPairWeights(5, data.sequence), {});
  ASSERT_EQ(r->style->coefficients.size(), 1u);
  EXPECT_EQ(r->style->coefficients[0].feature, "lists");
  EXPECT_NEAR(r->style->coefficients[0].estimate, fit.coefficients(0), 1e-12);
  EXPECT_LT(r->style->coefficients[0].ci_low, r->style->coefficients[0].estimate);
  EXPECT_GT(r->style->coefficients[0].ci_high, r->style->coefficients[0].estimate);
  for (const StyleRow& row : r->style->rows) {
    EXPECT_NEAR(row.rating, 1000 + kEloPerNat * fit.theta(row.index), 1e-9) << row.model;
    EXPECT_EQ(row.rank_change, row.uncontrolled_rank - row.rank_ub);
    // The uncontrolled rank passed is the other board's Rank (UB).
    for (const ArenaRow& plain : r->rows) {
      if (plain.index == row.index) EXPECT_EQ(row.uncontrolled_rank, plain.rank_ub);
    }
  }
  EXPECT_EQ(r->style->intervals, "sandwich");
}

TEST(ArenaStyleTest, BootstrapIntervalsAndAnchor) {
  const BattleData data = StyleData(2000, 9);
  ArenaOptions o;
  o.rounds = 30;
  o.anchor_model = "m2";
  o.anchor_rating = 1200;
  o.style.features = {"length", "lists"};
  o.style.l2 = 0;
  Diagnostics d;
  const auto r = BuildArena(data, o, &d);
  ASSERT_TRUE(r.has_value());
  ASSERT_TRUE(r->style.has_value());
  EXPECT_EQ(r->style->intervals, "bootstrap");
  for (const StyleRow& row : r->style->rows) {
    if (row.model == "m2") {  // anchored as the uncontrolled board: an interval of width 0
      EXPECT_NEAR(row.rating, 1200, 1e-9);
      EXPECT_NEAR(row.ci_low, 1200, 1e-9);
      EXPECT_NEAR(row.ci_high, 1200, 1e-9);
    } else {
      EXPECT_LT(row.ci_low, row.ci_high);
    }
  }
  // With l2 = 0 the length effect (truth 0.4) is recovered within its interval's reach.
  EXPECT_GT(r->style->coefficients[0].estimate, 0.2);
  EXPECT_LT(r->style->coefficients[1].estimate, 0.0);
  o.threads = 2;
  const auto again = BuildArena(data, o, &d);
  ASSERT_TRUE(again.has_value());
  for (size_t k = 0; k < r->style->rows.size(); ++k) {
    EXPECT_EQ(r->style->rows[k].ci_low, again->style->rows[k].ci_low);
  }
}

TEST(ArenaStyleTest, SandwichWithAnAnchorUsesTheVarianceOfTheDifference) {
  const BattleData data = StyleData(3000, 4);
  ArenaOptions o;
  o.ci = ArenaIntervals::kSandwich;
  o.rounds = 0;
  o.draws = 200;
  o.style.features = {"length"};
  Diagnostics d;
  const auto centred = BuildArena(data, o, &d);
  o.anchor_model = "m0";
  o.anchor_rating = 1100;
  const auto anchored = BuildArena(data, o, &d);
  ASSERT_TRUE(centred && anchored);
  for (size_t k = 0; k < anchored->style->rows.size(); ++k) {
    const StyleRow& a = anchored->style->rows[k];
    const StyleRow& c = centred->style->rows[k];
    ASSERT_EQ(a.model, c.model);
    EXPECT_NEAR(a.rating - c.rating, anchored->style->rows[0].rating - centred->style->rows[0].rating,
                1e-9);  // the same shift for everyone
    if (a.model == "m0") EXPECT_NEAR(a.ci_high - a.ci_low, 0, 1e-9);
  }
}

TEST(ArenaStyleTest, AFeatureNotReadIsAnError) {
  const BattleData data = StyleData(500, 2);
  ArenaOptions o;
  o.rounds = 0;
  o.style.features = {"bold_count"};
  Diagnostics d;
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());
  EXPECT_EQ(d.error_count(), 1);
}

}  // namespace
}  // namespace podium
