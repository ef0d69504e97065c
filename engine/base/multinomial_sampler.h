// Exact multinomial resampling of integer counts, many times over: the
// bootstrap of battles aggregated into cells (design.md §4).
//
// A bootstrap replicate of N battles spread over K cells with counts c_k is
// Multinomial(N; c_1/N, ..., c_K/N). Multinomial() of random.h draws it by K
// conditional binomials whose parameters change with every draw; this sampler
// prepares everything that depends on the counts alone once, then draws
// each replicate as
//
//   1. X_k ~ Poisson(λ c_k / N), independently, with λ = N − 3√N;
//   2. if S = Σ X_k > N, start again (probability ≈ 0.13%);
//   3. add N − S single draws from the categorical distribution c_k / N
//      (Walker's alias table, in integers; uniform indices by FixedBelow).
//
// This is exact, not an approximation: given S = s, independent Poissons are
// Multinomial(s; c/N), a multinomial of s draws plus N − s more draws of the
// same categorical distribution is Multinomial(N; c/N), and rejecting on S
// (a function of S only) does not change the law given S. When N < 2K, or
// N ≤ 9 (λ ≤ 0), every draw is categorical (step 3 with S = 0).
//
// Poisson draws: inversion for means below 10, Hörmann's PTRS otherwise
// ("The transformed rejection method for generating Poisson random
// variables", Insurance: Mathematics and Economics 12, 1993), the algorithm
// of numpy's random_poisson above 10, with each cell's constants computed
// once.
//
// Cost per replicate (BM_MultinomialDraw, 25,155 cells, N = 2M): K Poisson
// draws plus ≈ 3√N alias draws, about 25 ns a cell, against K binomial draws
// at about 60 ns each (BTRD's set-up included).
#ifndef PODIUM_ENGINE_BASE_MULTINOMIAL_SAMPLER_H_
#define PODIUM_ENGINE_BASE_MULTINOMIAL_SAMPLER_H_

#include <cstdint>
#include <vector>

#include "engine/base/random.h"

namespace podium {

class MultinomialSampler {
 public:
  // Resamples the total of `counts` over its entries, with probabilities
  // proportional to them. Zero counts stay zero.
  // REQUIRES: every count >= 0; at most 2^31 − 1 counts; the total times
  // counts.size() below 2^63 (checked).
  explicit MultinomialSampler(const std::vector<int64_t>& counts);
  MultinomialSampler(const MultinomialSampler&) = default;

  // One replicate: `draw` gets counts.size() entries that sum to the total.
  void Draw(Rng& rng, std::vector<int64_t>* draw) const;

  int64_t total() const { return total_; }

 private:
  struct PoissonCell {  // the constants of one cell's Poisson(mean) draw
    double mean = 0;
    double exp_minus_mean = 0;                 // inversion (mean < 10)
    double a = 0, b = 0, vr = 0, log_mean = 0;  // PTRS (mean >= 10)
    double inv_alpha = 0;
  };
  static int64_t Poisson(Rng& rng, const PoissonCell& cell);
  int64_t Categorical(Rng& rng) const;

  int64_t total_ = 0;
  bool poisson_ = false;  // false: every draw categorical (N small against K)
  std::vector<PoissonCell> cells_;
  // Walker's alias table in integers: bucket k (chosen uniformly among K)
  // keeps k when a uniform integer below total_ is below threshold_[k], else
  // gives alias_[k]. Each bucket holds total_ units of K·c_k mass.
  std::vector<int64_t> threshold_;
  std::vector<int32_t> alias_;
  FixedBelow bucket_below_{1}, unit_below_{1};  // uniform in [0, K) and [0, N)
};

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_MULTINOMIAL_SAMPLER_H_
