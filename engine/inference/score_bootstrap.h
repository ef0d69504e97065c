// Uncertainty for score-table leaderboards (design.md §4): bootstrap
// intervals for each model's aggregated score, marginal rank intervals,
// simultaneous rank confidence sets and tiers.
//
// Each replicate redraws the table and then normalizes and aggregates it
// exactly like the point estimate (ScoreTable), so an interval means the same
// thing for mean, win rate or Borda and for every normalization:
//   parametric  each cell redrawn from its sampling distribution:
//                 claim `stderr`            Normal(value, stderr)
//                 claim `ci_low`/`ci_high`  Normal(value, (high - low) / (2 · 1.96))
//                 claim `n` or registry `n_items`, with registry `max` on a
//                 higher-is-better benchmark
//                                           max · Binomial(n, value / max) / n
//               cells with none of these are held fixed (listed in `notes`);
//   benchmarks  the columns resampled with replacement (a column drawn twice
//               counts twice; a model with none of the drawn columns has no
//               score in that replicate and is left out of its ranking);
//   items       per benchmark with item data, the questions resampled with
//               replacement, the same draw for every model (paired).
// Intervals are percentile or BCa; BCa's acceleration comes from the jackknife
// over the same units (binomial items of each cell, benchmarks, or
// questions). The full-data estimate is reported, never the bootstrap median.
#ifndef PODIUM_ENGINE_INFERENCE_SCORE_BOOTSTRAP_H_
#define PODIUM_ENGINE_INFERENCE_SCORE_BOOTSTRAP_H_

#include <Eigen/Core>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/base/enum_names.h"
#include "engine/base/progress.h"
#include "engine/inference/bootstrap.h"
#include "engine/inference/intervals.h"
#include "engine/ingest/claims.h"
#include "engine/ingest/items.h"
#include "engine/rating/leaderboard.h"
#include "engine/registry/registry.h"

namespace podium {

enum class ScoreBootstrap { kNone, kParametric, kBenchmarks, kItems };

// The names of ScoreBootstrap on the command line, in reports and manifests.
inline constexpr EnumName<ScoreBootstrap> kScoreBootstrapNames[] = {
    {ScoreBootstrap::kNone, "none"},
    {ScoreBootstrap::kParametric, "parametric"},
    {ScoreBootstrap::kBenchmarks, "benchmarks"},
    {ScoreBootstrap::kItems, "items"},
};

struct ScoreBootstrapOptions : BootstrapOptions {  // rounds >= 2
  ScoreBootstrap kind = ScoreBootstrap::kNone;
  IntervalMethod interval = IntervalMethod::kPercentile;
};

// How one published score varies under repetition (the parametric model).
struct CellNoise {
  enum Kind { kFixed, kBinomial, kNormal } kind = kFixed;
  int64_t n = 0;     // items (binomial)
  double scale = 1;  // value = scale * successes / n (binomial)
  double sd = 0;     // normal

  // The standard error of `value` under this model; NaN for kFixed.
  double StandardError(double value) const;
  std::string Describe() const;  // "binomial, n = 164", "normal, sd = 1.5", "none"
};

// The noise model of one cell (rules at the top of this file). `claim` may be
// null (the benchmark's n_items then decides).
CellNoise CellNoiseOf(const Claim* claim, const Benchmark& benchmark, double value);

// Per leaderboard row (same order as Leaderboard::rows).
struct RowUncertainty {
  double ci_low = 0, ci_high = 0;
  double mcse_low = 0, mcse_high = 0;  // Monte-Carlo standard error; NaN if not computed
  int rank_ci_low = 0, rank_ci_high = 0;
  int rank_set_low = 0, rank_set_high = 0;
  int tier = 0;
  int rank_ub = 0;          // Arena's 1 + #{j : ci_low_j > ci_high_i}
  int defined_rounds = 0;   // replicates in which the model had a score
  double acceleration = 0;  // BCa's a (0 under percentile)
};

struct LeaderboardUncertainty {
  ScoreBootstrapOptions options;
  bool published = false;  // intervals are the claims' own ci_low/ci_high
  std::vector<RowUncertainty> rows;
  int bca_fallbacks = 0;           // rows where BCa was undefined (percentile used)
  double critical_value = 0;       // of the simultaneous rank sets
  std::vector<std::string> notes;  // held-fixed cells and other caveats, in words
  Eigen::MatrixXd replicates;      // rounds x rows
};

// Bootstraps `board` (which must have been built from `claims` without
// errors). `items` is required for kItems and ignored otherwise. Problems
// (kItems without item data) are diagnostics.
std::optional<LeaderboardUncertainty> BootstrapLeaderboard(
    const Leaderboard& board, const std::vector<Claim>& claims, const Registry& registry,
    const ItemData* items, const ScoreBootstrapOptions& options, Diagnostics* diagnostics);

// Published intervals used as given: for a single-benchmark board of raw
// values whose claims carry ci_low/ci_high. Rows without an interval get NaN;
// rank_ub counts only rows with intervals. nullopt when no claim has one.
std::optional<LeaderboardUncertainty> PublishedUncertainty(const Leaderboard& board,
                                                           const std::vector<Claim>& claims);

// Cuts `uncertainty` to the rows `board` kept after KeepTopRows (its rows
// are the first rows of the uncut board).
void KeepTopRows(const Leaderboard& board, LeaderboardUncertainty* uncertainty);

const char* ScoreBootstrapName(ScoreBootstrap kind);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_SCORE_BOOTSTRAP_H_
