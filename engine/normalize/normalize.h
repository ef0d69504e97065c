// Per-benchmark score transforms (design.md §4), applied column by column.
//
//   raw         x, as printed (direction kept: see NormalizedScores)
//   minmax      (x - min) / (max - min) over the models present, in [0, 1];
//               a constant column gives 0 (as scikit-learn's MinMaxScaler)
//   zscore      (x - mean) / sd, population sd (ddof = 0, as scipy.stats.zscore);
//               a constant column gives 0
//   percentile  100 * (#below + 0.5 * #equal) / n, the percentile rank
//               (#equal counts the model itself)
//   chance      100 * (x - chance) / (max - chance), clamped below at 0: the
//               Open LLM Leaderboard v2 rule (chance and max from the registry)
//
// Lower-is-better benchmarks: minmax, zscore and percentile negate x first, so
// every normalized column is higher-is-better. For chance the registry's `max`
// is the best possible score, so for a lower-is-better metric max < chance and
// the same formula already points the right way. Missing cells stay missing.
#ifndef PODIUM_ENGINE_NORMALIZE_NORMALIZE_H_
#define PODIUM_ENGINE_NORMALIZE_NORMALIZE_H_

#include <Eigen/Core>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/enum_names.h"
#include "engine/base/diagnostic.h"
#include "engine/matrix/score_matrix.h"

namespace podium {

enum class Normalization { kRaw, kMinMax, kZScore, kPercentile, kChance };

// The names of Normalization on the command line, in reports and manifests.
inline constexpr EnumName<Normalization> kNormalizationNames[] = {
    {Normalization::kRaw, "raw"},
    {Normalization::kMinMax, "minmax"},
    {Normalization::kZScore, "zscore"},
    {Normalization::kPercentile, "percentile"},
    {Normalization::kChance, "chance"},
};

// What a normalization needs to know about one benchmark column.
struct BenchmarkScale {
  bool higher_is_better = true;
  std::optional<double> chance;  // random-guess score; required by kChance
  std::optional<double> max;     // best possible score; required by kChance
  Location origin;               // registry row, for diagnostics
  std::string id;                // benchmark id, for diagnostics
};

struct NormalizedScores {
  Eigen::MatrixXd values;  // NaN where the input cell is missing
  BoolMatrix present;      // same mask as the input
  // Per column: true if larger values are better after normalization. Every
  // normalization except raw makes this true for all columns.
  std::vector<bool> higher_is_better;
};

// Normalizes every column of `scores`. `scales` has one entry per column.
// kChance without chance/max for a column that has data is an error at that
// benchmark's registry row; the column is then left missing.
// REQUIRES: scales.size() == scores.num_benchmarks().
NormalizedScores Normalize(const ScoreMatrix& scores, const std::vector<BenchmarkScale>& scales,
                           Normalization method, Diagnostics* diagnostics);

// The same on a bare values/mask pair (e.g. a bootstrap replicate).
NormalizedScores Normalize(const Eigen::MatrixXd& values, const BoolMatrix& present,
                           const std::vector<BenchmarkScale>& scales, Normalization method,
                           Diagnostics* diagnostics);

// The Open LLM Leaderboard v2 rule for one value: 100 * (x - chance) / (max -
// chance), clamped at 0. REQUIRES: chance != max.
double ChanceNormalize(double x, double chance, double max);

const char* NormalizationName(Normalization method);

}  // namespace podium

#endif  // PODIUM_ENGINE_NORMALIZE_NORMALIZE_H_
