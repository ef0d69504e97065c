#include "engine/rating/leaderboard.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "engine/base/check.h"
#include "engine/base/option_names.h"

namespace podium {

std::vector<int> CompetitionRanks(const std::vector<double>& scores) {
  std::vector<int> ranks(scores.size());
  for (size_t i = 0; i < scores.size(); ++i) {
    PODIUM_CHECK(!std::isnan(scores[i]));
    ranks[i] = 1 + static_cast<int>(std::count_if(scores.begin(), scores.end(),
                                                  [&](double s) { return s > scores[i]; }));
  }
  return ranks;
}

std::vector<int> CompetitionRanks(const Eigen::VectorXd& scores, const std::vector<int>& among) {
  std::vector<int> ranks(scores.size(), 0);
  for (int i : among) {
    PODIUM_CHECK(!std::isnan(scores(i)));
    ranks[i] = 1 + static_cast<int>(std::count_if(among.begin(), among.end(),
                                                  [&](int j) { return scores(j) > scores(i); }));
  }
  return ranks;
}

namespace {

// The benchmarks to show: the requested ones (or all with claims, in registry
// order) that at least options.min_models of the requested models report.
std::vector<std::string> KeepWidelyReported(const std::vector<Claim>& claims,
                                            const Registry& registry,
                                            const LeaderboardOptions& options,
                                            std::vector<std::string>* dropped) {
  if (options.min_models <= 1) return options.benchmarks;
  const std::set<std::string> models(options.models.begin(), options.models.end());
  std::map<std::string, std::set<std::string>> reporters;  // benchmark -> models
  for (const Claim& c : claims) {
    if (models.empty() || models.count(c.model) > 0) reporters[c.benchmark].insert(c.model);
  }
  std::vector<std::string> candidates = options.benchmarks;
  if (candidates.empty()) {
    for (const Benchmark& b : registry.benchmarks()) {
      if (reporters.count(b.id) > 0) candidates.push_back(b.id);
    }
  }
  std::vector<std::string> kept;
  for (const std::string& id : candidates) {
    const bool wide = static_cast<int>(reporters[id].size()) >= options.min_models;
    (wide ? kept : *dropped).push_back(id);
  }
  return kept;
}

}  // namespace

Eigen::VectorXd ScoreTable(const Eigen::MatrixXd& values, const BoolMatrix& present,
                           const std::vector<BenchmarkScale>& scales,
                           const LeaderboardOptions& options) {
  Diagnostics ignored;  // the point estimate already passed the same checks
  const NormalizedScores normalized =
      Normalize(values, present, scales, options.normalization, &ignored);
  return Aggregate(normalized, options.aggregate).score;
}

Leaderboard BuildLeaderboard(const std::vector<Claim>& claims, const Registry& registry,
                             const LeaderboardOptions& options, Diagnostics* diagnostics) {
  Leaderboard board;
  board.options = options;
  std::vector<std::string> benchmarks =
      KeepWidelyReported(claims, registry, options, &board.dropped_benchmarks);
  board.matrix = BuildScoreMatrix(claims, registry,
                                  {options.on_conflict, benchmarks, options.models}, diagnostics);
  const ScoreMatrix& m = board.matrix;

  std::vector<BenchmarkScale>& scales = board.scales;
  for (const std::string& id : m.benchmarks) {
    const Benchmark* b = registry.FindBenchmark(id);
    PODIUM_CHECK(b != nullptr);
    scales.push_back({b->higher_is_better, b->chance, b->max, b->origin, b->id});
    if (options.normalization == Normalization::kRaw &&
        options.aggregate.method == Aggregation::kMean && !b->higher_is_better) {
      diagnostics->Error(b->origin, "higher_is_better", "false",
                         fmt::format("benchmark '{}' is lower-is-better: a mean of raw values "
                                     "would reward worse scores; choose {} "
                                     "minmax|zscore|percentile|chance or another {}",
                                     id, OptionName("normalization"), OptionName("aggregate")));
    }
  }
  if (diagnostics->has_errors()) return board;
  board.normalized = Normalize(m, scales, options.normalization, diagnostics);
  if (diagnostics->has_errors()) return board;

  const AggregateResult agg = Aggregate(board.normalized, options.aggregate);
  const int num_benchmarks = std::max(1, m.num_benchmarks());
  std::vector<LeaderboardRow> rows;
  for (int i = 0; i < m.num_models(); ++i) {
    const double coverage = static_cast<double>(agg.cells(i)) / num_benchmarks;
    if (coverage < options.min_coverage) {
      board.excluded.push_back(
          {m.models[i], fmt::format("coverage {:.2f} < {} {:.2f}", coverage,
                                    OptionName("min_coverage"), options.min_coverage)});
    } else if (std::isnan(agg.score(i))) {
      board.excluded.push_back(
          {m.models[i], "no benchmark with at least two models to compare on"});
    } else {
      rows.push_back({m.models[i], 0, agg.score(i), agg.cells(i), coverage, i});
    }
  }
  std::vector<double> scores;
  for (const LeaderboardRow& r : rows) scores.push_back(r.score);
  const std::vector<int> ranks = CompetitionRanks(scores);
  for (size_t k = 0; k < rows.size(); ++k) rows[k].rank = ranks[k];
  std::sort(rows.begin(), rows.end(), [](const LeaderboardRow& a, const LeaderboardRow& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.model < b.model;
  });
  board.rows = std::move(rows);
  std::sort(board.excluded.begin(), board.excluded.end(),
            [](const ExcludedModel& a, const ExcludedModel& b) { return a.model < b.model; });
  return board;
}

std::vector<DroppedClaims> CountDroppedClaims(const std::vector<Claim>& read,
                                              const std::vector<Claim>& used,
                                              const Leaderboard& board) {
  std::set<std::string> in_table, in_input;
  for (const auto& row : board.matrix.claim_ids) {
    for (const auto& cell : row) in_table.insert(cell.begin(), cell.end());
  }
  for (const Claim& c : used) in_input.insert(c.id);
  const std::set<std::string> few_models(board.dropped_benchmarks.begin(),
                                         board.dropped_benchmarks.end());
  std::set<std::string> low_coverage;
  for (const ExcludedModel& e : board.excluded) low_coverage.insert(e.model);
  auto listed = [](const std::vector<std::string>& list, const std::string& id) {
    return list.empty() || std::find(list.begin(), list.end(), id) != list.end();
  };
  std::vector<DroppedClaims> out;
  for (DropReason r :
       {DropReason::kModelFilter, DropReason::kBenchmarkFilter, DropReason::kReplacedByItems,
        DropReason::kTooFewModels, DropReason::kLowCoverage, DropReason::kNotChosen}) {
    out.push_back({r, 0});
  }
  for (const Claim& c : read) {
    if (in_table.count(c.id) > 0) continue;
    DropReason reason = DropReason::kNotChosen;
    if (!listed(board.options.models, c.model)) {
      reason = DropReason::kModelFilter;
    } else if (!listed(board.options.benchmarks, c.benchmark)) {
      reason = DropReason::kBenchmarkFilter;
    } else if (in_input.count(c.id) == 0) {
      reason = DropReason::kReplacedByItems;
    } else if (few_models.count(c.benchmark) > 0) {
      reason = DropReason::kTooFewModels;
    } else if (low_coverage.count(c.model) > 0) {
      reason = DropReason::kLowCoverage;
    }
    ++out[static_cast<int>(reason)].count;
  }
  return out;
}

void KeepTopRows(int n, Leaderboard* board) {
  if (n <= 0 || n >= static_cast<int>(board->rows.size())) return;
  size_t keep = static_cast<size_t>(n);
  while (keep < board->rows.size() && board->rows[keep].rank == board->rows[n - 1].rank) ++keep;
  if (keep == board->rows.size()) return;
  board->ranked_models = static_cast<int>(board->rows.size());
  board->rows.resize(keep);
}

}  // namespace podium
