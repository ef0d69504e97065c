#include "engine/normalize/normalize.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/base/option_names.h"
#include "engine/base/check.h"

namespace podium {
namespace {

// The present values of column `j`, oriented so larger is better when `flip`.
std::vector<double> ColumnValues(const Eigen::MatrixXd& values, const BoolMatrix& present, int j,
                                 bool flip) {
  std::vector<double> out;
  for (int i = 0; i < values.rows(); ++i) {
    if (present(i, j)) out.push_back(flip ? -values(i, j) : values(i, j));
  }
  return out;
}

// Location and spread of one column, computed once per column.
struct ColumnStats {
  double min = 0, max = 0, mean = 0, sd = 0;
};

ColumnStats Stats(const std::vector<double>& column) {
  ColumnStats st;
  const auto [lo, hi] = std::minmax_element(column.begin(), column.end());
  st.min = *lo;
  st.max = *hi;
  const double n = static_cast<double>(column.size());
  for (double v : column) st.mean += v;
  st.mean /= n;
  double ss = 0;
  for (double v : column) ss += (v - st.mean) * (v - st.mean);
  st.sd = std::sqrt(ss / n);
  return st;
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

const char* NormalizationName(Normalization method) { return NameOf(kNormalizationNames, method); }

NormalizedScores Normalize(const ScoreMatrix& scores, const std::vector<BenchmarkScale>& scales,
                           Normalization method, Diagnostics* diagnostics) {
  return Normalize(scores.values, scores.present, scales, method, diagnostics);
}

NormalizedScores Normalize(const Eigen::MatrixXd& values, const BoolMatrix& present,
                           const std::vector<BenchmarkScale>& scales, Normalization method,
                           Diagnostics* diagnostics) {
  PODIUM_CHECK(static_cast<Eigen::Index>(scales.size()) == values.cols());
  NormalizedScores out;
  out.values = values;
  out.present = present;
  out.higher_is_better.assign(scales.size(), true);
  for (int j = 0; j < values.cols(); ++j) {
    const BenchmarkScale& scale = scales[j];
    if (method == Normalization::kRaw) {
      out.higher_is_better[j] = scale.higher_is_better;
      continue;
    }
    if (method == Normalization::kChance && (!scale.chance || !scale.max) && present.col(j).any()) {
      diagnostics->Error(scale.origin, !scale.chance ? "chance" : "max", "",
                         fmt::format("benchmark '{}' has no {} value; {} chance "
                                     "needs chance and max in benchmarks.csv",
                                     scale.id, !scale.chance ? "chance" : "max",
                                     OptionName("normalization")));
      out.present.col(j).setConstant(false);
      out.values.col(j).setConstant(std::nan(""));
      continue;
    }
    const bool flip = !scale.higher_is_better;
    const std::vector<double> column = ColumnValues(values, present, j, flip);
    if (column.empty()) continue;
    const ColumnStats st = Stats(column);
    for (int i = 0; i < values.rows(); ++i) {
      if (!present(i, j)) continue;
      const double x = values(i, j);
      const double oriented = flip ? -x : x;
      switch (method) {
        case Normalization::kMinMax:
          out.values(i, j) = st.max == st.min ? 0.0 : (oriented - st.min) / (st.max - st.min);
          break;
        case Normalization::kZScore:
          out.values(i, j) = st.sd == 0 ? 0.0 : (oriented - st.mean) / st.sd;
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
