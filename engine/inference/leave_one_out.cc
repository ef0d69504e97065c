#include "engine/inference/leave_one_out.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>

#include "engine/base/check.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/comparison_graph.h"
#include "engine/rating/elo.h"
#include "engine/rating/leaderboard.h"

namespace podium {
namespace {

// The index in `cells` of a battle's (pair, outcome).
int CellOf(const std::vector<PairCell>& cells, const Battle& b) {
  const PairCell cell = CanonicalCell(b);
  const auto key = [](const PairCell& c) { return std::make_tuple(c.i, c.j, c.outcome); };
  const auto it =
      std::lower_bound(cells.begin(), cells.end(), cell,
                       [&](const PairCell& c, const PairCell& x) { return key(c) < key(x); });
  PODIUM_CHECK(it != cells.end() && key(*it) == key(cell));
  return static_cast<int>(it - cells.begin());
}

// Competition ranks among the eligible models that play (have a rating); 0
// otherwise.
std::vector<int> Ranks(const Eigen::VectorXd& ratings, const std::vector<int>& eligible) {
  std::vector<int> rated;
  for (int i : eligible) {
    if (!std::isnan(ratings(i))) rated.push_back(i);
  }
  return CompetitionRanks(ratings, rated);
}

// Ratings on the Elo scale of the models that play, centred over them or
// anchored as the board; NaN for the others.
Eigen::VectorXd Ratings(const Eigen::VectorXd& theta, const std::vector<bool>& plays,
                        const LeaveOneOutOptions& o) {
  return PlaceRatings(kEloPerNat * theta, o.anchor, o.anchor_rating, /*centre=*/true, plays);
}

}  // namespace

LeaveOneOutResult LeaveOneGroupOut(int num_models, const std::vector<PairCell>& cells,
                                   const std::vector<Battle>& sequence, int num_groups,
                                   const LeaveOneOutOptions& options) {
  const int m = num_models;
  std::vector<int> eligible = options.eligible;
  if (eligible.empty()) {
    eligible.resize(m);
    std::iota(eligible.begin(), eligible.end(), 0);
  }
  // Each group's battles as (group, cell) pairs, then runs of equal pairs.
  std::vector<std::pair<int, int>> members;
  members.reserve(sequence.size());
  for (const Battle& b : sequence) {
    PODIUM_CHECK(b.group >= 0 && b.group < num_groups);
    members.push_back({b.group, CellOf(cells, b)});
  }
  std::sort(members.begin(), members.end());

  const auto fit = [&](const std::vector<int64_t>& counts, bool* connected,
                       std::vector<bool>* plays) {
    const PairCounts pc = ToPairCounts(m, cells, &counts);
    plays->assign(m, false);
    for (const PairTotal& p : pc.pairs) (*plays)[p.i] = (*plays)[p.j] = true;
    BradleyTerryOptions bt = options.fit;
    bt.start = nullptr;
    const ComparisonGraph graph = AnalyzeComparisonGraph(pc, bt.ties);
    // Components among the models that still play (a model without
    // battles is a component of its own, not a split).
    std::vector<bool> seen(graph.num_components, false);
    int components = 0;
    for (int i = 0; i < m; ++i) {
      if ((*plays)[i] && !seen[graph.component[i]]) {
        seen[graph.component[i]] = true;
        ++components;
      }
    }
    *connected = components <= 1;
    bt.ridge = RidgeWithFallback(graph, bt.ridge);
    return FitBradleyTerry(pc, bt).theta;
  };

  LeaveOneOutResult result;
  std::vector<int64_t> base;
  for (const PairCell& c : cells) base.push_back(c.count);
  bool connected = true;
  std::vector<bool> plays;
  result.ratings = Ratings(fit(base, &connected, &plays), plays, options);
  result.ranks = Ranks(result.ratings, eligible);
  result.models.resize(m);
  result.groups.resize(num_groups);
  result.group_ratings = Eigen::MatrixXd::Constant(num_groups, m, std::nan(""));

  size_t at = 0;
  for (int g = 0; g < num_groups; ++g) {
    std::vector<int64_t> counts = base;
    LeftOutGroup& group = result.groups[g];
    for (; at < members.size() && members[at].first == g; ++at) {
      --counts[members[at].second];
      ++group.battles;
    }
    if (group.battles == 0) continue;
    const Eigen::VectorXd theta = fit(counts, &connected, &plays);
    for (int i = 0; i < m; ++i) {
      if (!plays[i]) ++result.models[i].absent_in;
    }
    if (!connected) {
      group.disconnects = true;
      continue;
    }
    const Eigen::VectorXd ratings = Ratings(theta, plays, options);
    result.group_ratings.row(g) = ratings.transpose();
    const std::vector<int> ranks = Ranks(ratings, eligible);
    for (int i : eligible) {
      if (ranks[i] == 1 && (group.top < 0 || i < group.top)) group.top = i;
    }
    for (int i = 0; i < m; ++i) {
      if (!plays[i]) continue;
      LeaveOneOutModel& model = result.models[i];
      const double change = ratings(i) - result.ratings(i);
      if (model.rating_group < 0 || std::abs(change) > std::abs(model.rating_change)) {
        model.rating_change = change;
        model.rating_group = g;
      }
      if (result.ranks[i] > 0 && ranks[i] > 0) {
        const int rank_change = ranks[i] - result.ranks[i];
        if (std::abs(rank_change) > std::abs(model.rank_change)) {
          model.rank_change = rank_change;
          model.rank_group = g;
        }
      }
    }
  }
  return result;
}

}  // namespace podium
