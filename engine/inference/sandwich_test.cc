#include "engine/inference/sandwich.h"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

#include "engine/base/random.h"
#include "tests/battle_cells.h"
#include "engine/inference/intervals.h"
#include "engine/matrix/pair_counts.h"

namespace podium {
namespace {

using testing::CellsOf;

// Between every two models a number of battles uniform in [low, high],
// true strengths `theta` (natural log), ties with probability `tie`, random
// orientation.
std::vector<Battle> Simulate(const Eigen::VectorXd& theta, int low, int high, double tie,
                             Rng& rng) {
  std::vector<Battle> out;
  const int m = static_cast<int>(theta.size());
  for (int i = 0; i < m; ++i) {
    for (int j = i + 1; j < m; ++j) {
      const double p = 1 / (1 + std::exp(theta(j) - theta(i)));
      const int n = low + static_cast<int>(rng.Below(high - low + 1));
      for (int k = 0; k < n; ++k) {
        const double u = rng.Uniform();
        const Outcome o = u < tie             ? Outcome::kTie
                          : rng.Uniform() < p ? Outcome::kWinA
                                              : Outcome::kWinB;
        if (rng.Uniform() < 0.5) {
          out.push_back({i, j, o, 0});
        } else {
          out.push_back({j, i,
                         o == Outcome::kTie    ? o
                         : o == Outcome::kWinA ? Outcome::kWinB
                                               : Outcome::kWinA,
                         0});
        }
      }
    }
  }
  return out;
}

Eigen::VectorXd FitRatings(int m, const std::vector<PairCell>& cells) {
  const BradleyTerryResult fit = FitBradleyTerry(ToPairCounts(m, cells), {});
  EXPECT_TRUE(fit.converged);
  return (1000 + kEloPerNat * fit.theta.array()).matrix();
}

// The slow reference: one term per battle, dense x xᵀ, an explicit inverse,
// all in long double (80-bit on x86-64). Why not double: with weights the
// ridge is 1e-5, and the rounding left in G·1 (exactly 0 in exact arithmetic)
// is multiplied by 1/λ² = 1e10 along the all-ones direction — ~1e-5 Elo in
// the per-model sds of a double reference on WildBench (the sandwich itself
// projects that direction out; sds of differences are unaffected).
// `weights` (m x m or empty) as SandwichOptions::pair_weights.
Eigen::MatrixXd ReferenceCovariance(int m, const std::vector<Battle>& battles,
                                    const Eigen::VectorXd& ratings,
                                    const Eigen::MatrixXd& weights) {
  using Matrix = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;
  using Vector = Eigen::Matrix<long double, Eigen::Dynamic, 1>;
  Matrix h = Matrix::Zero(m, m), g = h;
  for (const Battle& b : battles) {
    const long double theta_a = ratings(b.a) * std::log(10.0L) / 400;
    const long double theta_b = ratings(b.b) * std::log(10.0L) / 400;
    const long double p = 1 / (1 + std::exp(-(theta_a - theta_b)));
    const long double y = b.outcome == Outcome::kWinA ? 1 : b.outcome == Outcome::kWinB ? 0 : 0.5L;
    const long double w = weights.size() == 0 ? 1 : weights(b.a, b.b);
    Vector x = Vector::Zero(m);
    x(b.a) = 1;
    x(b.b) = -1;
    const Matrix outer = x * x.transpose();
    h += w * p * (1 - p) * outer;
    g += w * w * (y - p) * (y - p) * outer;
  }
  const long double n = static_cast<long double>(battles.size());
  h += (weights.size() == 0 ? 1e-5L * n : 1e-5L) * Matrix::Identity(m, m);
  const Matrix inverse = h.inverse();
  return (inverse * g * inverse).cast<double>();
}

// The largest differences (Elo) between the sandwich's per-model sds and the
// reference's, and between the sds of all pairwise differences.
struct SdDifferences {
  double model = 0, pair = 0;
};

SdDifferences LargestSdDifferences(const SandwichResult& s, const Eigen::MatrixXd& reference) {
  const int m = static_cast<int>(reference.rows());
  SdDifferences worst;
  for (int i = 0; i < m; ++i) {
    worst.model =
        std::max(worst.model, std::abs(s.models[i].sd - kEloPerNat * std::sqrt(reference(i, i))));
    for (int j = 0; j < m; ++j) {
      const double ours = kEloPerNat * std::sqrt(DifferenceVariance(s.matrices.covariance, i, j));
      const double ref = kEloPerNat * std::sqrt(std::max(0.0, DifferenceVariance(reference, i, j)));
      worst.pair = std::max(worst.pair, std::abs(ours - ref));
    }
  }
  return worst;
}

// Compares unweighted and reweighted sandwiches with the reference; prints
// and checks the largest differences (1e-6 Elo).
void CompareWithReference(const char* name, int m, const std::vector<PairCell>& cells,
                          const std::vector<Battle>& battles) {
  const Eigen::VectorXd ratings = FitRatings(m, cells);
  SandwichOptions o;
  o.draws = 0;
  for (bool weighted : {false, true}) {
    o.pair_weights = weighted ? PairCountWeights(m, cells) : Eigen::MatrixXd();
    const SdDifferences d =
        LargestSdDifferences(SandwichIntervals(m, cells, ratings, o),
                             ReferenceCovariance(m, battles, ratings, o.pair_weights));
    std::printf(
        "%s, %d models, %zu battles%s: largest difference %.3g Elo (model sd), %.3g Elo "
        "(sd of a difference)\n",
        name, m, battles.size(), weighted ? ", reweighted" : "", d.model, d.pair);
    EXPECT_LT(d.model, 1e-6) << name << (weighted ? " reweighted" : "");
    EXPECT_LT(d.pair, 1e-6) << name << (weighted ? " reweighted" : "");
  }
}

// Two models: a beat b twice, b beat a once, one tie (N = 4). The MLE has
// p = σ(θ_a − θ_b) = 2.5/4 = 5/8. With J = [[1, −1], [−1, 1]]:
//   H = 4·(5/8)(3/8)·J + λI = (15/16)·J + λI,  λ = 1e-5·4
//   G = [2·(3/8)² + 1·(5/8)² + 1·(1/8)²]·J = (44/64)·J = (11/16)·J
// J = 2·v vᵀ (v = (1, −1)/√2), so H⁻¹ G H⁻¹ = (11/8)/(15/8 + λ)²·v vᵀ
//   = (11/16)/(15/8 + λ)²·J.
TEST(SandwichTest, TwoModelsByHand) {
  const std::vector<PairCell> cells = {
      {0, 1, Outcome::kWinA, 2}, {0, 1, Outcome::kWinB, 1}, {0, 1, Outcome::kTie, 1}};
  Eigen::VectorXd ratings(2);
  ratings << 1000 + kEloPerNat * std::log(5.0 / 3), 1000;
  SandwichOptions o;
  o.draws = 0;
  const SandwichResult s = SandwichIntervals(2, cells, ratings, o);
  const double lambda = 4e-5, var = (11.0 / 16) / std::pow(15.0 / 8 + lambda, 2);
  Eigen::MatrixXd j(2, 2);
  j << 1, -1, -1, 1;
  EXPECT_NEAR(s.matrices.ridge, lambda, 1e-15);
  EXPECT_NEAR(s.matrices.battles, 4, 0);
  EXPECT_LT((s.matrices.hessian - (15.0 / 16 * j + lambda * Eigen::Matrix2d::Identity())).norm(),
            1e-12);
  EXPECT_LT((s.matrices.gradient_covariance - 11.0 / 16 * j).norm(), 1e-12);
  EXPECT_LT((s.matrices.covariance - var * j).norm(), 1e-12);
  const double sd = kEloPerNat * std::sqrt(var);  // about 77 Elo
  EXPECT_NEAR(s.models[0].sd, sd, 1e-9);
  EXPECT_NEAR(s.models[1].ci_low, 1000 - 1.959963984540054 * sd, 1e-9);
  EXPECT_NEAR(s.models[0].ci_high, ratings(0) + 1.959963984540054 * sd, 1e-9);
  EXPECT_EQ(s.models[0].rank_ub, 1);
  EXPECT_EQ(s.models[1].rank_ub, 1);  // the intervals overlap
  EXPECT_NEAR(DifferenceVariance(s.matrices.covariance, 0, 1), 4 * var, 1e-12);

  // Anchored at model 1: its sd is 0, model 0's is that of the difference.
  o.anchor = 1;
  const SandwichResult anchored = SandwichIntervals(2, cells, ratings, o);
  EXPECT_EQ(anchored.models[1].sd, 0);
  EXPECT_NEAR(anchored.models[0].sd, 2 * sd, 1e-9);

  // arena-rank's reweighting: w = 1/max(4, 50) = 1/50 in H, w² in G, λ = 1e-5:
  // Cov = (w²·11/16)/(w·15/8 + 1e-5)²·J.
  o.anchor = -1;
  o.pair_weights = PairCountWeights(2, cells);
  EXPECT_DOUBLE_EQ(o.pair_weights(0, 1), 1.0 / 50);
  const SandwichResult weighted = SandwichIntervals(2, cells, ratings, o);
  const double w = 1.0 / 50, wvar = w * w * (11.0 / 16) / std::pow(w * 15.0 / 8 + 1e-5, 2);
  EXPECT_NEAR(weighted.matrices.ridge, 1e-5, 1e-20);
  EXPECT_LT((weighted.matrices.covariance - wvar * j).norm(), 1e-12);

  // Ties dropped: 2 wins, 1 loss, N = 3, at the same θ (not the MLE any more).
  o.pair_weights.resize(0, 0);
  o.ties = TieModel::kDrop;
  const SandwichResult dropped = SandwichIntervals(2, cells, ratings, o);
  const double p = 5.0 / 8;
  EXPECT_NEAR(dropped.matrices.battles, 3, 0);
  EXPECT_NEAR(dropped.matrices.gradient_covariance(0, 0), 2 * (1 - p) * (1 - p) + p * p, 1e-12);
  EXPECT_NEAR(dropped.matrices.hessian(0, 0), 3 * p * (1 - p) + 3e-5, 1e-12);
}

TEST(SandwichTest, MatchesPerBattleReferenceOnSyntheticData) {
  Rng rng(7, 0);
  Eigen::VectorXd theta(10);
  theta << 1.2, 0.9, 0.7, 0.4, 0.3, 0.0, -0.2, -0.5, -0.8, -1.1;
  // Uneven pair counts (5 to 120), some below and some above the reweighting's 50.
  const std::vector<Battle> battles = Simulate(theta, 5, 120, 0.15, rng);
  CompareWithReference("synthetic", 10, CellsOf(battles), battles);
}

TEST(SandwichTest, MatchesPerBattleReferenceOnWildBench) {
  const char* shared = std::getenv("PODIUM_SHARED");
  const std::string path =
      shared == nullptr ? "" : std::string(shared) + "/data/battles/wildbench_v2_K-1.csv";
  if (path.empty() || std::fopen(path.c_str(), "r") == nullptr) {
    GTEST_SKIP() << "WildBench battles not found (set PODIUM_SHARED to ../shared)";
  }
  Diagnostics d;
  BattleReadOptions read;
  read.keep_sequence = true;
  const BattleData data = ReadBattles(path, "wildbench", read, &d);
  ASSERT_FALSE(d.has_errors());
  CompareWithReference("WildBench", static_cast<int>(data.models.size()), data.cells,
                       data.sequence);
}

TEST(SandwichTest, RankSetsAreDeterministicForASeed) {
  Rng rng(11, 0);
  Eigen::VectorXd theta = Eigen::VectorXd::LinSpaced(12, 0.6, -0.6);
  const std::vector<PairCell> cells = CellsOf(Simulate(theta, 30, 30, 0.1, rng));
  const Eigen::VectorXd ratings = FitRatings(12, cells);
  SandwichOptions o;
  o.draws = 4000;
  o.seed = 5;
  const SandwichResult one = SandwichIntervals(12, cells, ratings, o);
  o.threads = 3;
  const SandwichResult three = SandwichIntervals(12, cells, ratings, o);
  EXPECT_EQ(one.draws, 4000);
  EXPECT_EQ(one.critical_value, three.critical_value);
  EXPECT_EQ(one.decided, three.decided);
  bool some_set_is_narrow = false;
  for (int i = 0; i < 12; ++i) {
    const SandwichModel &a = one.models[i], &b = three.models[i];
    EXPECT_EQ(std::tie(a.rank_set_low, a.rank_set_high, a.tier, a.rank_ci_low, a.rank_ci_high),
              std::tie(b.rank_set_low, b.rank_set_high, b.tier, b.rank_ci_low, b.rank_ci_high));
    EXPECT_LE(a.rank_set_low, a.rank_ci_low);  // simultaneous sets are wider
    EXPECT_GE(a.rank_set_high, a.rank_ci_high);
    some_set_is_narrow = some_set_is_narrow || a.rank_set_high - a.rank_set_low < 11;
  }
  EXPECT_TRUE(some_set_is_narrow);
  o.seed = 6;
  EXPECT_NE(SandwichIntervals(12, cells, ratings, o).critical_value, one.critical_value);
  // The max over 66 pairs lies between the two-sided normal quantile and the
  // Bonferroni bound.
  EXPECT_GT(one.critical_value, one.z);
  EXPECT_LT(one.critical_value, NormalQuantile(1 - 0.025 / 66));
}

// Two models: T = |Z_0 − Z_1| / sd is |N(0, 1)|, so c is the two-sided
// normal quantile up to Monte-Carlo error (sd of the 95% quantile of |N(0,1)|
// over 20000 draws: about 0.018).
TEST(SandwichTest, TwoModelCriticalValueIsTheNormalQuantile) {
  const std::vector<PairCell> cells = {{0, 1, Outcome::kWinA, 30}, {0, 1, Outcome::kWinB, 20}};
  Eigen::VectorXd ratings(2);
  ratings << 1000 + kEloPerNat * std::log(1.5), 1000;
  SandwichOptions o;
  o.draws = 20000;
  const SandwichResult s = SandwichIntervals(2, cells, ratings, o);
  EXPECT_NEAR(s.critical_value, 1.959963984540054, 0.06);
  // 30:20 is not significant: both models share ranks 1-2 and one tier.
  EXPECT_EQ(s.models[1].rank_set_low, 1);
  EXPECT_EQ(s.models[0].rank_set_high, 2);
  EXPECT_EQ(s.models[1].tier, 1);
}

// Coverage on data drawn from the model itself: 10 models, 40 battles per
// pair, 300 data sets. The marginal 95% intervals should cover the (centred)
// true ratings about 95% of the time, and the rank sets should hold every
// true rank at once in at least about 95% of data sets.
TEST(SandwichTest, IntervalsCoverTheTruth) {
  const int m = 10, sets = 300;
  const Eigen::VectorXd theta = Eigen::VectorXd::LinSpaced(m, 0.9, -0.9);
  const Eigen::VectorXd truth = kEloPerNat * (theta.array() - theta.mean()).matrix();
  int covered = 0, all_ranks_covered = 0;
  SandwichOptions o;
  o.draws = 500;
  for (int k = 0; k < sets; ++k) {
    Rng rng(2024, k);
    const std::vector<PairCell> cells = CellsOf(Simulate(theta, 40, 40, 0.0, rng));
    const Eigen::VectorXd ratings = FitRatings(m, cells).array() - 1000;
    o.seed = k;
    const SandwichResult s = SandwichIntervals(m, cells, ratings, o);
    bool ranks = true;
    for (int i = 0; i < m; ++i) {
      covered += s.models[i].ci_low <= truth(i) && truth(i) <= s.models[i].ci_high;
      ranks = ranks && s.models[i].rank_set_low <= i + 1 && i + 1 <= s.models[i].rank_set_high;
    }
    all_ranks_covered += ranks;
  }
  const double coverage = static_cast<double>(covered) / (m * sets);
  const double rank_coverage = static_cast<double>(all_ranks_covered) / sets;
  std::printf("coverage of the 95%% intervals: %.4f; of all true ranks by the rank sets: %.4f\n",
              coverage, rank_coverage);
  EXPECT_GT(coverage, 0.90);
  EXPECT_LT(coverage, 0.98);
  EXPECT_GT(rank_coverage, 0.92);
}

}  // namespace
}  // namespace podium
