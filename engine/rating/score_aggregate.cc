#include "engine/rating/score_aggregate.h"

#include <cmath>

#include "engine/base/check.h"

namespace podium {
namespace {

// a is better than b in a column of the given direction.
bool Better(double a, double b, bool higher_is_better) { return higher_is_better ? a > b : a < b; }

AggregateResult Mean(const NormalizedScores& s, MissingPolicy missing) {
  const int rows = static_cast<int>(s.values.rows()), cols = static_cast<int>(s.values.cols());
  AggregateResult r{Eigen::VectorXd::Constant(rows, std::nan("")), Eigen::VectorXi::Zero(rows),
                    Eigen::VectorXi::Zero(rows)};
  for (int i = 0; i < rows; ++i) {
    double sum = 0;
    for (int j = 0; j < cols; ++j) {
      if (!s.present(i, j)) continue;
      PODIUM_CHECK_MSG(s.higher_is_better[j], "mean over a lower-is-better raw column");
      sum += s.values(i, j);
      ++r.cells(i);
    }
    r.scored(i) = missing == MissingPolicy::kZero ? cols : r.cells(i);
    if (r.cells(i) > 0) r.score(i) = sum / r.scored(i);
  }
  return r;
}

AggregateResult WinRate(const NormalizedScores& s) {
  const int rows = static_cast<int>(s.values.rows()), cols = static_cast<int>(s.values.cols());
  AggregateResult r{Eigen::VectorXd::Zero(rows), Eigen::VectorXi::Zero(rows),
                    Eigen::VectorXi::Zero(rows)};
  for (int j = 0; j < cols; ++j) {
    const int n = static_cast<int>(s.present.col(j).count());
    for (int i = 0; i < rows; ++i) {
      if (!s.present(i, j)) continue;
      ++r.cells(i);
      if (n < 2) continue;  // HELM skips columns with fewer than two values
      double wins = 0;
      for (int k = 0; k < rows; ++k) {
        if (k == i || !s.present(k, j)) continue;
        if (Better(s.values(i, j), s.values(k, j), s.higher_is_better[j])) wins += 1;
        if (s.values(i, j) == s.values(k, j)) wins += 0.5;
      }
      r.score(i) += wins / (n - 1);
      ++r.scored(i);
    }
  }
  for (int i = 0; i < rows; ++i) {
    r.score(i) = r.scored(i) > 0 ? r.score(i) / r.scored(i) : std::nan("");
  }
  return r;
}

AggregateResult Borda(const NormalizedScores& s) {
  const int rows = static_cast<int>(s.values.rows()), cols = static_cast<int>(s.values.cols());
  AggregateResult r{Eigen::VectorXd::Zero(rows), Eigen::VectorXi::Zero(rows),
                    Eigen::VectorXi::Zero(rows)};
  for (int j = 0; j < cols; ++j) {
    const int n = static_cast<int>(s.present.col(j).count());
    for (int i = 0; i < rows; ++i) {
      if (!s.present(i, j)) continue;
      // Average rank (1 = best): 1 + #better + (#tied others) / 2.
      double better = 0, tied = 0;
      for (int k = 0; k < rows; ++k) {
        if (k == i || !s.present(k, j)) continue;
        if (Better(s.values(k, j), s.values(i, j), s.higher_is_better[j])) better += 1;
        if (s.values(k, j) == s.values(i, j)) tied += 1;
      }
      r.score(i) += n - (1 + better + tied / 2);
      ++r.cells(i);
      ++r.scored(i);
    }
  }
  for (int i = 0; i < rows; ++i) {
    if (r.cells(i) == 0) r.score(i) = std::nan("");
  }
  return r;
}

}  // namespace

AggregateResult Aggregate(const NormalizedScores& scores, const AggregateOptions& options) {
  switch (options.method) {
    case Aggregation::kMean:
      return Mean(scores, options.missing);
    case Aggregation::kWinRate:
      return WinRate(scores);
    case Aggregation::kBorda:
      return Borda(scores);
  }
  return Mean(scores, options.missing);
}

const char* AggregationName(Aggregation method) { return NameOf(kAggregationNames, method); }

const char* MissingPolicyName(MissingPolicy policy) { return NameOf(kMissingPolicyNames, policy); }

}  // namespace podium
