#include "engine/rating/bradley_terry.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <optional>

#include "engine/base/check.h"

namespace podium {
namespace {

// Log-likelihood, gradient and Hessian at `x` (theta, then log nu for
// Davidson or log eta for Rao–Kupper).
struct Derivatives {
  double value = 0;
  Eigen::VectorXd gradient;
  Eigen::MatrixXd hessian;
};

// log sigma(u), without overflow for large |u|.
double LogSigmoid(double u) {
  return u >= 0 ? -std::log1p(std::exp(-u)) : u - std::log1p(std::exp(u));
}

// One pair of Rao–Kupper, in the coordinates (theta, eta): with d = theta_i -
// theta_j, u = d - eta, v = -d - eta, A = wins_i + ties, B = wins_j + ties,
// the pair contributes A log sigma(u) + B log sigma(v) + t log(e^{2 eta} - 1)
// (P(tie) = (e^{2 eta} - 1) sigma(u) sigma(v)), concave in (d, eta).
void AddRaoKupperPair(const PairTotal& p, double d_theta, double eta, int k, bool with_derivatives,
                      Derivatives* d) {
  const double big_a = p.wins_i + p.ties, big_b = p.wins_j + p.ties, t = p.ties;
  const double u = d_theta - eta, v = -d_theta - eta;
  const double em = -std::expm1(-2 * eta);  // 1 - e^{-2 eta}
  d->value += big_a * LogSigmoid(u) + big_b * LogSigmoid(v);
  if (t > 0) d->value += t * (2 * eta + std::log(em));
  if (!with_derivatives) return;
  const double su = Sigmoid(-u), sv = Sigmoid(-v);  // 1 - sigma(u), 1 - sigma(v)
  const double hu = su * (1 - su), hv = sv * (1 - sv);
  const double dd = big_a * su - big_b * sv;
  const double de = -big_a * su - big_b * sv + (t > 0 ? t * 2 / em : 0);
  const double ddd = -big_a * hu - big_b * hv, dde = big_a * hu - big_b * hv;
  const double dee =
      -big_a * hu - big_b * hv - (t > 0 ? t * 4 * std::exp(-2 * eta) / (em * em) : 0);
  d->gradient(p.i) += dd;
  d->gradient(p.j) -= dd;
  d->gradient(k) += de;
  d->hessian(p.i, p.i) += ddd;
  d->hessian(p.j, p.j) += ddd;
  d->hessian(p.i, p.j) -= ddd;
  d->hessian(p.j, p.i) -= ddd;
  d->hessian(p.i, k) += dde;
  d->hessian(k, p.i) += dde;
  d->hessian(p.j, k) -= dde;
  d->hessian(k, p.j) -= dde;
  d->hessian(k, k) += dee;
}

// (theta, eta) derivatives -> (theta, zeta = log eta): g_zeta = eta g_eta,
// H_theta,zeta = eta H_theta,eta, H_zeta,zeta = eta^2 H_eta,eta + eta g_eta.
// The last term can make the Hessian indefinite away from the optimum, so only
// its negative part is kept: the Newton matrix stays negative definite (a
// Fisher-scoring-like step, still an ascent direction), and at the optimum,
// where g_eta = 0, it is the exact Hessian.
void ToLogEta(double eta, int k, Derivatives* d) {
  const double g = d->gradient(k);
  d->hessian.row(k) *= eta;
  d->hessian.col(k) *= eta;
  d->hessian(k, k) += std::min(0.0, eta * g);
  d->gradient(k) = eta * g;
}

// The log-likelihood at x (skipped for half and drop when !with_value: the
// log1p is then not taken) and, when asked, its gradient and Hessian.
Derivatives Evaluate(const PairCounts& c, TieModel ties, const Eigen::VectorXd& x,
                     bool with_derivatives, bool with_value = true) {
  const int m = c.num_models, size = static_cast<int>(x.size());
  Derivatives d;
  if (with_derivatives) {
    d.gradient = Eigen::VectorXd::Zero(size);
    d.hessian = Eigen::MatrixXd::Zero(size, size);
  }
  if (ties == TieModel::kRaoKupper) {
    const double eta = std::exp(x(m));
    for (const PairTotal& p : c.pairs) {
      AddRaoKupperPair(p, x(p.i) - x(p.j), eta, m, with_derivatives, &d);
    }
    if (with_derivatives) ToLogEta(eta, m, &d);
    return d;
  }
  for (const PairTotal& p : c.pairs) {
    if (ties != TieModel::kDavidson) {
      const double tie_share = ties == TieModel::kHalf ? p.ties / 2 : 0;
      const double a = p.wins_i + tie_share, b = p.wins_j + tie_share, n = a + b;
      if (n == 0) continue;
      // One exp and one log1p per pair: with e = exp(-|diff|),
      // log sigma(|diff|) = -log1p(e) and log sigma(-|diff|) = -|diff| - log1p(e).
      const double diff = x(p.i) - x(p.j), ad = std::abs(diff);
      const double e = std::exp(-ad);
      if (with_value) {
        const double l = std::log1p(e);
        const double log_win = diff >= 0 ? -l : -ad - l, log_loss = diff >= 0 ? -ad - l : -l;
        d.value += a * log_win + b * log_loss;
      }
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

double Sigmoid(double u) {
  return u >= 0 ? 1 / (1 + std::exp(-u)) : std::exp(u) / (1 + std::exp(u));
}

BradleyTerryResult FitBradleyTerry(const PairCounts& counts, const BradleyTerryOptions& options) {
  const int m = counts.num_models;
  PODIUM_CHECK(m >= 1 && options.ridge >= 0);
  const bool tie_parameter = ModelsTies(options.ties);
  const int size = m + (tie_parameter ? 1 : 0);
  Eigen::VectorXd x = Eigen::VectorXd::Zero(size);
  if (options.start != nullptr && options.start->size() == size) x = *options.start;

  BradleyTerryResult result;
  Derivatives d = Evaluate(counts, options.ties, x, true);
  // The penalized log-likelihood at x; empty when d was evaluated without it.
  std::optional<double> objective = Penalized(d, x, m, options.ridge);
  // Under half and drop the penalized log-likelihood f is concave in theta,
  // so when its slope along the step is still >= 0 at the full step's end,
  // f rose all along the step (and centring only lowers the ridge term): the
  // step passes the line search's test without f's value, whose log1p per
  // pair is then not computed. Otherwise the test below decides, as always.
  const bool slope_test = !tie_parameter;
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
    bool next_value = true;  // nd.value was computed
    for (int halving = 0; halving < 40; ++halving, scale /= 2) {
      next = x + scale * step;
      const double ridge_slope = options.ridge * next.head(m).dot(step.head(m));  // before centring
      next.head(m).array() -= next.head(m).mean();
      next_value = !(halving == 0 && slope_test);
      nd = Evaluate(counts, options.ties, next, halving == 0, next_value);
      if (!next_value) {
        if (nd.gradient.head(m).dot(step.head(m)) - ridge_slope >= 0) break;
        nd.value = Evaluate(counts, options.ties, next, false).value;
        next_value = true;
      }
      if (!objective) {
        objective = Penalized(Evaluate(counts, options.ties, x, false), x, m, options.ridge);
      }
      if (Penalized(nd, next, m, options.ridge) >= *objective - 1e-12 * std::abs(*objective)) break;
    }
    const double moved = (next - x).cwiseAbs().maxCoeff();
    x = next;
    if (scale != 1) {
      nd = Evaluate(counts, options.ties, x, true);
      next_value = true;
    }
    d = std::move(nd);
    objective.reset();
    if (next_value) objective = Penalized(d, x, m, options.ridge);
    if (!(moved >= options.tolerance)) {  // also stops on NaN
      result.converged = std::isfinite(moved);
      ++result.iterations;
      break;
    }
  }
  result.theta = x.head(m);
  result.tie_parameter = options.ties == TieModel::kDavidson    ? std::exp(x(m))
                         : options.ties == TieModel::kRaoKupper ? std::exp(std::exp(x(m)))
                                                                : 0;
  if (!objective && options.log_likelihood) d.value = Evaluate(counts, options.ties, x, false).value;
  result.log_likelihood = objective || options.log_likelihood ? d.value : 0;
  result.state = x;
  return result;
}

double BradleyTerryLogLikelihood(const PairCounts& counts, TieModel ties,
                                 const Eigen::VectorXd& state, Eigen::VectorXd* gradient) {
  const Derivatives d = Evaluate(counts, ties, state, gradient != nullptr);
  if (gradient != nullptr) *gradient = d.gradient;
  return d.value;
}

OutcomeProbabilities TieModelProbabilities(TieModel ties, double diff, double tie_parameter) {
  OutcomeProbabilities p;
  if (ties == TieModel::kDavidson) {
    // pi_i / D etc. divided by sqrt(pi_i pi_j): e^{d/2}, e^{-d/2}, nu.
    const double half = std::abs(diff) / 2, big = 1, small = std::exp(-2 * half);
    const double top = std::exp(-half) * tie_parameter;  // nu scaled by e^{-|d|/2}
    const double z = big + small + top;
    p.win = (diff >= 0 ? big : small) / z;
    p.loss = (diff >= 0 ? small : big) / z;
    p.tie = top / z;
    return p;
  }
  if (ties == TieModel::kRaoKupper) {
    const double eta = std::log(tie_parameter);
    p.win = Sigmoid(diff - eta);
    p.loss = Sigmoid(-diff - eta);
    p.tie = std::expm1(2 * eta) * p.win * p.loss;  // no cancellation for small eta
    return p;
  }
  p.tie = tie_parameter;
  p.win = (1 - tie_parameter) * Sigmoid(diff);
  p.loss = (1 - tie_parameter) * Sigmoid(-diff);
  return p;
}

double DecisiveWinProbability(TieModel ties, double diff, double tie_parameter) {
  if (ties != TieModel::kRaoKupper) return Sigmoid(diff);
  const OutcomeProbabilities p = TieModelProbabilities(ties, diff, tie_parameter);
  return p.win / (p.win + p.loss);
}

double EloWinProbability(double rating_i, double rating_j) {
  return 1 / (1 + std::pow(10.0, (rating_j - rating_i) / 400));
}

const char* TieModelName(TieModel ties) { return NameOf(kTieModelNames, ties); }

}  // namespace podium
