// Sample-size planning: how much more data would make a difference
// significant, for benchmark scores (items per benchmark) and for battles
// (more battles between two models, or more battles of every pair).
//
// Target. A two-sided test at level `level` (α = 1 − level) that has power
// `power` at the true difference Δ needs
//     Δ² / Var ≥ (z_a + z_b)²,   z_a = z_{1 − α/2},  z_b = z_{power}
// (the normal approximation; the far tail is ignored).
//
// Scores: the two-proportion test (Fleiss, Levin & Paik, "Statistical
// Methods for Rates and Proportions", 3rd ed., 2003, §4.2, eq. 4.14, without
// the continuity correction), items per group (each model answers n items):
//     n = (z_a √(2 p̄ (1 − p̄)) + z_b √(p1 (1 − p1) + p2 (1 − p2)))² / (p1 − p2)²,
//     p̄ = (p1 + p2) / 2,
// rounded up. Example: p1 = 0.5, p2 = 0.6, α = 0.05, power 0.8 -> 385.
//
// Battles (Bradley–Terry, ties as half a win or dropped): θ natural-log
// strengths, p_ij = σ(θ_i − θ_j), n_ij the battles of a pair (decisive ones
// only when ties are dropped). The Fisher information of θ is
//     I = Σ_{i<j} n_ij p_ij (1 − p_ij) (e_i − e_j)(e_i − e_j)ᵀ (+ ridge · Id),
// singular along 1 (the strengths are fixed up to a constant, mean 0 here);
// the gap δ = θ_A − θ_B is a contrast, u = e_A − e_B ⟂ 1, so
//     v0 = Var(δ) = uᵀ I⁺ u = uᵀ (I + 11ᵀ/m)⁻¹ u
// over the m models of A's component (the same in every gauge). Then, with
// T = (δ / (z_a + z_b))² the variance the target allows:
//   (i) n more battles between A and B at p = σ(δ) add n p (1 − p) u uᵀ to I;
//       by Sherman–Morrison, V(n) = v0 / (1 + n p (1 − p) v0), so
//       n = ⌈(1/T − 1/v0) / (p (1 − p))⌉;
//  (ii) n more battles with every pair in its current share scale I by
//       (N + n) / N, so V(n) = v0 N / (N + n) and n = ⌈N (v0 / T − 1)⌉.
// n = 0 when v0 ≤ T already; "never" (+inf) when δ = 0 (or p (1 − p) = 0).
// This is the model-based (Fisher) variance, not the sandwich of sandwich.h.
#ifndef PODIUM_ENGINE_INFERENCE_SAMPLE_SIZE_H_
#define PODIUM_ENGINE_INFERENCE_SAMPLE_SIZE_H_

#include <Eigen/Core>
#include <cstdint>
#include <string>

#include "engine/inference/arena.h"

namespace podium {

struct PowerOptions {
  double level = 0.95;  // of the two-sided interval; α = 1 − level. In (0, 1).
  double power = 0.80;  // probability of excluding 0 at the planned difference. In (0, 1).
};

// z_{(1 + level)/2} + z_{power}: the number of standard errors the
// difference must be away from 0. 1.959964 + 0.841621 = 2.801585 at the
// defaults.
double PowerMultiplier(const PowerOptions& options);

// The unrounded n of the two-proportion formula above (items per model);
// +inf when p1 == p2. REQUIRES: 0 <= p1, p2 <= 1.
double ItemsNeededExact(double p1, double p2, const PowerOptions& options);

// ⌈ItemsNeededExact⌉ (+inf when p1 == p2).
double ItemsNeeded(double p1, double p2, const PowerOptions& options);

// The smallest difference D > 0 detectable with `n` items per model at
// baseline accuracy `p`: the alternative is p + D when p < 1/2 and p − D
// otherwise (toward 1/2, the side with the larger variance, so the larger D
// of the two), found by bisection to 1e-9 and rounded up to that tolerance,
// so ItemsNeededExact(p, p ± D) ≤ n. NaN when even the farthest alternative
// (0 or 1) needs more than n items, or n < 1. REQUIRES: 0 <= p <= 1.
double MinimumDetectableDifference(int64_t n, double p, const PowerOptions& options);

// Battles to add for the gap (formulas (i) and (ii) above): 0 when `v0` <= the
// target already, +inf when `gap` == 0 or (direct) `p` (1 − p) == 0.
double DirectBattlesNeeded(double gap, double v0, double p, const PowerOptions& options);
double FieldBattlesNeeded(double gap, double v0, double battles, const PowerOptions& options);

// The Fisher information of the natural-log strengths of `arena` (matrix
// order, every model; pairs of different components contribute nothing):
// the formula above at the fitted ratings, plus ridge_used · Id.
Eigen::MatrixXd BradleyTerryInformation(const ArenaResult& arena);

// uᵀ I⁺ u for u = e_a − e_b, over the models of a's component.
// REQUIRES: a and b in the same component.
double GapVariance(const ArenaResult& arena, const Eigen::MatrixXd& information, int a, int b);

struct BattlePlan {
  std::string a, b;            // model names
  double gap = 0;              // δ = θ_A − θ_B, natural-log strengths
  double rating_gap = 0;       // δ on the Elo scale (kEloPerNat · δ)
  double variance = 0;         // v0 = Var(δ), Fisher
  double rating_se = 0;        // kEloPerNat · √v0
  double win_probability = 0;  // p = σ(δ)
  double target_variance = 0;  // T = (δ / (z_a + z_b))²
  double power_now = 0;        // Φ(|δ| / √v0 − z_a): the power at the current data
  int64_t battles = 0;         // N: battles in the fit
  int64_t direct = 0;          // battles between A and B in the data
  double more_direct = 0;      // (i): battles between A and B to add; +inf = never
  double more_field = 0;       // (ii): battles at the current mix to add; +inf = never
  PowerOptions options;
};

// The plan for models `a` and `b` (indexes into arena.models).
// REQUIRES: Bradley–Terry with ties kHalf or kDrop, no reweighting, a != b in
// the same component (the caller reports these as errors).
BattlePlan PlanBattles(const ArenaResult& arena, int a, int b, const PowerOptions& options);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_SAMPLE_SIZE_H_
