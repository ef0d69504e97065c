#include "engine/inference/benchmark_agreement.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "engine/base/random.h"

namespace podium {
namespace {

using BoolMatrix = Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>;

// The slow reference: tau_b as the cosine of the two sign matrices,
// Σ_{a≠b} sgn(x_a − x_b) sgn(y_a − y_b) / √(Σ sgn(x_a − x_b)² · Σ sgn(y_a − y_b)²).
double ReferenceTauB(const std::vector<double>& x, const std::vector<double>& y) {
  double num = 0, sx = 0, sy = 0;
  for (size_t a = 0; a < x.size(); ++a) {
    for (size_t b = 0; b < x.size(); ++b) {
      const double u = (x[a] > x[b]) - (x[a] < x[b]), v = (y[a] > y[b]) - (y[a] < y[b]);
      num += u * v;
      sx += u * u;
      sy += v * v;
    }
  }
  return num / std::sqrt(sx * sy);
}

TEST(KendallTauBTest, HandComputedWithTies) {
  // Pairs: 4 concordant, (1,2) tied in x, (1,3) tied in y: 4 / √(5 · 5).
  EXPECT_DOUBLE_EQ(KendallTauB({1, 2, 2, 3}, {1, 3, 2, 3}), 0.8);
  // C = 6, D = 3, one tie in y: 3 / √(10 · 9).
  EXPECT_NEAR(KendallTauB({1, 2, 3, 4, 5}, {3, 1, 2, 2, 5}), 3 / std::sqrt(90.0), 1e-15);
  // scipy.stats.kendalltau's documented example: -0.47140452079103173
  // (C = 2, D = 6, ties: 2 in x, 1 in y: −4 / √(8 · 9)).
  EXPECT_NEAR(KendallTauB({12, 2, 1, 12, 2}, {1, 4, 7, 1, 0}), -0.47140452079103173, 1e-15);
  EXPECT_DOUBLE_EQ(KendallTauB({1, 2, 3}, {3, 2, 1}), -1);
  EXPECT_TRUE(std::isnan(KendallTauB({1, 1, 1}, {1, 2, 3})));
  EXPECT_TRUE(std::isnan(KendallTauB({1}, {1})));
}

TEST(KendallTauBTest, MatchesTheSignMatrixReference) {
  Rng rng(5, 0);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 2 + static_cast<int>(rng.Below(30));
    std::vector<double> x(n), y(n);
    for (int k = 0; k < n; ++k) {
      x[k] = static_cast<double>(rng.Below(6));  // few values: many ties
      y[k] = x[k] + static_cast<double>(rng.Below(4));
    }
    const double reference = ReferenceTauB(x, y);
    if (std::isnan(reference)) {
      EXPECT_TRUE(std::isnan(KendallTauB(x, y)));
    } else {
      EXPECT_NEAR(KendallTauB(x, y), reference, 1e-12) << trial;
    }
  }
}

// 12 models, benchmarks 0-2 agree (noisy versions of one order), 3 reverses
// it, 4 is lower-is-better with the order of 0, and 5 shares only 2 models.
struct Table {
  Eigen::MatrixXd values;
  BoolMatrix present;
  std::vector<bool> higher{true, true, true, true, false, true};
  std::vector<std::string> names{"b0", "b1", "b2", "rev", "low", "sparse"};
};

Table MakeTable() {
  const int m = 12;
  Table t;
  t.values = Eigen::MatrixXd::Zero(m, 6);
  t.present = BoolMatrix::Constant(m, 6, true);
  Rng rng(3, 0);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < 3; ++j) t.values(i, j) = i + 3 * rng.Uniform();
    t.values(i, 3) = -i + 0.5 * rng.Uniform();
    t.values(i, 4) = -t.values(i, 0);
    t.present(i, 5) = i < 2;
    t.values(i, 5) = i;
  }
  return t;
}

TEST(BenchmarkAgreementTest, PairsMeansAndTheFlag) {
  const Table t = MakeTable();
  BootstrapOptions o;
  o.rounds = 400;
  const BenchmarkAgreement a = ComputeBenchmarkAgreement(t.values, t.present, t.higher, t.names, o);
  ASSERT_EQ(a.pairs.size(), 15u);
  // (0, 4): the same order once "lower is better" is turned around.
  const BenchmarkPair& same = a.pairs[3];
  EXPECT_EQ(same.first, 0);
  EXPECT_EQ(same.second, 4);
  EXPECT_EQ(same.shared, 12);
  EXPECT_DOUBLE_EQ(same.tau, 1);
  EXPECT_DOUBLE_EQ(same.ci.low, 1);
  // (0, 3) disagrees; (0, 5) has 2 shared models: undefined, no interval.
  EXPECT_LT(a.pairs[2].tau, -0.5);
  EXPECT_EQ(a.pairs[4].shared, 2);
  EXPECT_TRUE(std::isnan(a.pairs[4].tau));
  EXPECT_TRUE(std::isnan(a.pairs[4].ci.low));
  EXPECT_EQ(a.pairs[4].defined_rounds, 0);
  // Means: unweighted over the defined pairs (the sparse benchmark has none).
  const double mean0 = (a.pairs[0].tau + a.pairs[1].tau + a.pairs[2].tau + a.pairs[3].tau) / 4;
  EXPECT_DOUBLE_EQ(a.rows[0].mean_tau, mean0);
  EXPECT_EQ(a.rows[0].pairs, 4);
  EXPECT_EQ(a.rows[5].pairs, 0);
  EXPECT_TRUE(std::isnan(a.rows[5].mean_tau));
  for (int j = 0; j < 6; ++j) EXPECT_EQ(a.rows[j].flagged, j == 3) << j;
  EXPECT_LT(a.rows[3].ci.high, a.rows[3].others_median);
  EXPECT_LE(a.pairs[0].ci.low, a.pairs[0].tau);
  EXPECT_GE(a.pairs[0].ci.high, a.pairs[0].tau);
}

TEST(BenchmarkAgreementTest, BootstrapIsTheSameOnAnyNumberOfThreads) {
  const Table t = MakeTable();
  BootstrapOptions o;
  o.rounds = 300;
  o.seed = 11;
  const BenchmarkAgreement one =
      ComputeBenchmarkAgreement(t.values, t.present, t.higher, t.names, o);
  for (int threads : {2, 5}) {
    o.threads = threads;
    const BenchmarkAgreement many =
        ComputeBenchmarkAgreement(t.values, t.present, t.higher, t.names, o);
    for (size_t p = 0; p < one.pairs.size(); ++p) {
      EXPECT_EQ(std::isnan(one.pairs[p].ci.low), std::isnan(many.pairs[p].ci.low));
      if (std::isnan(one.pairs[p].ci.low)) continue;
      EXPECT_EQ(one.pairs[p].ci.low, many.pairs[p].ci.low);
      EXPECT_EQ(one.pairs[p].ci.high, many.pairs[p].ci.high);
      EXPECT_EQ(one.pairs[p].defined_rounds, many.pairs[p].defined_rounds);
    }
    for (size_t j = 0; j < one.rows.size(); ++j) {
      if (std::isnan(one.rows[j].ci.low)) continue;
      EXPECT_EQ(one.rows[j].ci.low, many.rows[j].ci.low);
      EXPECT_EQ(one.rows[j].ci.high, many.rows[j].ci.high);
    }
  }
  o.seed = 12;
  const BenchmarkAgreement other =
      ComputeBenchmarkAgreement(t.values, t.present, t.higher, t.names, o);
  EXPECT_NE(one.pairs[0].ci.low, other.pairs[0].ci.low);
}

TEST(BenchmarkAgreementTest, NoRoundsNoIntervalsNoFlags) {
  const Table t = MakeTable();
  BootstrapOptions o;
  o.rounds = 0;
  const BenchmarkAgreement a = ComputeBenchmarkAgreement(t.values, t.present, t.higher, t.names, o);
  EXPECT_DOUBLE_EQ(a.pairs[3].tau, 1);
  EXPECT_TRUE(std::isnan(a.pairs[3].ci.low));
  for (const BenchmarkAgreementRow& row : a.rows) EXPECT_FALSE(row.flagged);
}

}  // namespace
}  // namespace podium
