#include "engine/rating/contextual_bradley_terry.h"

#include <gtest/gtest.h>

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <utility>

#include "engine/base/random.h"
#include "engine/rating/bradley_terry.h"
#include "tests/style_battles.h"

namespace podium {
namespace {

using LongVector = Eigen::Matrix<long double, Eigen::Dynamic, 1>;
using LongMatrix = Eigen::Matrix<long double, Eigen::Dynamic, Eigen::Dynamic>;

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// By symmetry θ_0 = θ_1 = 0, and ∂loss/∂β = −(1/6)·Σ (y − p)x + l2·β
// = −(2/3 − σ(β)) + l2·β. So β = ln 2 (σ(β) = 2/3) when l2 = 0, and the root
// of 2/3 − σ(β) = β when l2 = 1 (found here by bisection). The loss at l2 = 0
// is −(1/6)(4·ln(2/3) + 2·ln(1/3)): four battles won by the side with
// probability 2/3, two by the side with 1/3.
TEST(ContextualBradleyTerryTest, TwoModelsOneCovariateByHand) {
  const std::vector<Battle> battles = testing::SixBattles();
  const Eigen::MatrixXd x = testing::SixCovariates();
  ContextualBradleyTerryOptions o;
  o.l2 = 0;
  const ContextualBradleyTerryResult free = FitContextualBradleyTerry(2, battles, x, {}, o);
  ASSERT_TRUE(free.converged);
  EXPECT_NEAR(free.theta(0), 0, 1e-14);
  EXPECT_NEAR(free.theta(1), 0, 1e-14);
  EXPECT_NEAR(free.coefficients(0), std::log(2.0), 1e-13);
  EXPECT_NEAR(free.loss, -(4 * std::log(2.0 / 3) + 2 * std::log(1.0 / 3)) / 6, 1e-14);
  EXPECT_LT(free.gradient_norm, 1e-14);
  EXPECT_EQ(free.l2, 0);

  double low = 0, high = 1;
  for (int i = 0; i < 200; ++i) {
    const double mid = (low + high) / 2;
    (2.0 / 3 - Sigmoid(mid) - mid > 0 ? low : high) = mid;
  }
  o.l2 = 1;
  const ContextualBradleyTerryResult shrunk = FitContextualBradleyTerry(2, battles, x, {}, o);
  ASSERT_TRUE(shrunk.converged);
  EXPECT_NEAR(shrunk.coefficients(0), low, 1e-13);  // about 0.1376, a fifth of ln 2
  EXPECT_NEAR(shrunk.theta(0), 0, 1e-14);
  EXPECT_LT(shrunk.gradient_norm, 1e-14);
  const double p = Sigmoid(low);
  const double ll = 2 * std::log(p) + std::log(1 - p);  // per side of x, by symmetry
  EXPECT_NEAR(shrunk.loss, -2 * ll / 6 + low * low / 2, 1e-14);

  // Side a and b swapped in half the battles (x and the outcome flip with
  // them): the same model.
  std::vector<Battle> swapped = battles;
  Eigen::MatrixXd xs = x;
  for (int i = 0; i < 6; i += 2) {
    swapped[i] = {1, 0, battles[i].outcome == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA, 0};
    xs(i, 0) = -x(i, 0);
  }
  const ContextualBradleyTerryResult same = FitContextualBradleyTerry(2, swapped, xs, {}, o);
  EXPECT_NEAR(same.coefficients(0), shrunk.coefficients(0), 1e-14);
  EXPECT_NEAR(same.theta(0), shrunk.theta(0), 1e-14);
}

// A tie is y = 1/2; models in a battle with a ≠ b; a lopsided pair: with
// no covariates and l2 irrelevant the fit is FitBradleyTerry's (ties half).
TEST(ContextualBradleyTerryTest, NoCovariatesIsBradleyTerry) {
  Rng rng(7, 0);
  Eigen::VectorXd theta(4);
  theta << -0.5, 0, 0.3, 0.6;
  const testing::StyleBattles data =
      testing::SimulateStyleBattles(theta, Eigen::VectorXd(0), 3000, 0.15, rng);
  const ContextualBradleyTerryResult c =
      FitContextualBradleyTerry(4, data.battles, data.covariates, {}, {});
  std::vector<PairCell> cells;
  for (const Battle& b : data.battles) {
    const bool flip = b.a > b.b;
    Outcome o = b.outcome;
    if (flip && o != Outcome::kTie) o = o == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
    cells.push_back({std::min(b.a, b.b), std::max(b.a, b.b), o, 1});
  }
  std::sort(cells.begin(), cells.end(), [](const PairCell& x, const PairCell& y) {
    return std::make_pair(x.i, x.j) < std::make_pair(y.i, y.j);
  });
  const BradleyTerryResult bt = FitBradleyTerry(ToPairCounts(4, cells), {});
  ASSERT_TRUE(c.converged);
  EXPECT_LT((c.theta - bt.theta).cwiseAbs().maxCoeff() * kEloPerNat, 1e-9);
}

// arena-rank's weights: pair {0, 1} has 2 battles (1/max(2, 50) = 1/50), pair
// {1, 2} 60 (1/60, in both orientations); then divided by their mean.
TEST(ContextualBradleyTerryTest, PairWeightsByHand) {
  std::vector<Battle> battles = {{0, 1, Outcome::kWinA, 0}, {1, 0, Outcome::kTie, 0}};
  for (int i = 0; i < 60; ++i) battles.push_back({i % 2 ? 1 : 2, i % 2 ? 2 : 1, Outcome::kWinA, 0});
  const std::vector<double> w = ContextualPairWeights(3, battles);
  const double mean = (2.0 / 50 + 60.0 / 60) / 62;
  EXPECT_NEAR(w[0], 1.0 / 50 / mean, 1e-13);
  EXPECT_NEAR(w[1], 1.0 / 50 / mean, 1e-13);
  for (size_t i = 2; i < w.size(); ++i) EXPECT_NEAR(w[i], 1.0 / 60 / mean, 1e-13);
  double sum = 0;
  for (double v : w) sum += v;
  EXPECT_NEAR(sum / w.size(), 1, 1e-13);
  const std::vector<double> w1 = ContextualPairWeights(3, battles, 1);
  EXPECT_NEAR(w1[0] / w1[2], 30, 1e-12);  // min_pair_count 1: 1/2 against 1/60
}

// The slow, obviously correct reference: the same loss written per battle in
// long double, θ_0 fixed at 0 (another gauge), minimized by BFGS with
// central-difference gradients and a backtracking (Armijo) line search;
// θ then centred to mean 0. Returns (θ, β).
struct Reference {
  int m = 0, k = 0;
  const testing::StyleBattles* data = nullptr;
  const std::vector<double>* weights = nullptr;
  long double l2 = 0;

  long double Loss(const LongVector& u) const {  // u = (θ_1 .. θ_{m−1}, β)
    long double sum = 0;
    const size_t n = data->battles.size();
    for (size_t i = 0; i < n; ++i) {
      const Battle& b = data->battles[i];
      const long double ta = b.a == 0 ? 0 : u(b.a - 1), tb = b.b == 0 ? 0 : u(b.b - 1);
      long double z = ta - tb;
      for (int f = 0; f < k; ++f) z += data->covariates(i, f) * u(m - 1 + f);
      const long double y = b.outcome == Outcome::kWinA   ? 1
                            : b.outcome == Outcome::kWinB ? 0
                                                          : 0.5L;
      const long double w = weights->empty() ? 1 : (*weights)[i];
      sum += w * (y * z - std::log(1 + std::exp(z)));
    }
    return -sum / n + l2 / 2 * u.tail(k).squaredNorm();
  }

  LongVector Gradient(const LongVector& u) const {
    const long double h = 1e-6L;
    LongVector g(u.size());
    for (int j = 0; j < u.size(); ++j) {
      LongVector plus = u, minus = u;
      plus(j) += h;
      minus(j) -= h;
      g(j) = (Loss(plus) - Loss(minus)) / (2 * h);
    }
    return g;
  }

  mutable int iterations = 0;

  Eigen::VectorXd Minimize(long double* gradient_norm) const {
    const int size = m - 1 + k;
    LongVector u = LongVector::Zero(size), g = Gradient(u);
    LongMatrix inverse = LongMatrix::Identity(size, size);
    long double f = Loss(u);
    // A step is taken when it decreases the loss enough (Armijo) or leaves it
    // unchanged within rounding: near the optimum the decrease, about
    // |g|²/(2·curvature), is below what long double resolves.
    const long double noise = 1e-17L;
    for (int iteration = 0; iteration < 500 && g.cwiseAbs().maxCoeff() > 1e-13L; ++iteration) {
      const LongVector direction = -inverse * g;
      long double t = 1;
      LongVector next = u + direction;
      long double fn = Loss(next);
      while (fn > f + 1e-4L * t * g.dot(direction) && fn > f + noise && t > 1e-10L) {
        t /= 2;
        next = u + t * direction;
        fn = Loss(next);
      }
      if (t <= 1e-10L) break;  // no decrease left at this precision
      ++iterations;
      const LongVector gn = Gradient(next), s = next - u, yv = gn - g;
      const long double sy = s.dot(yv);
      if (sy > 0) {  // the BFGS update of the inverse Hessian
        const LongMatrix i = LongMatrix::Identity(size, size);
        inverse = (i - s * yv.transpose() / sy) * inverse * (i - yv * s.transpose() / sy) +
                  s * s.transpose() / sy;
      }
      u = next;
      g = gn;
      f = fn;
    }
    *gradient_norm = g.cwiseAbs().maxCoeff();
    Eigen::VectorXd out(m + k);
    out(0) = 0;
    for (int j = 0; j < size; ++j) out(j + 1) = static_cast<double>(u(j));
    out.head(m).array() -= out.head(m).mean();
    return out;
  }
};

// Newton against the reference on 1,500 battles of 6 models with 2
// covariates (10% ties), with and without arena-rank's reweighting, with
// l2 = 1 and l2 = 0: ratings agree to 1e-6 Elo and coefficients to 1e-8.
TEST(ContextualBradleyTerryTest, AgreesWithSlowReference) {
  Rng rng(11, 0);
  Eigen::VectorXd theta(6), beta(2);
  theta << -0.8, -0.4, 0, 0.2, 0.5, 0.9;
  beta << 0.3, -0.2;
  const testing::StyleBattles data = testing::SimulateStyleBattles(theta, beta, 1500, 0.1, rng);
  const std::vector<double> reweighted = ContextualPairWeights(6, data.battles);
  for (bool weighted : {false, true}) {
    for (double l2 : {1.0, 0.0}) {
      const std::vector<double> w = weighted ? reweighted : std::vector<double>();
      ContextualBradleyTerryOptions o;
      o.l2 = l2;
      const ContextualBradleyTerryResult fit =
          FitContextualBradleyTerry(6, data.battles, data.covariates, w, o);
      const Reference reference{6, 2, &data, &w, l2, 0};
      long double reference_gradient = 0;
      const Eigen::VectorXd slow = reference.Minimize(&reference_gradient);
      const double rating_gap = (fit.theta - slow.head(6)).cwiseAbs().maxCoeff() * kEloPerNat;
      const double beta_gap = (fit.coefficients - slow.tail(2)).cwiseAbs().maxCoeff();
      std::printf(
          "%s, l2 = %g: %d Newton steps, gradient %.2g; reference: %d BFGS steps, gradient "
          "%.2Lg; largest "
          "difference %.3g Elo (ratings), %.3g (coefficients); beta = (%.4f, %.4f)\n",
          weighted ? "reweighted" : "unweighted", l2, fit.iterations, fit.gradient_norm,
          reference.iterations, reference_gradient, rating_gap, beta_gap, fit.coefficients(0),
          fit.coefficients(1));
      ASSERT_TRUE(fit.converged);
      EXPECT_LT(reference_gradient, 1e-10L);
      EXPECT_LT(fit.gradient_norm, 1e-12);
      EXPECT_LT(rating_gap, 1e-6);
      EXPECT_LT(beta_gap, 1e-8);
      EXPECT_NEAR(fit.theta.mean(), 0, 1e-15);
    }
  }
}

// The same bytes on 1, 2 and 3 threads (100,000 battles: 7 blocks).
TEST(ContextualBradleyTerryTest, ThreadsDoNotChangeTheResult) {
  Rng rng(5, 0);
  Eigen::VectorXd theta(8), beta(3);
  theta << -1, -0.6, -0.3, 0, 0.1, 0.4, 0.7, 1.2;
  beta << 0.2, 0.1, -0.1;
  const testing::StyleBattles data = testing::SimulateStyleBattles(theta, beta, 100000, 0.1, rng);
  const std::vector<double> w = ContextualPairWeights(8, data.battles);
  ContextualBradleyTerryOptions o;
  const ContextualBradleyTerryResult one =
      FitContextualBradleyTerry(8, data.battles, data.covariates, w, o);
  for (int threads : {2, 3}) {
    o.threads = threads;
    const ContextualBradleyTerryResult many =
        FitContextualBradleyTerry(8, data.battles, data.covariates, w, o);
    EXPECT_EQ(std::memcmp(one.state.data(), many.state.data(), sizeof(double) * one.state.size()),
              0);
    EXPECT_EQ(one.iterations, many.iterations);
    EXPECT_EQ(one.loss, many.loss);
  }
}

// Two components ({0, 1} and {2, 3}) and a model without battles (4): θ has
// mean 0 in each component, the lone model keeps 0, and the fit converges.
// A covariate that is 0 everywhere keeps β = 0 even with l2 = 0.
TEST(ContextualBradleyTerryTest, ComponentsAndModelsWithoutBattles) {
  std::vector<Battle> battles;
  const Outcome cycle[] = {Outcome::kWinA, Outcome::kWinB, Outcome::kWinA, Outcome::kTie};
  for (int i = 0; i < 40; ++i) {
    battles.push_back({i % 4 == 3 ? 1 : 0, i % 4 == 3 ? 0 : 1, cycle[i % 4], 0});
    battles.push_back({2, 3, cycle[(i + 1) % 4], 0});
  }
  Eigen::MatrixXd x = Eigen::MatrixXd::Zero(static_cast<int>(battles.size()), 2);
  for (int i = 0; i < x.rows(); ++i) x(i, 0) = (i % 3) - 1.0;
  ContextualBradleyTerryOptions o;
  o.l2 = 0;
  const ContextualBradleyTerryResult fit = FitContextualBradleyTerry(5, battles, x, {}, o);
  ASSERT_TRUE(fit.converged);
  EXPECT_EQ(fit.component, (std::vector<int>{0, 0, 1, 1, 2}));
  EXPECT_NEAR(fit.theta(0) + fit.theta(1), 0, 1e-14);
  EXPECT_NEAR(fit.theta(2) + fit.theta(3), 0, 1e-14);
  EXPECT_EQ(fit.theta(4), 0);
  EXPECT_EQ(fit.coefficients(1), 0);
  EXPECT_LT(fit.gradient_norm, 1e-12);
}

// A model that only wins has no MLE: the fit says it did not converge
// (θ runs away), and does not throw.
TEST(ContextualBradleyTerryTest, OnlyWinsIsNotConverged) {
  std::vector<Battle> battles;
  for (int i = 0; i < 20; ++i) battles.push_back({0, 1, Outcome::kWinA, 0});
  const Eigen::MatrixXd x = Eigen::MatrixXd::Zero(20, 0);
  ContextualBradleyTerryOptions o;
  o.max_iterations = 30;
  const ContextualBradleyTerryResult fit = FitContextualBradleyTerry(2, battles, x, {}, o);
  EXPECT_FALSE(fit.converged);
  EXPECT_GT(fit.theta(0), 5);
}

}  // namespace
}  // namespace podium
