#include "engine/base/random.h"

#include <cmath>

#include "engine/base/check.h"

namespace podium {
namespace {

uint64_t SplitMix64(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

uint64_t RotateLeft(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log(2 pi) / 2], Stirling's
// correction used by BTRD (table for k < 10, series otherwise).
double StirlingCorrection(int64_t k) {
  static const double kTable[10] = {0.08106146679532726, 0.04134069595540929, 0.02767792568499834,
                                    0.02079067210376509, 0.01664469118982119, 0.01387612882307075,
                                    0.01189670994589177, 0.01041126526197209, 0.009255462182712733,
                                    0.008330563433362871};
  if (k < 10) return kTable[k];
  const double r = 1.0 / static_cast<double>(k + 1), r2 = r * r;
  return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 / 1260));
}

// Inversion (sequential search from 0); expected n·p steps. REQUIRES: p <= 0.5.
int64_t BinomialInversion(Rng& rng, int64_t n, double p) {
  const double q = 1 - p, s = p / q, a = (n + 1) * s;
  for (;;) {
    double r = std::pow(q, static_cast<double>(n));
    double u = rng.Uniform();
    int64_t x = 0;
    while (u > r && x < n) {
      u -= r;
      ++x;
      r *= a / static_cast<double>(x) - s;
    }
    if (u <= r || x < n) return x;
    // Floating-point leftovers pushed u past the last term: draw again.
  }
}

// Hörmann's BTRD: transformed rejection with decomposition. REQUIRES: p <= 0.5,
// n·p >= 10. Variable names follow the paper.
int64_t BinomialBtrd(Rng& rng, int64_t n, double p) {
  const double nd = static_cast<double>(n);
  const double q = 1 - p, spq = std::sqrt(nd * p * q), npq = nd * p * q;
  const double b = 1.15 + 2.53 * spq;
  const double a = -0.0873 + 0.0248 * b + 0.01 * p;
  const double c = nd * p + 0.5;
  const double alpha = (2.83 + 5.1 / b) * spq;
  const double vr = 0.92 - 4.2 / b;
  const double urvr = 0.86 * vr;
  const int64_t m = static_cast<int64_t>(std::floor((nd + 1) * p));
  const double r = p / q, nr = (nd + 1) * r;
  for (;;) {
    double v = rng.Uniform(), u;
    if (v <= urvr) {
      u = v / vr - 0.43;
      return static_cast<int64_t>(std::floor((2 * a / (0.5 - std::abs(u)) + b) * u + c));
    }
    if (v >= vr) {
      u = rng.Uniform() - 0.5;
    } else {
      u = v / vr - 0.93;
      u = (u < 0 ? -0.5 : 0.5) - u;
      v = rng.Uniform() * vr;
    }
    const double us = 0.5 - std::abs(u);
    const double kd = std::floor((2 * a / us + b) * u + c);
    if (kd < 0 || kd > nd) continue;
    const int64_t k = static_cast<int64_t>(kd);
    v = v * alpha / (a / (us * us) + b);
    const int64_t km = k > m ? k - m : m - k;
    if (km <= 15) {  // evaluate f(k) / f(m) by its recursion
      double f = 1;
      if (m < k) {
        for (int64_t i = m + 1; i <= k; ++i) f *= nr / static_cast<double>(i) - r;
      } else {
        for (int64_t i = k + 1; i <= m; ++i) v *= nr / static_cast<double>(i) - r;
      }
      if (v <= f) return k;
      continue;
    }
    v = std::log(v);  // squeeze, then the exact log-ratio test
    const double kmd = static_cast<double>(km);
    const double rho = (kmd / npq) * (((kmd / 3 + 0.625) * kmd + 1.0 / 6) / npq + 0.5);
    const double t = -kmd * kmd / (2 * npq);
    if (v < t - rho) return k;
    if (v > t + rho) continue;
    const double nm = nd - static_cast<double>(m) + 1;
    const double h = (static_cast<double>(m) + 0.5) * std::log((m + 1) / (r * nm)) +
                     StirlingCorrection(m) + StirlingCorrection(n - m);
    const double nk = nd - kd + 1;
    if (v <= h + (nd + 1) * std::log(nm / nk) + (kd + 0.5) * std::log(nk * r / (kd + 1)) -
                 StirlingCorrection(k) - StirlingCorrection(n - k)) {
      return k;
    }
  }
}

}  // namespace

Rng::Rng(uint64_t seed, uint64_t stream) {
  uint64_t x = seed ^ SplitMix64(stream);
  for (uint64_t& word : s_) word = SplitMix64(x);
}

uint64_t Rng::Next() {
  const uint64_t result = RotateLeft(s_[1] * 5, 7) * 9;
  const uint64_t t = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = RotateLeft(s_[3], 45);
  return result;
}

double Rng::Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

uint64_t Rng::Below(uint64_t n) {
  PODIUM_CHECK(n > 0);
  const uint64_t limit = UINT64_MAX - UINT64_MAX % n;  // reject the biased tail
  for (;;) {
    const uint64_t x = Next();
    if (x < limit) return x % n;
  }
}

FixedBelow::FixedBelow(uint64_t n)
    : n_(n),
      limit_(UINT64_MAX - UINT64_MAX % n),
      inverse_(n == 1 ? UINT64_MAX
                      : static_cast<uint64_t>((static_cast<unsigned __int128>(1) << 64) / n)) {
  PODIUM_CHECK(n > 0);
}

int64_t Binomial(Rng& rng, int64_t n, double p) {
  PODIUM_CHECK(p >= 0 && p <= 1 && n >= 0);
  if (n == 0 || p == 0) return 0;
  if (p == 1) return n;
  if (p > 0.5) return n - Binomial(rng, n, 1 - p);
  if (static_cast<double>(n) * p < 10) return BinomialInversion(rng, n, p);
  return BinomialBtrd(rng, n, p);
}

void Multinomial(Rng& rng, int64_t n, const std::vector<double>& weights,
                 std::vector<int64_t>* counts) {
  counts->assign(weights.size(), 0);
  double remaining_weight = 0;
  for (double w : weights) remaining_weight += w;
  int64_t remaining = n;
  for (size_t k = 0; k < weights.size() && remaining > 0; ++k) {
    if (weights[k] <= 0) continue;
    const double p = weights[k] >= remaining_weight ? 1.0 : weights[k] / remaining_weight;
    const int64_t x = Binomial(rng, remaining, p);
    (*counts)[k] = x;
    remaining -= x;
    remaining_weight -= weights[k];
  }
  PODIUM_CHECK_MSG(remaining == 0 || remaining_weight <= 0, "multinomial lost draws");
  if (remaining > 0) {  // rounding left mass on no category: give it to the last positive one
    for (size_t k = weights.size(); k-- > 0;) {
      if (weights[k] > 0) {
        (*counts)[k] += remaining;
        break;
      }
    }
  }
}

double StandardNormal(Rng& rng) {
  const double u1 = 1.0 - rng.Uniform();  // in (0, 1]: log(u1) is finite
  const double u2 = rng.Uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
}

}  // namespace podium
