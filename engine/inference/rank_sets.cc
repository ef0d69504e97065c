#include "engine/inference/rank_sets.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/base/check.h"

namespace podium {
namespace {

struct Pair {
  int i, j;
  double estimate;  // Δ̂_ij
  double se;
};

}  // namespace

// Long on purpose: the max-t construction is one algorithm (standardise,
// take the critical value over replicates, invert into rank sets, tiers);
// its steps are commented where they start.
RankSets SimultaneousRankSets(const Eigen::MatrixXd& replicates, const Eigen::VectorXd& estimates,
                              double level) {
  const int m = static_cast<int>(estimates.size());
  const int rounds = static_cast<int>(replicates.rows());
  PODIUM_CHECK(replicates.cols() == m && level > 0 && level < 1);
  RankSets out;
  out.decided = Eigen::MatrixXi::Zero(m, m);
  auto decide = [&](const Pair& p) {
    if (p.estimate > 0) out.decided(p.i, p.j) = 1;
    if (p.estimate < 0) out.decided(p.j, p.i) = 1;
  };
  std::vector<Pair> open;
  for (int i = 0; i < m; ++i) {
    for (int j = i + 1; j < m; ++j) {
      Pair p{i, j, estimates(i) - estimates(j), 0};
      double sum = 0, squares = 0, n = 0;
      for (int r = 0; r < rounds; ++r) {
        const double d = replicates(r, i) - replicates(r, j);
        if (std::isnan(d)) continue;
        sum += d;
        squares += d * d;
        n += 1;
      }
      if (n >= 2) {
        const double mean = sum / n;
        p.se = std::sqrt(std::max(0.0, (squares - n * mean * mean) / (n - 1)));
      }
      if (p.se > 1e-12 * std::max(1.0, std::abs(p.estimate))) {
        open.push_back(p);
      } else if (n >= 2) {
        decide(p);  // no variation at all: the sign is all there is
      }
    }
  }
  if (rounds > 0) {
    const int position = std::clamp(static_cast<int>(std::ceil(level * rounds)) - 1, 0, rounds - 1);
    std::vector<double> t(rounds);
    while (!open.empty()) {
      ++out.steps;
      for (int r = 0; r < rounds; ++r) {
        double worst = 0;
        for (const Pair& p : open) {
          const double d = replicates(r, p.i) - replicates(r, p.j);
          if (!std::isnan(d)) worst = std::max(worst, std::abs(d - p.estimate) / p.se);
        }
        t[r] = worst;
      }
      std::nth_element(t.begin(), t.begin() + position, t.end());
      out.critical_value = t[position];
      std::vector<Pair> still_open;
      for (const Pair& p : open) {
        if (std::abs(p.estimate) / p.se > out.critical_value) {
          decide(p);
        } else {
          still_open.push_back(p);
        }
      }
      if (still_open.size() == open.size()) break;
      open = std::move(still_open);
    }
  }
  CompleteRankSets(estimates, &out);
  return out;
}

void CompleteRankSets(const Eigen::VectorXd& estimates, RankSets* sets) {
  const int m = static_cast<int>(estimates.size());
  PODIUM_CHECK(sets->decided.rows() == m && sets->decided.cols() == m);
  sets->low.resize(m);
  sets->high.resize(m);
  for (int i = 0; i < m; ++i) {
    sets->low[i] = 1 + sets->decided.col(i).sum();
    sets->high[i] = m - sets->decided.row(i).sum();
  }
  std::vector<int> order(m);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return estimates(a) > estimates(b); });
  sets->tier.assign(m, 0);
  int tier = 0, leader = -1;
  for (int k : order) {
    if (leader < 0 || sets->decided(leader, k) == 1) {
      ++tier;
      leader = k;
    }
    sets->tier[k] = tier;
  }
}

}  // namespace podium
