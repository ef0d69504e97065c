// Deterministic random numbers for bootstraps, identical on every platform.
//
// Design (design.md §4): a replicate's generator is derived from (seed,
// replicate index) alone, so results do not depend on how replicates are spread
// over threads; and the sampling algorithms are written here because the
// standard library's distributions differ between implementations.
//
//   Rng          xoshiro256** (Blackman & Vigna, 2018), its state filled by
//                SplitMix64 from the (seed, stream) pair
//   Binomial     exact: inversion for n·min(p,1-p) < 10, otherwise BTRD
//                (Hörmann, "The generation of binomial random variates", 1993)
//   Multinomial  exact, by conditional binomials: O(categories), not O(draws)
//   StandardNormal  Box–Muller (Box & Muller, 1958)
#ifndef PODIUM_ENGINE_BASE_RANDOM_H_
#define PODIUM_ENGINE_BASE_RANDOM_H_

#include <cstdint>
#include <vector>

namespace podium {

class Rng {
 public:
  // The generator of stream `stream` (e.g. a bootstrap replicate) under `seed`.
  Rng(uint64_t seed, uint64_t stream);

  uint64_t Next();             // 64 uniform random bits
  double Uniform();            // uniform in [0, 1), 53 random bits
  uint64_t Below(uint64_t n);  // uniform in [0, n), unbiased; REQUIRES: n > 0

 private:
  uint64_t s_[4];
};

// Rng::Below(n) for one n drawn many times (a bootstrap's battle index): the
// same numbers from the same stream, with Barrett's reduction (a
// multiplication by a precomputed 2^64 / n) in place of Below's division.
class FixedBelow {
 public:
  explicit FixedBelow(uint64_t n);  // REQUIRES: n > 0
  uint64_t operator()(Rng& rng) const {
    for (;;) {
      const uint64_t x = rng.Next();
      if (x >= limit_) continue;  // Below's rejection of the biased tail
      // q = floor(x · floor(2^64 / n) / 2^64) is at most 1 below x / n.
      const uint64_t q = static_cast<uint64_t>((static_cast<unsigned __int128>(x) * inverse_) >> 64);
      uint64_t r = x - q * n_;
      while (r >= n_) r -= n_;
      return r;
    }
  }

 private:
  uint64_t n_, limit_, inverse_;  // inverse_ = floor(2^64 / n), capped for n = 1
};

// A Binomial(n, p) draw. REQUIRES: 0 <= p <= 1.
int64_t Binomial(Rng& rng, int64_t n, double p);

// A standard normal draw (Box–Muller; one value per call, from two uniforms).
double StandardNormal(Rng& rng);

// Counts of `n` draws over categories with the given weights (any
// non-negative scale; zero-weight categories get 0). Sums to n exactly.
// REQUIRES: at least one positive weight when n > 0.
void Multinomial(Rng& rng, int64_t n, const std::vector<double>& weights,
                 std::vector<int64_t>* counts);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_RANDOM_H_
