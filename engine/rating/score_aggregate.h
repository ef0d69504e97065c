// Aggregation of a normalized score matrix into one score per model
// (design.md §4). Missing cells are never read as zero unless asked.
//
//   mean     the mean of the model's available cells (MissingPolicy::kSkip), or
//            of all cells with missing ones counted as 0 (kZero)
//   winrate  HELM's mean win rate: per benchmark with >= 2 values, a model's
//            win rate is (#others strictly worse + 0.5 * #others tied) / (n - 1)
//            over the n models with a value; the score is the mean of the
//            model's win rates over those benchmarks (Liang et al., HELM, 2022)
//   borda    MTEB's Borda count: per benchmark, n - rank over the n models with
//            a value, ranks 1 = best with ties given their average rank;
//            summed over benchmarks (a missing cell earns 0 points)
#ifndef PODIUM_ENGINE_RATING_SCORE_AGGREGATE_H_
#define PODIUM_ENGINE_RATING_SCORE_AGGREGATE_H_

#include <Eigen/Core>
#include <vector>

#include "engine/base/enum_names.h"
#include "engine/normalize/normalize.h"

namespace podium {

enum class Aggregation { kMean, kWinRate, kBorda };

// The names of Aggregation on the command line, in reports and manifests.
inline constexpr EnumName<Aggregation> kAggregationNames[] = {
    {Aggregation::kMean, "mean"},
    {Aggregation::kWinRate, "winrate"},
    {Aggregation::kBorda, "borda"},
};
enum class MissingPolicy { kSkip, kZero };

// The names of MissingPolicy on the command line, in reports and manifests.
inline constexpr EnumName<MissingPolicy> kMissingPolicyNames[] = {
    {MissingPolicy::kSkip, "skip"},
    {MissingPolicy::kZero, "zero"},
};

struct AggregateOptions {
  Aggregation method = Aggregation::kMean;
  MissingPolicy missing = MissingPolicy::kSkip;  // used by kMean only
};

struct AggregateResult {
  Eigen::VectorXd score;   // per model; NaN when the model has nothing to score
  Eigen::VectorXi cells;   // per model: number of present cells
  Eigen::VectorXi scored;  // per model: benchmarks that entered its score
};

// Aggregates each row of `scores`. Direction per column is taken from
// scores.higher_is_better (winrate and borda compare in that direction).
// REQUIRES: for kMean, every column with data is higher-is-better (checked by
// the caller, which can report it; see LeaderboardProblems()).
AggregateResult Aggregate(const NormalizedScores& scores, const AggregateOptions& options);

const char* AggregationName(Aggregation method);
const char* MissingPolicyName(MissingPolicy policy);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_SCORE_AGGREGATE_H_
