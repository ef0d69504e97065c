#include "engine/inference/goodness_of_fit.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

#include "engine/base/check.h"
#include "engine/base/random.h"
#include "engine/inference/bootstrap.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/comparison_graph.h"

namespace podium {
namespace {

constexpr int kBins = 10;
constexpr int kModels = static_cast<int>(std::size(kComparedTieModels));

// A fitted model: strengths and the tie parameter of TieModelProbabilities
// (tau for half and drop).
struct FittedModel {
  TieModel ties = TieModel::kHalf;
  Eigen::VectorXd theta;
  double tie_parameter = 0;
  bool converged = true;

  OutcomeProbabilities Probabilities(int i, int j) const {
    return TieModelProbabilities(ties, theta(i) - theta(j), tie_parameter);
  }
};

// Fits `ties` to the battles counted by `counts` (one per cell).
FittedModel Fit(int m, const std::vector<PairCell>& cells, const std::vector<int64_t>& counts,
                TieModel ties, double ridge) {
  const PairCounts pairs = ToPairCounts(m, cells, &counts);
  BradleyTerryOptions options;
  options.ties = ties;
  options.ridge = RidgeWithFallback(pairs, ties, ridge);
  const BradleyTerryResult fit = FitBradleyTerry(pairs, options);
  FittedModel out{ties, fit.theta, fit.tie_parameter, fit.converged};
  if (!ModelsTies(ties)) {
    double all = 0, tied = 0;
    for (const PairTotal& p : pairs.pairs) {
      all += p.total();
      tied += p.ties;
    }
    out.tie_parameter = all > 0 ? tied / all : 0;
  }
  return out;
}

double Probability(const OutcomeProbabilities& p, Outcome outcome) {
  return outcome == Outcome::kWinA ? p.win : outcome == Outcome::kWinB ? p.loss : p.tie;
}

// -sum of count ln P(outcome) over the cells (cells with count 0 add nothing,
// so an impossible outcome that did not happen costs nothing).
double LogLoss(const FittedModel& model, const std::vector<PairCell>& cells,
               const std::vector<int64_t>& counts) {
  double loss = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    if (counts[k] == 0) continue;
    const PairCell& c = cells[k];
    loss -= counts[k] * std::log(Probability(model.Probabilities(c.i, c.j), c.outcome));
  }
  return loss;
}

// Held-out counts per fold and cell: cell k takes the next count labels.
std::vector<std::vector<int64_t>> FoldCounts(const std::vector<PairCell>& cells, int64_t n,
                                             const GoodnessOfFitOptions& options) {
  const std::vector<uint8_t> labels = FoldLabels(n, options.folds, options.seed);
  std::vector<std::vector<int64_t>> out(options.folds, std::vector<int64_t>(cells.size(), 0));
  int64_t next = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    for (int64_t b = 0; b < cells[k].count; ++b) ++out[labels[next++]][k];
  }
  return out;
}

// The calibration pairs and bins of a full-data fit.
void Calibrate(const FittedModel& model, const std::vector<PairCell>& cells, GoodnessOfFit* out) {
  const PairCounts pairs = ToPairCounts(static_cast<int>(model.theta.size()), cells);
  std::vector<double> weight(kBins, 0), predicted(kBins, 0), observed(kBins, 0);
  const auto add = [&](double p, double o, double n) {
    const int bin = std::clamp(static_cast<int>(std::floor(p * kBins)), 0, kBins - 1);
    weight[bin] += n;
    predicted[bin] += n * p;
    observed[bin] += n * o;
  };
  for (const PairTotal& p : pairs.pairs) {
    const OutcomeProbabilities q = model.Probabilities(p.i, p.j);
    const double n = p.total(), score = q.win + q.tie / 2, seen = (p.wins_i + p.ties / 2) / n;
    out->pairs.push_back({p.i, p.j, static_cast<int64_t>(n), score, seen});
    add(score, seen, n);
    add(1 - score, 1 - seen, n);
  }
  double total = 0, error = 0;
  for (int b = 0; b < kBins; ++b) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double w = weight[b];
    out->bins.push_back({static_cast<double>(b) / kBins, static_cast<double>(b + 1) / kBins, w,
                         w > 0 ? predicted[b] / w : nan, w > 0 ? observed[b] / w : nan});
    if (w > 0) error += std::abs(observed[b] - predicted[b]);  // = w |mean obs - mean pred|
    total += w;
  }
  out->calibration_error = total > 0 ? error / total : 0;
}

}  // namespace

std::vector<uint8_t> FoldLabels(int64_t n, int folds, uint64_t seed) {
  PODIUM_CHECK(folds >= 2 && folds <= 255 && n >= 0);
  std::vector<uint8_t> labels(n);
  for (int64_t k = 0; k < n; ++k) labels[k] = static_cast<uint8_t>(k % folds);
  Rng rng(seed, kFoldStream);
  for (int64_t k = n - 1; k > 0; --k) {  // Fisher–Yates
    std::swap(labels[k], labels[rng.Below(static_cast<uint64_t>(k) + 1)]);
  }
  return labels;
}

const TieModelFit& FitOf(const GoodnessOfFit& fit, TieModel ties) {
  for (const TieModelFit& f : fit.models) {
    if (f.ties == ties) return f;
  }
  PODIUM_CHECK_MSG(false, "tie model not compared");
  return fit.models.front();
}

// Every (fold, model) fit and the full-data fits are independent tasks run by
// the deterministic bootstrap driver: task t fits model t % 4 on fold t / 4's
// training battles (fold k = all battles) and returns its loss, or the
// full-data log-likelihood, with its convergence and tie parameter.
GoodnessOfFit ComputeGoodnessOfFit(int m, const std::vector<PairCell>& cells,
                                   const GoodnessOfFitOptions& options) {
  PODIUM_CHECK(m >= 1 && options.folds >= 2 && options.folds <= 255);
  GoodnessOfFit out;
  out.options = options;
  std::vector<int64_t> all;
  for (const PairCell& c : cells) {
    all.push_back(c.count);
    out.battles += c.count;
  }
  const int k = options.folds;
  const std::vector<std::vector<int64_t>> held_out = FoldCounts(cells, out.battles, options);
  std::vector<FittedModel> full(kModels);
  const Eigen::MatrixXd tasks = RunBootstrap(
      (k + 1) * kModels, 3, options.seed, options.threads, [&](int t, Rng&, Eigen::VectorXd* row) {
        const int fold = t / kModels;
        const TieModel ties = kComparedTieModels[t % kModels];
        std::vector<int64_t> train = all;
        if (fold < k) {
          for (size_t c = 0; c < cells.size(); ++c) train[c] -= held_out[fold][c];
        }
        const FittedModel model = Fit(m, cells, train, ties, options.ridge);
        (*row)(0) = LogLoss(model, cells, fold < k ? held_out[fold] : all);
        (*row)(1) = model.converged ? 1 : 0;
        (*row)(2) = model.tie_parameter;
        if (fold == k) full[t % kModels] = model;
      });
  for (int f = 0; f < k; ++f) {
    int64_t n = 0;
    for (int64_t c : held_out[f]) n += c;
    out.fold_battles.push_back(n);
  }
  const int components =
      AnalyzeComparisonGraph(ToPairCounts(m, cells), TieModel::kHalf).num_components;
  for (int model = 0; model < kModels; ++model) {
    TieModelFit fit;
    fit.ties = kComparedTieModels[model];
    double loss = 0;
    for (int f = 0; f < k; ++f) {
      const double fold_loss = tasks(f * kModels + model, 0);
      loss += fold_loss;
      fit.fold_log_loss.push_back(out.fold_battles[f] > 0
                                      ? fold_loss / out.fold_battles[f]
                                      : std::numeric_limits<double>::quiet_NaN());
      fit.converged = fit.converged && tasks(f * kModels + model, 1) == 1;
    }
    const int full_task = k * kModels + model;
    fit.held_out_log_loss = out.battles > 0 ? loss / out.battles : 0;
    fit.log_likelihood = -tasks(full_task, 0);
    fit.converged = fit.converged && tasks(full_task, 1) == 1;
    fit.tie_parameter = tasks(full_task, 2);
    fit.parameters = m - components + 1;
    fit.aic = 2 * fit.parameters - 2 * fit.log_likelihood;
    fit.bic = fit.parameters * std::log(static_cast<double>(out.battles)) - 2 * fit.log_likelihood;
    out.models.push_back(std::move(fit));
  }
  for (const TieModelFit& fit : out.models) {
    // Strictly lower only: an equal loss keeps the earlier model.
    if (fit.held_out_log_loss < FitOf(out, out.best).held_out_log_loss) out.best = fit.ties;
  }
  out.calibrated = options.calibrate.value_or(out.best);
  for (int model = 0; model < kModels; ++model) {
    if (kComparedTieModels[model] == out.calibrated) Calibrate(full[model], cells, &out);
  }
  return out;
}

}  // namespace podium
