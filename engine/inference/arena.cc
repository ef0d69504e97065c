#include "engine/inference/arena.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <tuple>

#include "engine/base/check.h"
#include "engine/base/number.h"
#include "engine/base/multinomial_sampler.h"
#include "engine/base/option_names.h"
#include "engine/base/random.h"
#include "engine/inference/bootstrap.h"
#include "engine/inference/rank_sets.h"
#include "engine/inference/sandwich.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/comparison_graph.h"
#include "engine/rating/leaderboard.h"

namespace podium {
namespace {

// The battles of a subset of models, renumbered 0..k-1 in the given order.
BattleData Subset(const BattleData& data, const std::vector<int>& keep) {
  std::vector<int> index(data.models.size(), -1);
  BattleData out;
  for (size_t k = 0; k < keep.size(); ++k) {
    index[keep[k]] = static_cast<int>(k);
    out.models.push_back(data.models[keep[k]]);
  }
  for (const PairCell& c : data.cells) {
    if (index[c.i] < 0 || index[c.j] < 0) continue;
    out.cells.push_back({index[c.i], index[c.j], c.outcome, c.count});
    out.battles += c.count;
  }
  out.feature_names = data.feature_names;
  const size_t width = 2 * data.feature_names.size();
  for (size_t k = 0; k < data.sequence.size(); ++k) {
    const Battle& b = data.sequence[k];
    if (index[b.a] < 0 || index[b.b] < 0) continue;
    Battle renumbered = b;
    renumbered.a = index[b.a];
    renumbered.b = index[b.b];
    out.sequence.push_back(renumbered);
    out.features.insert(out.features.end(), data.features.begin() + k * width,
                        data.features.begin() + (k + 1) * width);
  }
  out.has_tstamp = data.has_tstamp;
  out.group_names = data.group_names;
  return out;
}

// `counts` with every total of the pair {i, j} multiplied by weights(i, j)
// (arena-rank's opt_weights = counts × weights); `weights` empty = unchanged.
PairCounts Weighted(PairCounts counts, const Eigen::MatrixXd& weights) {
  if (weights.size() == 0) return counts;
  for (PairTotal& p : counts.pairs) {
    const double w = weights(p.i, p.j);
    p.wins_i *= w;
    p.wins_j *= w;
    p.ties *= w;
  }
  return counts;
}

struct ComponentFit {
  Eigen::VectorXd ratings;
  Eigen::MatrixXd replicates;  // rounds x models
  Eigen::MatrixXd weights;     // per pair (reweight), else empty
  double tie_parameter = 0;    // Davidson's nu, Rao–Kupper's theta; else 0
};

class ArenaBuilder {
 public:
  ArenaBuilder(const ArenaOptions& options, ArenaResult* result) : o_(options), result_(result) {}

  ComponentFit Fit(const BattleData& data, int anchor) {
    return o_.method == ArenaMethod::kElo ? FitElo(data, anchor) : FitBt(data, anchor);
  }

 private:
  ComponentFit FitBt(const BattleData& data, int anchor) {
    const int m = static_cast<int>(data.models.size());
    ComponentFit fit;
    if (o_.reweight) fit.weights = PairCountWeights(m, data.cells);
    const PairCounts counts = Weighted(ToPairCounts(m, data.cells), fit.weights);
    BradleyTerryOptions bt;
    bt.ties = o_.ties;
    bt.ridge = RidgeWithFallback(counts, o_.ties, o_.ridge);
    if (bt.ridge != o_.ridge) {
      result_->warnings.push_back(fmt::format(
          "the maximum-likelihood ratings do not exist (some models never lose or never win "
          "against the rest); a ridge penalty of {} on natural-log strengths (a Gaussian prior "
          "with sd {:.0f}) was applied",
          kFallbackRidge, 1 / std::sqrt(kFallbackRidge)));
    }
    result_->ridge_used = std::max(result_->ridge_used, bt.ridge);
    const BradleyTerryResult full = FitBradleyTerry(counts, bt);
    result_->iterations = std::max(result_->iterations, full.iterations);
    result_->converged = result_->converged && full.converged;
    if (ModelsTies(o_.ties) && result_->tie_parameter == 0) {
      result_->tie_parameter = full.tie_parameter;
    }
    fit.tie_parameter = full.tie_parameter;
    if (!full.converged) {
      result_->warnings.push_back(fmt::format(
          "the Bradley–Terry fit did not converge in {} Newton steps", full.iterations));
    }
    fit.ratings = PlaceRatings(kEloPerNat * full.theta, anchor, o_.anchor_rating, /*centre=*/true);
    if (o_.rounds == 0) return fit;

    std::vector<int64_t> cell_counts;
    for (const PairCell& c : data.cells) cell_counts.push_back(c.count);
    const MultinomialSampler sampler(cell_counts);
    std::vector<int> degenerate(o_.rounds, 0);
    fit.replicates = RunBootstrap(
        o_.rounds, m, o_.seed, o_.threads,
        [&](int r, Rng& rng, Eigen::VectorXd* row) {
          std::vector<int64_t> draw;
          sampler.Draw(rng, &draw);
          const PairCounts sample = Weighted(ToPairCounts(m, data.cells, &draw), fit.weights);
          BradleyTerryOptions options = bt;
          options.start = &full.state;
          options.log_likelihood = false;
          options.ridge = RidgeWithFallback(sample, o_.ties, options.ridge);
          degenerate[r] = options.ridge != bt.ridge;
          *row = PlaceRatings(kEloPerNat * FitBradleyTerry(sample, options).theta, anchor,
                              o_.anchor_rating, /*centre=*/true);
        },
        o_.progress);
    result_->degenerate_replicates += std::accumulate(degenerate.begin(), degenerate.end(), 0);
    return fit;
  }

  ComponentFit FitElo(const BattleData& data, int anchor) {
    const int m = static_cast<int>(data.models.size());
    ComponentFit fit;
    // FastChat's online Elo is neither centred nor anchored unless asked.
    fit.ratings =
        PlaceRatings(OnlineElo(m, data.sequence, o_.elo), anchor, o_.anchor_rating, false);
    if (o_.rounds == 0) return fit;
    const std::vector<PackedBattle> packed = PackBattles(data.sequence);
    fit.replicates = RunBootstrap(
        o_.rounds, m, o_.seed, o_.threads,
        [&](int, Rng& rng, Eigen::VectorXd* row) {
          *row = PlaceRatings(ResampledOnlineElo(m, packed, o_.elo, rng), anchor, o_.anchor_rating,
                              false);
        },
        o_.progress);
    return fit;
  }

  const ArenaOptions& o_;
  ArenaResult* result_;
};

// Battles, wins, losses, ties per model and the observed matrices.
void CountAndMatrices(const BattleData& data, ArenaResult* result) {
  const int m = static_cast<int>(data.models.size());
  result->battles = Eigen::MatrixXd::Zero(m, m);
  result->wins = Eigen::MatrixXd::Zero(m, m);
  result->ties = result->wins;
  Eigen::MatrixXd& wins = result->wins;
  Eigen::MatrixXd& ties = result->ties;
  for (const PairCell& c : data.cells) {
    const double n = static_cast<double>(c.count);
    result->battles(c.i, c.j) += n;
    result->battles(c.j, c.i) += n;
    if (c.outcome == Outcome::kWinA) wins(c.i, c.j) += n;
    if (c.outcome == Outcome::kWinB) wins(c.j, c.i) += n;
    if (c.outcome == Outcome::kTie) {
      ties(c.i, c.j) += n;
      ties(c.j, c.i) += n;
    }
  }
  const double nan = std::nan("");
  result->win_fraction = Eigen::MatrixXd::Constant(m, m, nan);
  result->win_fraction_ties_half = Eigen::MatrixXd::Constant(m, m, nan);
  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < m; ++j) {
      const double decisive = wins(i, j) + wins(j, i);
      if (decisive > 0) result->win_fraction(i, j) = wins(i, j) / decisive;
      if (result->battles(i, j) > 0) {
        result->win_fraction_ties_half(i, j) =
            (wins(i, j) + ties(i, j) / 2) / result->battles(i, j);
      }
    }
  }
  for (ArenaRow& row : result->rows) {
    const int i = row.index;
    row.wins = static_cast<int64_t>(wins.row(i).sum());
    row.losses = static_cast<int64_t>(wins.col(i).sum());
    row.ties = static_cast<int64_t>(ties.row(i).sum());
    row.battles = row.wins + row.losses + row.ties;
  }
}

struct SandwichRanks {
  std::vector<Interval> ci;       // per member (Elo scale)
  std::vector<Interval> rank_ci;  // per ranked member
  std::vector<int> rank_ub;       // per ranked member
  RankSets sets;                  // per ranked member
  Eigen::MatrixXd covariance;     // members x members (natural log)
  double critical_value = 0;
};

// The sandwich intervals of one component (sandwich.h) at its fit: every
// member gets its rating interval; Rank (UB), rank intervals, rank sets and
// tiers are among the `ranked` members only (the covariance restricted to
// them), as the bootstrap path ranks them.
SandwichRanks SandwichComponent(const BattleData& part, const ComponentFit& fit, int anchor,
                                const std::vector<int>& ranked, const ArenaOptions& options) {
  const int m = static_cast<int>(part.models.size());
  SandwichOptions so;
  so.level = options.level;
  so.ties = options.ties;
  so.draws = options.draws;
  so.seed = options.seed;
  so.threads = options.threads;
  so.anchor = anchor;
  so.pair_weights = fit.weights;
  SandwichRanks out;
  const SandwichMatrices matrices = SandwichCovariance(m, part.cells, fit.ratings, so);
  out.covariance = matrices.covariance;
  SandwichOptions intervals_only = so;
  intervals_only.draws = 0;
  const SandwichResult all = SandwichIntervalsAt(matrices, fit.ratings, intervals_only);
  for (const SandwichModel& model : all.models) out.ci.push_back({model.ci_low, model.ci_high});
  std::vector<Interval> ranked_ci;
  for (int k : ranked) ranked_ci.push_back(out.ci[k]);
  out.rank_ub = UpperBoundRanks(ranked_ci);
  out.critical_value = std::nan("");
  if (ranked.empty()) return out;  // nothing to rank (e.g. two models, one always won)
  SandwichMatrices sub = matrices;
  sub.covariance = matrices.covariance(ranked, ranked);
  so.anchor = -1;  // only the rank part is used, and ranks ignore a common shift
  const SandwichResult among = SandwichIntervalsAt(sub, fit.ratings(ranked), so);
  out.critical_value = among.critical_value;
  out.sets.decided = among.decided;
  for (const SandwichModel& model : among.models) {
    out.rank_ci.push_back({static_cast<double>(model.rank_ci_low),
                           static_cast<double>(model.rank_ci_high)});
    out.sets.low.push_back(model.rank_set_low);
    out.sets.high.push_back(model.rank_set_high);
    out.sets.tier.push_back(model.tier);
  }
  return out;
}

// P(member k beats member l) from the ratings: Rao–Kupper's given a decided
// battle, else the Elo formula (the Bradley–Terry one on the Elo scale).
double PredictedWin(const ArenaOptions& options, const ComponentFit& fit, int k, int l) {
  if (options.method == ArenaMethod::kElo || options.ties != TieModel::kRaoKupper) {
    return EloWinProbability(fit.ratings(k), fit.ratings(l));
  }
  return DecisiveWinProbability(options.ties, (fit.ratings(k) - fit.ratings(l)) / kEloPerNat,
                                fit.tie_parameter);
}

// Battles per model (input order).
std::vector<int64_t> BattlesPerModel(const BattleData& data) {
  std::vector<int64_t> per_model(data.models.size(), 0);
  for (const PairCell& c : data.cells) {
    per_model[c.i] += c.count;
    per_model[c.j] += c.count;
  }
  return per_model;
}

// Why model `i` has no maximum-likelihood rating ("only wins (no losses)"),
// or "" when it has one.
std::string NotRankedReason(const ComparisonGraph& graph, int i) {
  const auto has = [i](const std::vector<int>& list) {
    return std::find(list.begin(), list.end(), i) != list.end();
  };
  if (has(graph.only_wins)) return "only wins (no losses)";
  if (has(graph.only_losses)) return "only losses (no wins)";
  return "";
}

// Why the fragility analyses cannot run on this board, or "".
std::string FragilityBlocker(const ArenaOptions& o, const BattleData& data, int components) {
  if (o.method != ArenaMethod::kBradleyTerry) return "it needs " + OptionName("method") + " bt";
  if (o.reweight) {
    return "reweighted battles weigh by their pair's count, which removing battles changes; "
           "drop " + OptionName("reweight");
  }
  if (components > 1) return "it needs one connected comparison graph";
  if (o.robustness && o.ties != TieModel::kHalf && o.ties != TieModel::kDrop) {
    return "vote dropping models ties as half a win or drops them, not " +
           std::string(TieModelName(o.ties));
  }
  if (o.robustness && data.sequence.size() != static_cast<size_t>(data.battles)) {
    return "the battles' lines were not read";
  }
  if (!o.loo.empty() && data.sequence.size() != static_cast<size_t>(data.battles)) {
    return "the battles' groups were not read";
  }
  return "";
}

// Vote dropping on the board (one component): the set, the lines of its
// battles, and the board without it.
ArenaRobustness RobustnessOf(const BattleData& data, const ArenaResult& board, int anchor) {
  const ArenaOptions& o = board.options;
  const int m = static_cast<int>(data.models.size());
  VoteDropOptions drop;
  drop.max_fraction = o.max_drop;
  drop.fit.ties = o.ties;
  drop.fit.ridge = board.ridge_used;
  for (const ArenaRow& row : board.rows) {
    if (row.rank > 0) drop.eligible.push_back(row.index);
  }
  if (!o.pair_a.empty()) {
    drop.target = DropTarget::kPair;
    const auto index = [&](const std::string& name) {
      return static_cast<int>(std::find(data.models.begin(), data.models.end(), name) -
                              data.models.begin());
    };
    drop.model_a = index(o.pair_a);
    drop.model_b = index(o.pair_b);
  } else {
    drop.target = o.top_k == 1 ? DropTarget::kTop : DropTarget::kTopK;
    drop.top_k = o.top_k;
  }
  ArenaRobustness out;
  out.drop = FindVoteDrop(m, data.cells, drop);
  // The lines of the removed battles: the first `count` of each cell, in
  // file order (one pass over the battles).
  std::map<std::tuple<int, int, Outcome>, size_t> removed;  // cell -> its place in the set
  for (size_t k = 0; k < out.drop.cells.size(); ++k) {
    const DroppedCell& c = out.drop.cells[k];
    removed[{c.i, c.j, c.outcome}] = k;
  }
  out.lines.resize(out.drop.cells.size());
  for (const Battle& b : data.sequence) {
    const PairCell cell = CanonicalCell(b);
    const auto it = removed.find({cell.i, cell.j, cell.outcome});
    if (it != removed.end()) out.lines[it->second].push_back(b.line);
  }
  for (size_t k = 0; k < out.drop.cells.size(); ++k) {
    std::sort(out.lines[k].begin(), out.lines[k].end());
    out.lines[k].resize(static_cast<size_t>(out.drop.cells[k].count));
  }
  if (out.drop.flipped) {
    out.ratings_after =
        PlaceRatings(kEloPerNat * out.drop.after, anchor, o.anchor_rating, /*centre=*/true);
    out.ranks_after = CompetitionRanks(out.ratings_after, drop.eligible);
  }
  return out;
}

}  // namespace

const char* ArenaMethodName(ArenaMethod method) { return NameOf(kArenaMethodNames, method); }

const char* ArenaIntervalsName(ArenaIntervals ci) { return NameOf(kArenaIntervalsNames, ci); }

std::optional<std::pair<std::string, double>> ParseAnchor(const std::string& text) {
  const size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0) return std::nullopt;
  const std::optional<double> rating = ParseFiniteDouble(text.substr(eq + 1));
  if (!rating) return std::nullopt;
  return std::make_pair(text.substr(0, eq), *rating);
}

// Long on purpose: the steps (min-battles filter, comparison graph and
// not-ranked models, components, anchor, fit, bootstrap, rows) share the
// subset of models and its indices; split apart they would pass half a dozen
// parallel vectors between them. Each step is marked by a comment.
namespace {

std::optional<ArenaResult> BuildBoard(const BattleData& input, const ArenaOptions& options,
                                      Diagnostics* diagnostics) {
  ArenaResult result;
  result.options = options;
  const bool sandwich = options.ci == ArenaIntervals::kSandwich;
  if (options.method == ArenaMethod::kElo &&
      input.sequence.size() != static_cast<size_t>(input.battles)) {
    diagnostics->Error({}, OptionName("method"), "elo",
                       "online Elo needs individual battles in order, not pair counts");
    return std::nullopt;
  }
  if (options.method == ArenaMethod::kElo && (options.reweight || sandwich)) {
    diagnostics->Error({}, OptionName(options.reweight ? "reweight" : "ci"),
                       options.reweight ? "" : "sandwich",
                       fmt::format("applies to {} bt only (online Elo has no likelihood to "
                                   "weight or to take a covariance of)",
                                   OptionName("method")));
    return std::nullopt;
  }
  if (!options.style.features.empty() &&
      (options.method == ArenaMethod::kElo || input.sequence.size() != static_cast<size_t>(input.battles))) {
    diagnostics->Error({}, OptionName("control"), "",
                       options.method == ArenaMethod::kElo
                           ? fmt::format("style control applies to {} bt only",
                                         OptionName("method"))
                           : std::string("style control needs individual battles with their "
                                         "features, not pair counts"));
    return std::nullopt;
  }
  if (sandwich && ModelsTies(options.ties)) {
    diagnostics->Error(
        {}, OptionName("ci"), "sandwich",
        fmt::format("the sandwich covariance is defined for ties half or drop, not {}",
                    TieModelName(options.ties)));
    return std::nullopt;
  }
  if (sandwich && options.ridge > 0) {
    diagnostics->Error({}, OptionName("ridge"), fmt::format("{:g}", options.ridge),
                       "the sandwich covariance is that of the unpenalized fit (arena-rank); a "
                       "ridge-penalized fit has another one: drop the ridge or use the bootstrap");
    return std::nullopt;
  }
  if (!options.style.features.empty() && ModelsTies(options.ties)) {
    diagnostics->Error({}, OptionName("control"), "",
                       fmt::format("style control models ties as half a win (or drops them), "
                                   "not {}",
                                   TieModelName(options.ties)));
    return std::nullopt;
  }
  if (sandwich && options.rounds > 0) {
    diagnostics->Error({}, OptionName("rounds"), std::to_string(options.rounds),
                       fmt::format("bootstrap rounds apply to {0} bootstrap; the sandwich "
                                   "intervals need no refits (drop {1}, or choose one kind of "
                                   "interval)",
                                   OptionName("ci"), OptionName("rounds")));
    return std::nullopt;
  }
  // --min-battles: one pass, as Arena's filter.
  const std::vector<int64_t> per_model = BattlesPerModel(input);
  std::vector<int> keep;
  for (size_t i = 0; i < input.models.size(); ++i) {
    if (per_model[i] >= options.min_battles) {
      keep.push_back(static_cast<int>(i));
    } else {
      result.dropped_models.push_back(input.models[i]);
      result.warnings.push_back(fmt::format("{} has {} battles, fewer than {} {}: left out",
                                            input.models[i], per_model[i],
                                            OptionName("min_battles"), options.min_battles));
    }
  }
  const BattleData data = Subset(input, keep);
  const int m = static_cast<int>(data.models.size());
  if (m == 0) {
    diagnostics->Error({}, "", "", "no battles to rate");
    return std::nullopt;
  }
  result.models = data.models;
  result.total_battles = data.battles;

  const ComparisonGraph graph = AnalyzeComparisonGraph(ToPairCounts(m, data.cells), options.ties);
  result.num_components = graph.num_components;
  for (int i = 0; i < m; ++i) {
    const std::string why = NotRankedReason(graph, i);
    if (why.empty()) continue;
    result.warnings.push_back(
        options.rank_all
            ? fmt::format("{} has {}: its maximum-likelihood rating does not exist; the rating "
                          "shown comes from a ridge and is ranked because of {}",
                          data.models[i], why, OptionName("rank_all"))
            : fmt::format("{} has {}: its maximum-likelihood rating does not exist; the rating "
                          "shown comes from a ridge, and it is not ranked ({} ranks it)",
                          data.models[i], why, OptionName("rank_all")));
  }
  if (graph.num_components > 1 && !options.style.features.empty()) {
    diagnostics->Error({}, OptionName("control"), "",
                       "style control needs one connected comparison graph; the battles form " +
                           std::to_string(graph.num_components) + " components");
    return std::nullopt;
  }
  if (graph.num_components > 1 && !options.per_component) {
    std::vector<std::string> groups(graph.num_components);
    for (int i = 0; i < m; ++i) {
      std::string& g = groups[graph.component[i]];
      g += (g.empty() ? "" : ", ") + data.models[i];
    }
    diagnostics->Error(
        {}, "", "",
        fmt::format("the comparison graph has {} connected components ({{{}}}): "
                    "ratings across them are not comparable; pass "
                    "{} for one leaderboard per component",
                    graph.num_components, fmt::join(groups, "}, {"), OptionName("per_component")));
    return std::nullopt;
  }
  int anchor_index = -1;
  if (!options.anchor_model.empty()) {
    auto it = std::find(data.models.begin(), data.models.end(), options.anchor_model);
    if (it == data.models.end()) {
      diagnostics->Error({}, OptionName("anchor_model"), options.anchor_model,
                         fmt::format("anchor model \"{}\" has no battles", options.anchor_model));
      return std::nullopt;
    }
    anchor_index = static_cast<int>(it - data.models.begin());
  }

  result.predicted = Eigen::MatrixXd::Constant(m, m, std::nan(""));
  result.replicates = Eigen::MatrixXd::Constant(options.rounds, m, std::nan(""));
  result.critical_value = std::nan("");
  if (sandwich) result.covariance = Eigen::MatrixXd::Constant(m, m, std::nan(""));
  ArenaBuilder builder(options, &result);
  for (int component = 0; component < graph.num_components; ++component) {
    std::vector<int> members;
    for (int i = 0; i < m; ++i) {
      if (graph.component[i] == component) members.push_back(i);
    }
    // One component (the usual case) uses the data in place: no copy of a
    // possibly long battle sequence.
    std::optional<BattleData> subset;
    if (graph.num_components > 1) subset = Subset(data, members);
    const BattleData& part = subset ? *subset : data;
    const auto local_anchor = std::find(members.begin(), members.end(), anchor_index);
    const int anchor =
        local_anchor == members.end() ? -1 : static_cast<int>(local_anchor - members.begin());
    const ComponentFit fit = builder.Fit(part, anchor);
    // Only the models whose rating exists are ranked (unless rank_all).
    std::vector<int> ranked;  // indices into members
    for (size_t k = 0; k < members.size(); ++k) {
      if (options.rank_all || NotRankedReason(graph, members[k]).empty()) {
        ranked.push_back(static_cast<int>(k));
      }
    }
    const Eigen::VectorXd ranked_ratings = fit.ratings(ranked);
    const std::vector<int> rank = CompetitionRanks(fit.ratings, ranked);  // per member
    std::vector<Interval> ci, rank_ci, ranked_ci;
    std::vector<int> rank_ub;
    RankSets sets;
    if (sandwich) {
      const SandwichRanks ranks = SandwichComponent(part, fit, anchor, ranked, options);
      ci = ranks.ci;
      rank_ci = ranks.rank_ci;
      rank_ub = ranks.rank_ub;
      sets = ranks.sets;
      if (component == 0) result.critical_value = ranks.critical_value;
      result.covariance(members, members) = ranks.covariance;
    } else if (options.rounds > 0) {
      ci = PercentileIntervals(fit.replicates, options.level);
      const Eigen::MatrixXd ranked_replicates = fit.replicates(Eigen::all, ranked);
      for (int k : ranked) ranked_ci.push_back(ci[k]);
      rank_ci = RankIntervals(ranked_replicates, options.level);
      rank_ub = UpperBoundRanks(ranked_ci);
      sets = SimultaneousRankSets(ranked_replicates, ranked_ratings, options.level);
      for (size_t k = 0; k < members.size(); ++k) {
        result.replicates.col(members[k]) = fit.replicates.col(k);
      }
    }
    std::vector<int> position(members.size(), -1);  // member -> place in `ranked`
    for (size_t r = 0; r < ranked.size(); ++r) position[ranked[r]] = static_cast<int>(r);
    for (size_t k = 0; k < members.size(); ++k) {
      ArenaRow row;
      row.model = data.models[members[k]];
      row.component = component;
      row.index = members[k];
      row.rating = fit.ratings(k);
      row.ci_low = options.has_intervals() ? ci[k].low : std::nan("");
      row.ci_high = options.has_intervals() ? ci[k].high : std::nan("");
      const int r = position[k];
      if (r < 0) {
        row.not_ranked = NotRankedReason(graph, members[k]);
      } else {
        row.rank = rank[k];
      }
      if (r >= 0 && options.has_intervals()) {
        row.rank_ub = rank_ub[r];
        row.rank_ci_low = static_cast<int>(rank_ci[r].low);
        row.rank_ci_high = static_cast<int>(rank_ci[r].high);
        row.rank_set_low = sets.low[r];
        row.rank_set_high = sets.high[r];
        row.tier = sets.tier[r];
      }
      result.rows.push_back(row);
      for (size_t l = 0; l < members.size(); ++l) {
        result.predicted(members[k], members[l]) =
            k == l ? std::nan("") : PredictedWin(options, fit, k, l);
      }
    }
  }
  if (result.degenerate_replicates > 0) {
    result.warnings.push_back(fmt::format(
        "{} of {} bootstrap replicates had a model with only wins or only losses and were "
        "fitted with a ridge of {}",
        result.degenerate_replicates, options.rounds, kFallbackRidge));
  }
  if (!options.style.features.empty()) {
    // The uncontrolled rank of each model (matrix order) to compare against.
    std::vector<int> uncontrolled(m, 0);
    for (const ArenaRow& row : result.rows) {
      // 0 for a model that is not ranked: its rank change is then not given.
      uncontrolled[row.index] = options.has_intervals() ? row.rank_ub : row.rank;
    }
    StyleIntervalOptions intervals;
    intervals.sandwich = sandwich;
    intervals.bootstrap = options;
    intervals.bootstrap.progress = nullptr;
    result.style = BuildStyleBoard(data, options.ties, options.style, intervals, uncontrolled,
                                   anchor_index, options.anchor_rating, diagnostics);
    if (!result.style) return std::nullopt;
    if (!result.style->converged) {
      result.warnings.push_back(fmt::format(
          "the style-controlled fit did not converge in {} Newton steps (a model with only wins "
          "or only losses, or covariates that separate the outcomes)",
          result.style->iterations));
    }
    if (result.style->unconverged_replicates > 0) {
      result.warnings.push_back(fmt::format("{} of {} style-control bootstrap refits did not converge",
                                            result.style->unconverged_replicates, options.rounds));
    }
  }
  if (options.robustness || !options.loo.empty()) {
    const std::string blocker = FragilityBlocker(options, data, graph.num_components);
    const char* option = options.robustness ? "robustness" : "loo";
    if (!blocker.empty()) {
      diagnostics->Error({}, OptionName(option), "", "does not apply: " + blocker);
      return std::nullopt;
    }
    int ranked = 0;
    for (const ArenaRow& row : result.rows) ranked += row.rank > 0;
    if (options.robustness && options.pair_a.empty() && options.top_k >= ranked) {
      diagnostics->Error({}, OptionName("top_k"), std::to_string(options.top_k),
                         fmt::format("the top {} of {} ranked models cannot change",
                                     options.top_k, ranked));
      return std::nullopt;
    }
    for (const std::string* name : {&options.pair_a, &options.pair_b}) {
      if (!name->empty() &&
          std::find(data.models.begin(), data.models.end(), *name) == data.models.end()) {
        diagnostics->Error({}, "", *name, fmt::format("model \"{}\" has no battles", *name));
        return std::nullopt;
      }
    }
  }
  if (options.robustness) result.robustness = RobustnessOf(data, result, anchor_index);
  if (!options.loo.empty()) {
    LeaveOneOutOptions loo;
    loo.fit.ties = options.ties;
    loo.fit.ridge = result.ridge_used;
    loo.anchor = anchor_index;
    loo.anchor_rating = options.anchor_rating;
    for (const ArenaRow& row : result.rows) {
      if (row.rank > 0) loo.eligible.push_back(row.index);
    }
    result.loo = ArenaLeaveOneOut{
        options.loo, data.group_names,
        LeaveOneGroupOut(m, data.cells, data.sequence,
                         static_cast<int>(data.group_names.size()), loo)};
  }
  CountAndMatrices(data, &result);
  std::sort(result.rows.begin(), result.rows.end(), [](const ArenaRow& a, const ArenaRow& b) {
    const bool a_out = a.rank == 0, b_out = b.rank == 0;
    return std::tie(a.component, a_out, a.rank, b.rating, a.model) <
           std::tie(b.component, b_out, b.rank, a.rating, b.model);
  });
  return result;
}

// --fit and --ties auto: what contradicts them, before any work.
bool CheckFitOptions(const ArenaOptions& options, Diagnostics* diagnostics) {
  const char* option = options.ties_auto ? "ties" : "fit";
  const std::string value = options.ties_auto ? "auto" : "";
  if (options.method == ArenaMethod::kElo) {
    diagnostics->Error({}, OptionName(option), value,
                       fmt::format("the goodness of fit compares the tie models of {} bt; online "
                                   "Elo has no likelihood",
                                   OptionName("method")));
    return false;
  }
  if (options.folds < 2 || options.folds > 255) {
    diagnostics->Error({}, OptionName("folds"), std::to_string(options.folds),
                       "expected 2 to 255 folds");
    return false;
  }
  if (options.ties_auto &&
      (options.ci == ArenaIntervals::kSandwich || !options.style.features.empty())) {
    diagnostics->Error(
        {}, OptionName(option), value,
        fmt::format("auto may choose davidson or rao-kupper, which {} takes not",
                    options.ci == ArenaIntervals::kSandwich ? OptionName("ci") + " sandwich"
                                                            : OptionName("control")));
    return false;
  }
  return true;
}

}  // namespace

// The goodness of fit is computed on the battles the board rates (after
// --min-battles), unweighted, before the board, whose tie model it may choose.
std::optional<ArenaResult> BuildArena(const BattleData& input, const ArenaOptions& options,
                                      Diagnostics* diagnostics) {
  if (!options.fit && !options.ties_auto) return BuildBoard(input, options, diagnostics);
  if (!CheckFitOptions(options, diagnostics)) return std::nullopt;
  const std::vector<int64_t> per_model = BattlesPerModel(input);
  std::vector<int> keep;
  for (size_t i = 0; i < per_model.size(); ++i) {
    if (per_model[i] >= options.min_battles) keep.push_back(static_cast<int>(i));
  }
  const BattleData data = Subset(input, keep);
  if (data.battles < options.folds) {
    if (data.battles == 0) return BuildBoard(input, options, diagnostics);  // "no battles"
    diagnostics->Error({}, OptionName("folds"), std::to_string(options.folds),
                       fmt::format("{} folds need at least as many battles; there are {}",
                                   options.folds, data.battles));
    return std::nullopt;
  }
  GoodnessOfFitOptions g;
  g.folds = options.folds;
  g.seed = options.seed;
  g.ridge = options.ridge;
  g.threads = options.threads;
  if (!options.ties_auto) g.calibrate = options.ties;
  GoodnessOfFit fit = ComputeGoodnessOfFit(static_cast<int>(data.models.size()), data.cells, g);
  ArenaOptions board = options;
  if (options.ties_auto) board.ties = fit.best;
  std::optional<ArenaResult> result = BuildBoard(input, board, diagnostics);
  if (result) result->goodness_of_fit = std::move(fit);
  return result;
}

}  // namespace podium
