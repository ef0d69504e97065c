#include "engine/base/multinomial_sampler.h"

#include <math.h>  // lgamma_r: std::lgamma writes the global signgam (not thread-safe)

#include <cmath>

#include "engine/base/check.h"

namespace podium {

MultinomialSampler::MultinomialSampler(const std::vector<int64_t>& counts) {
  const int64_t k = static_cast<int64_t>(counts.size());
  PODIUM_CHECK_MSG(k <= INT32_MAX, "too many categories to resample");
  for (int64_t c : counts) {
    PODIUM_CHECK(c >= 0);
    PODIUM_CHECK_MSG(!__builtin_add_overflow(total_, c, &total_), "too many draws to resample");
  }
  threshold_.assign(counts.size(), total_);
  alias_.resize(counts.size());
  if (total_ == 0) return;
  bucket_below_ = FixedBelow(static_cast<uint64_t>(k));
  unit_below_ = FixedBelow(static_cast<uint64_t>(total_));
  PODIUM_CHECK_MSG(total_ <= INT64_MAX / k, "too many draws times categories to resample");

  // The Poisson route pays K draws to save N − 3√N categorical ones.
  const double n = static_cast<double>(total_);
  const double lambda = n - 3 * std::sqrt(n);
  poisson_ = total_ >= 2 * k && lambda > 0;
  if (poisson_) {
    cells_.resize(counts.size());
    for (size_t i = 0; i < counts.size(); ++i) {
      PoissonCell& cell = cells_[i];
      cell.mean = lambda * (static_cast<double>(counts[i]) / n);
      cell.exp_minus_mean = std::exp(-cell.mean);
      const double root = std::sqrt(cell.mean);
      cell.b = 0.931 + 2.53 * root;
      cell.a = -0.059 + 0.02483 * cell.b;
      cell.vr = 0.9277 - 3.6224 / (cell.b - 2);
      cell.log_mean = std::log(cell.mean);
      cell.inv_alpha = 1.1239 + 1.1328 / (cell.b - 3.4);
    }
  }

  // Vose's construction of the alias table, in integers (exact): bucket
  // masses K·c_i against a capacity of N per bucket.
  std::vector<int64_t> mass(counts.size());
  std::vector<int32_t> small, large;
  for (size_t i = 0; i < counts.size(); ++i) {
    alias_[i] = static_cast<int32_t>(i);
    mass[i] = counts[i] * k;
    (mass[i] < total_ ? small : large).push_back(static_cast<int32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const int32_t s = small.back(), l = large.back();
    small.pop_back();
    threshold_[s] = mass[s];
    alias_[s] = l;
    mass[l] -= total_ - mass[s];
    if (mass[l] < total_) {
      large.pop_back();
      small.push_back(l);
    }
  }
  // Whatever is left holds exactly a full bucket (the masses sum to K·N):
  // threshold_ keeps its initial total_.
}

int64_t MultinomialSampler::Poisson(Rng& rng, const PoissonCell& cell) {
  if (cell.mean < 10) {  // inversion: expected mean + 1 steps
    for (;;) {
      const double u = rng.Uniform();
      double p = cell.exp_minus_mean, cdf = p;
      int64_t x = 0;
      while (u > cdf && p > 0) {
        ++x;
        p *= cell.mean / static_cast<double>(x);
        cdf += p;
      }
      if (u <= cdf) return x;
      // Rounding left the cdf short of u: draw again.
    }
  }
  for (;;) {  // PTRS; variable names follow Hörmann (1993)
    const double u = rng.Uniform() - 0.5;
    const double v = rng.Uniform();
    const double us = 0.5 - std::abs(u);
    const double kd = std::floor((2 * cell.a / us + cell.b) * u + cell.mean + 0.43);
    if (us >= 0.07 && v <= cell.vr) return static_cast<int64_t>(kd);
    // us = 0 gives -inf; a value past 2^53 has no probability a double can hold.
    if (!(kd >= 0 && kd < 0x1p53) || (us < 0.013 && v > us)) continue;
    // log(v · inv_alpha / (a / us² + b)) <= log of the Poisson pmf at kd
    int sign;
    if (std::log(v * cell.inv_alpha / (cell.a / (us * us) + cell.b)) <=
        -cell.mean + kd * cell.log_mean - lgamma_r(kd + 1, &sign)) {
      return static_cast<int64_t>(kd);
    }
  }
}

int64_t MultinomialSampler::Categorical(Rng& rng) const {
  const uint64_t bucket = bucket_below_(rng);
  return static_cast<int64_t>(unit_below_(rng)) < threshold_[bucket] ? bucket : alias_[bucket];
}

void MultinomialSampler::Draw(Rng& rng, std::vector<int64_t>* draw) const {
  draw->assign(threshold_.size(), 0);
  int64_t drawn = 0;
  if (poisson_) {
    for (bool accepted = false; !accepted;) {
      drawn = 0;
      accepted = true;
      for (size_t i = 0; i < cells_.size(); ++i) {
        const int64_t x = cells_[i].mean > 0 ? Poisson(rng, cells_[i]) : 0;
        (*draw)[i] = x;
        drawn += x;
        if (drawn > total_) {  // S > N already: reject this sweep
          accepted = false;
          break;
        }
      }
    }
  }
  for (; drawn < total_; ++drawn) ++(*draw)[Categorical(rng)];
}

}  // namespace podium
