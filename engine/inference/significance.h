// Significance tests for head-to-head comparisons.
//
//   BinomialTestTwoSided  the exact binomial test of k successes in n trials
//                         against success probability p0, two-sided by the
//                         "probabilities no larger than the observed one"
//                         rule (R's binom.test; SciPy's binomtest), with R's
//                         relative tolerance 1 + 1e-7 for equal probabilities.
//                         Probabilities from Boost.Math.
//   HolmAdjust            Holm's step-down adjustment (Holm, "A simple
//                         sequentially rejective multiple test procedure",
//                         Scand. J. Statist. 1979): with p sorted ascending,
//                         p̃_(k) = max_{j ≤ k} min(1, (m − j + 1) p_(j)).
#ifndef PODIUM_ENGINE_INFERENCE_SIGNIFICANCE_H_
#define PODIUM_ENGINE_INFERENCE_SIGNIFICANCE_H_

#include <cstdint>
#include <vector>

namespace podium {

// REQUIRES: 0 <= k <= n, 0 < p0 < 1. n == 0 gives 1.
double BinomialTestTwoSided(int64_t k, int64_t n, double p0 = 0.5);

// Holm-adjusted p-values, in the input order. NaN entries are not tests:
// they stay NaN and do not count in m.
std::vector<double> HolmAdjust(const std::vector<double>& p_values);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_SIGNIFICANCE_H_
