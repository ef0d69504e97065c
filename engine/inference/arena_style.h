// The style-controlled Arena board (`podium arena --control F,...`): the
// contextual Bradley–Terry fit of engine/rating/contextual_bradley_terry.h on
// the battles' style features, with intervals from style_control.h, beside
// the uncontrolled board of arena.h.
//
// As the Arena computes it (lmarena/arena-rank, ContextualPairDataset and
// ContextualBradleyTerry; examples/lmarena.ipynb):
//   covariate_f = z-score over battles of (f_a − f_b)/(f_a + f_b)   (0 when both are 0)
//   P(a beats b) = σ(θ_a − θ_b + xᵀβ)
//   loss = −(1/n)·Σ w·[y·log p + (1 − y)·log(1 − p)] + (l2/2)·‖β‖²
// with θ unpenalized (centred), y = 1, ½, 0, and w = arena-rank's pair
// reweighting 1/max(n_pair, 50) normalized to mean 1 (on by default, as its
// ContextualPairDataset). Intervals: the sandwich (H⁻¹GH⁻¹/n) or the
// percentile bootstrap over battles, as the uncontrolled board's --ci.
//
// Output: each model's controlled rating, interval, rank and Rank (UB), and
// its rank change against the uncontrolled board (uncontrolled Rank (UB),
// or rank without intervals, minus controlled Rank (UB); > 0 = moves up);
// each coefficient with its interval.
#ifndef PODIUM_ENGINE_INFERENCE_ARENA_STYLE_H_
#define PODIUM_ENGINE_INFERENCE_ARENA_STYLE_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/inference/bootstrap.h"
#include "engine/ingest/battles.h"
#include "engine/rating/bradley_terry.h"

namespace podium {

struct StyleBoardOptions {
  std::vector<std::string> features;  // BattleData::feature_names to control for; empty = none
  double l2 = 1.0;                    // penalty on β over the mean log-likelihood (arena-rank)
  bool reweight = true;               // arena-rank's ContextualPairDataset default
};

struct StyleCoefficientRow {
  std::string feature;
  double estimate = 0;         // β: natural-log odds per sd of the relative difference
  double sd = 0;               // sandwich sd, or the bootstrap replicates' sd
  double ci_low = 0, ci_high = 0;  // NaN without intervals
  double covariate_mean = 0, covariate_sd = 0;  // of (a − b)/(a + b) before z-scoring
};

struct StyleRow {
  std::string model;
  int index = 0;                    // the model's column in ArenaResult::models
  double rating = 0;                // Elo scale, centred on 1000 (or anchored like the board)
  double ci_low = 0, ci_high = 0;   // NaN without intervals
  int rank = 0;                     // 1 + #{j : rating_j > rating_i}
  int rank_ub = 0;                  // 1 + #{j : ci_low_j > ci_high_i}; = rank without intervals
  int uncontrolled_rank = 0;        // the other board's Rank (UB) (its rank without intervals);
                                    // 0 when that board does not rank the model
  int rank_change = 0;              // uncontrolled_rank − rank_ub (> 0: style control lifts it);
                                    // 0 when uncontrolled_rank is 0
};

struct StyleBoard {
  StyleBoardOptions options;
  std::string intervals;          // "sandwich", "bootstrap" or "none"
  std::vector<StyleCoefficientRow> coefficients;
  std::vector<StyleRow> rows;     // by controlled rank, then model name
  int64_t battles = 0;            // n
  int iterations = 0;
  bool converged = true;
  int unconverged_replicates = 0;  // bootstrap refits that did not converge
};

// How the board's intervals are computed: sandwich (level used), or the
// bootstrap (rounds > 0), or none.
struct StyleIntervalOptions {
  bool sandwich = false;
  BootstrapOptions bootstrap;  // rounds 0 (and not sandwich) = point estimates only
};

// The style-controlled board of `data` (its sequence and features, kept by
// the reader with BattleReadOptions::features). `uncontrolled_ranks` is per
// model (matrix order) as described above, 0 for a model it does not rank;
// `anchor` (or −1) and `anchor_rating` put the ratings and intervals in the
// uncontrolled board's gauge (intervals of R_i − R_anchor, as arena.h).
// The controlled Rank (UB) counts every model. Errors
// (diagnostics, nullopt): a feature not read, Davidson or Rao–Kupper ties, no battles.
// Ties under kDrop are left out; under kHalf they are y = ½.
std::optional<StyleBoard> BuildStyleBoard(const BattleData& data, TieModel ties,
                                          const StyleBoardOptions& options,
                                          const StyleIntervalOptions& intervals,
                                          const std::vector<int>& uncontrolled_ranks, int anchor,
                                          double anchor_rating, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_ARENA_STYLE_H_
