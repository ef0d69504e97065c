#include "engine/rating/style_features.h"

#include <cmath>

#include "engine/base/check.h"

namespace podium {

double RelativeDifference(double a, double b) {
  const double total = a + b;
  return (a - b) / (total == 0 ? 1 : total);
}

StyleCovariates ComputeStyleCovariates(int64_t num_battles, int num_features,
                                       const std::vector<double>& raw) {
  const int64_t n = num_battles;
  const int k = num_features;
  PODIUM_CHECK(n >= 1 && k >= 0);
  PODIUM_CHECK_MSG(raw.size() == static_cast<size_t>(2 * n * k),
                   "raw style values: 2 per feature per battle");
  StyleCovariates out;
  out.covariates.resize(n, k);
  for (int64_t i = 0; i < n; ++i) {
    for (int f = 0; f < k; ++f) {
      const double a = raw[2 * (i * k + f)], b = raw[2 * (i * k + f) + 1];
      PODIUM_CHECK_MSG(std::isfinite(a) && std::isfinite(b), "raw style values must be finite");
      out.covariates(i, f) = RelativeDifference(a, b);
    }
  }
  // Two passes (mean, then squared deviations), as numpy computes its std.
  for (int f = 0; f < k; ++f) {
    auto column = out.covariates.col(f);
    // A constant column is tested as such: its computed mean may differ from
    // the value by rounding, which would leave a tiny nonzero sd.
    const bool constant = column.minCoeff() == column.maxCoeff();
    const double mean = constant ? column(0) : column.mean();
    const double sd = constant ? 0 : std::sqrt((column.array() - mean).square().mean());
    out.means.push_back(mean);
    out.sds.push_back(sd);
    if (sd > 0) {
      column = (column.array() - mean) / sd;
    } else {
      column.setZero();
    }
  }
  return out;
}

}  // namespace podium
