// A ranked leaderboard from score claims: matrix -> normalize -> aggregate ->
// coverage policy -> ranks. Pure computation; reporting/ turns it into text.
#ifndef PODIUM_ENGINE_RATING_LEADERBOARD_H_
#define PODIUM_ENGINE_RATING_LEADERBOARD_H_

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/matrix/score_matrix.h"
#include "engine/normalize/normalize.h"
#include "engine/rating/score_aggregate.h"
#include "engine/registry/registry.h"

namespace podium {

struct LeaderboardOptions {
  Normalization normalization = Normalization::kRaw;
  AggregateOptions aggregate;  // method (mean) and missing policy (skip)
  ConflictPolicy on_conflict = ConflictPolicy::kError;
  double min_coverage = 0.0;            // in [0, 1]; fewer covered benchmarks -> excluded
  int min_models = 1;                   // benchmarks with fewer models are left out
  std::vector<std::string> benchmarks;  // canonical ids; empty = all with claims
  std::vector<std::string> models;      // canonical ids; empty = all with claims
};

struct LeaderboardRow {
  std::string model;    // canonical id
  int rank = 0;         // 1 = best; equal scores share a rank (1, 2, 2, 4)
  double score = 0;     // aggregated score
  int cells = 0;        // benchmarks with a number for this model
  double coverage = 0;  // cells / number of benchmarks
  int matrix_row = 0;   // row in `matrix` / `normalized`
};

struct ExcludedModel {
  std::string model;
  std::string reason;  // e.g. "coverage 0.20 < --min-coverage 0.50"
};

struct Leaderboard {
  LeaderboardOptions options;
  ScoreMatrix matrix;                           // the raw numbers and the claims behind them
  std::vector<BenchmarkScale> scales;           // per matrix column, from the registry
  NormalizedScores normalized;                  // the per-benchmark values that were aggregated
  std::vector<LeaderboardRow> rows;             // by rank, then model id
  std::vector<ExcludedModel> excluded;          // by model id
  std::vector<std::string> dropped_benchmarks;  // fewer than min_models models
  // Set by KeepTopRows: how many models were ranked before the cut; 0 when
  // every ranked model is shown.
  int ranked_models = 0;
};

// Builds the leaderboard. Problems (conflicts, chance without chance/max, mean
// of raw values with a lower-is-better benchmark) are error diagnostics; the
// caller must not write a report when diagnostics->has_errors().
Leaderboard BuildLeaderboard(const std::vector<Claim>& claims, const Registry& registry,
                             const LeaderboardOptions& options, Diagnostics* diagnostics);

// Keeps the best `n` rows (--top): the first n, and any row tied with the
// n-th, since a cut never splits equal scores. Ranks, intervals and rank
// sets are computed before the cut, over every model; `ranked_models`
// records how many there were. No change when n <= 0 or n >= rows.
void KeepTopRows(int n, Leaderboard* board);

// The aggregated score of every row of a values/mask pair with the columns
// and options of a built leaderboard: normalize, then aggregate, exactly as
// BuildLeaderboard does for the point estimate. Used by the bootstrap on
// redrawn tables. NaN where a row has nothing to score.
Eigen::VectorXd ScoreTable(const Eigen::MatrixXd& values, const BoolMatrix& present,
                           const std::vector<BenchmarkScale>& scales,
                           const LeaderboardOptions& options);

// Why a claim that was read did not reach the table, in the order the
// reasons are tried (the first that applies is the one counted).
enum class DropReason {
  kModelFilter,      // model not in options.models
  kBenchmarkFilter,  // benchmark not in options.benchmarks
  kReplacedByItems,  // its cell came from per-item results instead
  kTooFewModels,     // benchmark reported for fewer than options.min_models models
  kLowCoverage,      // model under options.min_coverage
  kNotChosen,        // another claim of the cell was used (options.on_conflict, or a repeat)
};

struct DroppedClaims {
  DropReason reason;
  int64_t count = 0;
};

// How many of the claims `read` did not reach `board`, per reason, every
// reason listed in DropReason order (counts may be 0). `used` are the claims
// the board was built from (`read` with cells replaced by item results).
std::vector<DroppedClaims> CountDroppedClaims(const std::vector<Claim>& read,
                                              const std::vector<Claim>& used,
                                              const Leaderboard& board);

// Competition ranks ("1224") of `scores`, larger is better; NaN is not allowed.
std::vector<int> CompetitionRanks(const std::vector<double>& scores);

// Competition ranks of the models `among` (indices into `scores`) among
// themselves, larger is better: 1 + how many of them score strictly more;
// 0 for a model not in `among`. NaN is not allowed among them.
std::vector<int> CompetitionRanks(const Eigen::VectorXd& scores, const std::vector<int>& among);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_LEADERBOARD_H_
