// The contextual Bradley–Terry model behind Chatbot Arena's style control:
// model strengths θ fitted jointly with coefficients β of per-battle
// covariates x (the style covariates of style_features.h), so that a model's
// rating no longer includes what its style (length, markdown) wins it.
//
// Follows lmarena/arena-rank, arena_rank/models/contextual_bradley_terry.py:
// ContextualBradleyTerry.loss_function (the objective, defaults reg = 1.0),
// with the weights of arena_rank/utils/data_utils.py:
// ContextualPairDataset.from_pandas (reweighted=True, min_pair_count=50 by
// default). For battle i between models a_i and b_i, with outcome y_i = 1 (a
// won), 1/2 (tie, also "both bad"), 0 (b won), weight w_i and covariates x_i:
//
//   z_i = θ_{a_i} − θ_{b_i} + x_iᵀβ                    (logit of P(a beats b))
//   ℓ_i = y_i·z_i − log(1 + e^{z_i})                    (Bernoulli log-likelihood;
//                                                        a tie is half a win)
//   loss(θ, β) = −(1/n)·Σ_i w_i·ℓ_i + (l2/2)·‖β‖²
//
// n is the number of battles (rows), whatever the weights: arena-rank's
// jnp.mean(weights * log_likelihood). θ are not penalized; the penalty is on
// the per-battle scale, so its weight against the data does not fall as
// battles accumulate: it shrinks β by about the factor I/(I + l2), I the
// per-battle information about β once the models are accounted for — at
// most about 1/4 for a z-scored covariate, so l2 = 1 keeps a fifth of the
// effect or less (docs/methods.md, "Style control").
//
// Arena's reweighting (ContextualPairWeights below): w_i = 1/max(n_pair, 50),
// n_pair the battles of the unordered pair {a_i, b_i}, then divided by the
// mean over battles so that mean w = 1. It gives each pair about the same
// total weight, as if pairs had been sampled evenly.
//
// The fit is Newton's method on the convex loss, with the gradient and
// Hessian in closed form:
//   ∇loss = −(1/n)·Σ w_i (y_i − p_i) d_i + (0, l2·β),     p_i = σ(z_i)
//   ∇²loss = (1/n)·Σ w_i p_i(1 − p_i) d_i d_iᵀ + diag(0, l2·I),
// d_i = (e_{a_i} − e_{b_i}, x_i) ∈ R^{m+k}: two nonzero model entries, so the
// Hessian is accumulated in O(n·(k + 2)²) — per battle one entry of an m×m
// pair table, 2k of the model-by-covariate block and k(k+1)/2 of the
// covariate block. The loss sees only differences of θ within a connected
// component of the comparison graph: the gauge is fixed by adding
// (1/|C|)·1_C 1_Cᵀ to the Newton system for every component C and
// re-centring θ to mean 0 in each component, which is the solution arena-rank's
// L-BFGS reaches from θ = 0 (its gradient sums to 0 over every component).
// A model without battles is a component of its own and keeps θ = 0. Steps
// are halved while the loss increases; the fit has converged when the largest
// step (in θ and β) is below the tolerance. It is not converged — reported,
// never thrown — when the MLE does not exist (a model with only wins or only
// losses; perfectly separating covariates with l2 = 0), since then θ or β
// run away.
//
// Battles are split into at most 8 fixed blocks (boundaries b·n/B, fewer for
// small n) whose sums are added in block order, so the result is the same
// bytes on any number of threads.
#ifndef PODIUM_ENGINE_RATING_CONTEXTUAL_BRADLEY_TERRY_H_
#define PODIUM_ENGINE_RATING_CONTEXTUAL_BRADLEY_TERRY_H_

#include <Eigen/Core>
#include <vector>

#include "engine/ingest/battles.h"

namespace podium {

struct ContextualBradleyTerryOptions {
  double l2 = 1.0;           // >= 0: penalty (l2/2)·‖β‖² (arena-rank's reg, default 1.0)
  int max_iterations = 100;  // Newton steps
  double tolerance = 1e-10;  // converged when the largest step in θ and β is below this
  int threads = 1;           // >= 1; the result does not depend on it
  const Eigen::VectorXd* start = nullptr;  // warm start: a result's `state` ((θ, β), size m + k)
};

struct ContextualBradleyTerryResult {
  Eigen::VectorXd theta;         // m natural-log strengths, mean 0 within each component
  Eigen::VectorXd coefficients;  // k: β, natural-log odds of a winning per unit of covariate
  std::vector<int> component;    // per model: its component of the comparison graph,
                                 // 0.., numbered by smallest model
  double loss = 0;               // the loss above, at the solution
  double gradient_norm = 0;      // largest |∂loss/∂(θ, β)| at the solution
  int iterations = 0;
  bool converged = false;  // false: max_iterations reached or not finite (reported, never thrown)
  double l2 = 0;           // the penalty used
  Eigen::VectorXd state;   // (θ, β): pass as `start` to warm-start
};

// Fits the model above to `battles` (models 0 .. num_models − 1, a ≠ b) with
// covariates (row i for battle i) and weights w_i (empty = all 1; weight 0
// leaves a battle out of the sums but not out of n). Ratings on the Elo
// scale are 1000 + kEloPerNat·θ (bradley_terry.h).
// REQUIRES: num_models >= 1, covariates.rows() == battles.size() >= 1,
// weights empty or of battles.size() non-negative values, l2 >= 0,
// threads >= 1, a start (when given) of size num_models + covariates.cols().
ContextualBradleyTerryResult FitContextualBradleyTerry(
    int num_models, const std::vector<Battle>& battles, const Eigen::MatrixXd& covariates,
    const std::vector<double>& weights, const ContextualBradleyTerryOptions& options);

// arena-rank's per-battle weights (ContextualPairDataset.from_pandas,
// reweighted=True): 1/max(n_pair, min_pair_count), n_pair the battles of the
// battle's unordered pair, divided by their mean over battles (mean 1).
// REQUIRES: battles non-empty, models in [0, num_models), min_pair_count > 0.
std::vector<double> ContextualPairWeights(int num_models, const std::vector<Battle>& battles,
                                          double min_pair_count = 50);

// y of a battle: 1 if a won, 1/2 for a tie, 0 if b won (arena-rank's
// default_outcome_map, where "tie" and "both_bad" are both 1/2).
double OutcomeScore(Outcome outcome);

// Σ_i v_i·d_i d_iᵀ with d_i = (e_{a_i} − e_{b_i}, x_i): the (m + k)-square
// matrix of the Hessian and the sandwich's score covariance, accumulated in
// O(n·(k + 2)²) (battles with v_i = 0 are skipped).
// REQUIRES: as FitContextualBradleyTerry, v.size() == battles.size().
Eigen::MatrixXd WeightedDesignGram(int num_models, const std::vector<Battle>& battles,
                                   const Eigen::MatrixXd& covariates, const std::vector<double>& v);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_CONTEXTUAL_BRADLEY_TERRY_H_
