#include "engine/inference/style_control.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>

#include "engine/base/check.h"
#include "engine/base/random.h"
#include "engine/inference/intervals.h"
#include "engine/rating/bradley_terry.h"

namespace podium {
namespace {

void CheckFit(int m, const Eigen::MatrixXd& covariates, const ContextualBradleyTerryResult& fit) {
  PODIUM_CHECK_MSG(fit.theta.size() == m && fit.coefficients.size() == covariates.cols() &&
                       static_cast<int>(fit.component.size()) == m,
                   "the fit must be of the same models and covariates");
}

// Rows and columns of the θ block centred within each component (P Cov Pᵀ).
void CentreRatings(const std::vector<int>& component, Eigen::MatrixXd* cov) {
  const int m = static_cast<int>(component.size());
  const int c = *std::max_element(component.begin(), component.end()) + 1;
  std::vector<double> size(c, 0);
  for (int v : component) size[v] += 1;
  for (int pass = 0; pass < 2; ++pass) {  // rows, then columns (the transpose)
    Eigen::MatrixXd sums = Eigen::MatrixXd::Zero(c, cov->cols());
    for (int i = 0; i < m; ++i) sums.row(component[i]) += cov->row(i);
    for (int i = 0; i < m; ++i) cov->row(i) -= sums.row(component[i]) / size[component[i]];
    cov->transposeInPlace();
  }
}

// The result's point estimates and per-parameter sds → normal intervals.
void NormalIntervals(const Eigen::VectorXd& sd_natural, double z, StyleControlIntervals* out) {
  const int m = static_cast<int>(out->ratings.size()),
            k = static_cast<int>(out->coefficients.size());
  out->rating_sds = kEloPerNat * sd_natural.head(m);
  out->coefficient_sds = sd_natural.tail(k);
  for (int i = 0; i < m; ++i) {
    out->rating_intervals.push_back(
        {out->ratings(i) - z * out->rating_sds(i), out->ratings(i) + z * out->rating_sds(i)});
  }
  for (int f = 0; f < k; ++f) {
    out->coefficient_intervals.push_back({out->coefficients(f) - z * out->coefficient_sds(f),
                                          out->coefficients(f) + z * out->coefficient_sds(f)});
  }
}

StyleControlIntervals PointEstimates(const ContextualBradleyTerryResult& fit) {
  StyleControlIntervals out;
  out.ratings = (1000 + kEloPerNat * fit.theta.array()).matrix();
  out.coefficients = fit.coefficients;
  return out;
}

}  // namespace

StyleSandwichMatrices StyleSandwichCovariance(int num_models, const std::vector<Battle>& battles,
                                              const Eigen::MatrixXd& covariates,
                                              const std::vector<double>& weights,
                                              const ContextualBradleyTerryResult& fit,
                                              const StyleSandwichOptions& options) {
  const int m = num_models, k = static_cast<int>(covariates.cols());
  CheckFit(m, covariates, fit);
  PODIUM_CHECK(options.hessian_ridge > 0);
  PODIUM_CHECK_MSG(weights.empty() || weights.size() == battles.size(), "one weight per battle");
  PODIUM_CHECK_MSG(covariates.rows() == static_cast<int64_t>(battles.size()) && !battles.empty(),
                   "one covariate row per battle");
  const double n = static_cast<double>(battles.size());
  // Per battle: w·p(1 − p) for H and (w·(y − p))² for G.
  std::vector<double> curvature(battles.size()), residual(battles.size());
  for (size_t i = 0; i < battles.size(); ++i) {
    const Battle& b = battles[i];
    PODIUM_CHECK(0 <= b.a && b.a < m && 0 <= b.b && b.b < m);
    const double w = weights.empty() ? 1 : weights[i];
    const double z = fit.theta(b.a) - fit.theta(b.b) + covariates.row(i).dot(fit.coefficients);
    const double p = 1 / (1 + std::exp(-z)), r = w * (OutcomeScore(b.outcome) - p);
    curvature[i] = w * p * (1 - p);
    residual[i] = r * r;
  }
  StyleSandwichMatrices out;
  out.battles = n;
  out.hessian = WeightedDesignGram(m, battles, covariates, curvature) / n;
  out.hessian.diagonal().array() += options.hessian_ridge;
  out.gradient_covariance = WeightedDesignGram(m, battles, covariates, residual) / n;
  const Eigen::VectorXd& beta = fit.coefficients;
  if (options.penalized_sandwich) {
    out.hessian.bottomRightCorner(k, k).diagonal().array() += fit.l2;
    out.gradient_covariance.bottomRightCorner(k, k) -= fit.l2 * fit.l2 * beta * beta.transpose();
  } else {
    out.gradient_covariance.bottomRightCorner(k, k) -=
        fit.l2 * fit.l2 / n * beta * beta.transpose();
  }
  const Eigen::LLT<Eigen::MatrixXd> h(out.hessian);
  PODIUM_CHECK(h.info() == Eigen::Success);
  const Eigen::MatrixXd left = h.solve(out.gradient_covariance);  // H⁻¹G
  Eigen::MatrixXd cov = h.solve(left.transpose()) / n;            // H⁻¹GH⁻¹/n (G symmetric)
  cov = (cov + cov.transpose()) / 2;
  CentreRatings(fit.component, &cov);
  out.covariance = cov;
  return out;
}

StyleControlIntervals StyleSandwichIntervals(int num_models, const std::vector<Battle>& battles,
                                             const Eigen::MatrixXd& covariates,
                                             const std::vector<double>& weights,
                                             const ContextualBradleyTerryResult& fit,
                                             const StyleSandwichOptions& options) {
  PODIUM_CHECK(options.level > 0 && options.level < 1);
  StyleControlIntervals out = PointEstimates(fit);
  out.sandwich = StyleSandwichCovariance(num_models, battles, covariates, weights, fit, options);
  const Eigen::VectorXd sd = out.sandwich.covariance.diagonal().cwiseMax(0).cwiseSqrt();
  NormalIntervals(sd, NormalQuantile((1 + options.level) / 2), &out);
  return out;
}

StyleControlIntervals StyleBootstrapIntervals(int num_models, const std::vector<Battle>& battles,
                                              const Eigen::MatrixXd& covariates,
                                              const std::vector<double>& weights,
                                              const ContextualBradleyTerryResult& fit,
                                              const StyleBootstrapOptions& options) {
  const int m = num_models, k = static_cast<int>(covariates.cols());
  CheckFit(m, covariates, fit);
  PODIUM_CHECK(options.rounds >= 1 && options.threads >= 1 && options.level > 0 &&
               options.level < 1);
  PODIUM_CHECK_MSG(weights.empty() || weights.size() == battles.size(), "one weight per battle");
  const uint64_t n = battles.size();
  ContextualBradleyTerryOptions refit = options.fit;
  refit.threads = 1;
  refit.start = &fit.state;
  // Row r: the replicate's ratings (Elo) and β, then 1 if its refit converged.
  const Eigen::MatrixXd rows = RunBootstrap(
      options.rounds, m + k + 1, options.seed, options.threads,
      [&](int, Rng& rng, Eigen::VectorXd* row) {
        std::vector<double> drawn(n, 0);
        for (uint64_t draw = 0; draw < n; ++draw) drawn[rng.Below(n)] += 1;
        if (!weights.empty()) {
          for (uint64_t i = 0; i < n; ++i) drawn[i] *= weights[i];
        }
        const ContextualBradleyTerryResult r =
            FitContextualBradleyTerry(m, battles, covariates, drawn, refit);
        row->head(m) = (1000 + kEloPerNat * r.theta.array()).matrix();
        row->segment(m, k) = r.coefficients;
        (*row)(m + k) = r.converged ? 1 : 0;
      },
      options.progress);
  StyleControlIntervals out = PointEstimates(fit);
  out.replicates = rows.leftCols(m + k);
  out.unconverged_replicates = static_cast<int>((rows.col(m + k).array() == 0).count());
  const std::vector<Interval> intervals = PercentileIntervals(out.replicates, options.level);
  out.rating_intervals.assign(intervals.begin(), intervals.begin() + m);
  out.coefficient_intervals.assign(intervals.begin() + m, intervals.end());
  const Eigen::RowVectorXd mean = out.replicates.colwise().mean();
  const Eigen::VectorXd sd = ((out.replicates.rowwise() - mean).array().square().colwise().mean())
                                 .sqrt()
                                 .transpose()
                                 .matrix();
  out.rating_sds = sd.head(m);
  out.coefficient_sds = sd.tail(k);
  return out;
}

std::vector<StyleControlledModel> StyleControlledRanks(const StyleControlIntervals& intervals,
                                                       const std::vector<int>& uncontrolled_ranks) {
  const int m = static_cast<int>(intervals.ratings.size());
  PODIUM_CHECK(static_cast<int>(uncontrolled_ranks.size()) == m &&
               static_cast<int>(intervals.rating_intervals.size()) == m);
  const std::vector<int> rank_ub = UpperBoundRanks(intervals.rating_intervals);
  std::vector<StyleControlledModel> out(m);
  for (int i = 0; i < m; ++i) {
    StyleControlledModel& row = out[i];
    row.rating = intervals.ratings(i);
    row.interval = intervals.rating_intervals[i];
    row.rank = 1 + static_cast<int>((intervals.ratings.array() > row.rating).count());
    row.rank_ub = rank_ub[i];
    row.uncontrolled_rank = uncontrolled_ranks[i];
    row.rank_change = row.uncontrolled_rank - row.rank_ub;
  }
  return out;
}

}  // namespace podium
