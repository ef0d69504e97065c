#include "engine/rating/elo.h"

#include <cmath>

namespace podium {

Eigen::VectorXd OnlineElo(int num_models, const std::vector<Battle>& battles,
                          const EloOptions& options, const std::vector<int>* order) {
  Eigen::VectorXd r = Eigen::VectorXd::Constant(num_models, options.initial);
  const size_t n = order != nullptr ? order->size() : battles.size();
  for (size_t k = 0; k < n; ++k) {
    const Battle& b = battles[order != nullptr ? (*order)[k] : k];
    const double ra = r(b.a), rb = r(b.b);
    const double ea = 1 / (1 + std::pow(options.base, (rb - ra) / options.scale));
    const double eb = 1 / (1 + std::pow(options.base, (ra - rb) / options.scale));
    const double sa = b.outcome == Outcome::kWinA ? 1.0 : b.outcome == Outcome::kWinB ? 0.0 : 0.5;
    r(b.a) += options.k * (sa - ea);
    r(b.b) += options.k * (1 - sa - eb);
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
