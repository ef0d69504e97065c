// How well each tie model of bradley_terry.h fits a set of battles: held-out
// log-loss by seeded k-fold cross-validation over battles, the full-data
// log-likelihood with AIC and BIC, and the calibration of one model's
// predicted probabilities against the observed ones.
//
// Every model is scored on the same three outcomes (i wins, j wins, tie):
//   davidson, rao-kupper  their own P(win), P(loss), P(tie);
//   half, drop            do not model ties: P(tie) = tau, the tie fraction of
//                         the battles fitted on, and P(i wins) = (1 - tau)
//                         sigma(theta_i - theta_j). Without the constant tie
//                         rate they would give a tie probability 0 and an
//                         infinite loss, which compares nothing.
// Log-loss is -ln P(observed outcome), averaged over battles (nats).
//
// Folds (deterministic, on any number of threads): N labels "position mod k"
// (so folds differ in size by at most one battle) are shuffled by Fisher–Yates
// with Rng(seed, kFoldStream) (random.h), and the cells, in their sorted order
// (i, j, outcome), take the next `count` labels each. Pair counts are
// therefore split exactly as the same battles listed one by one would be.
#ifndef PODIUM_ENGINE_INFERENCE_GOODNESS_OF_FIT_H_
#define PODIUM_ENGINE_INFERENCE_GOODNESS_OF_FIT_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/ingest/battles.h"
#include "engine/rating/bradley_terry.h"

namespace podium {

// The tie models compared, in the order that breaks a tie in held-out log-loss.
inline constexpr TieModel kComparedTieModels[] = {TieModel::kHalf, TieModel::kDrop,
                                                  TieModel::kDavidson, TieModel::kRaoKupper};

// The random stream of the fold shuffle under a seed (random.h): not one a
// bootstrap replicate of a small run uses.
inline constexpr uint64_t kFoldStream = 0x6b666f6c64;  // "kfold"

struct GoodnessOfFitOptions {
  int folds = 5;      // k of the k-fold cross-validation; 2..255
  uint64_t seed = 1;  // shuffles the fold labels
  // Ridge penalty on natural-log strengths in every fit; 0 = none, except that
  // a fit whose maximum-likelihood estimate does not exist (a model with only
  // wins or only losses in the battles fitted on) gets 0.01, as the arena.
  double ridge = 0;
  int threads = 1;  // the fits run in parallel; the result does not depend on it
  // The model whose calibration is reported; nullopt = the best one.
  std::optional<TieModel> calibrate;
};

struct TieModelFit {
  TieModel ties = TieModel::kHalf;
  double held_out_log_loss = 0;       // mean over all N battles, nats
  std::vector<double> fold_log_loss;  // per fold, mean over its held-out battles
  double log_likelihood = 0;          // full data, three outcomes, nats
  int parameters = 0;                 // m - components strengths + 1 tie parameter
  double aic = 0;                     // 2 parameters - 2 log_likelihood
  double bic = 0;                     // parameters ln N - 2 log_likelihood
  double tie_parameter = 0;           // full data: tau (half, drop), nu, or theta
  bool converged = true;              // every one of its k + 1 fits converged
};

// One unordered pair i < j: the calibrated model's expected score of i
// against j next to the observed one (ties counting half).
struct CalibrationPair {
  int i = 0, j = 0;
  int64_t battles = 0;
  double predicted = 0;  // P(i wins) + P(tie) / 2 from the full-data fit
  double observed = 0;   // (wins_i + ties / 2) / battles
};

// A bin of predicted probability, every pair counted in both orientations
// (p and 1 - p), so the bins are symmetric about 1/2 and hold 2N battles.
struct CalibrationBin {
  double low = 0, high = 0;  // [low, high); the last bin includes 1
  double battles = 0;        // battles of the pairs in the bin
  double predicted = 0;      // battle-weighted mean predicted; NaN when empty
  double observed = 0;       // battle-weighted observed score; NaN when empty
};

struct GoodnessOfFit {
  GoodnessOfFitOptions options;
  int64_t battles = 0;                // N
  std::vector<int64_t> fold_battles;  // held-out battles per fold
  std::vector<TieModelFit> models;    // in kComparedTieModels order
  TieModel best = TieModel::kHalf;    // lowest held-out log-loss
  TieModel calibrated = TieModel::kHalf;
  std::vector<CalibrationPair> pairs;  // pairs with battles, by (i, j)
  std::vector<CalibrationBin> bins;    // 10 of width 0.1
  double calibration_error = 0;        // battle-weighted mean |observed - predicted| of the bins
};

// The fold (0..folds-1) of each of n battles, as described above.
// REQUIRES: 2 <= folds <= 255.
std::vector<uint8_t> FoldLabels(int64_t n, int folds, uint64_t seed);

// The goodness of fit of every tie model on `cells` (sorted as BattleData's).
// A held-out battle of a model absent from the training folds uses strength 0.
// A fold without battles (N < folds) has a NaN log-loss. A held-out outcome the
// fitted model gives probability 0 (e.g. a tie when the training folds have
// none) makes the loss infinite. REQUIRES: num_models >= 1, cells' models
// below num_models, options.folds in 2..255.
GoodnessOfFit ComputeGoodnessOfFit(int num_models, const std::vector<PairCell>& cells,
                                   const GoodnessOfFitOptions& options);

// The fit of `ties` in fit.models.
const TieModelFit& FitOf(const GoodnessOfFit& fit, TieModel ties);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_GOODNESS_OF_FIT_H_
