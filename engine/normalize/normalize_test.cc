#include "engine/normalize/normalize.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One benchmark column of four models (NaN = missing).
ScoreMatrix Column(std::vector<double> values) {
  ScoreMatrix m;
  m.models = {"m1", "m2", "m3", "m4"};
  m.benchmarks = {"b"};
  m.values = Eigen::MatrixXd(4, 1);
  m.present = BoolMatrix(4, 1);
  for (int i = 0; i < 4; ++i) {
    m.values(i, 0) = values[i];
    m.present(i, 0) = !std::isnan(values[i]);
  }
  m.claim_ids.assign(4, std::vector<std::vector<std::string>>(1));
  return m;
}

Eigen::VectorXd NormalizeColumn(const ScoreMatrix& m, Normalization method,
                                BenchmarkScale scale = {}) {
  Diagnostics d;
  NormalizedScores s = Normalize(m, {scale}, method, &d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(s.present, m.present);
  return s.values.col(0);
}

TEST(NormalizeTest, RawKeepsValuesAndDirection) {
  Diagnostics d;
  BenchmarkScale lower{false};
  NormalizedScores s = Normalize(Column({3, 1, 2, kNaN}), {lower}, Normalization::kRaw, &d);
  EXPECT_EQ(s.values(0, 0), 3);
  EXPECT_FALSE(s.higher_is_better[0]);
}

TEST(NormalizeTest, MinMaxHandComputed) {
  Eigen::VectorXd v = NormalizeColumn(Column({60, 70, 80, kNaN}), Normalization::kMinMax);
  EXPECT_DOUBLE_EQ(v(0), 0.0);
  EXPECT_DOUBLE_EQ(v(1), 0.5);
  EXPECT_DOUBLE_EQ(v(2), 1.0);
  EXPECT_TRUE(std::isnan(v(3)));  // missing stays missing
  EXPECT_DOUBLE_EQ(NormalizeColumn(Column({5, 5, kNaN, kNaN}), Normalization::kMinMax)(0), 0.0);
}

TEST(NormalizeTest, ZScoreUsesPopulationSd) {
  Eigen::VectorXd v = NormalizeColumn(Column({60, 70, 80, kNaN}), Normalization::kZScore);
  const double sd = std::sqrt(200.0 / 3.0);  // sqrt(((-10)^2 + 0 + 10^2) / 3)
  EXPECT_DOUBLE_EQ(v(0), -10 / sd);
  EXPECT_DOUBLE_EQ(v(1), 0.0);
  EXPECT_DOUBLE_EQ(v(2), 10 / sd);
  EXPECT_DOUBLE_EQ(NormalizeColumn(Column({5, 5, 5, 5}), Normalization::kZScore)(2), 0.0);
}

TEST(NormalizeTest, PercentileRankCountsHalfOfTies) {
  Eigen::VectorXd v = NormalizeColumn(Column({60, 70, 70, 80}), Normalization::kPercentile);
  EXPECT_DOUBLE_EQ(v(0), 100 * 0.5 / 4);        // 0 below, itself equal
  EXPECT_DOUBLE_EQ(v(1), 100 * (1 + 1.0) / 4);  // 1 below, 2 equal
  EXPECT_DOUBLE_EQ(v(2), 50.0);
  EXPECT_DOUBLE_EQ(v(3), 100 * 3.5 / 4);
}

TEST(NormalizeTest, ChanceRuleOfOpenLlmLeaderboardV2) {
  BenchmarkScale gpqa{true, 0.25, 1.0};
  Eigen::VectorXd v = NormalizeColumn(Column({0.6, 0.25, 0.1, 1.0}), Normalization::kChance, gpqa);
  EXPECT_NEAR(v(0), 46.666666666666664, 1e-12);  // design.md: raw 0.6 -> 46.67
  EXPECT_DOUBLE_EQ(v(1), 0.0);
  EXPECT_DOUBLE_EQ(v(2), 0.0);  // below chance: clamped at 0, never negative
  EXPECT_DOUBLE_EQ(v(3), 100.0);
  BenchmarkScale generative{true, 0.0, 100.0};
  EXPECT_DOUBLE_EQ(
      NormalizeColumn(Column({37.8, kNaN, kNaN, kNaN}), Normalization::kChance, generative)(0),
      37.8);
}

TEST(NormalizeTest, LowerIsBetterIsFlippedFirst) {
  BenchmarkScale lower{false};
  Eigen::VectorXd v = NormalizeColumn(Column({1, 2, 3, kNaN}), Normalization::kMinMax, lower);
  EXPECT_DOUBLE_EQ(v(0), 1.0);
  EXPECT_DOUBLE_EQ(v(2), 0.0);
  v = NormalizeColumn(Column({1, 2, 3, kNaN}), Normalization::kPercentile, lower);
  EXPECT_DOUBLE_EQ(v(0), 100 * 2.5 / 3);
  v = NormalizeColumn(Column({1, 2, 3, kNaN}), Normalization::kZScore, lower);
  EXPECT_GT(v(0), 0);
  // Chance for an error rate: chance 75 (4-way guess), best possible 0.
  BenchmarkScale error_rate{false, 75.0, 0.0};
  v = NormalizeColumn(Column({30, 75, 90, 0}), Normalization::kChance, error_rate);
  EXPECT_DOUBLE_EQ(v(0), 60.0);
  EXPECT_DOUBLE_EQ(v(1), 0.0);
  EXPECT_DOUBLE_EQ(v(2), 0.0);
  EXPECT_DOUBLE_EQ(v(3), 100.0);
}

TEST(NormalizeTest, ChanceWithoutRegistryValuesIsAnError) {
  Diagnostics d;
  BenchmarkScale unknown{true, std::nullopt, 100.0, {"reg/benchmarks.csv", 4, 1}, "elo"};
  NormalizedScores s = Normalize(Column({1, 2, kNaN, kNaN}), {unknown}, Normalization::kChance, &d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_EQ(FormatDiagnostic(d.all()[0]),
            "reg/benchmarks.csv:4:1: error: field 'chance': benchmark 'elo' has no chance value; "
            "normalization chance needs chance and max in benchmarks.csv");
  EXPECT_FALSE(s.present.any());
}

}  // namespace
}  // namespace podium
