#include "tests/style_battles.h"

#include <cmath>

#include "engine/rating/style_features.h"

namespace podium::testing {

StyleBattles SimulateStyleBattles(const Eigen::VectorXd& theta, const Eigen::VectorXd& beta,
                                  int64_t n, double tie, Rng& rng) {
  const int m = static_cast<int>(theta.size()), k = static_cast<int>(beta.size());
  auto share = [](int model, int f) {
    const double t = (model + 1) * (f + 1) * 0.618034;
    return 0.2 + 0.6 * (t - std::floor(t));
  };
  StyleBattles out;
  for (int64_t i = 0; i < n; ++i) {
    const double u = rng.Uniform();
    const int a = static_cast<int>(m * u * u);
    int b = static_cast<int>(rng.Below(m - 1));
    if (b >= a) ++b;
    out.battles.push_back({a, b, Outcome::kTie, 0});
    for (int f = 0; f < k; ++f) {
      const int64_t trials = f == 0 ? 200 : 4 + 4 * f;
      for (int side : {a, b}) {
        const double q = share(side, f) * (0.2 + 0.8 * rng.Uniform());
        out.raw.push_back(static_cast<double>(Binomial(rng, trials, q)));
      }
    }
  }
  out.covariates = ComputeStyleCovariates(n, k, out.raw).covariates;
  for (int64_t i = 0; i < n; ++i) {
    Battle& battle = out.battles[i];
    const double z = theta(battle.a) - theta(battle.b) + out.covariates.row(i).dot(beta);
    if (rng.Uniform() < tie) continue;  // a tie
    battle.outcome = rng.Uniform() < 1 / (1 + std::exp(-z)) ? Outcome::kWinA : Outcome::kWinB;
  }
  return out;
}

std::vector<Battle> SixBattles() {
  return {{0, 1, Outcome::kWinA, 0}, {0, 1, Outcome::kWinA, 0}, {0, 1, Outcome::kWinB, 0},
          {0, 1, Outcome::kWinB, 0}, {0, 1, Outcome::kWinB, 0}, {0, 1, Outcome::kWinA, 0}};
}

Eigen::MatrixXd SixCovariates() {
  Eigen::MatrixXd x(6, 1);
  x << 1, 1, 1, -1, -1, -1;
  return x;
}

}  // namespace podium::testing
