// Test helper: synthetic battles with style features and known effects, for
// the tests of style control (engine/rating/contextual_bradley_terry.h,
// engine/inference/style_control.h).
//
// Battle i: model a is floor(m·u²) for u uniform (low-numbered models play
// more, so pair counts differ and arena-rank's reweighting matters), b
// uniform among the others. Feature f of a side played by model j is a count
// Binomial(trials_f, q_jf), trials_f = 200 for f = 0 (a "length") and 4 + 4f
// otherwise, q_jf = 0.2 + 0.6·frac((j + 1)(f + 1)·0.618034): style depends on
// the model, so leaving it out biases the ratings. The covariates are those
// of ComputeStyleCovariates over the whole sample, and the outcome is a tie
// with probability `tie`, otherwise a win of a with probability
// σ(θ_a − θ_b + x_iᵀβ) — so (θ, β) is the truth of the fitted model.
#ifndef PODIUM_TESTS_STYLE_BATTLES_H_
#define PODIUM_TESTS_STYLE_BATTLES_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/base/random.h"
#include "engine/ingest/battles.h"

namespace podium::testing {

struct StyleBattles {
  std::vector<Battle> battles;
  std::vector<double> raw;     // per battle [f1_a, f1_b, f2_a, f2_b, ...]
  Eigen::MatrixXd covariates;  // n x k, z-scored relative differences
};

// n battles among theta.size() models with true effects beta (k = beta.size()).
StyleBattles SimulateStyleBattles(const Eigen::VectorXd& theta, const Eigen::VectorXd& beta,
                                  int64_t n, double tie, Rng& rng);

// Six battles of model 0 (side a) against model 1 with one covariate
// x = ±1 (SixCovariates; already z-scored: mean 0, population sd 1): at
// x = +1 model 0 won 2 of 3, at x = −1 it won 1 of 3 — the hand-computed
// case of the style-control tests.
std::vector<Battle> SixBattles();
Eigen::MatrixXd SixCovariates();

}  // namespace podium::testing

#endif  // PODIUM_TESTS_STYLE_BATTLES_H_
