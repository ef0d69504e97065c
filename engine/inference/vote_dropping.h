// Worst-case vote dropping: the smallest set of battles the engine can find
// whose removal changes who is #1, who is in the top k, or the order of two
// named models (Huang et al. 2025, "Dropping Just a Handful of Preferences
// Can Change Top Large Language Model Rankings", arXiv 2508.11847; their
// approximation is Broderick, Giordano and Meager's approximate maximum
// influence perturbation, arXiv 2011.14999).
//
// Bradley–Terry with ties as half (or dropped). Battles of one (pair,
// outcome) cell are exchangeable, so a set of battles is a count per cell.
// For "A stays ahead of B", gap = theta_A − theta_B > 0 at the full fit:
//
//   removing one battle b of cell (i, j) changes the strengths by about
//     Δθ ≈ −F⁺ g_b,   g_b = (y − σ(θ_i − θ_j)) (e_i − e_j)
//   (F the Fisher information of the fit plus its ridge, F⁺ its inverse on
//   the mean-zero strengths; y = 1, 0 or ½ for a win of i, a win of j, a
//   tie), so the gap by
//     δ_b = −(y − σ(θ_i − θ_j)) (z_i − z_j),   z = F⁺ (e_A − e_B).
//
// The cells with δ < 0 are ordered by δ (most gap-closing first), and the
// approximation's count k̂ is the fewest battles, taken in that order, whose
// δ sum to −gap. The approximation only proposes: a set is reported only
// when a refit without it (same tie model and ridge; the fallback ridge
// when the MLE stops existing, RidgeWithFallback of comparison_graph.h)
// flips the order — B strictly ahead of A, by more than 1e-9 nats. From k̂
// the count grows (×1.25 steps) until a refit flips, then bisects down to
// the smallest k of that order that flips.
//
// For #1 and the top k, every (inside, outside) pair of the eligible
// (ranked) models is a candidate; the pairs with the smallest k̂ are
// verified (kMaxCandidates of them), and a refit counts as a flip when any
// outside model ends strictly ahead of any inside one. Small problems — at
// most kExhaustiveLimit count vectors of size up to the bound — are
// searched exhaustively in size order, which is exact (the approximation's
// set is then checked against it). The result never depends on threads.
#ifndef PODIUM_ENGINE_INFERENCE_VOTE_DROPPING_H_
#define PODIUM_ENGINE_INFERENCE_VOTE_DROPPING_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/base/enum_names.h"
#include "engine/ingest/battles.h"
#include "engine/rating/bradley_terry.h"

namespace podium {

enum class DropTarget { kTop, kTopK, kPair };

inline constexpr int kMaxCandidates = 8;
inline constexpr int64_t kExhaustiveLimit = 20000;

struct VoteDropOptions {
  DropTarget target = DropTarget::kTop;
  int top_k = 1;                   // kTopK: the set of the top k changes
  int model_a = -1, model_b = -1;  // kPair: the two models (either may lead)
  double max_fraction = 0.01;      // give up beyond this fraction of the battles
  BradleyTerryOptions fit;         // ties kHalf or kDrop, and the ridge in force
  std::vector<int> eligible;       // models that hold places (the ranked ones); empty = all
  int64_t exhaustive_limit = kExhaustiveLimit;  // 0: never search exhaustively
};

// Battles removed from one cell (i < j, outcome relative to i).
struct DroppedCell {
  int i = 0, j = 0;
  Outcome outcome = Outcome::kTie;
  int64_t count = 0;
};

struct VoteDropResult {
  bool flipped = false;       // a set was found and verified by a refit
  int64_t dropped = 0;        // battles in the set (0 when none was found)
  int64_t battles = 0;        // all battles
  int64_t max_drop = 0;       // the most battles tried: floor(max_fraction × battles)
  int64_t approximation = 0;  // k̂ of the pair whose set is reported (0: none finite)
  bool exhaustive = false;    // the exact search of small problems ran: no smaller set exists
  std::vector<DroppedCell> cells;  // the set, in removal order
  int ahead = -1, behind = -1;     // the pair the set flips: `ahead` led before, `behind` after
  Eigen::VectorXd before, after;   // natural-log strengths, full fit and refit without the set
  std::vector<int> top_before, top_after;  // the top set (kTop, kTopK), best first
  int refits = 0;                          // verification refits run
  double fraction() const { return battles > 0 ? double(dropped) / double(battles) : 0; }
};

// The smallest verified set for `options.target`. REQUIRES: cells sorted by
// (i, j, outcome) as BattleData's; ties kHalf or kDrop; for kPair two
// distinct models; for kTopK 1 <= top_k < eligible models.
VoteDropResult FindVoteDrop(int num_models, const std::vector<PairCell>& cells,
                            const VoteDropOptions& options);

// The names of DropTarget in reports.
inline constexpr EnumName<DropTarget> kDropTargetNames[] = {
    {DropTarget::kTop, "top"},
    {DropTarget::kTopK, "top-k"},
    {DropTarget::kPair, "pair"},
};

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_VOTE_DROPPING_H_
