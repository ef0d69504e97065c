#include "engine/base/random.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <map>

namespace podium {
namespace {

TEST(RngTest, StreamsAreReproducibleAndDistinct) {
  Rng a(42, 7), b(42, 7), c(42, 8), d(43, 7);
  const uint64_t x = a.Next();
  EXPECT_EQ(x, b.Next());
  EXPECT_NE(x, c.Next());
  EXPECT_NE(x, d.Next());
  for (int i = 0; i < 1000; ++i) {
    const double u = a.Uniform();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
    EXPECT_LT(a.Below(7), 7u);
  }
}

// Chi-squared goodness of fit of `draws` Binomial(n, p) samples against the
// exact pmf (Boost.Math), bins with expected count < 5 pooled into the tails.
double BinomialFitPValue(int64_t n, double p, int draws, uint64_t seed) {
  Rng rng(seed, 0);
  std::map<int64_t, int> observed;
  for (int i = 0; i < draws; ++i) {
    const int64_t x = Binomial(rng, n, p);
    EXPECT_GE(x, 0);
    EXPECT_LE(x, n);
    ++observed[x];
  }
  boost::math::binomial_distribution<double> dist(static_cast<double>(n), p);
  double chi2 = 0, pending_expected = 0, pending_observed = 0;
  int bins = 0;
  for (int64_t k = 0; k <= n; ++k) {
    pending_expected += draws * boost::math::pdf(dist, static_cast<double>(k));
    pending_observed += observed.count(k) ? observed[k] : 0;
    if (pending_expected >= 5 && draws * boost::math::cdf(boost::math::complement(dist, k)) >= 5) {
      chi2 += std::pow(pending_observed - pending_expected, 2) / pending_expected;
      pending_expected = pending_observed = 0;
      ++bins;
    }
  }
  chi2 += std::pow(pending_observed - pending_expected, 2) / std::max(pending_expected, 1e-12);
  ++bins;
  boost::math::chi_squared_distribution<double> reference(bins - 1);
  return boost::math::cdf(boost::math::complement(reference, chi2));
}

TEST(BinomialTest, MatchesTheExactDistribution) {
  // Both algorithms (inversion: n·p < 10; BTRD otherwise) and p > 0.5 by symmetry.
  for (auto [n, p] : std::vector<std::pair<int64_t, double>>{
           {20, 0.3}, {1000, 0.004}, {1000, 0.4}, {100000, 0.5}, {5000, 0.93}, {40, 0.26}}) {
    const double pvalue = BinomialFitPValue(n, p, 200000, 2024);
    EXPECT_GT(pvalue, 1e-3) << "n=" << n << " p=" << p;
  }
}

TEST(BinomialTest, EdgeCases) {
  Rng rng(1, 1);
  EXPECT_EQ(Binomial(rng, 0, 0.5), 0);
  EXPECT_EQ(Binomial(rng, 10, 0.0), 0);
  EXPECT_EQ(Binomial(rng, 10, 1.0), 10);
}

TEST(RngTest, FixedBelowIsUniformAndBelowItsBound) {
  Rng rng(3, 4);
  const FixedBelow seven(7);
  std::vector<int> observed(7, 0);
  const int draws = 70000;
  for (int i = 0; i < draws; ++i) {
    const uint64_t x = seven(rng);
    ASSERT_LT(x, 7u);
    ++observed[x];
  }
  double chi2 = 0;
  for (int v : observed) chi2 += std::pow(v - draws / 7.0, 2) / (draws / 7.0);
  boost::math::chi_squared_distribution<double> reference(6);
  EXPECT_GT(boost::math::cdf(boost::math::complement(reference, chi2)), 1e-3);
  // A bound near 2^64: a third of the products fall in the rejected part.
  const uint64_t big = (UINT64_MAX / 3) * 2;
  const FixedBelow below_big(big);
  int upper_half = 0;
  for (int i = 0; i < 10000; ++i) {
    const uint64_t x = below_big(rng);
    ASSERT_LT(x, big);
    upper_half += x >= big / 2;
  }
  EXPECT_NEAR(upper_half, 5000, 250);
  EXPECT_EQ(FixedBelow(1)(rng), 0u);
}

TEST(RngTest, FixedBelowDrawsWhatBelowDraws) {
  for (uint64_t n : {uint64_t{1}, uint64_t{2}, uint64_t{3}, uint64_t{146829}, uint64_t{1} << 32,
                     (uint64_t{1} << 63) + 12345, UINT64_MAX / 3 * 2, UINT64_MAX}) {
    Rng a(8, n), b(8, n);
    const FixedBelow below(n);
    for (int i = 0; i < 20000; ++i) ASSERT_EQ(below(a), b.Below(n)) << "n=" << n << " i=" << i;
  }
}

TEST(MultinomialTest, SumsToNAndMatchesMeans) {
  Rng rng(5, 0);
  const std::vector<double> weights = {3, 0, 1, 6};
  std::vector<double> mean(4, 0);
  std::vector<int64_t> counts;
  const int rounds = 2000;
  for (int r = 0; r < rounds; ++r) {
    Multinomial(rng, 1000, weights, &counts);
    EXPECT_EQ(counts[0] + counts[1] + counts[2] + counts[3], 1000);
    EXPECT_EQ(counts[1], 0);
    for (int k = 0; k < 4; ++k) mean[k] += counts[k] / static_cast<double>(rounds);
  }
  // Standard error of each mean is sqrt(1000 p (1 - p) / 2000) < 0.36.
  EXPECT_NEAR(mean[0], 300, 2);
  EXPECT_NEAR(mean[2], 100, 2);
  EXPECT_NEAR(mean[3], 600, 2);
}

}  // namespace
}  // namespace podium
