#include "engine/normalize/normalize.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/base/check.h"

namespace podium {
namespace {

// The present values of column `j`, oriented so larger is better when `flip`.
std::vector<double> ColumnValues(const ScoreMatrix& s, int j, bool flip) {
  std::vector<double> out;
  for (int i = 0; i < s.num_models(); ++i) {
    if (s.present(i, j)) out.push_back(flip ? -s.values(i, j) : s.values(i, j));
  }
  return out;
}

double MinMax(double x, const std::vector<double>& column) {
  const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
  return *hi == *lo ? 0.0 : (x - *lo) / (*hi - *lo);
}

double ZScore(double x, const std::vector<double>& column) {
  const double n = static_cast<double>(column.size());
  double mean = 0;
  for (double v : column) mean += v;
  mean /= n;
  double ss = 0;
  for (double v : column) ss += (v - mean) * (v - mean);
  const double sd = std::sqrt(ss / n);
  return sd == 0 ? 0.0 : (x - mean) / sd;
}

double PercentileRank(double x, const std::vector<double>& column) {
  double below = 0, equal = 0;
  for (double v : column) {
    below += v < x ? 1 : 0;
    equal += v == x ? 1 : 0;
  }
  return 100.0 * (below + 0.5 * equal) / static_cast<double>(column.size());
}

}  // namespace

double ChanceNormalize(double x, double chance, double max) {
  PODIUM_CHECK(chance != max);
  return std::max(0.0, 100.0 * (x - chance) / (max - chance));
}

const char* NormalizationName(Normalization method) {
  switch (method) {
    case Normalization::kRaw:
      return "raw";
    case Normalization::kMinMax:
      return "minmax";
    case Normalization::kZScore:
      return "zscore";
    case Normalization::kPercentile:
      return "percentile";
    case Normalization::kChance:
      return "chance";
  }
  return "raw";
}

NormalizedScores Normalize(const ScoreMatrix& scores, const std::vector<BenchmarkScale>& scales,
                           Normalization method, Diagnostics* diagnostics) {
  PODIUM_CHECK(static_cast<int>(scales.size()) == scores.num_benchmarks());
  NormalizedScores out;
  out.values = scores.values;
  out.present = scores.present;
  out.higher_is_better.assign(scales.size(), true);
  for (int j = 0; j < scores.num_benchmarks(); ++j) {
    const BenchmarkScale& scale = scales[j];
    if (method == Normalization::kRaw) {
      out.higher_is_better[j] = scale.higher_is_better;
      continue;
    }
    if (method == Normalization::kChance && (!scale.chance || !scale.max) &&
        scores.present.col(j).any()) {
      diagnostics->Error(scale.origin, !scale.chance ? "chance" : "max", "",
                         fmt::format("benchmark '{}' has no {} value; --normalize chance "
                                     "needs chance and max in benchmarks.csv",
                                     scale.id, !scale.chance ? "chance" : "max"));
      out.present.col(j).setConstant(false);
      out.values.col(j).setConstant(std::nan(""));
      continue;
    }
    const bool flip = !scale.higher_is_better;
    const std::vector<double> column = ColumnValues(scores, j, flip);
    for (int i = 0; i < scores.num_models(); ++i) {
      if (!scores.present(i, j)) continue;
      const double x = scores.values(i, j);
      const double oriented = flip ? -x : x;
      switch (method) {
        case Normalization::kMinMax:
          out.values(i, j) = MinMax(oriented, column);
          break;
        case Normalization::kZScore:
          out.values(i, j) = ZScore(oriented, column);
          break;
        case Normalization::kPercentile:
          out.values(i, j) = PercentileRank(oriented, column);
          break;
        case Normalization::kChance:
          out.values(i, j) = ChanceNormalize(x, *scale.chance, *scale.max);
          break;
        case Normalization::kRaw:
          break;
      }
    }
  }
  return out;
}

}  // namespace podium
