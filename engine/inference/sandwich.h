// Sandwich (robust) covariance of the Bradley–Terry fit, normal intervals,
// and rank sets from it: the "sandwich" confidence intervals of Arena's
// arena-rank package (lmarena/arena-rank, arena_rank/models/bradley_terry.py:
// BradleyTerry.compute_hessian_and_covariance and compute_ratings_and_cis;
// rows and weights from arena_rank/utils/data_utils.py: PairDataset.from_pandas).
// A closed-form alternative to the bootstrap of arena.h: no refits.
//
// Data: the distinct (model_a, model_b, outcome) rows with counts c — podium's
// PairCell cells — with outcome y = 1 (a won), 1/2 (tie), 0 (b won). θ are
// natural-log strengths (θ_i − θ_j = (R_i − R_j)·ln 10 / 400 for ratings R on
// the Elo scale; the offset does not matter), p = σ(θ_a − θ_b), x = e_a − e_b,
// N = Σ c (the battles used), w = the optional weight of the row's pair:
//
//   H   = Σ_rows c·w·p(1 − p)·x xᵀ + λ·I       (the Hessian of the loss)
//   G   = Σ_rows c·w²·(y − p)²·x xᵀ            (the covariance of the score)
//   Cov = H⁻¹ G H⁻¹                            (natural-log scale)
//
// arena-rank writes G as Σ (c·w·(y − p))² / c. λ = 1e-5·N unweighted, and
// 1e-5 with weights (arena-rank's hessian_reg times N only when every weight
// is 1): a ridge for numerical stability, not a prior. Because H·1 = λ·1 and
// G·1 = 0, Cov·1 = 0: Cov is the covariance of centred strengths, and any
// difference θ_i − θ_j has variance Cov_ii + Cov_jj − 2·Cov_ij, the same in
// every gauge. podium solves with a Cholesky factorization of H (no explicit
// inverse) and removes the rounding left along 1 (Cov ← P Cov P, P = I − 11ᵀ/m,
// exact in exact arithmetic).
//
// Intervals (Elo scale): R_i ∓ z·sd_i, sd_i = (400 / ln 10)·√Cov_ii, z the
// standard normal (1 + level)/2 quantile (Boost.Math) — arena-rank's
// norm.ppf(1 − α/2). With an anchor k, sd_i is that of θ_i − θ_k instead (the
// anchor's interval has width 0, as the anchored bootstrap of arena.h).
// Rank (UB) = 1 + #{j : ci_low_j > ci_high_i} (Arena).
//
// Rank sets (Gaussian max-t, step-down; Mogstad, Romano, Shaikh & Wilhelm,
// REStud 2024, see rank_sets.h): with sd_ij the sd of θ_i − θ_j, c is the
// ⌈level·D⌉-th smallest of D Monte-Carlo draws of
//     T = max_{i<j} |Z_i − Z_j| / sd_ij,   Z ~ N(0, Cov),
// i is decided above j when θ_i − θ_j > c·sd_ij; then, as the bootstrap's
// rank sets (Romano & Wolf 2005), c is recomputed from the same draws with
// the max over the pairs not yet decided, until a step decides nothing new;
//     rank set of i = [1 + #{j decided above i}, m − #{j decided below i}],
// with tiers as in rank_sets.h. Draw d uses only Rng(seed, d) (random.h):
// the same numbers on any number of threads. Z = V·diag(√λ⁺)·u, u standard
// normal, V diag(λ) Vᵀ = Cov (eigendecomposition; Cov is only semi-definite).
// The same draws θ̂ + Z give marginal rank intervals (RankIntervals of
// bootstrap.h: ⌈q·D⌉-th order statistics of each model's rank).
//
// Assumes the comparison graph is connected (call it per component): across
// components Cov puts no variance on the unidentified offset, which is wrong.
#ifndef PODIUM_ENGINE_INFERENCE_SANDWICH_H_
#define PODIUM_ENGINE_INFERENCE_SANDWICH_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/inference/bootstrap.h"
#include "engine/ingest/battles.h"
#include "engine/rating/bradley_terry.h"

namespace podium {

struct SandwichOptions {
  double level = 0.95;              // confidence level of intervals and rank sets
  TieModel ties = TieModel::kHalf;  // kHalf: a tie is y = 1/2 (arena-rank);
                                    // kDrop: ties left out. Not kDavidson or kRaoKupper.
  int draws = 10000;                // Monte-Carlo draws for the max-t and rank
                                    // intervals; 0 = no rank sets or rank intervals
  uint64_t seed = 1;                // draw d uses Rng(seed, d)
  int threads = 1;                  // the results do not depend on it
  int anchor = -1;                  // -1: sd of centred strengths (arena-rank);
                                    // k: sd of θ_i − θ_k (rating of k held fixed)
  // Weights per unordered pair, read at (i, j) of each cell (i < j): m x m, or
  // empty for none (w = 1). See PairCountWeights for arena-rank's reweighting.
  // The ratings passed should then come from the fit with the same weights.
  Eigen::MatrixXd pair_weights;
  double hessian_ridge = 1e-5;  // arena-rank's hessian_reg (λ above, before ×N)
};

// The matrices of the formula above (natural-log scale, m x m).
struct SandwichMatrices {
  Eigen::MatrixXd hessian;              // H, ridge included
  Eigen::MatrixXd gradient_covariance;  // G
  Eigen::MatrixXd covariance;           // H⁻¹ G H⁻¹, centred (Cov·1 = 0)
  double ridge = 0;                     // λ used
  double battles = 0;                   // N = Σ c over the cells used
};

// Per model, in the order of the ratings.
struct SandwichModel {
  double sd = 0;                            // Elo scale (400 / ln 10 per natural-log unit)
  double ci_low = 0, ci_high = 0;           // rating ∓ z·sd (Elo)
  int rank_ub = 0;                          // 1 + #{j : ci_low_j > ci_high_i}
  int rank_ci_low = 0, rank_ci_high = 0;    // marginal rank interval (0 without draws)
  int rank_set_low = 0, rank_set_high = 0;  // simultaneous rank set (0 without draws)
  int tier = 0;                             // 1 = top (0 without draws)
};

struct SandwichResult {
  std::vector<SandwichModel> models;
  SandwichMatrices matrices;  // covariance: natural-log scale, centred gauge
  double z = 0;               // standard normal (1 + level)/2 quantile
  double critical_value = 0;  // c of the max-t's last step (NaN without draws)
  int steps = 0;              // step-down steps (0 without draws)
  int draws = 0;              // Monte-Carlo draws used
  Eigen::MatrixXi decided;    // decided(i, j) = 1: i is decided above j
};

// H, G and Cov at `ratings` (Elo scale; only differences matter, so anchored
// or centred ratings give the same matrices). Cells must be of the same m
// models, with i < j. REQUIRES: ratings.size() == num_models, !ModelsTies(ties),
// pair_weights empty or m x m; at least one cell used.
SandwichMatrices SandwichCovariance(int num_models, const std::vector<PairCell>& cells,
                                    const Eigen::VectorXd& ratings, const SandwichOptions& options);

// Everything above: intervals around `ratings` (Elo scale, returned as given),
// Rank (UB), and with draws > 0 the max-t rank sets, tiers and marginal rank
// intervals. `ratings` should be the fit of the same cells (FitBradleyTerry,
// kEloPerNat·θ plus any shift). REQUIRES: as SandwichCovariance, and
// 0 < level < 1, draws >= 0, threads >= 1, -1 <= anchor < num_models.
SandwichResult SandwichIntervals(int num_models, const std::vector<PairCell>& cells,
                                 const Eigen::VectorXd& ratings, const SandwichOptions& options);

// The same from matrices already computed (SandwichCovariance, or its
// covariance restricted to a subset of the models; only `covariance` is
// read) at `ratings` of those models. REQUIRES: covariance is
// ratings.size() square; options as SandwichIntervals.
SandwichResult SandwichIntervalsAt(const SandwichMatrices& matrices, const Eigen::VectorXd& ratings,
                                   const SandwichOptions& options);

// Var(θ_i − θ_j) = Cov_ii + Cov_jj − 2·Cov_ij, natural-log scale (for a
// head-to-head comparison; its sd in Elo is kEloPerNat·√·).
double DifferenceVariance(const Eigen::MatrixXd& covariance, int i, int j);

// arena-rank's reweighting (PairDataset.from_pandas, reweighted=True):
// w_ij = 1 / max(n_ij, min_pair_count), n_ij the battles of the pair (all
// outcomes). Pairs without battles get 0. m x m, symmetric.
Eigen::MatrixXd PairCountWeights(int num_models, const std::vector<PairCell>& cells,
                                 double min_pair_count = 50);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_SANDWICH_H_
