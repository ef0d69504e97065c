#include "engine/inference/arena.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "engine/base/random.h"
#include "engine/inference/sandwich.h"
#include "tests/testing.h"

namespace podium {
namespace {

BattleData Battles(const std::string& csv, bool keep_sequence = false) {
  Diagnostics d;
  BattleReadOptions options;
  options.keep_sequence = keep_sequence;
  const std::string path = testing::WriteFile(testing::TempDir(), "b.csv", csv);
  BattleData data = ReadBattles(path, "b.csv", options, &d);
  EXPECT_FALSE(d.has_errors());
  return data;
}

std::string Repeat(const std::string& rows, int times) {
  std::string out = "model_a,model_b,winner\n";
  for (int k = 0; k < times; ++k) out += rows;
  return out;
}

const char kRows[] =
    "a,b,model_a\na,b,model_a\na,b,model_b\nb,c,model_a\nb,c,tie\nc,b,model_a\n"
    "a,c,model_a\nc,a,model_b\nc,a,model_a\n";

TEST(ArenaTest, OnlineEloHandComputed) {
  ArenaOptions o;
  o.method = ArenaMethod::kElo;
  o.rounds = 0;
  Diagnostics d;
  auto r = BuildArena(Battles("model_a,model_b,winner\na,b,model_a\nb,a,model_a\n", true), o, &d);
  ASSERT_TRUE(r.has_value());
  // 1) a beats b at equal ratings: +-2.  2) b beats a: e_b = 1 / (1 + 10^(4/400)).
  const double eb = 1 / (1 + std::pow(10.0, 0.01));
  EXPECT_EQ(r->rows[0].model, "b");
  EXPECT_NEAR(r->rows[0].rating, 998 + 4 * (1 - eb), 1e-12);
  EXPECT_NEAR(r->rows[1].rating, 1002 - 4 * (1 - eb), 1e-12);  // e_a = 1 - e_b
}

TEST(ArenaTest, BootstrapIsIdenticalOnAnyNumberOfThreads) {
  const BattleData data = Battles(Repeat(kRows, 5));
  ArenaOptions o;
  o.rounds = 200;
  o.seed = 7;
  Diagnostics d;
  auto one = BuildArena(data, o, &d);
  ASSERT_TRUE(one.has_value());
  for (int threads : {2, 8}) {
    o.threads = threads;
    auto many = BuildArena(data, o, &d);
    for (size_t k = 0; k < one->rows.size(); ++k) {
      EXPECT_EQ(one->rows[k].rating, many->rows[k].rating);
      EXPECT_EQ(one->rows[k].ci_low, many->rows[k].ci_low);
      EXPECT_EQ(one->rows[k].ci_high, many->rows[k].ci_high);
      EXPECT_EQ(one->rows[k].rank_ci_high, many->rows[k].rank_ci_high);
    }
  }
}

TEST(ArenaTest, DuplicatingEveryBattleKeepsRatingsAndNarrowsIntervals) {
  ArenaOptions o;
  o.rounds = 300;
  Diagnostics d;
  auto once = BuildArena(Battles(Repeat(kRows, 4)), o, &d);
  auto twice = BuildArena(Battles(Repeat(kRows, 8)), o, &d);
  ASSERT_TRUE(once && twice);
  for (size_t k = 0; k < once->rows.size(); ++k) {
    EXPECT_NEAR(once->rows[k].rating, twice->rows[k].rating, 1e-9);
    EXPECT_LT(twice->rows[k].ci_high - twice->rows[k].ci_low,
              once->rows[k].ci_high - once->rows[k].ci_low);
    EXPECT_LE(once->rows[k].ci_low, once->rows[k].rating);
    EXPECT_GE(once->rows[k].ci_high, once->rows[k].rating);
  }
  EXPECT_NEAR(once->rows[0].rating + once->rows[1].rating + once->rows[2].rating, 3000, 1e-9);
}

TEST(ArenaTest, CountsMatricesAndAnchor) {
  ArenaOptions o;
  o.rounds = 0;
  o.anchor_model = "b";
  o.anchor_rating = 1114;
  Diagnostics d;
  auto r = BuildArena(Battles(Repeat(kRows, 1)), o, &d);
  ASSERT_TRUE(r.has_value());
  const ArenaRow* b = nullptr;
  for (const ArenaRow& row : r->rows) {
    if (row.model == "b") b = &row;
  }
  ASSERT_NE(b, nullptr);
  EXPECT_DOUBLE_EQ(b->rating, 1114);
  EXPECT_EQ(b->battles, 6);  // a-b x3, b-c x3
  EXPECT_EQ(b->wins, 2);     // vs a once, vs c once
  EXPECT_EQ(b->losses, 3);
  EXPECT_EQ(b->ties, 1);
  // a vs b: 2 wins, 1 loss.
  EXPECT_DOUBLE_EQ(r->win_fraction(0, 1), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(r->win_fraction(1, 2), 1.0 / 2.0);  // b-c: 1 win, 1 loss, 1 tie
  EXPECT_DOUBLE_EQ(r->win_fraction_ties_half(1, 2), 0.5);
  EXPECT_NEAR(r->predicted(0, 1) + r->predicted(1, 0), 1.0, 1e-12);
}

TEST(ArenaTest, DisconnectedGraphIsRefusedUnlessPerComponent) {
  const BattleData data = Battles(
      "model_a,model_b,winner\na,b,model_a\nb,a,model_a\n"
      "c,d,model_a\nd,c,tie\n");
  ArenaOptions o;
  o.rounds = 0;
  Diagnostics d;
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_EQ(FormatDiagnostic(d.all()[0]),
            "error: the comparison graph has 2 connected components ({a, b}, {c, d}): ratings "
            "across them are not comparable; pass per_component for one leaderboard per "
            "component");
  o.per_component = true;
  Diagnostics ok;
  auto r = BuildArena(data, o, &ok);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->num_components, 2);
  EXPECT_EQ(r->rows[2].component, 1);
  EXPECT_EQ(r->rows[2].rank, 1);
}

TEST(ArenaTest, OnlyWinsIsAWarningAndARidge) {
  ArenaOptions o;
  o.rounds = 20;
  Diagnostics d;
  auto r = BuildArena(Battles("model_a,model_b,winner\na,b,model_a\na,b,model_a\nb,c,model_a\n"
                              "c,b,model_a\n"),
                      o, &d);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->ridge_used, 0.01);
  ASSERT_GE(r->warnings.size(), 2u);
  EXPECT_EQ(r->warnings[0],
            "a has only wins (no losses): its maximum-likelihood rating does not exist; the "
            "rating shown comes from a ridge, and it is not ranked (rank_all ranks it)");
  for (const ArenaRow& row : r->rows) EXPECT_LT(std::abs(row.rating - 1000), 1500);
}

TEST(ArenaTest, AModelThatNeverLostIsMarkedAndNotRankedUnlessRankAll) {
  // A misspelt name with one battle, won: the highest rating, yet no rank;
  // the others are ranked among themselves, from 1.
  const std::string battles =
      "model_a,model_b,winner\nx,y,model_a\ny,x,model_a\nx,y,model_a\nx,z,model_a\n"
      "z,x,model_a\nx,z,model_a\ny,z,model_a\nz,y,model_a\nz,y,model_a\nx-typo,y,model_a\n";
  ArenaOptions o;
  o.rounds = 50;
  Diagnostics d;
  auto r = BuildArena(Battles(battles), o, &d);
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->rows.size(), 4u);
  const ArenaRow& last = r->rows.back();
  EXPECT_EQ(last.model, "x-typo");
  EXPECT_EQ(last.not_ranked, "only wins (no losses)");
  EXPECT_EQ(last.rank, 0);
  EXPECT_EQ(last.rank_ub, 0);
  EXPECT_EQ(last.tier, 0);
  EXPECT_GT(last.rating, r->rows[0].rating);
  std::vector<int> ranks;
  for (size_t k = 0; k + 1 < r->rows.size(); ++k) {
    EXPECT_TRUE(r->rows[k].not_ranked.empty());
    ranks.push_back(r->rows[k].rank);
    EXPECT_GE(r->rows[k].rank_set_low, 1);
    EXPECT_LE(r->rows[k].rank_set_high, 3);  // ranks among the three ranked models
  }
  EXPECT_EQ(ranks, (std::vector<int>{1, 2, 3}));

  o.rank_all = true;
  auto all = BuildArena(Battles(battles), o, &d);
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ(all->rows[0].model, "x-typo");
  EXPECT_EQ(all->rows[0].rank, 1);
  EXPECT_TRUE(all->rows[0].not_ranked.empty());
  EXPECT_EQ(all->rows[0].rating, last.rating);  // the fit itself is the same
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(ArenaCoverageTest, BattleBootstrapCoversTheTrueRatingsBySimulation) {
  // Truth: four models with Elo-scale ratings centred on 1000. Each simulated
  // data set plays 150 battles per pair (no ties) and fits Bradley–Terry with
  // a 400-round bootstrap; the nominal 95% intervals must cover the true
  // ratings 92-98% of the time, and the simultaneous rank sets must hold all
  // true ranks at once in at least 95% of the data sets.
  const double truth[] = {1080, 1040, 970, 910};
  const int data_sets = 300;
  int covered = 0, intervals = 0, all_ranks = 0;
  for (int s = 0; s < data_sets; ++s) {
    Rng rng(777, s);
    BattleData data;
    data.models = {"a", "b", "c", "d"};
    for (int i = 0; i < 4; ++i) {
      for (int j = i + 1; j < 4; ++j) {
        const int64_t n = 150, w = Binomial(rng, n, EloWinProbability(truth[i], truth[j]));
        data.cells.push_back({i, j, Outcome::kWinA, w});
        data.cells.push_back({i, j, Outcome::kWinB, n - w});
        data.battles += n;
      }
    }
    ArenaOptions o;
    o.rounds = 400;
    o.seed = s;
    Diagnostics d;
    const auto result = BuildArena(data, o, &d);
    ASSERT_TRUE(result.has_value());
    bool all = true;
    for (const ArenaRow& row : result->rows) {
      const double t = truth[row.index];
      covered += row.ci_low <= t && t <= row.ci_high ? 1 : 0;
      ++intervals;
      all = all && row.rank_set_low <= row.index + 1 && row.index + 1 <= row.rank_set_high;
    }
    all_ranks += all ? 1 : 0;
  }
  std::printf("battle coverage: %d/%d; all ranks in sets %d/%d\n", covered, intervals, all_ranks,
              data_sets);
  EXPECT_GE(covered, 0.92 * intervals) << covered << "/" << intervals;
  EXPECT_LE(covered, 0.98 * intervals) << covered << "/" << intervals;
  EXPECT_GE(all_ranks, 0.95 * data_sets) << all_ranks << "/" << data_sets;
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

// Uneven pairs: a-b played 120 times, b-c 30, a-c 8 (the reweighting floor of
// 50 then matters for two of the three pairs), with ties.
BattleData UnevenBattles() {
  std::string csv = "model_a,model_b,winner\n";
  for (int k = 0; k < 120; ++k) csv += k % 3 == 0 ? "a,b,model_b\n" : k % 7 == 0 ? "a,b,tie\n" : "a,b,model_a\n";
  for (int k = 0; k < 30; ++k) csv += k % 4 == 0 ? "b,c,model_b\n" : k % 5 == 0 ? "c,b,tie\n" : "b,c,model_a\n";
  for (int k = 0; k < 8; ++k) csv += k % 2 == 0 ? "c,a,model_a\n" : "a,c,model_a\n";
  return Battles(csv);
}

double RatingOf(const ArenaResult& r, const std::string& model) {
  for (const ArenaRow& row : r.rows) {
    if (row.model == model) return row.rating;
  }
  ADD_FAILURE() << model;
  return 0;
}

const ArenaRow& RowOf(const ArenaResult& r, const std::string& model) {
  for (const ArenaRow& row : r.rows) {
    if (row.model == model) return row;
  }
  ADD_FAILURE() << model;
  return r.rows.front();
}

TEST(ArenaSandwichTest, IntervalsAreTheSandwichOfTheFit) {
  const BattleData data = UnevenBattles();
  ArenaOptions o;
  o.ci = ArenaIntervals::kSandwich;
  o.rounds = 0;
  o.draws = 2000;
  Diagnostics d;
  const auto r = BuildArena(data, o, &d);
  ASSERT_TRUE(r.has_value());
  // The same covariance straight from sandwich.h at the leaderboard's ratings.
  Eigen::VectorXd ratings(3);
  for (int i = 0; i < 3; ++i) ratings(i) = RatingOf(*r, r->models[i]);
  SandwichOptions so;
  so.draws = 0;
  const SandwichResult direct = SandwichIntervals(3, data.cells, ratings, so);
  for (int i = 0; i < 3; ++i) {
    const ArenaRow& row = RowOf(*r, r->models[i]);
    EXPECT_NEAR(row.ci_low, direct.models[i].ci_low, 1e-9);
    EXPECT_NEAR(row.ci_high, direct.models[i].ci_high, 1e-9);
    EXPECT_GE(row.rank_set_low, 1);
    EXPECT_LE(row.rank_set_low, row.rank_set_high);
    EXPECT_GE(row.tier, 1);
    EXPECT_LE(row.rank_ci_low, row.rank);
    EXPECT_GE(row.rank_ci_high, row.rank);
  }
  EXPECT_TRUE(r->covariance.isApprox(direct.matrices.covariance, 1e-12));
  EXPECT_EQ(r->replicates.rows(), 0);
  EXPECT_GT(r->critical_value, 0);
}

TEST(ArenaSandwichTest, NoRankedModelIsNotACrash) {
  // a always beat b: neither has a maximum-likelihood rating, none is ranked.
  ArenaOptions o;
  o.ci = ArenaIntervals::kSandwich;
  o.rounds = 0;
  Diagnostics d;
  const auto r = BuildArena(Battles("model_a,model_b,winner\na,b,model_a\nb,a,model_b\n"), o, &d);
  ASSERT_TRUE(r.has_value());
  for (const ArenaRow& row : r->rows) {
    EXPECT_EQ(row.rank, 0);
    EXPECT_FALSE(row.not_ranked.empty());
    EXPECT_LE(row.ci_low, row.rating);
  }
}

TEST(ArenaSandwichTest, RefusesWhatItCannotDo) {
  const BattleData data = Battles(Repeat(kRows, 3), true);
  Diagnostics d;
  ArenaOptions o;
  o.ci = ArenaIntervals::kSandwich;
  o.rounds = 100;
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());  // rounds with the sandwich
  o.rounds = 0;
  o.ties = TieModel::kDavidson;
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());
  o.ties = TieModel::kHalf;
  o.method = ArenaMethod::kElo;
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());
  o.method = ArenaMethod::kBradleyTerry;
  o.ridge = 0.1;  // the sandwich is that of the unpenalized fit
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());
  o.ridge = 0;
  o.method = ArenaMethod::kElo;
  o.ci = ArenaIntervals::kBootstrap;
  o.reweight = true;
  EXPECT_FALSE(BuildArena(data, o, &d).has_value());
  EXPECT_EQ(d.error_count(), 5);
}

// The reweighted fit solves arena-rank's weighted likelihood equations:
// Σ_battles w_pair·(y − p)·(e_a − e_b) = 0 with w = 1 / max(n_pair, 50),
// checked battle by battle from the file's own rows.
TEST(ArenaSandwichTest, ReweightedFitSolvesTheWeightedScoreEquations) {
  const BattleData data = UnevenBattles();
  ArenaOptions o;
  o.rounds = 0;
  o.reweight = true;
  Diagnostics d;
  const auto r = BuildArena(data, o, &d);
  ASSERT_TRUE(r.has_value());
  Eigen::VectorXd score = Eigen::VectorXd::Zero(3);
  const double n[3][3] = {{0, 120, 8}, {120, 0, 30}, {8, 30, 0}};
  for (const PairCell& c : data.cells) {
    const double w = 1 / std::max(n[c.i][c.j], 50.0);
    const double y = c.outcome == Outcome::kWinA ? 1 : c.outcome == Outcome::kWinB ? 0 : 0.5;
    const double p =
        EloWinProbability(RatingOf(*r, r->models[c.i]), RatingOf(*r, r->models[c.j]));
    score(c.i) += static_cast<double>(c.count) * w * (y - p);
    score(c.j) -= static_cast<double>(c.count) * w * (y - p);
  }
  EXPECT_LT(score.cwiseAbs().maxCoeff(), 1e-9) << score.transpose();
  // ... and differs from the unweighted fit (the pairs are uneven).
  o.reweight = false;
  const auto plain = BuildArena(data, o, &d);
  ASSERT_TRUE(plain.has_value());
  EXPECT_GT(std::abs(RatingOf(*r, "c") - RatingOf(*plain, "c")), 1.0);
}

TEST(ArenaSandwichTest, ReweightedBootstrapIsIdenticalOnAnyNumberOfThreads) {
  const BattleData data = UnevenBattles();
  ArenaOptions o;
  o.rounds = 60;
  o.reweight = true;
  Diagnostics d;
  const auto one = BuildArena(data, o, &d);
  o.threads = 3;
  const auto three = BuildArena(data, o, &d);
  ASSERT_TRUE(one && three);
  EXPECT_TRUE(one->replicates == three->replicates);
  // The replicates are reweighted fits: their median is near the reweighted point fit.
  for (const ArenaRow& row : one->rows) {
    EXPECT_LE(row.ci_low, row.rating);
    EXPECT_GE(row.ci_high, row.rating);
  }
}

}  // namespace
}  // namespace podium
