#include "engine/inference/sandwich.h"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

#include "engine/base/check.h"
#include "engine/base/random.h"
#include "engine/inference/intervals.h"
#include "engine/inference/rank_sets.h"

namespace podium {
namespace {

// y of a cell's outcome, from the point of view of its first model i.
double Outcome01(Outcome outcome) {
  return outcome == Outcome::kWinA ? 1 : outcome == Outcome::kWinB ? 0 : 0.5;
}

// M += v·x xᵀ for x = e_i − e_j.
void AddPairTerm(Eigen::MatrixXd& m, int i, int j, double v) {
  m(i, i) += v;
  m(j, j) += v;
  m(i, j) -= v;
  m(j, i) -= v;
}

// arena-rank's test for "unweighted" (jnp.allclose(weights, 1.0)).
bool AllOne(const Eigen::MatrixXd& weights, const std::vector<PairCell>& cells) {
  if (weights.size() == 0) return true;
  return std::all_of(cells.begin(), cells.end(), [&](const PairCell& c) {
    return std::abs(weights(c.i, c.j) - 1) <= 1e-8 + 1e-5;
  });
}

// sd(θ_i − θ_j) for every i, j, on the Elo scale.
Eigen::MatrixXd DifferenceSds(const Eigen::MatrixXd& covariance) {
  const int m = static_cast<int>(covariance.rows());
  Eigen::MatrixXd sd = Eigen::MatrixXd::Zero(m, m);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < m; ++j) {
      sd(i, j) = kEloPerNat * std::sqrt(std::max(0.0, DifferenceVariance(covariance, i, j)));
    }
  }
  return sd;
}

// The pairs (i < j) whose difference has variance, with 1/sd_ij: the terms
// of the max-t statistic. `decided` (or null) leaves out the pairs decided
// either way.
struct PairTerms {
  std::vector<int> i, j;
  std::vector<double> inverse_sd;
};

PairTerms OpenPairs(const Eigen::MatrixXd& pair_sd, const Eigen::MatrixXi* decided) {
  PairTerms out;
  const int m = static_cast<int>(pair_sd.rows());
  for (int i = 0; i < m; ++i) {
    for (int j = i + 1; j < m; ++j) {
      if (pair_sd(i, j) <= 0 || (decided && ((*decided)(i, j) || (*decided)(j, i)))) continue;
      out.i.push_back(i);
      out.j.push_back(j);
      out.inverse_sd.push_back(1 / pair_sd(i, j));
    }
  }
  return out;
}

// max over the terms of |z_i − z_j|·(1/sd_ij).
double MaxT(const PairTerms& terms, const double* z) {
  double worst = 0;
  const size_t n = terms.i.size();
  for (size_t k = 0; k < n; ++k) {
    worst = std::max(worst, std::abs(z[terms.i[k]] - z[terms.j[k]]) * terms.inverse_sd[k]);
  }
  return worst;
}

// The max-t draws: rows θ̂ + Z (Elo scale) in columns 0..m−1 and T in column m.
Eigen::MatrixXd MaxTDraws(const Eigen::MatrixXd& covariance, const Eigen::VectorXd& ratings,
                          const Eigen::MatrixXd& pair_sd, const SandwichOptions& o) {
  const int m = static_cast<int>(ratings.size());
  const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);
  PODIUM_CHECK(eigen.info() == Eigen::Success);
  const Eigen::MatrixXd root =
      kEloPerNat * eigen.eigenvectors() * eigen.eigenvalues().cwiseMax(0).cwiseSqrt().asDiagonal();
  const PairTerms terms = OpenPairs(pair_sd, nullptr);
  return RunBootstrap(o.draws, m + 1, o.seed, o.threads, [&](int, Rng& rng, Eigen::VectorXd* row) {
    Eigen::VectorXd u(m);
    for (int k = 0; k < m; ++k) u(k) = StandardNormal(rng);
    const Eigen::VectorXd z = root * u;
    row->head(m) = ratings + z;
    (*row)(m) = MaxT(terms, z.data());
  });
}

// The ⌈level·D⌉-th smallest over the draws of max |Z_i − Z_j| / sd_ij over
// the pairs neither way decided (Z = draw − θ̂). The first step (nothing
// decided) reuses column m; 0 when every pair is decided. Draws are
// independent, so they are split over `threads` (the result does not depend
// on it).
double StepCriticalValue(const Eigen::MatrixXd& draws, const Eigen::VectorXd& ratings,
                         const Eigen::MatrixXd& pair_sd, const Eigen::MatrixXi& decided,
                         double level, int threads) {
  const int m = static_cast<int>(ratings.size()), d = static_cast<int>(draws.rows());
  std::vector<double> t(d, 0.0);
  if (decided.sum() == 0) {
    for (int r = 0; r < d; ++r) t[r] = draws(r, m);
  } else {
    const PairTerms terms = OpenPairs(pair_sd, &decided);
    const Eigen::MatrixXd stats =
        RunBootstrap(d, 1, 0, threads, [&](int r, Rng&, Eigen::VectorXd* row) {
          const Eigen::VectorXd z = draws.row(r).head(m).transpose() - ratings;
          (*row)(0) = MaxT(terms, z.data());
        });
    for (int r = 0; r < d; ++r) t[r] = stats(r, 0);
  }
  const int position = std::clamp(static_cast<int>(std::ceil(level * d)) - 1, 0, d - 1);
  std::nth_element(t.begin(), t.begin() + position, t.end());
  return t[position];
}

}  // namespace

SandwichMatrices SandwichCovariance(int num_models, const std::vector<PairCell>& cells,
                                    const Eigen::VectorXd& ratings,
                                    const SandwichOptions& options) {
  const int m = num_models;
  PODIUM_CHECK(m >= 1 && ratings.size() == m && !ModelsTies(options.ties));
  const Eigen::MatrixXd& w = options.pair_weights;
  PODIUM_CHECK(w.size() == 0 || (w.rows() == m && w.cols() == m));
  SandwichMatrices out;
  out.hessian = Eigen::MatrixXd::Zero(m, m);
  out.gradient_covariance = Eigen::MatrixXd::Zero(m, m);
  for (const PairCell& c : cells) {
    PODIUM_CHECK(0 <= c.i && c.i < c.j && c.j < m);
    if (c.count == 0 || (c.outcome == Outcome::kTie && options.ties == TieModel::kDrop)) continue;
    const double count = static_cast<double>(c.count), weight = w.size() == 0 ? 1 : w(c.i, c.j);
    const double p = 1 / (1 + std::exp((ratings(c.j) - ratings(c.i)) / kEloPerNat));
    const double residual = Outcome01(c.outcome) - p;
    AddPairTerm(out.hessian, c.i, c.j, count * weight * p * (1 - p));
    AddPairTerm(out.gradient_covariance, c.i, c.j, count * weight * weight * residual * residual);
    out.battles += count;
  }
  PODIUM_CHECK_MSG(out.battles > 0, "no battles for the sandwich covariance");
  out.ridge = options.hessian_ridge * (AllOne(w, cells) ? out.battles : 1);
  out.hessian.diagonal().array() += out.ridge;
  const Eigen::LLT<Eigen::MatrixXd> h(out.hessian);
  PODIUM_CHECK(h.info() == Eigen::Success);
  const Eigen::MatrixXd left = h.solve(out.gradient_covariance);  // H⁻¹ G
  Eigen::MatrixXd cov = h.solve(left.transpose());                // H⁻¹ G H⁻¹ (G symmetric)
  cov = (cov + cov.transpose()) / 2;
  cov.rowwise() -= cov.colwise().mean();  // P Cov P: rounding along 1 removed
  cov.colwise() -= cov.rowwise().mean();
  out.covariance = cov;
  return out;
}

// Long on purpose: one pass through the results of the header's formula
// (intervals, Rank (UB), then the Monte-Carlo part), each step commented.
SandwichResult SandwichIntervals(int num_models, const std::vector<PairCell>& cells,
                                 const Eigen::VectorXd& ratings, const SandwichOptions& options) {
  return SandwichIntervalsAt(SandwichCovariance(num_models, cells, ratings, options), ratings,
                             options);
}

SandwichResult SandwichIntervalsAt(const SandwichMatrices& matrices, const Eigen::VectorXd& ratings,
                                   const SandwichOptions& options) {
  const int m = static_cast<int>(ratings.size());
  PODIUM_CHECK(matrices.covariance.rows() == m && matrices.covariance.cols() == m);
  PODIUM_CHECK(options.level > 0 && options.level < 1 && options.draws >= 0 &&
               options.threads >= 1 && options.anchor >= -1 && options.anchor < m);
  SandwichResult out;
  out.matrices = matrices;
  const Eigen::MatrixXd& cov = out.matrices.covariance;
  const Eigen::MatrixXd pair_sd = DifferenceSds(cov);
  // Normal intervals and Rank (UB).
  out.z = NormalQuantile((1 + options.level) / 2);
  out.models.resize(m);
  std::vector<Interval> ci(m);
  for (int i = 0; i < m; ++i) {
    SandwichModel& model = out.models[i];
    model.sd = options.anchor < 0 ? kEloPerNat * std::sqrt(std::max(0.0, cov(i, i)))
                                  : pair_sd(i, options.anchor);
    model.ci_low = ratings(i) - out.z * model.sd;
    model.ci_high = ratings(i) + out.z * model.sd;
    ci[i] = {model.ci_low, model.ci_high};
  }
  const std::vector<int> rank_ub = UpperBoundRanks(ci);
  for (int i = 0; i < m; ++i) out.models[i].rank_ub = rank_ub[i];
  out.critical_value = std::nan("");
  out.decided = Eigen::MatrixXi::Zero(m, m);
  if (options.draws == 0) return out;

  // Monte-Carlo max-t, step-down: c = the ⌈level·D⌉-th smallest T over the
  // pairs not yet decided, until a step decides nothing new.
  out.draws = options.draws;
  const Eigen::MatrixXd draws = MaxTDraws(cov, ratings, pair_sd, options);
  RankSets sets;
  sets.decided = Eigen::MatrixXi::Zero(m, m);
  for (bool changed = true; changed;) {
    out.critical_value =
        StepCriticalValue(draws, ratings, pair_sd, sets.decided, options.level, options.threads);
    ++out.steps;
    changed = false;
    // A pair whose difference has no variance is decided by its sign (as rank_sets.h).
    for (int i = 0; i < m; ++i) {
      for (int j = 0; j < m; ++j) {
        const double gap = ratings(i) - ratings(j);
        if (i != j && !sets.decided(i, j) && gap > out.critical_value * pair_sd(i, j)) {
          sets.decided(i, j) = 1;
          changed = true;
        }
      }
    }
  }
  CompleteRankSets(ratings, &sets);
  out.decided = sets.decided;
  // Marginal rank intervals from the same draws.
  const std::vector<Interval> rank_ci = RankIntervals(draws.leftCols(m), options.level);
  for (int i = 0; i < m; ++i) {
    SandwichModel& model = out.models[i];
    model.rank_set_low = sets.low[i];
    model.rank_set_high = sets.high[i];
    model.tier = sets.tier[i];
    model.rank_ci_low = static_cast<int>(rank_ci[i].low);
    model.rank_ci_high = static_cast<int>(rank_ci[i].high);
  }
  return out;
}

double DifferenceVariance(const Eigen::MatrixXd& covariance, int i, int j) {
  return covariance(i, i) + covariance(j, j) - 2 * covariance(i, j);
}

Eigen::MatrixXd PairCountWeights(int num_models, const std::vector<PairCell>& cells,
                                 double min_pair_count) {
  Eigen::MatrixXd battles = Eigen::MatrixXd::Zero(num_models, num_models);
  for (const PairCell& c : cells) battles(c.i, c.j) += static_cast<double>(c.count);
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(num_models, num_models);
  for (int i = 0; i < num_models; ++i) {
    for (int j = i + 1; j < num_models; ++j) {
      if (battles(i, j) > 0) w(i, j) = w(j, i) = 1 / std::max(battles(i, j), min_pair_count);
    }
  }
  return w;
}

}  // namespace podium
