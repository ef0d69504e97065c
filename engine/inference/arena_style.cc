#include "engine/inference/arena_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "engine/base/option_names.h"
#include "engine/inference/intervals.h"
#include "engine/inference/sandwich.h"
#include "engine/inference/style_control.h"
#include "engine/rating/contextual_bradley_terry.h"
#include "engine/rating/style_features.h"

namespace podium {
namespace {

// The battles the fit uses and their raw values of the chosen features
// ([f1_a, f1_b, f2_a, f2_b, ...] per battle, in `columns` order).
struct StyleInput {
  std::vector<Battle> battles;
  std::vector<double> raw;
};

StyleInput SelectBattles(const BattleData& data, TieModel ties, const std::vector<int>& columns) {
  const size_t width = 2 * data.feature_names.size();
  StyleInput in;
  for (size_t i = 0; i < data.sequence.size(); ++i) {
    const Battle& b = data.sequence[i];
    if (ties == TieModel::kDrop && b.outcome == Outcome::kTie) continue;
    in.battles.push_back(b);
    for (int f : columns) {
      in.raw.push_back(data.features[i * width + 2 * f]);
      in.raw.push_back(data.features[i * width + 2 * f + 1]);
    }
  }
  return in;
}

// The uncontrolled board's gauge with an anchor k: ratings shifted so that
// R_k = anchor_rating, and intervals of R_i − R_k (the anchor's has width
// 0), as arena.h anchors: the sandwich from Var(θ_i − θ_k), the bootstrap
// from each replicate anchored before its percentiles.
void AnchorIntervals(int k, double anchor_rating, const StyleIntervalOptions& intervals,
                     StyleControlIntervals* ci) {
  const int m = static_cast<int>(ci->ratings.size());
  ci->ratings.array() += anchor_rating - ci->ratings(k);
  if (intervals.sandwich) {
    const double z = NormalQuantile((1 + intervals.bootstrap.level) / 2);
    for (int i = 0; i < m; ++i) {
      const double sd = kEloPerNat * std::sqrt(std::max(
                                         0.0, DifferenceVariance(ci->sandwich.covariance, i, k)));
      ci->rating_sds(i) = sd;
      ci->rating_intervals[i] = {ci->ratings(i) - z * sd, ci->ratings(i) + z * sd};
    }
  } else if (ci->replicates.rows() > 0) {
    Eigen::MatrixXd anchored = ci->replicates.leftCols(m);
    for (int r = 0; r < anchored.rows(); ++r) {
      anchored.row(r).array() += anchor_rating - anchored(r, k);
    }
    ci->rating_intervals = PercentileIntervals(anchored, intervals.bootstrap.level);
  }
}

}  // namespace

// Long on purpose: the steps of the header (features, covariates, weights,
// fit, intervals, rows) in order, each a few lines.
std::optional<StyleBoard> BuildStyleBoard(const BattleData& data, TieModel ties,
                                          const StyleBoardOptions& options,
                                          const StyleIntervalOptions& intervals,
                                          const std::vector<int>& uncontrolled_ranks, int anchor,
                                          double anchor_rating, Diagnostics* diagnostics) {
  const int m = static_cast<int>(data.models.size());
  std::vector<int> columns;
  for (const std::string& name : options.features) {
    const auto it = std::find(data.feature_names.begin(), data.feature_names.end(), name);
    if (it == data.feature_names.end()) {
      diagnostics->Error({}, OptionName("control"), name,
                         fmt::format("style feature \"{}\" was not read from the battles", name));
      continue;
    }
    columns.push_back(static_cast<int>(it - data.feature_names.begin()));
  }
  if (ModelsTies(ties)) {
    diagnostics->Error({}, OptionName("control"), "",
                       fmt::format("style control models ties as half a win (or drops them), "
                                   "not {}",
                                   TieModelName(ties)));
  }
  if (diagnostics->has_errors()) return std::nullopt;
  const StyleInput in = SelectBattles(data, ties, columns);
  if (in.battles.empty()) {
    diagnostics->Error({}, OptionName("control"), "", "no battles left for style control");
    return std::nullopt;
  }
  const int k = static_cast<int>(columns.size());
  const StyleCovariates covariates =
      ComputeStyleCovariates(static_cast<int64_t>(in.battles.size()), k, in.raw);
  const std::vector<double> weights =
      options.reweight ? ContextualPairWeights(m, in.battles) : std::vector<double>();
  ContextualBradleyTerryOptions fit_options;
  fit_options.l2 = options.l2;
  fit_options.threads = intervals.bootstrap.threads;
  const ContextualBradleyTerryResult fit =
      FitContextualBradleyTerry(m, in.battles, covariates.covariates, weights, fit_options);

  StyleBoard board;
  board.options = options;
  board.battles = static_cast<int64_t>(in.battles.size());
  board.iterations = fit.iterations;
  board.converged = fit.converged;
  StyleControlIntervals ci;
  if (intervals.sandwich) {
    StyleSandwichOptions so;
    so.level = intervals.bootstrap.level;
    ci = StyleSandwichIntervals(m, in.battles, covariates.covariates, weights, fit, so);
    board.intervals = "sandwich";
  } else if (intervals.bootstrap.rounds > 0) {
    StyleBootstrapOptions bo;
    static_cast<BootstrapOptions&>(bo) = intervals.bootstrap;
    bo.fit = fit_options;
    ci = StyleBootstrapIntervals(m, in.battles, covariates.covariates, weights, fit, bo);
    board.intervals = "bootstrap";
    board.unconverged_replicates = ci.unconverged_replicates;
  } else {  // point estimates: the rows below read only ratings and coefficients
    ci.ratings = (1000 + kEloPerNat * fit.theta.array()).matrix();
    ci.coefficients = fit.coefficients;
    const Interval none{std::nan(""), std::nan("")};
    ci.rating_intervals.assign(m, none);
    ci.coefficient_intervals.assign(k, none);
    ci.coefficient_sds = Eigen::VectorXd::Constant(k, std::nan(""));
    board.intervals = "none";
  }
  if (anchor >= 0) AnchorIntervals(anchor, anchor_rating, intervals, &ci);
  for (int f = 0; f < k; ++f) {
    board.coefficients.push_back({options.features[f], ci.coefficients(f), ci.coefficient_sds(f),
                                  ci.coefficient_intervals[f].low,
                                  ci.coefficient_intervals[f].high, covariates.means[f],
                                  covariates.sds[f]});
  }
  const std::vector<StyleControlledModel> ranked = StyleControlledRanks(ci, uncontrolled_ranks);
  for (int i = 0; i < m; ++i) {
    StyleRow row;
    row.model = data.models[i];
    row.index = i;
    row.rating = ranked[i].rating;
    row.ci_low = ranked[i].interval.low;
    row.ci_high = ranked[i].interval.high;
    row.rank = ranked[i].rank;
    // Without intervals Rank (UB) is the rank (no interval separates anyone).
    row.rank_ub = board.intervals == "none" ? row.rank : ranked[i].rank_ub;
    row.uncontrolled_rank = uncontrolled_ranks[i];
    // A model the other board does not rank (only wins or only losses) has no change.
    row.rank_change = row.uncontrolled_rank > 0 ? row.uncontrolled_rank - row.rank_ub : 0;
    board.rows.push_back(row);
  }
  std::sort(board.rows.begin(), board.rows.end(), [](const StyleRow& a, const StyleRow& b) {
    return std::tie(a.rank, a.model) < std::tie(b.rank, b.model);
  });
  return board;
}

}  // namespace podium
