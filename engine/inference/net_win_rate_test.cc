#include "engine/inference/net_win_rate.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/testing.h"

namespace podium {
namespace {

TEST(NetWinRateTest, HandComputedAndConversions) {
  std::vector<Judgment> j = {{"p1", "r1", "A", "B", 1},  {"p1", "r2", "A", "B", 1},
                             {"p1", "r3", "A", "B", 0},  {"p2", "r1", "B", "A", 1},
                             {"p2", "r2", "A", "B", -1}, {"p3", "r1", "A", "B", 1}};
  std::vector<NetWinRate> rows = ComputeNetWinRates(j, 500, 3, 0.95, 2);
  ASSERT_EQ(rows.size(), 1u);
  const NetWinRate& r = rows[0];
  // From A's side: +1 +1 0 -1 (B preferred as model_a) -1 +1 -> sum 1 over 6.
  EXPECT_EQ(r.judgments, 6);
  EXPECT_EQ(r.prompts, 3);
  EXPECT_EQ(r.wins, 3);
  EXPECT_EQ(r.losses, 2);
  EXPECT_NEAR(r.nwr, 100.0 / 6, 1e-12);
  EXPECT_NEAR(r.win_probability, (1 + 1.0 / 6) / 2, 1e-12);
  EXPECT_LE(r.ci_low, r.nwr);
  EXPECT_GE(r.ci_high, r.nwr);
  EXPECT_GE(r.ci_low, -100);
  // Movie Gen vs Runway Gen3, +35.0: p = 0.675, gap = 400 log10(0.675 / 0.325).
  EXPECT_DOUBLE_EQ(NetWinProbability(35.0), 0.675);
  EXPECT_NEAR(NetWinEloGap(35.0), 400 * std::log10(0.675 / 0.325), 1e-12);
  EXPECT_NEAR(NetWinEloGap(35.0), 126.97, 0.01);
  EXPECT_TRUE(std::isinf(NetWinEloGap(100)));
}

TEST(NetWinRateTest, BadPreferencesAreErrors) {
  Diagnostics d;
  const std::string path = testing::WriteFile(testing::TempDir(), "j.csv",
                                              "prompt,rater,model_a,model_b,preference\n"
                                              "p,r,A,B,+1\np,r,A,B,2\np,r,A,A,0\n");
  std::vector<Judgment> j = ReadJudgments(path, "j.csv", &d);
  EXPECT_EQ(j.size(), 1u);
  EXPECT_EQ(testing::Formatted(d),
            (std::vector<std::string>{
                "j.csv:3:9: error: field 'preference': \"2\" is not +1, 0 or -1",
                "j.csv:4:7: error: field 'model_b': a model judged against itself"}));
}

}  // namespace
}  // namespace podium
