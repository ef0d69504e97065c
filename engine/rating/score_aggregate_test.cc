#include "engine/rating/score_aggregate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace podium {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

NormalizedScores Scores(const std::vector<std::vector<double>>& rows, std::vector<bool> higher) {
  NormalizedScores s;
  const int n = static_cast<int>(rows.size()), k = static_cast<int>(rows[0].size());
  s.values = Eigen::MatrixXd(n, k);
  s.present = BoolMatrix(n, k);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < k; ++j) {
      s.values(i, j) = rows[i][j];
      s.present(i, j) = !std::isnan(rows[i][j]);
    }
  }
  s.higher_is_better = std::move(higher);
  return s;
}

// b1: m1 = m2 = 50 tie, m3 = 40; b2: m1 = 10 < m4 = 20; low (lower-is-better):
// only m3, so HELM skips it.
NormalizedScores HandCase() {
  return Scores({{50, 10, kNaN}, {50, kNaN, kNaN}, {40, kNaN, 3}, {kNaN, 20, kNaN}},
                {true, true, false});
}

TEST(ScoreAggregateTest, HelmMeanWinRateHandComputed) {
  AggregateResult r = Aggregate(HandCase(), {Aggregation::kWinRate});
  EXPECT_DOUBLE_EQ(r.score(0), (0.75 + 0.0) / 2);  // b1: (1 worse + 0.5 tie) / 2
  EXPECT_DOUBLE_EQ(r.score(1), 0.75);
  EXPECT_DOUBLE_EQ(r.score(2), 0.0);  // "low" has one value: skipped
  EXPECT_DOUBLE_EQ(r.score(3), 1.0);
  EXPECT_EQ(r.cells(2), 2);
  EXPECT_EQ(r.scored(2), 1);
}

TEST(ScoreAggregateTest, MtebBordaHandComputed) {
  AggregateResult r = Aggregate(HandCase(), {Aggregation::kBorda});
  EXPECT_DOUBLE_EQ(r.score(0), 1.5 + 0.0);  // b1: 3 - 1.5 (tied for first); b2: 2 - 2
  EXPECT_DOUBLE_EQ(r.score(1), 1.5);
  EXPECT_DOUBLE_EQ(r.score(2), 0.0 + 0.0);  // b1: 3 - 3; low: 1 - 1
  EXPECT_DOUBLE_EQ(r.score(3), 1.0);
}

TEST(ScoreAggregateTest, MeanSkipsMissingUnlessZeroIsChosen) {
  NormalizedScores s = Scores({{60, kNaN, 30}, {40, 50, kNaN}}, {true, true, true});
  AggregateResult skip = Aggregate(s, {Aggregation::kMean, MissingPolicy::kSkip});
  EXPECT_DOUBLE_EQ(skip.score(0), 45.0);
  EXPECT_DOUBLE_EQ(skip.score(1), 45.0);
  AggregateResult zero = Aggregate(s, {Aggregation::kMean, MissingPolicy::kZero});
  EXPECT_DOUBLE_EQ(zero.score(0), 30.0);
  EXPECT_EQ(zero.cells(0), 2);
}

TEST(ScoreAggregateTest, RowWithoutCellsHasNoScore) {
  NormalizedScores s = Scores({{1, 2}, {kNaN, kNaN}}, {true, true});
  for (Aggregation a : {Aggregation::kMean, Aggregation::kWinRate, Aggregation::kBorda}) {
    EXPECT_TRUE(std::isnan(Aggregate(s, {a}).score(1))) << AggregationName(a);
  }
}

// Reference: average ranks by sorting (ties get the mean of their positions);
// win rate = (n - rank) / (n - 1), Borda = n - rank. A different route to the
// same definitions than the pairwise counting in score_aggregate.cc.
void Reference(const NormalizedScores& s, Eigen::VectorXd* winrate, Eigen::VectorXd* borda) {
  const int n = static_cast<int>(s.values.rows()), k = static_cast<int>(s.values.cols());
  Eigen::VectorXd wr_sum = Eigen::VectorXd::Zero(n), wr_count = Eigen::VectorXd::Zero(n);
  *borda = Eigen::VectorXd::Zero(n);
  for (int j = 0; j < k; ++j) {
    std::vector<std::pair<double, int>> col;
    for (int i = 0; i < n; ++i) {
      if (s.present(i, j))
        col.push_back({s.higher_is_better[j] ? -s.values(i, j) : s.values(i, j), i});
    }
    std::sort(col.begin(), col.end());
    const int m = static_cast<int>(col.size());
    for (int a = 0; a < m;) {
      int b = a;
      while (b < m && col[b].first == col[a].first) ++b;
      const double rank = (a + 1 + b) / 2.0;  // mean of positions a+1 .. b
      for (int t = a; t < b; ++t) {
        (*borda)(col[t].second) += m - rank;
        if (m >= 2) {
          wr_sum(col[t].second) += (m - rank) / (m - 1);
          wr_count(col[t].second) += 1;
        }
      }
      a = b;
    }
  }
  *winrate = wr_sum.cwiseQuotient(wr_count);
}

TEST(ScoreAggregateTest, MatchesSortingReferenceOnRandomTablesWithTiesAndGaps) {
  std::mt19937 gen(7);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 2 + static_cast<int>(gen() % 7), k = 1 + static_cast<int>(gen() % 5);
    std::vector<std::vector<double>> rows(n, std::vector<double>(k));
    std::vector<bool> higher(k);
    for (int j = 0; j < k; ++j) higher[j] = gen() % 3 != 0;
    for (auto& row : rows) {
      for (double& v : row) v = gen() % 4 == 0 ? kNaN : static_cast<double>(gen() % 4);
    }
    NormalizedScores s = Scores(rows, higher);
    Eigen::VectorXd winrate, borda;
    Reference(s, &winrate, &borda);
    AggregateResult w = Aggregate(s, {Aggregation::kWinRate});
    AggregateResult b = Aggregate(s, {Aggregation::kBorda});
    for (int i = 0; i < n; ++i) {
      if (std::isnan(winrate(i))) {
        EXPECT_TRUE(std::isnan(w.score(i)));
      } else {
        EXPECT_NEAR(w.score(i), winrate(i), 1e-12);
      }
      if (b.cells(i) > 0) EXPECT_NEAR(b.score(i), borda(i), 1e-12);
    }
  }
}

}  // namespace
}  // namespace podium
