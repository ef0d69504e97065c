#include "engine/rating/bradley_terry.h"

#include <Eigen/Cholesky>
#include <cmath>

#include "engine/base/check.h"

namespace podium {
namespace {

// Log-likelihood, gradient and Hessian at `x` (theta, then log nu for Davidson).
struct Derivatives {
  double value = 0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;
};

Derivatives Evaluate(const PairCounts& c, TieModel ties, const Eigen::VectorXd& x,
                     bool with_derivatives) {
  const int m = c.num_models, size = static_cast<int>(x.size());
  Derivatives d;
  if (with_derivatives) {
    d.gradient = Eigen::VectorXd::Zero(size);
    d.hessian = Eigen::MatrixXd::Zero(size, size);
  }
  for (const PairTotal& p : c.pairs) {
    if (ties != TieModel::kDavidson) {
      const double tie_share = ties == TieModel::kHalf ? p.ties / 2 : 0;
      const double a = p.wins_i + tie_share, b = p.wins_j + tie_share, n = a + b;
      if (n == 0) continue;
      // One exp and one log1p per pair: with e = exp(-|diff|),
      // log sigma(|diff|) = -log1p(e) and log sigma(-|diff|) = -|diff| - log1p(e).
      const double diff = x(p.i) - x(p.j), ad = std::abs(diff);
      const double e = std::exp(-ad), l = std::log1p(e);
      const double log_win = diff >= 0 ? -l : -ad - l, log_loss = diff >= 0 ? -ad - l : -l;
      d.value += a * log_win + b * log_loss;
      if (!with_derivatives) continue;
      const double s = diff >= 0 ? 1 / (1 + e) : e / (1 + e), g = a - n * s, h = n * s * (1 - s);
      d.gradient(p.i) += g;
      d.gradient(p.j) -= g;
      d.hessian(p.i, p.i) -= h;
      d.hessian(p.j, p.j) -= h;
      d.hessian(p.i, p.j) += h;
      d.hessian(p.j, p.i) += h;
      continue;
    }
    // Davidson: with s = (theta_i - theta_j) / 2 and kappa = log nu, a pair
    // contributes (a - b) s + t kappa - n log Z, Z = e^s + e^-s + e^kappa.
    const int k = m;
    const double a = p.wins_i, b = p.wins_j, t = p.ties, n = a + b + t;
    const double s = (x(p.i) - x(p.j)) / 2, kappa = x(k);
    const double top = std::max({s, -s, kappa});
    const double es = std::exp(s - top), ens = std::exp(-s - top), ek = std::exp(kappa - top);
    const double z = es + ens + ek;  // Z scaled by e^-top
    d.value += (a - b) * s + t * kappa - n * (std::log(z) + top);
    if (!with_derivatives) continue;
    const double ds = (a - b) - n * (es - ens) / z;
    const double dk = t - n * ek / z;
    const double dss = -n * ((es + ens) * z - (es - ens) * (es - ens)) / (z * z);
    const double dsk = n * (es - ens) * ek / (z * z);
    const double dkk = -n * (ek * z - ek * ek) / (z * z);
    d.gradient(p.i) += ds / 2;
    d.gradient(p.j) -= ds / 2;
    d.gradient(k) += dk;
    d.hessian(p.i, p.i) += dss / 4;
    d.hessian(p.j, p.j) += dss / 4;
    d.hessian(p.i, p.j) -= dss / 4;
    d.hessian(p.j, p.i) -= dss / 4;
    d.hessian(p.i, k) += dsk / 2;
    d.hessian(k, p.i) += dsk / 2;
    d.hessian(p.j, k) -= dsk / 2;
    d.hessian(k, p.j) -= dsk / 2;
    d.hessian(k, k) += dkk;
  }
  return d;
}

double Penalized(const Derivatives& d, const Eigen::VectorXd& x, int m, double ridge) {
  return d.value - ridge / 2 * x.head(m).squaredNorm();
}

}  // namespace

BradleyTerryResult FitBradleyTerry(const PairCounts& counts, const BradleyTerryOptions& options) {
  const int m = counts.num_models;
  PODIUM_CHECK(m >= 1 && options.ridge >= 0);
  const bool davidson = options.ties == TieModel::kDavidson;
  const int size = m + (davidson ? 1 : 0);
  Eigen::VectorXd x = Eigen::VectorXd::Zero(size);
  if (options.start != nullptr && options.start->size() == size) x = *options.start;

  BradleyTerryResult result;
  Derivatives d = Evaluate(counts, options.ties, x, true);
  double objective = Penalized(d, x, m, options.ridge);
  // The likelihood only sees differences of theta: fix the gauge by adding
  // (1/m)·11ᵀ to the theta block of the negated Hessian (its null space is the
  // all-ones vector when the comparison graph is connected), which makes the
  // Newton system positive definite and keeps sum(theta) unchanged at 0.
  const double gauge = 1.0 / m;
  for (result.iterations = 0; result.iterations < options.max_iterations; ++result.iterations) {
    Eigen::MatrixXd a = -d.hessian;
    a.topLeftCorner(m, m).array() += gauge;
    a.topLeftCorner(m, m).diagonal().array() += options.ridge;
    Eigen::VectorXd g = d.gradient;
    g.head(m) -= options.ridge * x.head(m);
    // Models without battles have a zero row: pin them (their theta stays 0).
    for (int i = 0; i < m; ++i) {
      if (a(i, i) <= gauge + options.ridge && d.hessian(i, i) == 0) a(i, i) += 1;
    }
    const Eigen::VectorXd step = a.llt().solve(g);
    // Line search: the full Newton step is tried first and evaluated together
    // with its derivatives (one pass over the pairs when it is accepted, which
    // near the optimum it always is); otherwise the step is halved.
    double scale = 1;
    Eigen::VectorXd next;
    Derivatives nd;
    for (int halving = 0; halving < 40; ++halving, scale /= 2) {
      next = x + scale * step;
      next.head(m).array() -= next.head(m).mean();
      nd = Evaluate(counts, options.ties, next, halving == 0);
      if (Penalized(nd, next, m, options.ridge) >= objective - 1e-12 * std::abs(objective)) break;
    }
    const double moved = (next - x).cwiseAbs().maxCoeff();
    x = next;
    d = scale == 1 ? std::move(nd) : Evaluate(counts, options.ties, x, true);
    objective = Penalized(d, x, m, options.ridge);
    if (!(moved >= options.tolerance)) {  // also stops on NaN
      result.converged = std::isfinite(moved);
      ++result.iterations;
      break;
    }
  }
  result.theta = x.head(m);
  result.tie_parameter = davidson ? std::exp(x(m)) : 0;
  result.log_likelihood = d.value;
  result.state = x;
  return result;
}

double EloWinProbability(double rating_i, double rating_j) {
  return 1 / (1 + std::pow(10.0, (rating_j - rating_i) / 400));
}

const char* TieModelName(TieModel ties) { return NameOf(kTieModelNames, ties); }

}  // namespace podium
