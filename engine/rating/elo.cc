#include "engine/rating/elo.h"

#include <algorithm>
#include <cmath>

namespace podium {

namespace {

// One battle of online Elo: both expectations, then both updates.
inline void Play(int a, int b, Outcome outcome, const EloOptions& options, double* r) {
  const double ra = r[a], rb = r[b];
  const double ea = 1 / (1 + std::pow(options.base, (rb - ra) / options.scale));
  const double eb = 1 / (1 + std::pow(options.base, (ra - rb) / options.scale));
  const double sa = outcome == Outcome::kWinA ? 1.0 : outcome == Outcome::kWinB ? 0.0 : 0.5;
  r[a] += options.k * (sa - ea);
  r[b] += options.k * (1 - sa - eb);
}

}  // namespace

Eigen::VectorXd OnlineElo(int num_models, const std::vector<Battle>& battles,
                          const EloOptions& options, const std::vector<int>* order) {
  Eigen::VectorXd r = Eigen::VectorXd::Constant(num_models, options.initial);
  const size_t n = order != nullptr ? order->size() : battles.size();
  for (size_t k = 0; k < n; ++k) {
    const Battle& b = battles[order != nullptr ? (*order)[k] : k];
    Play(b.a, b.b, b.outcome, options, r.data());
  }
  return r;
}

std::vector<PackedBattle> PackBattles(const std::vector<Battle>& battles) {
  std::vector<PackedBattle> packed;
  packed.reserve(battles.size());
  for (const Battle& b : battles) packed.push_back({b.a, b.b, b.outcome});
  return packed;
}

Eigen::VectorXd ResampledOnlineElo(int num_models, const std::vector<PackedBattle>& battles,
                                   const EloOptions& options, Rng& rng) {
  Eigen::VectorXd r = Eigen::VectorXd::Constant(num_models, options.initial);
  const uint64_t n = battles.size();
  constexpr uint64_t kAhead = 16;  // draws in flight: a power of two
  uint64_t ring[kAhead];
  const FixedBelow below(std::max<uint64_t>(n, 1));
  for (uint64_t k = 0; k < std::min(n, kAhead); ++k) {
    ring[k] = below(rng);
    __builtin_prefetch(&battles[ring[k]]);
  }
  for (uint64_t k = 0; k < n; ++k) {
    const PackedBattle& b = battles[ring[k % kAhead]];
    if (k + kAhead < n) {  // draw k + kAhead now, in stream order, and fetch it
      ring[k % kAhead] = below(rng);
      __builtin_prefetch(&battles[ring[k % kAhead]]);
    }
    Play(b.a, b.b, b.outcome, options, r.data());
  }
  return r;
}

Eigen::VectorXd PlaceRatings(const Eigen::VectorXd& points, int anchor, double anchor_rating,
                             bool centre, const std::vector<bool>& plays) {
  if (!plays.empty()) {  // place the players, then anchor when the anchor plays
    std::vector<int> playing;
    for (size_t i = 0; i < plays.size(); ++i) {
      if (plays[i]) playing.push_back(static_cast<int>(i));
    }
    Eigen::VectorXd r = Eigen::VectorXd::Constant(points.size(), std::nan(""));
    r(playing) = PlaceRatings(points(playing), -1, 0, centre);
    if (anchor >= 0 && plays[anchor]) r.array() += anchor_rating - r(anchor);
    return r;
  }
  Eigen::VectorXd r = points;
  if (centre && r.size() > 0) r.array() += 1000 - r.mean();
  if (anchor >= 0) r.array() += anchor_rating - r(anchor);
  return r;
}

}  // namespace podium
