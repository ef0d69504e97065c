// Battles -> a Chatbot-Arena-style leaderboard with bootstrap intervals.
//
// Point ratings are the full-data fit (Bradley–Terry by default, or FastChat's
// online Elo). Intervals come from the bootstrap:
//   - Bradley–Terry: resampling N battles with replacement is the same as
//     drawing multinomial counts over the distinct (pair, outcome) cells, so a
//     round costs O(cells), not O(battles);
//   - online Elo: battles resampled with replacement and played in the drawn
//     order (as FastChat's get_bootstrap_result), O(battles) per round.
// Each replicate is anchored or centred exactly like the point estimate.
// Ranks: `rank` by rating (competition ranking), Arena's rank_ub, the
// percentile interval of each model's bootstrap rank, and the simultaneous
// rank sets and tiers of rank_sets.h (per component).
#ifndef PODIUM_ENGINE_INFERENCE_ARENA_H_
#define PODIUM_ENGINE_INFERENCE_ARENA_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/base/enum_names.h"
#include "engine/base/progress.h"
#include "engine/inference/arena_style.h"
#include "engine/inference/bootstrap.h"
#include "engine/inference/leave_one_out.h"
#include "engine/inference/vote_dropping.h"
#include "engine/inference/goodness_of_fit.h"
#include "engine/ingest/battles.h"
#include "engine/rating/bradley_terry.h"
#include "engine/rating/elo.h"

namespace podium {

enum class ArenaMethod { kBradleyTerry, kElo };

// Where a rating's interval comes from.
//   kBootstrap  percentile bootstrap over `rounds` refits (FastChat; podium's
//               default, so earlier reports and regression checks keep their numbers)
//   kSandwich   the robust (sandwich) covariance of the Bradley–Terry fit and
//               normal intervals, as arena-rank (the Arena's default since
//               July 2025): no refits; see sandwich.h
enum class ArenaIntervals { kBootstrap, kSandwich };

// The names of ArenaIntervals on the command line (--ci), in reports and manifests.
inline constexpr EnumName<ArenaIntervals> kArenaIntervalsNames[] = {
    {ArenaIntervals::kBootstrap, "bootstrap"},
    {ArenaIntervals::kSandwich, "sandwich"},
};

// The names of ArenaMethod on the command line, in reports and manifests.
inline constexpr EnumName<ArenaMethod> kArenaMethodNames[] = {
    {ArenaMethod::kBradleyTerry, "bt"},
    {ArenaMethod::kElo, "elo"},
};

struct ArenaOptions : BootstrapOptions {  // rounds 0 = point estimates only
  ArenaMethod method = ArenaMethod::kBradleyTerry;
  TieModel ties = TieModel::kHalf;  // Bradley–Terry only; Elo counts a tie as half
  std::string anchor_model;         // "" = centre ratings on a mean of 1000
  double anchor_rating = 1000;
  int64_t min_battles = 0;     // models with fewer battles are left out
  bool per_component = false;  // false: a disconnected graph is an error
  double ridge = 0;            // 0 = none unless the MLE does not exist (then 0.01)
  // A model with only wins or only losses has no maximum-likelihood rating
  // (it is +/- infinity; the one shown comes from a ridge): it is marked and
  // gets no rank, and the others are ranked among themselves. true ranks it.
  bool rank_all = false;
  EloOptions elo;  // K = 4, base 10, scale 400, initial 1000
  // kSandwich: Bradley–Terry with ties kHalf or kDrop, and rounds == 0.
  ArenaIntervals ci = ArenaIntervals::kBootstrap;
  int draws = 10000;  // kSandwich: Monte-Carlo draws of the max-t and rank intervals
  // arena-rank's reweighted=True: every battle of the unordered pair {i, j}
  // weighs 1 / max(n_ij, 50) in the fit and in both kinds of interval (the
  // bootstrap resamples battles and keeps each pair's weight). Bradley–Terry only.
  bool reweight = false;
  // Style control (--control): a second, style-controlled board beside this
  // one (arena_style.h), with intervals of the same kind (--ci, --rounds).
  // Needs the features read (BattleReadOptions::features), Bradley–Terry,
  // ties half or drop, one connected component.
  StyleBoardOptions style;
  // Goodness of fit (goodness_of_fit.h): every tie model's held-out log-loss
  // over `folds` folds (seed, ridge and threads as above), AIC, BIC, and the
  // calibration of the board's tie model. Bradley–Terry only.
  bool fit = false;
  int folds = 5;  // 2..255, at most the number of battles
  // Choose `ties` by held-out log-loss (implies `fit`; `ties` is then
  // ignored, and the result's options carry the choice). Not with the
  // sandwich or style control, which take ties half or drop only.
  bool ties_auto = false;

  // How fragile the board is (docs/methods.md "How fragile is the board"):
  // Bradley–Terry on one connected component, without --reweight.
  //   robustness  the smallest verified set of battles whose removal changes
  //               #1 (top_k 1), the top k, or the order of pair_a and
  //               pair_b (vote_dropping.h); ties half or drop; needs the
  //               battle sequence (lines) read
  //   loo         leave each group of BattleData::group_names out in turn
  //               (leave_one_out.h); "judge", "prompt" or "category", the
  //               field the reader grouped by
  bool robustness = false;
  int top_k = 1;
  std::string pair_a, pair_b;  // both set: the pair's order instead of the top
  double max_drop = 0.01;      // the largest fraction of battles tried
  std::string loo;

  // Whether the rows carry intervals, rank intervals, rank sets and tiers.
  bool has_intervals() const { return ci == ArenaIntervals::kSandwich || rounds > 0; }
};

struct ArenaRow {
  std::string model;
  int component = 0;
  double rating = 0;
  double ci_low = 0, ci_high = 0;  // NaN without bootstrap
  int rank = 0;                    // within its component; 0 = not ranked
  std::string not_ranked;          // why it has no rank ("only wins (no losses)"), or ""
  int rank_ub = 0;
  int rank_ci_low = 0, rank_ci_high = 0;    // marginal bootstrap rank interval
  int rank_set_low = 0, rank_set_high = 0;  // simultaneous rank set (rank_sets.h)
  int tier = 0;                             // "statistically tied" group, 1 = top
  // (rank_ub, rank intervals, rank sets and tiers are among the ranked models
  // of the component, and 0 for a model that is not ranked)
  int64_t battles = 0, wins = 0, losses = 0, ties = 0;
  int index = 0;  // row/column in the matrices
};

// The vote-dropping answer with the battles behind it (models as indices
// into ArenaResult::models).
struct ArenaRobustness {
  VoteDropResult drop;
  std::vector<std::vector<int64_t>> lines;  // per drop.cells: the lines of its battles
  Eigen::VectorXd ratings_after;            // the board's scale, refit without the set
  std::vector<int> ranks_after;             // among the ranked models; 0 = not ranked
};

struct ArenaLeaveOneOut {
  std::string by;                   // judge, prompt or category
  std::vector<std::string> groups;  // names (LeaveOneOutResult group order)
  LeaveOneOutResult result;
};

struct ArenaResult {
  ArenaOptions options;
  std::vector<ArenaRow> rows;              // by component, then rank (not ranked last,
                                           // by rating), then model name
  std::vector<std::string> models;         // matrix order (by name)
  Eigen::MatrixXd battles;                 // n_ij
  Eigen::MatrixXd wins;                    // battles i won against j
  Eigen::MatrixXd ties;                    // ties between i and j (symmetric)
  Eigen::MatrixXd win_fraction;            // wins_ij / (wins_ij + wins_ji): ties excluded
  Eigen::MatrixXd win_fraction_ties_half;  // (wins_ij + ties_ij / 2) / n_ij
  Eigen::MatrixXd predicted;               // P(i beats j) from the ratings (same component)
  Eigen::MatrixXd replicates;              // rounds x models (matrix order): bootstrap ratings
  // kSandwich: the sandwich covariance of the natural-log strengths, per
  // component (a block per component, NaN between components; sandwich.h).
  // The variance of R_i − R_j on the Elo scale is kEloPerNat² times
  // DifferenceVariance(covariance, i, j). Empty with the bootstrap.
  Eigen::MatrixXd covariance;
  double critical_value = 0;  // kSandwich: the max-t c of the first component; else NaN
  std::optional<StyleBoard> style;  // with options.style.features
  std::optional<ArenaRobustness> robustness;  // with options.robustness
  std::optional<ArenaLeaveOneOut> loo;        // with options.loo
  std::optional<GoodnessOfFit> goodness_of_fit;  // with options.fit or options.ties_auto
  int64_t total_battles = 0;
  int num_components = 1;
  double ridge_used = 0;     // penalty actually applied to the point fit
  double tie_parameter = 0;  // Davidson's nu or Rao–Kupper's theta (first component)
  int iterations = 0;
  bool converged = true;
  int degenerate_replicates = 0;            // replicates fitted with the fallback ridge
  std::vector<std::string> warnings;        // data problems, in words
  std::vector<std::string> dropped_models;  // under --min-battles
};

// Builds the leaderboard. A disconnected graph without per_component, an
// unknown anchor, or an Elo request without the battle sequence are errors;
// so are fit or ties_auto with Elo, folds out of range, and ties_auto with
// the sandwich or style control.
std::optional<ArenaResult> BuildArena(const BattleData& data, const ArenaOptions& options,
                                      Diagnostics* diagnostics);

const char* ArenaMethodName(ArenaMethod method);
const char* ArenaIntervalsName(ArenaIntervals ci);

// "MODEL=RATING" (split at the last '=') as an anchor model and rating;
// nullopt when the model is empty or RATING is not a finite number.
std::optional<std::pair<std::string, double>> ParseAnchor(const std::string& text);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_ARENA_H_
