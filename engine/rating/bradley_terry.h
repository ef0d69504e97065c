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
//   kRaoKupper Rao & Kupper (1967), "Ties in paired-comparison experiments: a
//              generalization of the Bradley-Terry model", JASA 62:194-204:
//              P(i beats j) = pi_i / (pi_i + theta pi_j),
//              P(tie) = (theta^2 - 1) pi_i pi_j / ((pi_i + theta pi_j)(pi_j + theta pi_i)),
//              theta >= 1 fitted too; with eta = ln theta, P(i beats j) =
//              sigma(theta_i - theta_j - eta): a tie is a difference within +/- eta
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

enum class TieModel { kHalf, kDrop, kDavidson, kRaoKupper };

// The names of TieModel on the command line, in reports and manifests.
inline constexpr EnumName<TieModel> kTieModelNames[] = {
    {TieModel::kHalf, "half"},
    {TieModel::kDrop, "drop"},
    {TieModel::kDavidson, "davidson"},
    {TieModel::kRaoKupper, "rao-kupper"},
};

// Whether the tie model gives a tie its own probability with a fitted tie
// parameter (Davidson, Rao–Kupper), rather than counting it as half a win or
// dropping it. Such models have no sandwich covariance, style control or Elo.
inline bool ModelsTies(TieModel ties) {
  return ties == TieModel::kDavidson || ties == TieModel::kRaoKupper;
}

struct BradleyTerryOptions {
  TieModel ties = TieModel::kHalf;
  double ridge = 0;          // >= 0, penalty on natural-log strengths
  int max_iterations = 100;  // Newton steps
  double tolerance = 1e-10;  // converged when the largest step in theta is below this
  // Warm start: theta; for Davidson theta + log nu; for Rao–Kupper theta +
  // log eta (eta = ln theta_RK > 0, so the parameter stays in range).
  const Eigen::VectorXd* start = nullptr;
  // false: log_likelihood may be left at 0 (a bootstrap replicate needs only
  // theta), which saves a pass over the pairs.
  bool log_likelihood = true;
};

struct BradleyTerryResult {
  Eigen::VectorXd theta;      // natural-log strengths, mean 0
  double tie_parameter = 0;   // Davidson's nu, Rao–Kupper's theta (>= 1); else 0
  double log_likelihood = 0;  // at the solution, without the ridge term (see options)
  int iterations = 0;
  bool converged = false;  // false: max_iterations reached (reported, never thrown)
  Eigen::VectorXd state;   // theta (and log nu or log eta): pass as `start` to warm-start
};

// Fits the model to `counts`. Models without any battle get theta 0.
// REQUIRES: counts.num_models >= 1.
BradleyTerryResult FitBradleyTerry(const PairCounts& counts, const BradleyTerryOptions& options);

// The log-likelihood (no ridge term) at `state`, in the coordinates of
// BradleyTerryResult::state (theta, then log nu or log eta), and when
// `gradient` is given its exact gradient there. REQUIRES: state.size() ==
// num_models + (ModelsTies(ties) ? 1 : 0).
double BradleyTerryLogLikelihood(const PairCounts& counts, TieModel ties,
                                 const Eigen::VectorXd& state, Eigen::VectorXd* gradient = nullptr);

// The three outcomes' probabilities of one battle of i against j.
struct OutcomeProbabilities {
  double win = 0;   // i wins
  double loss = 0;  // j wins
  double tie = 0;
};

// P(i wins), P(j wins), P(tie) for the natural-log strength difference
// `diff` = theta_i - theta_j. `tie_parameter` is Davidson's nu, Rao–Kupper's
// theta (>= 1), and for kHalf and kDrop (which do not model ties) a constant
// tie rate tau in [0, 1): P(i wins) = (1 - tau) sigma(diff). The three sum to 1.
OutcomeProbabilities TieModelProbabilities(TieModel ties, double diff, double tie_parameter);

// P(i beats j) given that the battle is decided (not a tie): sigma(diff) for
// half, drop and Davidson; for Rao–Kupper P(win) / (P(win) + P(loss)), which
// depends on theta too.
double DecisiveWinProbability(TieModel ties, double diff, double tie_parameter);

// σ(u) = 1 / (1 + e^−u): P(i beats j) at u = theta_i − theta_j, without
// overflow for large |u|.
double Sigmoid(double u);

// Natural-log strength -> points on the Elo scale (400 / ln 10 per unit).
inline constexpr double kEloPerNat = 173.71779276130073;

// P(i beats j) for ratings on the Elo scale: 1 / (1 + 10^((r_j - r_i) / 400)).
double EloWinProbability(double rating_i, double rating_j);

const char* TieModelName(TieModel ties);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_BRADLEY_TERRY_H_
