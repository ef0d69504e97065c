// Simultaneous rank confidence sets and "statistically tied" tiers.
//
// Mogstad, Romano, Shaikh & Wilhelm, "Inference for Ranks with Applications
// to Mobility across Neighbourhoods and Academic Achievement across
// Countries", Review of Economic Studies 91(1), 2024. For every pair (i, j)
// the difference Δ_ij = θ_i − θ_j has bootstrap standard error se_ij. The
// critical value c is the ⌈level·R⌉-th smallest of the R replicate statistics
//     T* = max over pairs (i, j) of |(Δ*_ij − Δ̂_ij)| / se_ij,
// and a pair is decided (i above j, or below) when |Δ̂_ij| / se_ij > c. As in
// the paper's stepwise improvement (Romano & Wolf, Econometrica 2005), c is
// then recomputed over the pairs not yet decided until nothing changes. With
// every decided pair correct at once with probability ≥ level,
//     rank set of i = [1 + #{j decided above i}, m − #{j decided below i}]
// holds for all models simultaneously.
//
// Pairs whose difference never varies across replicates (both values held
// fixed, se = 0) are decided by their sign when Δ̂ ≠ 0 and left undecided at 0.
// NaN replicate values (a model with nothing to score in that replicate) are
// skipped pair by pair.
//
// Tiers: models in rank order; the first model leads tier 1; each next model
// joins the current tier unless the tier's leader is decided above it, in
// which case it leads a new tier.
#ifndef PODIUM_ENGINE_INFERENCE_RANK_SETS_H_
#define PODIUM_ENGINE_INFERENCE_RANK_SETS_H_

#include <Eigen/Core>
#include <vector>

namespace podium {

struct RankSets {
  std::vector<int> low, high;  // per model (column): the simultaneous rank set
  std::vector<int> tier;       // per model: 1 = top tier
  Eigen::MatrixXi decided;     // decided(i, j) = 1 if i is decided above j
  double critical_value = 0;   // c of the last step
  int steps = 0;               // step-down iterations
};

// `replicates`: rounds x models; `estimates`: the full-data values (larger is
// better). REQUIRES: estimates.size() == replicates.cols(), 0 < level < 1.
RankSets SimultaneousRankSets(const Eigen::MatrixXd& replicates, const Eigen::VectorXd& estimates,
                              double level);

// Fills low, high and tier of `sets` from sets->decided (as above): the last
// step of SimultaneousRankSets, shared with the sandwich max-t of sandwich.h.
// REQUIRES: sets->decided is estimates.size() square.
void CompleteRankSets(const Eigen::VectorXd& estimates, RankSets* sets);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_RANK_SETS_H_
