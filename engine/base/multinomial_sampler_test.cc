#include "engine/base/multinomial_sampler.h"

#include <gtest/gtest.h>

#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/special_functions/factorials.hpp>
#include <cmath>
#include <map>
#include <numeric>

namespace podium {
namespace {

// Chi-squared p-value of observed outcome frequencies against exact
// probabilities, outcomes in `probability`'s order pooled until each bin
// expects at least 5 (a leftover below 5 is a bin of its own, its expected
// count raised to at most 5: lenient on the rarest outcomes only).
double ChiSquaredPValue(const std::vector<double>& probability, const std::vector<int>& observed,
                        int draws) {
  double chi2 = 0, pending_expected = 0, pending_observed = 0, last_expected = 0;
  int bins = 0;
  for (size_t i = 0; i < probability.size(); ++i) {
    pending_expected += draws * probability[i];
    pending_observed += observed[i];
    if (pending_expected >= 5) {
      chi2 += std::pow(pending_observed - pending_expected, 2) / pending_expected;
      last_expected = pending_expected;
      pending_expected = pending_observed = 0;
      ++bins;
    }
  }
  if (pending_expected > 0 || pending_observed > 0) {  // fold the remainder into its own bin
    chi2 += std::pow(pending_observed - pending_expected, 2) /
            std::max(pending_expected, std::min(last_expected, 5.0));
    ++bins;
  }
  boost::math::chi_squared_distribution<double> reference(bins - 1);
  return boost::math::cdf(boost::math::complement(reference, chi2));
}

// Every way to put n draws on `cells` categories, and its multinomial
// probability under `counts` (the slow, obviously correct reference).
void Enumerate(const std::vector<int64_t>& counts, int64_t n, size_t i, std::vector<int64_t>* x,
               std::vector<std::vector<int64_t>>* outcomes, std::vector<double>* probability) {
  if (i + 1 == counts.size()) {
    (*x)[i] = n;
    const double total = std::accumulate(counts.begin(), counts.end(), 0.0);
    double log_p = std::lgamma(std::accumulate(x->begin(), x->end(), 0.0) + 1);
    for (size_t k = 0; k < counts.size(); ++k) {
      if ((*x)[k] > 0 && counts[k] == 0) return;  // impossible outcome
      log_p -= std::lgamma((*x)[k] + 1.0);
      if ((*x)[k] > 0) log_p += (*x)[k] * std::log(counts[k] / total);
    }
    outcomes->push_back(*x);
    probability->push_back(std::exp(log_p));
    return;
  }
  for (int64_t v = 0; v <= n; ++v) {
    (*x)[i] = v;
    Enumerate(counts, n - v, i + 1, x, outcomes, probability);
  }
}

// Draws `draws` replicates and tests their joint law against the exact
// multinomial by chi-squared.
double JointFitPValue(const std::vector<int64_t>& counts, int draws, uint64_t seed) {
  const int64_t n = std::accumulate(counts.begin(), counts.end(), int64_t{0});
  std::vector<int64_t> x(counts.size());
  std::vector<std::vector<int64_t>> outcomes;
  std::vector<double> probability;
  Enumerate(counts, n, 0, &x, &outcomes, &probability);
  std::map<std::vector<int64_t>, int> index;
  for (size_t i = 0; i < outcomes.size(); ++i) index[outcomes[i]] = static_cast<int>(i);
  const MultinomialSampler sampler(counts);
  std::vector<int> observed(outcomes.size(), 0);
  std::vector<int64_t> draw;
  for (int r = 0; r < draws; ++r) {
    Rng rng(seed, r);
    sampler.Draw(rng, &draw);
    const auto it = index.find(draw);
    EXPECT_NE(it, index.end()) << "an impossible outcome";
    if (it != index.end()) ++observed[it->second];
  }
  return ChiSquaredPValue(probability, observed, draws);
}

TEST(MultinomialSamplerTest, CategoricalRouteMatchesTheExactLaw) {
  // N = 6 < 2K: every draw from the alias table.
  EXPECT_GT(JointFitPValue({3, 1, 0, 2}, 100000, 11), 1e-3);
  EXPECT_GT(JointFitPValue({1, 1}, 20000, 12), 1e-3);
  std::vector<int64_t> draw;
  Rng rng(13, 0);
  MultinomialSampler({5}).Draw(rng, &draw);
  EXPECT_EQ(draw, std::vector<int64_t>{5});
}

TEST(MultinomialSamplerTest, PoissonRouteMatchesTheExactLaw) {
  // N = 30 >= 2K: Poisson draws by inversion (means below 10), then the
  // rejection when the sum passes N and the categorical top-up.
  EXPECT_GT(JointFitPValue({6, 0, 9, 15}, 200000, 21), 1e-3);
  EXPECT_GT(JointFitPValue({1, 2, 3, 4, 5, 6}, 200000, 22), 1e-3);
}

// Each cell's marginal is Binomial(N, c_k / N): chi-squared against the
// exact pmf, here with means of 10 and more (PTRS).
TEST(MultinomialSamplerTest, LargeMeansHaveBinomialMarginalsAndMultinomialCovariance) {
  const std::vector<int64_t> counts = {30, 50, 120, 0, 800};
  const int64_t n = 1000;
  const MultinomialSampler sampler(counts);
  const int draws = 100000;
  std::vector<std::vector<int>> observed(counts.size(), std::vector<int>(n + 1, 0));
  double cross = 0, mean0 = 0, mean1 = 0;
  std::vector<int64_t> draw;
  for (int r = 0; r < draws; ++r) {
    Rng rng(31, r);
    sampler.Draw(rng, &draw);
    ASSERT_EQ(std::accumulate(draw.begin(), draw.end(), int64_t{0}), n);
    ASSERT_EQ(draw[3], 0);
    for (size_t k = 0; k < counts.size(); ++k) ++observed[k][draw[k]];
    mean0 += draw[0];
    mean1 += draw[1];
    cross += static_cast<double>(draw[0]) * draw[1];
  }
  for (size_t k = 0; k < counts.size(); ++k) {
    if (counts[k] == 0) continue;
    boost::math::binomial_distribution<double> dist(n, counts[k] / static_cast<double>(n));
    std::vector<double> probability;
    for (int64_t v = 0; v <= n; ++v) probability.push_back(boost::math::pdf(dist, v));
    EXPECT_GT(ChiSquaredPValue(probability, observed[k], draws), 1e-3) << "cell " << k;
  }
  // Cov(X_0, X_1) = −N p_0 p_1 = −1.5; its estimate's sd is about 0.02.
  mean0 /= draws;
  mean1 /= draws;
  EXPECT_NEAR(cross / draws - mean0 * mean1, -1.5, 0.15);
}

TEST(MultinomialSamplerTest, SumsExactlyAndKeepsZeros) {
  std::vector<int64_t> counts(25000, 0);
  int64_t n = 0;
  for (size_t k = 0; k < counts.size(); ++k) {
    counts[k] = (k % 7 == 3) ? 0 : static_cast<int64_t>(k % 200) + 1;
    n += counts[k];
  }
  const MultinomialSampler sampler(counts);
  EXPECT_EQ(sampler.total(), n);
  std::vector<int64_t> draw;
  for (int r = 0; r < 20; ++r) {
    Rng rng(41, r);
    sampler.Draw(rng, &draw);
    ASSERT_EQ(draw.size(), counts.size());
    EXPECT_EQ(std::accumulate(draw.begin(), draw.end(), int64_t{0}), n);
    for (size_t k = 0; k < counts.size(); ++k) {
      if (counts[k] == 0) {
        ASSERT_EQ(draw[k], 0) << k;
      }
      ASSERT_GE(draw[k], 0);
    }
  }
  // The same stream gives the same replicate.
  std::vector<int64_t> again;
  Rng a(41, 19);
  sampler.Draw(a, &again);
  EXPECT_EQ(again, draw);
}

TEST(MultinomialSamplerTest, EmptyAndSingleCategory) {
  std::vector<int64_t> draw = {7};
  Rng rng(1, 1);
  MultinomialSampler({}).Draw(rng, &draw);
  EXPECT_TRUE(draw.empty());
  MultinomialSampler({0, 0}).Draw(rng, &draw);
  EXPECT_EQ(draw, (std::vector<int64_t>{0, 0}));
  MultinomialSampler({0, 2000000}).Draw(rng, &draw);
  EXPECT_EQ(draw, (std::vector<int64_t>{0, 2000000}));
}

}  // namespace
}  // namespace podium
