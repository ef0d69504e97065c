#include "engine/inference/significance.h"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <cmath>
#include <numeric>

#include "engine/base/check.h"

namespace podium {

double BinomialTestTwoSided(int64_t k, int64_t n, double p0) {
  PODIUM_CHECK(k >= 0 && k <= n && p0 > 0 && p0 < 1);
  if (n == 0) return 1.0;
  const boost::math::binomial_distribution<double> dist(static_cast<double>(n), p0);
  auto pmf = [&](int64_t i) { return boost::math::pdf(dist, static_cast<double>(i)); };
  const double observed = pmf(k) * (1 + 1e-7);
  const double mode = n * p0;
  if (std::abs(k - mode) < 1e-12) return 1.0;
  double p = 0;
  if (k < mode) {
    // This tail, plus the far-side tail of outcomes at most as likely: the pmf
    // falls monotonically above the mode, so the boundary is found by bisection.
    int64_t lo = static_cast<int64_t>(std::ceil(mode)), hi = n + 1;  // first i with pmf <= obs
    while (lo < hi) {
      const int64_t mid = lo + (hi - lo) / 2;
      if (pmf(mid) <= observed)
        hi = mid;
      else
        lo = mid + 1;
    }
    p = boost::math::cdf(dist, static_cast<double>(k));
    if (lo <= n) p += boost::math::cdf(boost::math::complement(dist, static_cast<double>(lo - 1)));
  } else {
    int64_t lo = -1, hi = static_cast<int64_t>(std::floor(mode));  // last i with pmf <= obs
    while (lo < hi) {
      const int64_t mid = hi - (hi - lo) / 2;
      if (pmf(mid) <= observed)
        lo = mid;
      else
        hi = mid - 1;
    }
    p = boost::math::cdf(boost::math::complement(dist, static_cast<double>(k - 1)));
    if (lo >= 0) p += boost::math::cdf(dist, static_cast<double>(lo));
  }
  return std::min(1.0, p);
}

std::vector<double> HolmAdjust(const std::vector<double>& p_values) {
  std::vector<size_t> order;
  for (size_t k = 0; k < p_values.size(); ++k) {
    if (!std::isnan(p_values[k])) order.push_back(k);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return p_values[a] < p_values[b]; });
  std::vector<double> adjusted(p_values.size(), std::nan(""));
  const double m = static_cast<double>(order.size());
  double running = 0;
  for (size_t j = 0; j < order.size(); ++j) {
    running = std::max(running, std::min(1.0, (m - j) * p_values[order[j]]));
    adjusted[order[j]] = running;
  }
  return adjusted;
}

}  // namespace podium
