#include "engine/inference/score_bootstrap.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "engine/base/check.h"
#include "engine/base/option_names.h"
#include "engine/base/random.h"
#include "engine/inference/bootstrap.h"
#include "engine/inference/rank_sets.h"

namespace podium {
namespace {

using NoiseTable = std::vector<std::vector<CellNoise>>;  // [model row][benchmark column]

// The noise model of every present cell, and notes on the cells held fixed.
NoiseTable ParametricNoise(const Leaderboard& board, const std::vector<Claim>& claims,
                           const Registry& registry, std::vector<std::string>* notes) {
  const ClaimIndex by_id = IndexClaims(claims);
  const ScoreMatrix& m = board.matrix;
  NoiseTable noise(m.num_models(), std::vector<CellNoise>(m.num_benchmarks()));
  std::vector<std::string> all_fixed, partly_fixed;
  for (int j = 0; j < m.num_benchmarks(); ++j) {
    const Benchmark* b = registry.FindBenchmark(m.benchmarks[j]);
    PODIUM_CHECK(b != nullptr);
    std::vector<std::string> fixed;
    int present = 0;
    for (int i = 0; i < m.num_models(); ++i) {
      if (!m.present(i, j)) continue;
      ++present;
      const Claim* claim = m.claim_ids[i][j].empty() ? nullptr : by_id.at(m.claim_ids[i][j][0]);
      CellNoise& cell = noise[i][j];
      cell = CellNoiseOf(claim, *b, m.values(i, j));
      if (cell.kind == CellNoise::kFixed) fixed.push_back(m.models[i]);
    }
    if (fixed.empty()) continue;
    if (static_cast<int>(fixed.size()) == present) {
      all_fixed.push_back(m.benchmarks[j]);
    } else {
      partly_fixed.push_back(fmt::format("{} ({})", m.benchmarks[j], fmt::join(fixed, ", ")));
    }
  }
  const char* why =
      "no sampling model (no n_items and max in benchmarks.csv, no stderr, n or interval in "
      "the claim): held fixed, so the intervals leave out their noise";
  if (!all_fixed.empty()) {
    notes->push_back(fmt::format("{}: {}", fmt::join(all_fixed, ", "), why));
  }
  if (!partly_fixed.empty()) {
    notes->push_back(fmt::format("some cells of {}: {}", fmt::join(partly_fixed, "; "), why));
  }
  return noise;
}

// The scores of the leaderboard's rows for a redrawn table.
void RowScores(const Leaderboard& board, const Eigen::MatrixXd& values, const BoolMatrix& present,
               const std::vector<BenchmarkScale>& scales, Eigen::VectorXd* out) {
  const Eigen::VectorXd all = ScoreTable(values, present, scales, board.options);
  for (size_t k = 0; k < board.rows.size(); ++k) (*out)(k) = all(board.rows[k].matrix_row);
}

// Item data matched to the matrix: per column, the benchmark's items and, per
// matrix row, that model's item scores (null when the cell has no items).
struct ItemColumns {
  std::vector<const BenchmarkItems*> column;                    // per matrix column
  std::vector<std::vector<const std::vector<double>*>> scores;  // [column][row]
};

ItemColumns MatchItems(const Leaderboard& board, const ItemData& items,
                       std::vector<std::string>* notes) {
  const ScoreMatrix& m = board.matrix;
  ItemColumns out;
  out.column.assign(m.num_benchmarks(), nullptr);
  out.scores.assign(m.num_benchmarks(), std::vector<const std::vector<double>*>(m.num_models()));
  int fixed = 0;
  for (int j = 0; j < m.num_benchmarks(); ++j) {
    out.column[j] = items.Find(m.benchmarks[j]);
    for (int i = 0; i < m.num_models(); ++i) {
      if (!m.present(i, j)) continue;
      if (out.column[j] != nullptr) {
        auto it = out.column[j]->scores.find(m.models[i]);
        if (it != out.column[j]->scores.end()) {
          out.scores[j][i] = &it->second;
          continue;
        }
      }
      ++fixed;
    }
  }
  if (fixed > 0) {
    notes->push_back(fmt::format("{} cells have no item data and are held fixed", fixed));
  }
  return out;
}

double MeanOf(const std::vector<double>& scores, const std::vector<int>& draw) {
  double sum = 0;
  for (int t : draw) sum += scores[t];
  return sum / static_cast<double>(draw.size());
}

// Jackknife samples per row, for BCa's acceleration.
// Long on purpose: one leave-one-out loop per resampling unit (benchmark,
// item, cell), kept side by side so their differences are visible.
std::vector<std::vector<JackknifeSample>> Jackknife(const Leaderboard& board,
                                                    const ScoreBootstrapOptions& options,
                                                    const NoiseTable& noise,
                                                    const ItemColumns& items) {
  const ScoreMatrix& m = board.matrix;
  const int rows = static_cast<int>(board.rows.size());
  std::vector<std::vector<JackknifeSample>> samples(rows);
  Eigen::VectorXd scores(rows);
  auto add = [&](std::vector<JackknifeSample>* group, double weight) {
    for (int k = 0; k < rows; ++k) {
      (*group)[k].values.push_back(scores(k));
      (*group)[k].weights.push_back(weight);
    }
  };
  auto flush = [&](std::vector<JackknifeSample>* group) {
    for (int k = 0; k < rows; ++k) samples[k].push_back(std::move((*group)[k]));
  };
  if (options.kind == ScoreBootstrap::kParametric) {
    Eigen::MatrixXd values = m.values;
    for (int i = 0; i < m.num_models(); ++i) {
      for (int j = 0; j < m.num_benchmarks(); ++j) {
        const CellNoise& cell = noise[i][j];
        if (cell.kind != CellNoise::kBinomial || cell.n < 2) continue;
        const double p = std::clamp(m.values(i, j) / cell.scale, 0.0, 1.0);
        const int64_t k = std::llround(p * cell.n);
        std::vector<JackknifeSample> group(rows);
        const double n1 = static_cast<double>(cell.n - 1);
        if (k > 0) {  // leave out one success
          values(i, j) = cell.scale * (k - 1) / n1;
          RowScores(board, values, m.present, board.scales, &scores);
          add(&group, static_cast<double>(k));
        }
        if (k < cell.n) {  // leave out one failure
          values(i, j) = cell.scale * k / n1;
          RowScores(board, values, m.present, board.scales, &scores);
          add(&group, static_cast<double>(cell.n - k));
        }
        values(i, j) = m.values(i, j);
        flush(&group);
      }
    }
  } else if (options.kind == ScoreBootstrap::kBenchmarks && m.num_benchmarks() >= 2) {
    std::vector<JackknifeSample> group(rows);
    for (int left_out = 0; left_out < m.num_benchmarks(); ++left_out) {
      std::vector<int> keep;
      for (int j = 0; j < m.num_benchmarks(); ++j) {
        if (j != left_out) keep.push_back(j);
      }
      std::vector<BenchmarkScale> scales;
      for (int j : keep) scales.push_back(board.scales[j]);
      RowScores(board, m.values(Eigen::all, keep), m.present(Eigen::all, keep), scales, &scores);
      add(&group, 1);
    }
    flush(&group);
  } else if (options.kind == ScoreBootstrap::kItems) {
    Eigen::MatrixXd values = m.values;
    for (int j = 0; j < m.num_benchmarks(); ++j) {
      const BenchmarkItems* b = items.column[j];
      if (b == nullptr || b->items.size() < 2) continue;
      const double n1 = static_cast<double>(b->items.size() - 1);
      std::vector<double> sums(m.num_models(), 0);
      for (int i = 0; i < m.num_models(); ++i) {
        if (items.scores[j][i] == nullptr) continue;
        for (double s : *items.scores[j][i]) sums[i] += s;
      }
      std::vector<JackknifeSample> group(rows);
      for (size_t t = 0; t < b->items.size(); ++t) {
        for (int i = 0; i < m.num_models(); ++i) {
          if (items.scores[j][i] != nullptr) {
            values(i, j) = b->scale * (sums[i] - (*items.scores[j][i])[t]) / n1;
          }
        }
        RowScores(board, values, m.present, board.scales, &scores);
        add(&group, 1);
      }
      values.col(j) = m.values.col(j);
      flush(&group);
    }
  }
  return samples;
}

}  // namespace

CellNoise CellNoiseOf(const Claim* claim, const Benchmark& benchmark, double value) {
  const std::optional<long long> n = claim != nullptr && claim->n ? claim->n : benchmark.n_items;
  if (claim != nullptr && claim->stderr_) return {CellNoise::kNormal, 0, 1, *claim->stderr_};
  if (claim != nullptr && claim->ci_low) {
    return {CellNoise::kNormal, 0, 1,
            (*claim->ci_high - *claim->ci_low) / (2 * NormalQuantile(0.975))};
  }
  if (n && benchmark.max && *benchmark.max > 0 && benchmark.higher_is_better && value >= 0 &&
      value <= *benchmark.max) {
    return {CellNoise::kBinomial, *n, *benchmark.max, 0};
  }
  return {};
}

double CellNoise::StandardError(double value) const {
  switch (kind) {
    case kBinomial: {
      const double p = std::clamp(value / scale, 0.0, 1.0);
      return scale * std::sqrt(p * (1 - p) / static_cast<double>(n));
    }
    case kNormal:
      return sd;
    case kFixed:
      break;
  }
  return std::nan("");
}

std::string CellNoise::Describe() const {
  switch (kind) {
    case kBinomial:
      return fmt::format("binomial, n = {}", n);
    case kNormal:
      return fmt::format("normal, sd = {:.3g}", sd);
    case kFixed:
      break;
  }
  return "none";
}

const char* ScoreBootstrapName(ScoreBootstrap kind) { return NameOf(kScoreBootstrapNames, kind); }

// Long on purpose: the three resampling schemes share the replicate loop,
// the interval and rank-set summaries and the jackknife for BCa; the scheme
// itself is the one switch inside the replicate (one case per scheme).
// Splitting by scheme would repeat the summaries three times.
std::optional<LeaderboardUncertainty> BootstrapLeaderboard(
    const Leaderboard& board, const std::vector<Claim>& claims, const Registry& registry,
    const ItemData* items, const ScoreBootstrapOptions& options, Diagnostics* diagnostics) {
  PODIUM_CHECK(options.kind != ScoreBootstrap::kNone && options.rounds >= 1);
  if (options.kind == ScoreBootstrap::kItems && (items == nullptr || items->benchmarks.empty())) {
    diagnostics->Error(Location{"<command line>"}, OptionName("kind"), "items",
                       fmt::format("{} items needs per-item results: pass {} FILE "
                                   "(columns model,benchmark,item,score)",
                                   OptionName("kind"), OptionName("items")));
    return std::nullopt;
  }
  LeaderboardUncertainty out;
  out.options = options;
  const ScoreMatrix& m = board.matrix;
  const int rows = static_cast<int>(board.rows.size());
  NoiseTable noise;
  ItemColumns item_columns;
  if (options.kind == ScoreBootstrap::kParametric) {
    noise = ParametricNoise(board, claims, registry, &out.notes);
  }
  if (options.kind == ScoreBootstrap::kItems) {
    item_columns = MatchItems(board, *items, &out.notes);
  }

  auto replicate = [&](int, Rng& rng, Eigen::VectorXd* row) {
    switch (options.kind) {
      case ScoreBootstrap::kParametric: {
        Eigen::MatrixXd values = m.values;
        for (int i = 0; i < m.num_models(); ++i) {
          for (int j = 0; j < m.num_benchmarks(); ++j) {
            const CellNoise& cell = noise[i][j];
            if (cell.kind == CellNoise::kBinomial) {
              const double p = std::clamp(values(i, j) / cell.scale, 0.0, 1.0);
              values(i, j) = cell.scale * static_cast<double>(Binomial(rng, cell.n, p)) /
                             static_cast<double>(cell.n);
            } else if (cell.kind == CellNoise::kNormal) {
              values(i, j) += cell.sd * StandardNormal(rng);
            }
          }
        }
        RowScores(board, values, m.present, board.scales, row);
        break;
      }
      case ScoreBootstrap::kBenchmarks: {
        std::vector<int> drawn(m.num_benchmarks());
        for (int& j : drawn) j = static_cast<int>(rng.Below(m.num_benchmarks()));
        std::vector<BenchmarkScale> scales;
        for (int j : drawn) scales.push_back(board.scales[j]);
        RowScores(board, m.values(Eigen::all, drawn), m.present(Eigen::all, drawn), scales, row);
        break;
      }
      case ScoreBootstrap::kItems: {
        Eigen::MatrixXd values = m.values;
        std::vector<int> draw;
        for (int j = 0; j < m.num_benchmarks(); ++j) {
          const BenchmarkItems* b = item_columns.column[j];
          if (b == nullptr) continue;
          draw.resize(b->items.size());
          for (int& t : draw) t = static_cast<int>(rng.Below(b->items.size()));
          for (int i = 0; i < m.num_models(); ++i) {
            if (item_columns.scores[j][i] != nullptr) {
              values(i, j) = b->scale * MeanOf(*item_columns.scores[j][i], draw);
            }
          }
        }
        RowScores(board, values, m.present, board.scales, row);
        break;
      }
      case ScoreBootstrap::kNone:
        break;
    }
  };
  out.replicates = RunBootstrap(options.rounds, rows, options.seed, options.threads, replicate,
                                options.progress);

  std::vector<std::vector<JackknifeSample>> jackknife;
  if (options.interval == IntervalMethod::kBca) {
    jackknife = Jackknife(board, options, noise, item_columns);
  }
  Eigen::VectorXd estimates(rows);
  for (int k = 0; k < rows; ++k) estimates(k) = board.rows[k].score;
  std::vector<Interval> intervals;
  out.rows.resize(rows);
  for (int k = 0; k < rows; ++k) {
    RowUncertainty& u = out.rows[k];
    std::vector<double> defined;
    for (int r = 0; r < options.rounds; ++r) {
      if (!std::isnan(out.replicates(r, k))) defined.push_back(out.replicates(r, k));
    }
    u.defined_rounds = static_cast<int>(defined.size());
    if (options.interval == IntervalMethod::kBca)
      u.acceleration = JackknifeAcceleration(jackknife[k]);
    if (defined.size() < 2) {
      u.ci_low = u.ci_high = u.mcse_low = u.mcse_high = std::nan("");
    } else {
      const IntervalEstimate e =
          EstimateInterval(defined, estimates(k), u.acceleration, options.level, options.interval);
      out.bca_fallbacks += e.fell_back ? 1 : 0;
      u.ci_low = e.interval.low;
      u.ci_high = e.interval.high;
      u.mcse_low = e.mcse_low;
      u.mcse_high = e.mcse_high;
    }
    intervals.push_back({u.ci_low, u.ci_high});
  }
  int partial = 0, fewest = options.rounds;
  std::string fewest_model;
  for (int k = 0; k < rows; ++k) {
    if (out.rows[k].defined_rounds == options.rounds) continue;
    ++partial;
    if (out.rows[k].defined_rounds < fewest) {
      fewest = out.rows[k].defined_rounds;
      fewest_model = board.rows[k].model;
    }
  }
  if (partial > 0) {
    out.notes.push_back(fmt::format(
        "{} of {} models had no score in some replicates (none of their benchmarks drawn); "
        "their intervals use the replicates in which they had one (fewest: {}, {} of {})",
        partial, rows, fewest_model, fewest, options.rounds));
  }
  if (out.bca_fallbacks > 0) {
    out.notes.push_back(fmt::format(
        "BCa was undefined for {} of {} models (every replicate on one side of the estimate); "
        "their intervals are percentile intervals",
        out.bca_fallbacks, rows));
  }
  const std::vector<Interval> rank_ci = RankIntervals(out.replicates, options.level);
  const RankSets sets = SimultaneousRankSets(out.replicates, estimates, options.level);
  const std::vector<int> rank_ub = UpperBoundRanks(intervals);
  out.critical_value = sets.critical_value;
  for (int k = 0; k < rows; ++k) {
    RowUncertainty& u = out.rows[k];
    u.rank_ci_low = static_cast<int>(rank_ci[k].low);
    u.rank_ci_high = static_cast<int>(rank_ci[k].high);
    u.rank_set_low = sets.low[k];
    u.rank_set_high = sets.high[k];
    u.tier = sets.tier[k];
    u.rank_ub = rank_ub[k];
  }
  return out;
}

std::optional<LeaderboardUncertainty> PublishedUncertainty(const Leaderboard& board,
                                                           const std::vector<Claim>& claims) {
  const ScoreMatrix& m = board.matrix;
  if (m.num_benchmarks() != 1 || board.options.normalization != Normalization::kRaw ||
      board.options.aggregate.method != Aggregation::kMean) {
    return std::nullopt;
  }
  const ClaimIndex by_id = IndexClaims(claims);
  LeaderboardUncertainty out;
  out.published = true;
  const double nan = std::nan("");
  std::vector<Interval> with;  // rows that have an interval
  std::vector<int> index;
  for (size_t k = 0; k < board.rows.size(); ++k) {
    RowUncertainty u;
    u.ci_low = u.ci_high = u.mcse_low = u.mcse_high = nan;
    const auto& ids = m.claim_ids[board.rows[k].matrix_row][0];
    const Claim* c = ids.empty() ? nullptr : by_id.at(ids[0]);
    if (c != nullptr && c->ci_low) {
      u.ci_low = *c->ci_low;
      u.ci_high = *c->ci_high;
      with.push_back({u.ci_low, u.ci_high});
      index.push_back(static_cast<int>(k));
    }
    out.rows.push_back(u);
  }
  if (with.empty()) return std::nullopt;
  const std::vector<int> rank_ub = UpperBoundRanks(with);
  for (size_t k = 0; k < index.size(); ++k) out.rows[index[k]].rank_ub = rank_ub[k];
  if (index.size() < board.rows.size()) {
    out.notes.push_back(fmt::format("{} of {} models have no published interval",
                                    board.rows.size() - index.size(), board.rows.size()));
  }
  return out;
}

void KeepTopRows(const Leaderboard& board, LeaderboardUncertainty* uncertainty) {
  const size_t keep = board.rows.size();
  if (uncertainty->rows.size() <= keep) return;
  uncertainty->rows.resize(keep);
  if (uncertainty->replicates.cols() > static_cast<Eigen::Index>(keep)) {
    Eigen::MatrixXd kept = uncertainty->replicates.leftCols(static_cast<Eigen::Index>(keep));
    uncertainty->replicates = std::move(kept);
  }
}

}  // namespace podium
