#include "engine/inference/score_bootstrap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "engine/base/random.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::MakeClaim;

Leaderboard Board(const std::vector<Claim>& claims, const Registry& registry,
                  LeaderboardOptions options = {}) {
  Diagnostics d;
  Leaderboard board = BuildLeaderboard(claims, registry, options, &d);
  EXPECT_FALSE(d.has_errors());
  return board;
}

LeaderboardUncertainty Bootstrap(const Leaderboard& board, const std::vector<Claim>& claims,
                                 const Registry& registry, ScoreBootstrapOptions options,
                                 const ItemData* items = nullptr) {
  Diagnostics d;
  auto u = BootstrapLeaderboard(board, claims, registry, items, options, &d);
  EXPECT_FALSE(d.has_errors());
  return u.value_or(LeaderboardUncertainty{});
}

int RowOf(const Leaderboard& board, const std::string& model) {
  for (size_t k = 0; k < board.rows.size(); ++k) {
    if (board.rows[k].model == model) return static_cast<int>(k);
  }
  return -1;
}

TEST(ScoreBootstrapTest, ParametricCoverageBySimulation) {
  // Truth: four models on b1 (1000 items) and b2 (164 items). Each simulated
  // data set draws the published percentages from Binomial(n, p); the nominal
  // 95% interval of each model's mean must cover the true mean 92-98% of the
  // time, for percentile and for BCa. The simultaneous rank sets must hold
  // all four true ranks at once in at least 95% of the data sets.
  const Registry registry = testing::SmallRegistry();
  const std::vector<std::string> models = {"m1", "m2", "m3", "m4"};
  const double p1[] = {0.70, 0.66, 0.50, 0.40}, p2[] = {0.60, 0.62, 0.40, 0.45};
  const int data_sets = 300;
  int covered_percentile = 0, covered_bca = 0, intervals = 0, all_ranks = 0;
  for (int s = 0; s < data_sets; ++s) {
    Rng rng(4242, s);
    std::vector<Claim> claims;
    for (int i = 0; i < 4; ++i) {
      claims.push_back(
          MakeClaim(models[i] + "b1", models[i], "b1", 100.0 * Binomial(rng, 1000, p1[i]) / 1000));
      claims.push_back(
          MakeClaim(models[i] + "b2", models[i], "b2", 100.0 * Binomial(rng, 164, p2[i]) / 164));
    }
    const Leaderboard board = Board(claims, registry);
    ScoreBootstrapOptions o;
    o.kind = ScoreBootstrap::kParametric;
    o.rounds = 400;
    o.seed = s;
    const LeaderboardUncertainty pct = Bootstrap(board, claims, registry, o);
    o.interval = IntervalMethod::kBca;
    const LeaderboardUncertainty bca = Bootstrap(board, claims, registry, o);
    bool all = true;
    for (size_t k = 0; k < board.rows.size(); ++k) {
      const int i = board.rows[k].matrix_row;  // registry order m1..m4
      const double truth = 50.0 * (p1[i] + p2[i]);
      covered_percentile += pct.rows[k].ci_low <= truth && truth <= pct.rows[k].ci_high;
      covered_bca += bca.rows[k].ci_low <= truth && truth <= bca.rows[k].ci_high;
      ++intervals;
      const int true_rank = i < 2 ? 2 - (i == 0 ? 1 : 0) : (i == 2 ? 3 : 4);  // 65, 64, 45, 42.5
      all = all && pct.rows[k].rank_set_low <= true_rank && true_rank <= pct.rows[k].rank_set_high;
    }
    all_ranks += all ? 1 : 0;
  }
  std::printf("parametric coverage: percentile %d/%d, BCa %d/%d; all ranks in sets %d/%d\n",
              covered_percentile, intervals, covered_bca, intervals, all_ranks, data_sets);
  EXPECT_GE(covered_percentile, 0.92 * intervals) << covered_percentile << "/" << intervals;
  EXPECT_LE(covered_percentile, 0.98 * intervals) << covered_percentile << "/" << intervals;
  EXPECT_GE(covered_bca, 0.92 * intervals) << covered_bca << "/" << intervals;
  EXPECT_LE(covered_bca, 0.98 * intervals) << covered_bca << "/" << intervals;
  EXPECT_GE(all_ranks, 0.95 * data_sets) << all_ranks << "/" << data_sets;
}

TEST(ScoreBootstrapTest, SameBytesOnAnyNumberOfThreads) {
  const Registry registry = testing::SmallRegistry();
  const std::vector<Claim> claims = {MakeClaim("1", "m1", "b1", 70), MakeClaim("2", "m2", "b1", 68),
                                     MakeClaim("3", "m1", "b2", 30), MakeClaim("4", "m2", "b2", 35),
                                     MakeClaim("5", "m3", "b2", 33)};
  const Leaderboard board = Board(claims, registry);
  for (ScoreBootstrap kind : {ScoreBootstrap::kParametric, ScoreBootstrap::kBenchmarks}) {
    ScoreBootstrapOptions o;
    o.kind = kind;
    o.rounds = 300;
    o.interval = IntervalMethod::kBca;
    const LeaderboardUncertainty one = Bootstrap(board, claims, registry, o);
    o.threads = 4;
    const LeaderboardUncertainty four = Bootstrap(board, claims, registry, o);
    EXPECT_TRUE(one.replicates.cwiseEqual(four.replicates).count() ==
                one.replicates.size() - one.replicates.array().isNaN().count());
    for (size_t k = 0; k < one.rows.size(); ++k) {
      EXPECT_EQ(one.rows[k].ci_low, four.rows[k].ci_low);
      EXPECT_EQ(one.rows[k].ci_high, four.rows[k].ci_high);
      EXPECT_EQ(one.rows[k].rank_set_low, four.rows[k].rank_set_low);
    }
    o.seed = 2;
    EXPECT_FALSE(one.replicates == Bootstrap(board, claims, registry, o).replicates);
  }
}

TEST(ScoreBootstrapTest, ParametricDrawsFollowTheCellModel) {
  // b2 has 164 items: the replicate sd of a 50% cell is 100·sqrt(.25/164)
  // = 3.904. A claim's own stderr wins over n_items; cells of a benchmark
  // without n_items are held fixed and said so.
  const Registry registry = testing::SmallRegistry();
  Claim with_stderr = MakeClaim("2", "m2", "b2", 40);
  with_stderr.stderr_ = 1.5;
  Claim with_n = MakeClaim("3", "m3", "b2", 50);
  with_n.n = 40;  // sd 100·sqrt(.25/40) = 7.906
  const std::vector<Claim> claims = {MakeClaim("1", "m1", "b2", 50), with_stderr, with_n};
  LeaderboardOptions lo;
  const Leaderboard board = Board(claims, registry, lo);
  ScoreBootstrapOptions o;
  o.kind = ScoreBootstrap::kParametric;
  o.rounds = 4000;
  const LeaderboardUncertainty u = Bootstrap(board, claims, registry, o);
  auto sd = [&](int k) {
    const Eigen::VectorXd c = u.replicates.col(k);
    return std::sqrt((c.array() - c.mean()).square().sum() / (c.size() - 1));
  };
  EXPECT_NEAR(sd(RowOf(board, "m1")), 3.904, 0.15);
  EXPECT_NEAR(sd(RowOf(board, "m2")), 1.5, 0.06);
  EXPECT_NEAR(sd(RowOf(board, "m3")), 7.906, 0.3);
  EXPECT_TRUE(u.notes.empty());

  const std::vector<Claim> lower = {MakeClaim("1", "m1", "low", 3), MakeClaim("2", "m2", "low", 5)};
  lo.aggregate.method = Aggregation::kWinRate;
  const Leaderboard fixed = Board(lower, registry, lo);
  const LeaderboardUncertainty held = Bootstrap(fixed, lower, registry, o);
  ASSERT_EQ(held.notes.size(), 1u);
  EXPECT_EQ(held.notes[0],
            "low: no sampling model (no n_items and max in benchmarks.csv, no stderr, n or "
            "interval in the claim): held fixed, so the intervals leave out their noise");
  EXPECT_EQ(held.rows[0].ci_low, held.rows[0].ci_high);
  EXPECT_EQ(held.rows[0].rank_set_high, 1);  // a certain difference is decided
}

TEST(ScoreBootstrapTest, BenchmarkResamplingDrawsWholeColumns) {
  const Registry registry = testing::SmallRegistry();
  const std::vector<Claim> claims = {MakeClaim("1", "m1", "b1", 80), MakeClaim("2", "m1", "b2", 40),
                                     MakeClaim("3", "m2", "b1", 60), MakeClaim("4", "m2", "b2", 50),
                                     MakeClaim("5", "m3", "b2", 45)};
  const Leaderboard board = Board(claims, registry);
  ScoreBootstrapOptions o;
  o.kind = ScoreBootstrap::kBenchmarks;
  o.rounds = 200;
  const LeaderboardUncertainty u = Bootstrap(board, claims, registry, o);
  const int m1 = RowOf(board, "m1"), m3 = RowOf(board, "m3");
  int undefined = 0;
  for (int r = 0; r < o.rounds; ++r) {
    const double v = u.replicates(r, m1);
    EXPECT_TRUE(v == 80 || v == 60 || v == 40) << v;       // {b1,b1}, {b1,b2}, {b2,b2}
    undefined += std::isnan(u.replicates(r, m3)) ? 1 : 0;  // m3 has only b2
  }
  EXPECT_GT(undefined, 25);  // about a quarter of the draws are {b1, b1}
  EXPECT_EQ(u.rows[m3].defined_rounds, o.rounds - undefined);
  EXPECT_EQ(u.rows[m1].ci_low, 40);
  EXPECT_EQ(u.rows[m1].ci_high, 80);
  ASSERT_EQ(u.notes.size(), 1u);
  EXPECT_NE(u.notes[0].find("1 of 3 models had no score in some replicates"), std::string::npos);
}

TEST(ScoreBootstrapTest, ItemResamplingIsPairedAcrossModels) {
  // m1 and m2 answer the same 40 questions; m2 differs from m1 on two. Paired
  // resampling keeps their difference small in every replicate (an unpaired
  // draw would give differences of ±15 points).
  const Registry registry = testing::SmallRegistry();
  std::string csv = "model,benchmark,item,score\n";
  for (int t = 0; t < 40; ++t) {
    const int s = t % 2;
    csv += "m1,b2,q" + std::to_string(t) + "," + std::to_string(s) + "\n";
    csv += "m2,b2,q" + std::to_string(t) + "," + std::to_string(t < 2 ? 1 - s : s) + "\n";
  }
  Diagnostics d;
  const std::string path = testing::WriteFile(testing::TempDir(), "items.csv", csv);
  const ItemData items = ReadItems(path, "items.csv", registry, &d);
  ASSERT_FALSE(d.has_errors());
  const std::vector<Claim> claims = ItemClaims(items);
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[0].id, "items:m1:b2");
  EXPECT_DOUBLE_EQ(claims[0].value, 50);  // 20 of 40, on the 0-100 scale of b2
  EXPECT_EQ(claims[0].n, 40);
  const Leaderboard board = Board(claims, registry);
  ScoreBootstrapOptions o;
  o.kind = ScoreBootstrap::kItems;
  o.rounds = 500;
  o.interval = IntervalMethod::kBca;
  const LeaderboardUncertainty u = Bootstrap(board, claims, registry, o, &items);
  // The difference is 2.5 · (draws of q0 − draws of q1): sd 2.5·√2 = 3.5,
  // while each score alone has sd 100·√(.25/40) = 7.9 (unpaired: 11.2).
  const Eigen::ArrayXd diff = (u.replicates.col(0) - u.replicates.col(1)).array();
  const Eigen::ArrayXd alone = u.replicates.col(0).array();
  auto sd = [](const Eigen::ArrayXd& x) {
    return std::sqrt((x - x.mean()).square().sum() / (x.size() - 1));
  };
  EXPECT_LT(sd(diff), 4.5);
  EXPECT_GT(sd(alone), 7);
  for (double d : diff) EXPECT_NEAR(std::remainder(d, 2.5), 0.0, 1e-9) << d;
  EXPECT_LT(u.rows[0].ci_low, 50);
  EXPECT_GT(u.rows[0].ci_high, 50);

  Diagnostics none;
  EXPECT_FALSE(BootstrapLeaderboard(board, claims, registry, nullptr, o, &none).has_value());
  EXPECT_EQ(testing::Formatted(none)[0],
            "<command line>: error: field 'kind': kind items needs per-item results: "
            "pass items FILE "
            "(columns model,benchmark,item,score)");
}

TEST(ScoreBootstrapTest, ItemsWithGapsOrRepeatsAreErrors) {
  const Registry registry = testing::SmallRegistry();
  const std::string path = testing::WriteFile(testing::TempDir(), "items.csv",
                                              "model,benchmark,item,score\n"
                                              "m1,b2,q1,1\n"
                                              "m1,b2,q2,0\n"
                                              "m2,b2,q1,1\n"
                                              "m2,b2,q1,0\n"
                                              "m3,nope,q1,x\n");
  Diagnostics d;
  ReadItems(path, "items.csv", registry, &d);
  EXPECT_EQ(testing::Formatted(d),
            std::vector<std::string>(
                {"items.csv:5:7: error: field 'item': second score for model 'm2' on item \"q1\" "
                 "of 'b2'",
                 "items.csv:6:4: error: field 'benchmark': unknown benchmark \"nope\"",
                 "items.csv:6:12: error: field 'score': \"x\" is not a finite number",
                 "items.csv:4:1: error: field 'item': model 'm2' has 1 of the 2 items of 'b2' "
                 "(missing \"q2\"); paired resampling needs every model on the same items"}));
}

TEST(ScoreBootstrapTest, MonteCarloErrorShrinksAsRoundsGrow) {
  const Registry registry = testing::SmallRegistry();
  // Continuous draws (claims with a stderr); a binomial cell's replicates
  // sit on a lattice, whose quantiles move in whole steps.
  std::vector<Claim> claims = {MakeClaim("1", "m1", "b2", 50), MakeClaim("2", "m2", "b2", 45)};
  for (Claim& c : claims) c.stderr_ = 2;
  const Leaderboard board = Board(claims, registry);
  ScoreBootstrapOptions o;
  o.kind = ScoreBootstrap::kParametric;
  o.rounds = 200;
  const LeaderboardUncertainty few = Bootstrap(board, claims, registry, o);
  o.rounds = 3200;
  const LeaderboardUncertainty many = Bootstrap(board, claims, registry, o);
  EXPECT_LT(many.rows[0].mcse_low, few.rows[0].mcse_low / 2);
  EXPECT_LT(many.rows[0].mcse_high, few.rows[0].mcse_high / 2);
}

TEST(ScoreBootstrapTest, PublishedIntervalsAreUsedAsGivenWithArenaRankUb) {
  const Registry registry = testing::SmallRegistry();
  std::vector<Claim> claims = {MakeClaim("1", "m1", "b2", 1250), MakeClaim("2", "m2", "b2", 1240),
                               MakeClaim("3", "m3", "b2", 1200)};
  const double half[] = {5, 6, 4};
  for (int k = 0; k < 3; ++k) {
    claims[k].ci_low = claims[k].value - half[k];
    claims[k].ci_high = claims[k].value + half[k];
  }
  const Leaderboard board = Board(claims, registry);
  const auto u = PublishedUncertainty(board, claims);
  ASSERT_TRUE(u.has_value());
  EXPECT_TRUE(u->published);
  EXPECT_EQ(u->rows[0].ci_low, 1245);
  EXPECT_EQ(u->rows[1].ci_high, 1246);
  // m2's lower bound 1234 is not above m1's upper bound... rank_ub(m1) = 1;
  // m1's low 1245 < m2's high 1246: m2 is also 1; m3's high 1204 < 1234.
  EXPECT_EQ(u->rows[0].rank_ub, 1);
  EXPECT_EQ(u->rows[1].rank_ub, 1);
  EXPECT_EQ(u->rows[2].rank_ub, 3);
  claims[0].ci_low.reset();
  claims[0].ci_high.reset();
  claims[1].ci_low.reset();
  claims[1].ci_high.reset();
  claims[2].ci_low.reset();
  claims[2].ci_high.reset();
  EXPECT_FALSE(PublishedUncertainty(board, claims).has_value());
}

}  // namespace
}  // namespace podium
