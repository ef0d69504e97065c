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
