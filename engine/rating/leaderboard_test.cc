#include "engine/rating/leaderboard.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::MakeClaim;

std::vector<Claim> Claims() {
  return {MakeClaim("c1", "m1", "b1", 60), MakeClaim("c2", "m2", "b1", 70),
          MakeClaim("c3", "m3", "b1", 70), MakeClaim("c4", "m1", "b2", 40),
          MakeClaim("c5", "m2", "b2", 20), MakeClaim("c6", "m4", "low", 3)};
}

TEST(LeaderboardTest, RanksByMeanWithCoverageAndSharedRanks) {
  Diagnostics d;
  LeaderboardOptions o;
  o.benchmarks = {"b1", "b2"};
  Leaderboard board = BuildLeaderboard(Claims(), testing::SmallRegistry(), o, &d);
  ASSERT_FALSE(d.has_errors());
  ASSERT_EQ(board.rows.size(), 3u);      // m4 has no cell among b1, b2: not in the matrix
  EXPECT_EQ(board.rows[0].model, "m3");  // 70 on b1 only
  EXPECT_EQ(board.rows[0].rank, 1);
  EXPECT_DOUBLE_EQ(board.rows[0].coverage, 0.5);
  EXPECT_EQ(board.rows[1].model, "m1");  // (60 + 40) / 2 = 50
  EXPECT_EQ(board.rows[2].model, "m2");  // (70 + 20) / 2 = 45
  EXPECT_EQ(board.rows[2].rank, 3);
}

TEST(LeaderboardTest, MinCoverageExcludesWithAReason) {
  Diagnostics d;
  LeaderboardOptions o;
  o.benchmarks = {"b1", "b2"};
  o.min_coverage = 0.75;
  Leaderboard board = BuildLeaderboard(Claims(), testing::SmallRegistry(), o, &d);
  ASSERT_EQ(board.rows.size(), 2u);
  ASSERT_EQ(board.excluded.size(), 1u);
  EXPECT_EQ(board.excluded[0].model, "m3");
  EXPECT_EQ(board.excluded[0].reason, "coverage 0.50 < min_coverage 0.75");
}

TEST(LeaderboardTest, EqualScoresShareARankAndSortById) {
  Diagnostics d;
  LeaderboardOptions o;
  o.benchmarks = {"b1"};
  Leaderboard board = BuildLeaderboard(Claims(), testing::SmallRegistry(), o, &d);
  ASSERT_EQ(board.rows.size(), 3u);
  EXPECT_EQ(board.rows[0].model, "m2");
  EXPECT_EQ(board.rows[0].rank, 1);
  EXPECT_EQ(board.rows[1].model, "m3");
  EXPECT_EQ(board.rows[1].rank, 1);
  EXPECT_EQ(board.rows[2].rank, 3);
  EXPECT_EQ(CompetitionRanks({5, 7, 7, 1}), (std::vector<int>{3, 1, 1, 4}));
}

TEST(LeaderboardTest, RawMeanOverALowerIsBetterBenchmarkIsRefused) {
  Diagnostics d;
  BuildLeaderboard(Claims(), testing::SmallRegistry(), {}, &d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_NE(FormatDiagnostic(d.all()[0]).find("benchmark 'low' is lower-is-better"),
            std::string::npos);
  Diagnostics ok;
  LeaderboardOptions o;
  o.aggregate.method = Aggregation::kWinRate;
  Leaderboard board = BuildLeaderboard(Claims(), testing::SmallRegistry(), o, &ok);
  EXPECT_FALSE(ok.has_errors());
  ASSERT_EQ(board.excluded.size(), 1u);  // m4 only has "low", where nobody else is
  EXPECT_EQ(board.excluded[0].reason, "no benchmark with at least two models to compare on");
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(LeaderboardTest, MinModelsLeavesOutThinlyReportedBenchmarks) {
  Diagnostics d;
  LeaderboardOptions o;
  o.aggregate.method = Aggregation::kWinRate;
  o.min_models = 3;
  Leaderboard board = BuildLeaderboard(Claims(), testing::SmallRegistry(), o, &d);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(board.matrix.benchmarks, (std::vector<std::string>{"b1"}));
  EXPECT_EQ(board.dropped_benchmarks, (std::vector<std::string>{"b2", "low"}));
  EXPECT_EQ(board.rows.size(), 3u);
}

// Each claim read and left out is counted once, under the first reason of
// DropReason's order that applies.
TEST(LeaderboardTest, CountsDroppedClaimsPerReason) {
  std::vector<Claim> read = Claims();
  read.push_back(MakeClaim("c7", "m1", "b1", 61));  // a second number for (m1, b1)
  std::vector<Claim> used = read;
  used.erase(used.begin() + 4);  // c5 (m2, b2): replaced by item results
  Diagnostics d;
  LeaderboardOptions o;
  o.models = {"m1", "m2"};  // m3 and m4 filtered out: c3 and c6
  o.on_conflict = ConflictPolicy::kLatest;
  o.min_models = 2;  // b2 has only m1 left in `used`: c4 dropped for too few models
  const Leaderboard board = BuildLeaderboard(used, testing::SmallRegistry(), o, &d);
  ASSERT_FALSE(d.has_errors()) << testing::Formatted(d)[0];
  const std::vector<DroppedClaims> dropped = CountDroppedClaims(read, used, board);
  ASSERT_EQ(dropped.size(), 6u);
  EXPECT_EQ(dropped[0].reason, DropReason::kModelFilter);
  EXPECT_EQ(dropped[0].count, 2);  // c3, c6
  EXPECT_EQ(dropped[1].count, 0);  // no benchmark filter
  EXPECT_EQ(dropped[2].reason, DropReason::kReplacedByItems);
  EXPECT_EQ(dropped[2].count, 1);  // c5
  EXPECT_EQ(dropped[3].reason, DropReason::kTooFewModels);
  EXPECT_EQ(dropped[3].count, 1);  // c4
  EXPECT_EQ(dropped[4].count, 0);
  EXPECT_EQ(dropped[5].reason, DropReason::kNotChosen);
  // The cell (m1, b1) lists every claim behind it, the one not chosen too
  // (claim_ids), so neither c1 nor c7 counts as dropped.
  EXPECT_EQ(dropped[5].count, 0);
}

}  // namespace
}  // namespace podium
