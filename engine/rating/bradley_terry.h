// Bradley–Terry maximum likelihood, the model behind Chatbot Arena's ratings
// (FastChat compute_mle_elo / compute_bt), with three treatments of ties.
//
//   P(i beats j) = 1 / (1 + exp(theta_j - theta_i))       (theta: natural-log strength)
//   rating_i     = 1000 + (400 / ln 10) * theta_i        (Elo scale, base 10)
//
// Ties (TieModel):
//   kHalf      a tie counts as half a win for each side (Arena's default)
//   kDrop      ties are ignored
//   kDavidson  Davidson (1970): P(i beats j) = pi_i / D, P(tie) = nu sqrt(pi_i pi_j) / D,
//              D = pi_i + pi_j + nu sqrt(pi_i pi_j); nu is fitted too
//
// The fit is Newton's method on the concave log-likelihood, with the strengths
// constrained to mean 0 (the ratings' mean is 1000, which is also what
// FastChat's unpenalized logistic regression started at 0 converges to) and a
// step-halving line search. An optional ridge penalty (ridge/2)·Σ theta_i²
// keeps the fit finite when the MLE does not exist (a model with only wins or
// only losses, see comparison_graph.h).
#ifndef PODIUM_ENGINE_RATING_BRADLEY_TERRY_H_
#define PODIUM_ENGINE_RATING_BRADLEY_TERRY_H_

#include <Eigen/Core>

#include "engine/base/enum_names.h"
#include "engine/matrix/pair_counts.h"

namespace podium {

enum class TieModel { kHalf, kDrop, kDavidson };

// The names of TieModel on the command line, in reports and manifests.
inline constexpr EnumName<TieModel> kTieModelNames[] = {
    {TieModel::kHalf, "half"},
    {TieModel::kDrop, "drop"},
    {TieModel::kDavidson, "davidson"},
};

struct BradleyTerryOptions {
  TieModel ties = TieModel::kHalf;
  double ridge = 0;                        // >= 0, penalty on natural-log strengths
  int max_iterations = 100;                // Newton steps
  double tolerance = 1e-10;                // converged when the largest step in theta is below this
  const Eigen::VectorXd* start = nullptr;  // warm start (theta; for Davidson theta + log nu)
};

struct BradleyTerryResult {
  Eigen::VectorXd theta;      // natural-log strengths, mean 0
  double tie_parameter = 0;   // Davidson's nu (0 unless kDavidson)
  double log_likelihood = 0;  // at the solution, without the ridge term
  int iterations = 0;
  bool converged = false;  // false: max_iterations reached (reported, never thrown)
  Eigen::VectorXd state;   // theta (and log nu): pass as `start` to warm-start
};

// Fits the model to `counts`. Models without any battle get theta 0.
// REQUIRES: counts.num_models >= 1.
BradleyTerryResult FitBradleyTerry(const PairCounts& counts, const BradleyTerryOptions& options);

// Natural-log strength -> points on the Elo scale (400 / ln 10 per unit).
inline constexpr double kEloPerNat = 173.71779276130073;

// P(i beats j) for ratings on the Elo scale: 1 / (1 + 10^((r_j - r_i) / 400)).
double EloWinProbability(double rating_i, double rating_j);

const char* TieModelName(TieModel ties);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_BRADLEY_TERRY_H_
