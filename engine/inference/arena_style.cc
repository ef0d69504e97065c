#include "engine/inference/arena_style.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

#include "engine/base/option_names.h"
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
  if (ties == TieModel::kDavidson) {
    diagnostics->Error({}, OptionName("control"), "",
                       "style control models ties as half a win (or drops them), not davidson");
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
  // The uncontrolled board's gauge: an anchor shifts ratings and intervals.
  const double shift = anchor >= 0 ? anchor_rating - ci.ratings(anchor) : 0.0;
  ci.ratings.array() += shift;
  for (Interval& interval : ci.rating_intervals) {
    interval.low += shift;
    interval.high += shift;
  }
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
    row.rank_change = row.uncontrolled_rank - row.rank_ub;
    board.rows.push_back(row);
  }
  std::sort(board.rows.begin(), board.rows.end(), [](const StyleRow& a, const StyleRow& b) {
    return std::tie(a.rank, a.model) < std::tie(b.rank, b.model);
  });
  return board;
}

}  // namespace podium
