#include "engine/inference/net_win_rate.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <map>

#include "engine/inference/bootstrap.h"

namespace podium {

double NetWinProbability(double nwr) { return (1 + nwr / 100) / 2; }

double NetWinEloGap(double nwr) {
  const double p = NetWinProbability(nwr);
  if (p >= 1) return std::numeric_limits<double>::infinity();
  if (p <= 0) return -std::numeric_limits<double>::infinity();
  return 400 * std::log10(p / (1 - p));
}

std::vector<NetWinRate> ComputeNetWinRates(const std::vector<Judgment>& judgments, int rounds,
                                           uint64_t seed, double level, int threads) {
  // Pair (in first-seen orientation) -> prompt -> (sum of scores, count).
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::pair<double, int>>>
      by_pair;
  std::map<std::pair<std::string, std::string>, NetWinRate> rows;
  for (const Judgment& j : judgments) {
    std::pair<std::string, std::string> key(j.model_a, j.model_b);
    int score = j.preference;
    if (rows.count(key) == 0 && rows.count({j.model_b, j.model_a}) > 0) {
      key = {j.model_b, j.model_a};
      score = -score;
    }
    NetWinRate& row = rows[key];
    row.model_a = key.first;
    row.model_b = key.second;
    ++row.judgments;
    (score > 0 ? row.wins : score < 0 ? row.losses : row.ties) += 1;
    auto& cell = by_pair[key][j.prompt];
    cell.first += score;
    cell.second += 1;
  }
  std::vector<NetWinRate> out;
  for (auto& [key, row] : rows) {
    const auto& prompts = by_pair[key];
    std::vector<std::pair<double, int>> cells;
    for (const auto& [prompt, cell] : prompts) cells.push_back(cell);
    row.prompts = static_cast<int>(cells.size());
    row.nwr = 100.0 * (row.wins - row.losses) / row.judgments;
    row.win_probability = NetWinProbability(row.nwr);
    row.elo_gap = NetWinEloGap(row.nwr);
    row.ci_low = row.ci_high = std::nan("");
    if (rounds > 0) {
      const Eigen::MatrixXd reps =
          RunBootstrap(rounds, 1, seed, threads, [&](int, Rng& rng, Eigen::VectorXd* value) {
            double sum = 0;
            int count = 0;
            for (size_t k = 0; k < cells.size(); ++k) {
              const auto& c = cells[rng.Below(cells.size())];
              sum += c.first;
              count += c.second;
            }
            (*value)(0) = 100.0 * sum / count;
          });
      const Interval ci = PercentileIntervals(reps, level)[0];
      row.ci_low = ci.low;
      row.ci_high = ci.high;
    }
    out.push_back(row);
  }
  return out;
}

}  // namespace podium
