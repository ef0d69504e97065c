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

}  // namespace podium
