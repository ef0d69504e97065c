#include "engine/inference/style_control.h"

#include <gtest/gtest.h>

#include <Eigen/LU>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "engine/base/random.h"
#include "engine/rating/bradley_terry.h"
#include "tests/style_battles.h"

namespace podium {
namespace {

constexpr double kZ95 = 1.959963984540054;

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// At the fit θ = 0 and β solves 2/3 − σ(β) = l2·β; with p = σ(β) every
// battle has p(1 − p) = q, and the squared residuals average
// g0 = (2(1 − p)² + p²)/3. The x = +1 and x = −1 halves cancel in the
// model-by-covariate blocks, so with J = [[1, −1], [−1, 1]] = 2vvᵀ and n = 6:
//   H = [[q·J, 0], [0, q]] + λI,   G = [[g0·J, 0], [0, g0 − l2²β²/6]]
//   Var β = (g0 − l2²β²/6)/(q + λ)²/6,   Var θ_0 = g0/(2q + λ)²/6,
// and in the penalized form H_ββ = q + l2 + λ, G_ββ = g0 − l2²β².
TEST(StyleControlTest, SandwichTwoModelsByHand) {
  const std::vector<Battle> battles = testing::SixBattles();
  const Eigen::MatrixXd x = testing::SixCovariates();
  const double lambda = 1e-5;
  for (double l2 : {0.0, 1.0}) {
    ContextualBradleyTerryOptions fo;
    fo.l2 = l2;
    const ContextualBradleyTerryResult fit = FitContextualBradleyTerry(2, battles, x, {}, fo);
    ASSERT_TRUE(fit.converged);
    const double beta = fit.coefficients(0), p = Sigmoid(beta), q = p * (1 - p);
    ASSERT_NEAR(2.0 / 3 - p, l2 * beta, 1e-14);
    const double g0 = (2 * (1 - p) * (1 - p) + p * p) / 3;
    for (bool penalized : {false, true}) {
      StyleSandwichOptions o;
      o.penalized_sandwich = penalized;
      const StyleControlIntervals s = StyleSandwichIntervals(2, battles, x, {}, fit, o);
      const StyleSandwichMatrices& mat = s.sandwich;
      const double h_beta = q + lambda + (penalized ? l2 : 0);
      const double g_beta = g0 - l2 * l2 * beta * beta / (penalized ? 1 : 6);
      EXPECT_EQ(mat.battles, 6);
      EXPECT_NEAR(mat.hessian(0, 0), q + lambda, 1e-15);
      EXPECT_NEAR(mat.hessian(0, 1), -q, 1e-15);
      EXPECT_NEAR(mat.hessian(0, 2), 0, 1e-15);
      EXPECT_NEAR(mat.hessian(2, 2), h_beta, 1e-15);
      EXPECT_NEAR(mat.gradient_covariance(1, 1), g0, 1e-15);
      EXPECT_NEAR(mat.gradient_covariance(1, 2), 0, 1e-15);
      EXPECT_NEAR(mat.gradient_covariance(2, 2), g_beta, 1e-15);
      const double var_beta = g_beta / (h_beta * h_beta) / 6;
      const double var_theta = g0 / std::pow(2 * q + lambda, 2) / 6;
      EXPECT_NEAR(mat.covariance(2, 2), var_beta, 1e-12 * var_beta);
      EXPECT_NEAR(mat.covariance(0, 0), var_theta, 1e-12 * var_theta);
      EXPECT_NEAR(mat.covariance(0, 1), -var_theta, 1e-12 * var_theta);
      EXPECT_NEAR(mat.covariance(0, 2), 0, 1e-15);
      EXPECT_NEAR(s.coefficient_sds(0), std::sqrt(var_beta), 1e-13);
      EXPECT_NEAR(s.coefficient_intervals[0].low, beta - kZ95 * std::sqrt(var_beta), 1e-12);
      const double sd = kEloPerNat * std::sqrt(var_theta);  // about 212 Elo
      EXPECT_NEAR(s.ratings(0), 1000, 1e-10);
      EXPECT_NEAR(s.rating_sds(1), sd, 1e-9);
      EXPECT_NEAR(s.rating_intervals[0].high, 1000 + kZ95 * sd, 1e-9);
    }
  }
}

// The slow reference: one dense term per battle, an explicit inverse, long
// double (as sandwich_test.cc, whose note explains why not double).
Eigen::MatrixXd ReferenceCovariance(int m, const testing::StyleBattles& data,
                                    const std::vector<double>& weights,
                                    const ContextualBradleyTerryResult& fit, bool penalized) {
  using Matrix = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;
  using Vector = Eigen::Matrix<long double, Eigen::Dynamic, 1>;
  const int k = static_cast<int>(data.covariates.cols()), size = m + k;
  const long double n = data.battles.size(), l2 = fit.l2;
  Matrix h = Matrix::Zero(size, size), g = h;
  for (size_t i = 0; i < data.battles.size(); ++i) {
    const Battle& b = data.battles[i];
    Vector d = Vector::Zero(size);
    d(b.a) = 1;
    d(b.b) = -1;
    for (int f = 0; f < k; ++f) d(m + f) = data.covariates(i, f);
    long double z = fit.theta(b.a) - static_cast<long double>(fit.theta(b.b));
    for (int f = 0; f < k; ++f) z += d(m + f) * fit.coefficients(f);
    const long double p = 1 / (1 + std::exp(-z));
    const long double y = b.outcome == Outcome::kWinA ? 1 : b.outcome == Outcome::kWinB ? 0 : 0.5L;
    const long double w = weights.empty() ? 1 : weights[i];
    h += w * p * (1 - p) * d * d.transpose() / n;
    g += w * w * (y - p) * (y - p) * d * d.transpose() / n;
  }
  h += 1e-5L * Matrix::Identity(size, size);
  Vector beta = Vector::Zero(size);
  for (int f = 0; f < k; ++f) beta(m + f) = fit.coefficients(f);
  if (penalized) {
    for (int f = 0; f < k; ++f) h(m + f, m + f) += l2;
    g -= l2 * l2 * beta * beta.transpose();
  } else {
    g -= l2 * l2 / n * beta * beta.transpose();
  }
  const Matrix inverse = h.inverse();
  return (inverse * g * inverse / n).cast<double>();
}

// sd of θ_i − θ_j (or of one parameter when j < 0), Elo scale.
double Sd(const Eigen::MatrixXd& cov, int i, int j) {
  const double v = j < 0 ? cov(i, i) : cov(i, i) + cov(j, j) - 2 * cov(i, j);
  return kEloPerNat * std::sqrt(std::max(0.0, v));
}

// The sandwich against the reference on 6 models, 2 covariates, 1,500
// battles (10% ties): unweighted and reweighted, l2 = 1 and 0, arena-rank's
// form and the penalized one. Every sd — per rating, per difference of two
// ratings, per coefficient (×400/ln 10, Elo per covariate unit) — agrees to
// 1e-6 Elo.
TEST(StyleControlTest, SandwichAgreesWithDenseReference) {
  Rng rng(11, 0);
  Eigen::VectorXd theta(6), beta(2);
  theta << -0.8, -0.4, 0, 0.2, 0.5, 0.9;
  beta << 0.3, -0.2;
  const testing::StyleBattles data = testing::SimulateStyleBattles(theta, beta, 1500, 0.1, rng);
  const int m = 6, k = 2;
  for (bool weighted : {false, true}) {
    const std::vector<double> w =
        weighted ? ContextualPairWeights(m, data.battles) : std::vector<double>();
    for (double l2 : {1.0, 0.0}) {
      ContextualBradleyTerryOptions fo;
      fo.l2 = l2;
      const ContextualBradleyTerryResult fit =
          FitContextualBradleyTerry(m, data.battles, data.covariates, w, fo);
      ASSERT_TRUE(fit.converged);
      for (bool penalized : {false, true}) {
        StyleSandwichOptions o;
        o.penalized_sandwich = penalized;
        const Eigen::MatrixXd ours =
            StyleSandwichCovariance(m, data.battles, data.covariates, w, fit, o).covariance;
        const Eigen::MatrixXd ref = ReferenceCovariance(m, data, w, fit, penalized);
        double worst = 0;
        for (int i = 0; i < m + k; ++i) {
          worst = std::max(worst, std::abs(Sd(ours, i, -1) - Sd(ref, i, -1)));
          for (int j = 0; j < m && i < m; ++j) {
            worst = std::max(worst, std::abs(Sd(ours, i, j) - Sd(ref, i, j)));
          }
        }
        std::printf("%s, l2 = %g, %s sandwich: largest sd difference %.3g Elo; sd(beta_0) = %.5f\n",
                    weighted ? "reweighted" : "unweighted", l2,
                    penalized ? "penalized" : "arena-rank", worst, std::sqrt(ours(m, m)));
        EXPECT_LT(worst, 1e-6);
      }
    }
  }
}

// 200 data sets from the model (6 models, 2,000 battles, 2 covariates with
// known effects, no ties, arena-rank's reweighting, l2 = 0): the 95%
// coefficient intervals of the sandwich and of the bootstrap (100 rounds)
// cover the true β in 90–98% of the cases.
TEST(StyleControlTest, CoverageOfTrueEffects) {
  const auto start = std::chrono::steady_clock::now();
  Eigen::VectorXd theta(6), beta(2);
  theta << -0.8, -0.4, 0, 0.2, 0.5, 0.9;
  beta << 0.3, -0.2;
  const Eigen::VectorXd truth = (1000 + kEloPerNat * (theta.array() - theta.mean())).matrix();
  const int sets = 200;
  int sandwich_beta = 0, bootstrap_beta = 0, sandwich_rating = 0, bootstrap_rating = 0;
  int unconverged = 0;
  for (int s = 0; s < sets; ++s) {
    Rng rng(2024, s);
    const testing::StyleBattles data = testing::SimulateStyleBattles(theta, beta, 2000, 0, rng);
    const std::vector<double> w = ContextualPairWeights(6, data.battles);
    ContextualBradleyTerryOptions fo;
    fo.l2 = 0;
    const ContextualBradleyTerryResult fit =
        FitContextualBradleyTerry(6, data.battles, data.covariates, w, fo);
    ASSERT_TRUE(fit.converged);
    const StyleControlIntervals sw =
        StyleSandwichIntervals(6, data.battles, data.covariates, w, fit, {});
    StyleBootstrapOptions bo;
    bo.seed = s;
    bo.threads = 2;
    bo.fit = fo;
    const StyleControlIntervals bs =
        StyleBootstrapIntervals(6, data.battles, data.covariates, w, fit, bo);
    unconverged += bs.unconverged_replicates;
    auto inside = [](const Interval& i, double v) { return i.low <= v && v <= i.high ? 1 : 0; };
    for (int f = 0; f < 2; ++f) {
      sandwich_beta += inside(sw.coefficient_intervals[f], beta(f));
      bootstrap_beta += inside(bs.coefficient_intervals[f], beta(f));
    }
    for (int i = 0; i < 6; ++i) {
      sandwich_rating += inside(sw.rating_intervals[i], truth(i));
      bootstrap_rating += inside(bs.rating_intervals[i], truth(i));
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cb = sandwich_beta / (2.0 * sets), bb = bootstrap_beta / (2.0 * sets);
  std::printf(
      "coverage over %d data sets (%.1f s): coefficients sandwich %d/%d (%.1f%%), bootstrap "
      "%d/%d (%.1f%%); ratings sandwich %d/%d (%.1f%%), bootstrap %d/%d (%.1f%%); %d "
      "unconverged refits\n",
      sets, seconds, sandwich_beta, 2 * sets, 100 * cb, bootstrap_beta, 2 * sets, 100 * bb,
      sandwich_rating, 6 * sets, 100.0 * sandwich_rating / (6 * sets), bootstrap_rating, 6 * sets,
      100.0 * bootstrap_rating / (6 * sets), unconverged);
  EXPECT_GE(cb, 0.90);
  EXPECT_LE(cb, 0.98);
  EXPECT_GE(bb, 0.90);
  EXPECT_LE(bb, 0.98);
  EXPECT_EQ(unconverged, 0);
}

// Replicate r draws only from Rng(seed, r): the same bytes on 1 and 2 threads.
TEST(StyleControlTest, BootstrapSameOnOneAndTwoThreads) {
  Rng rng(3, 0);
  Eigen::VectorXd theta(5), beta(2);
  theta << -0.5, -0.2, 0, 0.3, 0.6;
  beta << 0.25, 0.1;
  const testing::StyleBattles data = testing::SimulateStyleBattles(theta, beta, 3000, 0.1, rng);
  const std::vector<double> w = ContextualPairWeights(5, data.battles);
  const ContextualBradleyTerryResult fit =
      FitContextualBradleyTerry(5, data.battles, data.covariates, w, {});
  StyleBootstrapOptions o;
  o.rounds = 40;
  o.seed = 99;
  const StyleControlIntervals one =
      StyleBootstrapIntervals(5, data.battles, data.covariates, w, fit, o);
  o.threads = 2;
  const StyleControlIntervals two =
      StyleBootstrapIntervals(5, data.battles, data.covariates, w, fit, o);
  ASSERT_EQ(one.replicates.size(), 40 * 7);
  EXPECT_EQ(std::memcmp(one.replicates.data(), two.replicates.data(),
                        sizeof(double) * one.replicates.size()),
            0);
  EXPECT_EQ(one.coefficient_intervals[0].low, two.coefficient_intervals[0].low);
  // Another seed gives other replicates; the point estimates are the fit's.
  o.seed = 100;
  const StyleControlIntervals other =
      StyleBootstrapIntervals(5, data.battles, data.covariates, w, fit, o);
  EXPECT_NE(other.replicates(0, 0), one.replicates(0, 0));
  EXPECT_EQ(other.coefficients(0), fit.coefficients(0));
  EXPECT_NEAR(other.ratings(2), 1000 + kEloPerNat * fit.theta(2), 1e-9);
}

// Ranks of a hand-made board: Rank (UB) 1, 2, 3 against uncontrolled 2, 1, 3.
TEST(StyleControlTest, ControlledRanksByHand) {
  StyleControlIntervals s;
  s.ratings = Eigen::Vector3d(1100, 1050, 1000);
  s.rating_intervals = {{1080, 1120}, {1030, 1070}, {990, 1040}};
  const std::vector<StyleControlledModel> rows = StyleControlledRanks(s, {2, 1, 3});
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].rank, 1);
  EXPECT_EQ(rows[0].rank_ub, 1);
  EXPECT_EQ(rows[0].rank_change, 1);
  EXPECT_EQ(rows[1].rank_ub, 2);
  EXPECT_EQ(rows[1].rank_change, -1);
  EXPECT_EQ(rows[2].rank, 3);
  EXPECT_EQ(rows[2].rank_ub, 2);  // 1030 is not above 1040: only model 0 is above
  EXPECT_EQ(rows[2].uncontrolled_rank, 3);
  EXPECT_EQ(rows[2].rank_change, 1);
  EXPECT_EQ(rows[1].interval.low, 1030);
  EXPECT_EQ(rows[0].rating, 1100);
}

}  // namespace
}  // namespace podium
