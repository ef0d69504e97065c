// Confidence intervals for style control (the contextual Bradley–Terry fit of
// engine/rating/contextual_bradley_terry.h): the sandwich covariance of
// (θ, β) and the bootstrap over battles, and the controlled leaderboard's
// ranks against the uncontrolled ones.
//
// Sandwich, as lmarena/arena-rank defines it for the contextual model
// (arena_rank/models/contextual_bradley_terry.py:
// ContextualBradleyTerry.compute_hessian_and_covariance and
// compute_ratings_and_cis, ci_method="sandwich"). With n battles, d_i =
// (e_{a_i} − e_{b_i}, x_i), p_i = σ(θ_{a_i} − θ_{b_i} + x_iᵀβ) at the fit, y_i
// and w_i as in the fit, λ = hessian_ridge (1e-5) and l2 the fit's penalty:
//
//   H   = (1/n)·Σ w_i p_i(1 − p_i)·d_i d_iᵀ + λ·I           ((m+k)-square)
//   G   = (1/n)·Σ w_i²(y_i − p_i)²·d_i d_iᵀ − (l2²/n)·(0, β)(0, β)ᵀ
//   Cov = H⁻¹ G H⁻¹ / n                                      (natural-log scale)
//
// λ is added to every diagonal entry, θ's and β's alike, and is not
// multiplied by n: H is already per battle (the plain model's 1e-5·N of
// sandwich.h is the same ridge on the summed scale). Two things in this form
// differ from the textbook sandwich of the penalized M-estimator, and
// `penalized_sandwich` switches to that one instead:
//   H  lacks the penalty's curvature diag(0, l2·I): arena-rank uses the
//      Hessian of the mean log-likelihood alone;
//   G  subtracts (l2²/n)·ββᵀ, where the per-battle score s_i = −w_i(y_i − p_i)d_i
//      + (0, l2·β) has mean 0 at the fit and empirical covariance
//      (1/n)·Σ w_i²(y_i − p_i)² d_i d_iᵀ − l2²·(0, β)(0, β)ᵀ (no 1/n).
// Both coincide at l2 = 0. With l2 > 0 arena-rank's β interval is roughly that
// of the unpenalized fit around the shrunk β̂ (docs/methods.md, "Style control").
//
// Since H·(1_C, 0) = λ·(1_C, 0) and G·(1_C, 0) = 0 for every component C of
// the comparison graph, Cov·(1_C, 0) = 0: Cov is the covariance of θ centred
// within each component (as the fit is). podium solves with a Cholesky
// factorization (no explicit inverse) and removes the rounding left along
// those directions (the θ rows and columns are centred per component).
// Intervals: rating R_i ∓ z·kEloPerNat·√Cov_ii (Elo scale), coefficient
// β_f ∓ z·√Cov_{m+f,m+f}, z = Φ⁻¹((1 + level)/2) (arena-rank's
// norm.ppf(1 − α/2)).
//
// Bootstrap (arena-rank: fit_single_bootstrap_sample, num_bootstrap = 100):
// n battles are drawn with replacement, each keeping its covariates and its
// weight from the full data (weights are not recomputed), and the model is
// refitted (warm-started at the full fit; the optimum is the same). A
// battle drawn c times enters the refit with weight c·w_i, n unchanged.
// Intervals are percentile intervals (type 7 quantiles, as jnp.quantile);
// sds are the replicates' population sds (jnp.var). Replicate r draws only
// from Rng(seed, r) (random.h) and refits on one thread, so the result is
// the same bytes on any number of threads. Ratings and β shown are the
// full-data fit, not the bootstrap median.
#ifndef PODIUM_ENGINE_INFERENCE_STYLE_CONTROL_H_
#define PODIUM_ENGINE_INFERENCE_STYLE_CONTROL_H_

#include <Eigen/Core>
#include <vector>

#include "engine/inference/bootstrap.h"
#include "engine/ingest/battles.h"
#include "engine/rating/contextual_bradley_terry.h"

namespace podium {

struct StyleSandwichOptions {
  double level = 0.95;          // confidence level of the intervals, in (0, 1)
  double hessian_ridge = 1e-5;  // λ above (arena-rank's hessian_reg), > 0
  // false: arena-rank's H and G (above); true: the penalized M-estimator's
  // (H + diag(0, l2·I), G − l2²·ββᵀ). The same when the fit's l2 is 0.
  bool penalized_sandwich = false;
};

struct StyleBootstrapOptions : BootstrapOptions {
  StyleBootstrapOptions() { rounds = 100; }  // arena-rank's num_bootstrap
  ContextualBradleyTerryOptions fit;         // the refits' l2 and tolerance (threads
                                             // ignored: replicates run in parallel)
};

// The matrices of the sandwich formula above.
struct StyleSandwichMatrices {
  Eigen::MatrixXd hessian;              // H, (m + k)-square, ridge included
  Eigen::MatrixXd gradient_covariance;  // G
  Eigen::MatrixXd covariance;  // H⁻¹GH⁻¹/n, natural-log scale, θ centred per component
  double battles = 0;          // n
};

// Intervals of either method, in model order then covariate order.
struct StyleControlIntervals {
  Eigen::VectorXd ratings;                      // m: 1000 + kEloPerNat·θ̂ (the full-data fit)
  Eigen::VectorXd coefficients;                 // k: β̂ (natural-log odds per covariate unit)
  std::vector<Interval> rating_intervals;       // m, Elo scale
  std::vector<Interval> coefficient_intervals;  // k, natural-log odds
  Eigen::VectorXd rating_sds;                   // m, Elo scale
  Eigen::VectorXd coefficient_sds;              // k
  StyleSandwichMatrices sandwich;               // sandwich only (empty otherwise)
  Eigen::MatrixXd replicates;                   // bootstrap only: rounds x (m + k),
                                                // Elo ratings then β
  int unconverged_replicates = 0;               // bootstrap refits that did not converge
};

// H, G and Cov at `fit`, which must be FitContextualBradleyTerry's result for
// the same battles, covariates and weights (its l2 enters G).
// REQUIRES: as FitContextualBradleyTerry; fit sizes m and k; hessian_ridge > 0.
StyleSandwichMatrices StyleSandwichCovariance(int num_models, const std::vector<Battle>& battles,
                                              const Eigen::MatrixXd& covariates,
                                              const std::vector<double>& weights,
                                              const ContextualBradleyTerryResult& fit,
                                              const StyleSandwichOptions& options);

// Normal intervals from the sandwich. REQUIRES: as StyleSandwichCovariance,
// 0 < level < 1.
StyleControlIntervals StyleSandwichIntervals(int num_models, const std::vector<Battle>& battles,
                                             const Eigen::MatrixXd& covariates,
                                             const std::vector<double>& weights,
                                             const ContextualBradleyTerryResult& fit,
                                             const StyleSandwichOptions& options);

// Percentile intervals from options.rounds bootstrap refits (see above).
// REQUIRES: as StyleSandwichCovariance, rounds >= 1, threads >= 1,
// 0 < level < 1.
StyleControlIntervals StyleBootstrapIntervals(int num_models, const std::vector<Battle>& battles,
                                              const Eigen::MatrixXd& covariates,
                                              const std::vector<double>& weights,
                                              const ContextualBradleyTerryResult& fit,
                                              const StyleBootstrapOptions& options);

// One row of the style-controlled leaderboard.
struct StyleControlledModel {
  double rating = 0;          // Elo scale, the controlled fit
  Interval interval;          // Elo scale
  int rank = 0;               // 1 + #{j : rating_j > rating_i}
  int rank_ub = 0;            // Arena's Rank (UB): 1 + #{j : low_j > high_i}
  int uncontrolled_rank = 0;  // as passed
  int rank_change = 0;        // uncontrolled_rank − rank_ub: > 0 when style control
                              // moves the model up
};

// Per model, in model order. `uncontrolled_ranks` should be the Rank (UB)
// of the board without style control (ArenaRow::rank_ub), so that the change
// compares like with like. REQUIRES: uncontrolled_ranks.size() == m.
std::vector<StyleControlledModel> StyleControlledRanks(const StyleControlIntervals& intervals,
                                                       const std::vector<int>& uncontrolled_ranks);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_STYLE_CONTROL_H_
