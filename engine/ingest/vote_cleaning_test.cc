#include "engine/ingest/vote_cleaning.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

// Models: 0 is the stronger, 1 the weaker; judges by number.
constexpr int32_t kStrong = 0, kWeak = 1;

// `count` battles of `judge` on day `day`: the strong model beats the weak
// one (strong_wins) or loses to it, alternating which of them is model_a.
void AddVotes(std::vector<JudgedBattle>* battles, int32_t judge, int count, bool strong_wins,
              int64_t day = 0) {
  for (int k = 0; k < count; ++k) {
    const bool strong_is_a = k % 2 == 0;
    const Outcome outcome = strong_wins == strong_is_a ? Outcome::kWinA : Outcome::kWinB;
    battles->push_back(
        {strong_is_a ? kStrong : kWeak, strong_is_a ? kWeak : kStrong, outcome, judge, day});
  }
}

// `n` judges from `first_judge` on, one vote each (never tested: fewer than 5).
void AddCrowd(std::vector<JudgedBattle>* battles, int32_t first_judge, int n, bool strong_wins) {
  for (int k = 0; k < n; ++k) AddVotes(battles, first_judge + k, 1, strong_wins);
}

TEST(UtcDayTest, FloorsToTheUtcDay) {
  EXPECT_EQ(UtcDay(0), 0);
  EXPECT_EQ(UtcDay(86399.9), 0);
  EXPECT_EQ(UtcDay(86400), 1);
  EXPECT_EQ(UtcDay(-0.5), -1);
  EXPECT_EQ(UtcDay(1700000000.5), 19675);  // 2023-11-14
}

TEST(LimitVotesTest, KeepsTheFirstVotesOfEachJudgeAndDay) {
  std::vector<JudgedBattle> battles;
  AddVotes(&battles, 1, 5, true, 0);  // 0..4: judge 1, day 0
  AddVotes(&battles, 2, 4, true, 0);  // 5..8: judge 2, day 0
  AddVotes(&battles, 1, 2, true, 1);  // 9..10: judge 1, day 1
  std::vector<bool> keep(battles.size(), true);
  EXPECT_EQ(LimitVotesPerJudgePerDay(battles, 3, &keep), 3);
  EXPECT_EQ(keep, (std::vector<bool>{1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1}));
}

TEST(LimitVotesTest, BattlesDroppedBeforeDoNotCount) {
  std::vector<JudgedBattle> battles;
  AddVotes(&battles, 1, 4, true, 0);
  std::vector<bool> keep = {false, true, true, true};
  EXPECT_EQ(LimitVotesPerJudgePerDay(battles, 2, &keep), 1);
  EXPECT_EQ(keep, (std::vector<bool>{0, 1, 1, 0}));
}

// 90 crowd votes for the strong model, 10 for the weak one; judge 1 always
// votes for the weak model, judge 2 always for the strong one, 5 votes each.
// Pair counts from the strong (smaller) model's side: W = 95, L = 15, so
// judge 1's votes (v = 0) have p_up = 15/110 and M_up = (110/30)^k:
// 3.67, 13.44, 49.30 > 1/0.05 = 20 at the third vote. Judge 2's (v = 1) have
// p_up = 1 and p_low = 95/110: M_up = 0.5^k, M_low = (110/190)^k, never > 20.
std::vector<JudgedBattle> WeakVoterAndNormalVoter() {
  std::vector<JudgedBattle> battles;
  AddCrowd(&battles, 100, 90, true);
  AddCrowd(&battles, 200, 10, false);
  AddVotes(&battles, 1, 5, false);
  AddVotes(&battles, 2, 5, true);
  return battles;
}

TEST(OutlierJudgesTest, AJudgeVotingForTheWeakerModelIsDroppedAtTheThirdVote) {
  const std::vector<JudgedBattle> battles = WeakVoterAndNormalVoter();
  std::vector<bool> keep(battles.size(), true);
  std::vector<OutlierJudge> dropped;
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep, &dropped), 5);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].judge, 1);
  EXPECT_EQ(dropped[0].votes_read, 3);
  for (size_t k = 0; k < battles.size(); ++k) {
    EXPECT_EQ(keep[k], battles[k].judge != 1) << k;  // all 5 of judge 1, judge 2 kept
  }
}

TEST(OutlierJudgesTest, AtTheOnePercentLevelTheThirdVoteIsNotEnough) {
  // M_up = 49.30 after three votes, 180.75 after four: > 1/0.01 at the fourth.
  const std::vector<JudgedBattle> battles = WeakVoterAndNormalVoter();
  std::vector<bool> keep(battles.size(), true);
  std::vector<OutlierJudge> dropped;
  OutlierTest test;
  test.alpha = 0.01;
  EXPECT_EQ(DropOutlierJudges(battles, test, &keep, &dropped), 5);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].votes_read, 4);
}

TEST(OutlierJudgesTest, JudgesWithFewerThanFiveVotesAreNotTested) {
  std::vector<JudgedBattle> battles;
  AddCrowd(&battles, 100, 90, true);
  AddCrowd(&battles, 200, 10, false);
  AddVotes(&battles, 1, 4, false);
  std::vector<bool> keep(battles.size(), true);
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep), 0);
  OutlierTest four;
  four.min_votes = 4;
  EXPECT_EQ(DropOutlierJudges(battles, four, &keep), 4);
}

// Judge 1 votes 100 times for the strong model, then 50 times for the weak
// one; 900 crowd votes for the strong model. W = 1000, L = 50. After the
// first 100 votes M_up = 0.5^100; each later vote multiplies it by
// 1 / (2 * 50/1050) = 10.5, and 0.5^100 * 10.5^k > 20 first at k = 31.
TEST(OutlierJudgesTest, AtMostAHundredVotesOfAJudgeAreRead) {
  std::vector<JudgedBattle> battles;
  AddCrowd(&battles, 1000, 900, true);
  AddVotes(&battles, 1, 100, true);
  AddVotes(&battles, 1, 50, false);
  std::vector<bool> keep(battles.size(), true);
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep), 0);  // the 50 are never read
  OutlierTest longer;
  longer.max_votes_read = 200;
  std::vector<OutlierJudge> dropped;
  EXPECT_EQ(DropOutlierJudges(battles, longer, &keep, &dropped), 150);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].votes_read, 131);
}

TEST(OutlierJudgesTest, ATieOnAOneSidedPairFailsAtOnce) {
  // Every decisive battle of the pair went to the strong model: a tie has
  // p_up = #{r <= 1/2} / n = 0, and 1 / (2 * 0) is infinite.
  std::vector<JudgedBattle> battles;
  AddCrowd(&battles, 100, 10, true);
  AddVotes(&battles, 1, 4, true);
  battles.push_back({kStrong, kWeak, Outcome::kTie, 1, 0});
  std::vector<bool> keep(battles.size(), true);
  std::vector<OutlierJudge> dropped;
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep, &dropped), 5);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].votes_read, 5);
}

TEST(OutlierJudgesTest, AVoteOnAPairWithoutDecisiveBattlesEndsTheTest) {
  // Models 2 and 3 only ever tied: p = 0/0, NaN in FastChat's numpy, and
  // every product after it is NaN, never > 20. The same judge without that
  // first vote fails (see AJudgeVotingForTheWeakerModel...).
  std::vector<JudgedBattle> battles = WeakVoterAndNormalVoter();
  battles.insert(battles.begin(), JudgedBattle{2, 3, Outcome::kTie, 1, 0});
  std::vector<bool> keep(battles.size(), true);
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep), 0);
}

TEST(OutlierJudgesTest, TheOrientationOfABattleDoesNotMatter) {
  // The same votes with model_a and model_b swapped (outcomes swapped too).
  std::vector<JudgedBattle> battles = WeakVoterAndNormalVoter();
  for (JudgedBattle& b : battles) {
    std::swap(b.a, b.b);
    if (b.outcome != Outcome::kTie) {
      b.outcome = b.outcome == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
    }
  }
  std::vector<bool> keep(battles.size(), true);
  std::vector<OutlierJudge> dropped;
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep, &dropped), 5);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].votes_read, 3);
}

TEST(OutlierJudgesTest, BattlesDroppedBeforeAreLeftOutOfTheCounts) {
  // With the 10 crowd votes for the weak model dropped earlier, L = 5 (judge
  // 1's own votes) and n = 100: M_up = (100/10)^k = 10, 100 > 20 at vote 2.
  const std::vector<JudgedBattle> battles = WeakVoterAndNormalVoter();
  std::vector<bool> keep(battles.size(), true);
  for (size_t k = 90; k < 100; ++k) keep[k] = false;
  std::vector<OutlierJudge> dropped;
  EXPECT_EQ(DropOutlierJudges(battles, {}, &keep, &dropped), 5);
  ASSERT_EQ(dropped.size(), 1u);
  EXPECT_EQ(dropped[0].votes_read, 2);
}

}  // namespace
}  // namespace podium
