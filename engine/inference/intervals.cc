#include "engine/inference/intervals.h"

#include <boost/math/distributions/normal.hpp>
#include <cmath>

#include "engine/base/check.h"

namespace podium {

double NormalCdf(double z) {
  if (std::isinf(z)) return z > 0 ? 1.0 : 0.0;
  return boost::math::cdf(boost::math::normal_distribution<double>(), z);
}

double NormalQuantile(double p) {
  PODIUM_CHECK(p > 0 && p < 1);
  return boost::math::quantile(boost::math::normal_distribution<double>(), p);
}

double JackknifeAcceleration(const std::vector<JackknifeSample>& samples) {
  double cubes = 0, squares = 0;
  for (const JackknifeSample& s : samples) {
    PODIUM_CHECK(s.weights.empty() || s.weights.size() == s.values.size());
    auto weight = [&](size_t k) { return s.weights.empty() ? 1.0 : s.weights[k]; };
    double n = 0, mean = 0;
    for (size_t k = 0; k < s.values.size(); ++k) {
      n += weight(k);
      mean += weight(k) * s.values[k];
    }
    if (n < 2) continue;
    mean /= n;
    double c = 0, q = 0;
    for (size_t k = 0; k < s.values.size(); ++k) {
      const double l = (n - 1) * (mean - s.values[k]);  // empirical influence
      c += weight(k) * l * l * l;
      q += weight(k) * l * l;
    }
    cubes += c / (n * n * n);
    squares += q / (n * n);
  }
  if (!(squares > 0)) return 0;
  return cubes / (6 * std::pow(squares, 1.5));
}

namespace {

// BCa's adjusted quantile levels, or nullopt when undefined.
std::optional<Interval> BcaLevels(const std::vector<double>& replicates, double estimate,
                                  double acceleration, double level) {
  PODIUM_CHECK(!replicates.empty() && level > 0 && level < 1);
  double below = 0;
  for (double r : replicates) {
    if (std::isnan(r)) return std::nullopt;
    below += r < estimate ? 1.0 : (r == estimate ? 0.5 : 0.0);
  }
  const double share = below / static_cast<double>(replicates.size());
  if (share <= 0 || share >= 1) return std::nullopt;
  const double z0 = NormalQuantile(share);
  auto adjusted = [&](double tail) {
    const double z = z0 + NormalQuantile(tail);
    return NormalCdf(z0 + z / (1 - acceleration * z));
  };
  const double lo = adjusted((1 - level) / 2), hi = adjusted((1 + level) / 2);
  if (std::isnan(lo) || std::isnan(hi)) return std::nullopt;
  return Interval{lo, hi};
}

}  // namespace

std::optional<Interval> BcaInterval(const std::vector<double>& replicates, double estimate,
                                    double acceleration, double level) {
  const auto levels = BcaLevels(replicates, estimate, acceleration, level);
  if (!levels) return std::nullopt;
  return Interval{Quantile(replicates, levels->low), Quantile(replicates, levels->high)};
}

double QuantileMonteCarloError(const std::vector<double>& replicates, double alpha) {
  PODIUM_CHECK(!replicates.empty());
  const double s = std::sqrt(alpha * (1 - alpha) / static_cast<double>(replicates.size()));
  return (Quantile(replicates, std::min(1.0, alpha + s)) -
          Quantile(replicates, std::max(0.0, alpha - s))) /
         2;
}

IntervalEstimate EstimateInterval(const std::vector<double>& replicates, double estimate,
                                  double acceleration, double level, IntervalMethod method) {
  IntervalEstimate out;
  out.low_level = (1 - level) / 2;
  out.high_level = (1 + level) / 2;
  if (method == IntervalMethod::kBca) {
    if (auto levels = BcaLevels(replicates, estimate, acceleration, level)) {
      out.low_level = levels->low;
      out.high_level = levels->high;
    } else {
      out.fell_back = true;
    }
  }
  out.interval = {Quantile(replicates, out.low_level), Quantile(replicates, out.high_level)};
  out.mcse_low = QuantileMonteCarloError(replicates, out.low_level);
  out.mcse_high = QuantileMonteCarloError(replicates, out.high_level);
  return out;
}

const char* IntervalMethodName(IntervalMethod method) {
  return NameOf(kIntervalMethodNames, method);
}

}  // namespace podium
