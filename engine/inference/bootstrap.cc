#include "engine/inference/bootstrap.h"

#include <algorithm>
#include <cmath>
#include <thread>

#include "engine/base/check.h"

namespace podium {

Eigen::MatrixXd RunBootstrap(int rounds, int width, uint64_t seed, int threads,
                             const std::function<void(int, Rng&, Eigen::VectorXd*)>& replicate,
                             Progress* progress) {
  PODIUM_CHECK(threads >= 1 && rounds >= 0);
  Eigen::MatrixXd out(rounds, width);
  auto run = [&](int begin, int end) {
    Eigen::VectorXd row = Eigen::VectorXd::Zero(width);
    for (int r = begin; r < end; ++r) {
      Rng rng(seed, static_cast<uint64_t>(r));
      replicate(r, rng, &row);
      out.row(r) = row.transpose();
      if (progress != nullptr) progress->Add();
    }
  };
  threads = std::max(1, std::min(threads, rounds));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    pool.emplace_back(run, rounds * t / threads, rounds * (t + 1) / threads);
  }
  run(0, rounds / threads);
  for (std::thread& t : pool) t.join();
  return out;
}

double Quantile(std::vector<double> values, double q) {
  PODIUM_CHECK(!values.empty() && q >= 0 && q <= 1);
  std::sort(values.begin(), values.end());
  const double h = (values.size() - 1) * q;
  const size_t lo = static_cast<size_t>(std::floor(h));
  const size_t hi = std::min(lo + 1, values.size() - 1);
  return values[lo] + (h - lo) * (values[hi] - values[lo]);
}

std::vector<Interval> PercentileIntervals(const Eigen::MatrixXd& replicates, double level) {
  std::vector<Interval> out;
  for (int j = 0; j < replicates.cols(); ++j) {
    std::vector<double> column(replicates.col(j).data(),
                               replicates.col(j).data() + replicates.rows());
    out.push_back({Quantile(column, (1 - level) / 2), Quantile(column, (1 + level) / 2)});
  }
  return out;
}

std::vector<Interval> RankIntervals(const Eigen::MatrixXd& replicates, double level) {
  const int rounds = static_cast<int>(replicates.rows()), m = static_cast<int>(replicates.cols());
  std::vector<std::vector<double>> ranks(m);
  // Rank = 1 + #{j : value_j > value_i} among the replicate's non-NaN
  // values: the count above is the number of sorted values past value_i's
  // upper bound (O(m log m) per replicate instead of O(m²)).
  std::vector<double> row(m), sorted;
  for (int r = 0; r < rounds; ++r) {
    sorted.clear();
    for (int i = 0; i < m; ++i) {
      row[i] = replicates(r, i);
      if (!std::isnan(row[i])) sorted.push_back(row[i]);
    }
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < m; ++i) {
      if (std::isnan(row[i])) continue;  // no score in this replicate
      const auto above = sorted.end() - std::upper_bound(sorted.begin(), sorted.end(), row[i]);
      ranks[i].push_back(static_cast<double>(1 + above));
    }
  }
  std::vector<Interval> out;
  for (std::vector<double>& column : ranks) {
    if (column.empty()) {
      out.push_back({0, 0});
      continue;
    }
    std::sort(column.begin(), column.end());
    const int n = static_cast<int>(column.size());
    const double tail = (1 - level) / 2;
    const int lo = std::clamp(static_cast<int>(std::ceil(tail * n)) - 1, 0, n - 1);
    const int hi = std::clamp(static_cast<int>(std::ceil((1 - tail) * n)) - 1, 0, n - 1);
    out.push_back({column[lo], column[hi]});
  }
  return out;
}

std::vector<int> UpperBoundRanks(const std::vector<Interval>& intervals) {
  std::vector<int> out;
  for (const Interval& i : intervals) {
    int above = 0;
    for (const Interval& j : intervals) above += j.low > i.high ? 1 : 0;
    out.push_back(1 + above);
  }
  return out;
}

}  // namespace podium
