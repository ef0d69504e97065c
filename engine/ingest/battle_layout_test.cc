#include "engine/ingest/battle_layout.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;

TEST(BattleLayoutTest, NoFlagsIsTheArenaLayout) {
  Diagnostics d;
  const std::optional<BattleLayout> layout = ParseBattleLayout("", "", &d);
  ASSERT_TRUE(layout.has_value());
  EXPECT_EQ(layout->model_a, "model_a");
  EXPECT_EQ(layout->model_b, "model_b");
  EXPECT_EQ(layout->winner, "winner");
  EXPECT_TRUE(layout->labels.empty());
  EXPECT_EQ(WinnerOutcome("model_a", *layout), Outcome::kWinA);
  EXPECT_EQ(WinnerOutcome("model_b", *layout), Outcome::kWinB);
  EXPECT_EQ(WinnerOutcome("tie", *layout), Outcome::kTie);
  EXPECT_EQ(WinnerOutcome("tie (bothbad)", *layout), Outcome::kTie);
  EXPECT_EQ(WinnerOutcome("left", *layout), std::nullopt);
  EXPECT_EQ(WinnerOutcome("", *layout), std::nullopt);
  EXPECT_EQ(ExpectedWinnerLabels(*layout), "model_a, model_b, tie or tie (bothbad)");
}

TEST(BattleLayoutTest, EveryRoleAndEveryLabelRole) {
  Diagnostics d;
  const std::optional<BattleLayout> layout =
      ParseBattleLayout(" winner = verdict , model_b=second,model_a=first,",
                        "A=model_a, B =model_b,same=tie,both bad=tie (bothbad),x=y=model_a", &d);
  ASSERT_TRUE(layout.has_value()) << Formatted(d)[0];
  EXPECT_EQ(layout->model_a, "first");
  EXPECT_EQ(layout->model_b, "second");
  EXPECT_EQ(layout->winner, "verdict");
  ASSERT_EQ(layout->labels.size(), 5u);
  EXPECT_EQ(layout->labels[3].label, "both bad");
  EXPECT_EQ(layout->labels[3].role, "tie (bothbad)");
  EXPECT_EQ(WinnerOutcome("A", *layout), Outcome::kWinA);
  EXPECT_EQ(WinnerOutcome("B", *layout), Outcome::kWinB);
  EXPECT_EQ(WinnerOutcome("same", *layout), Outcome::kTie);
  EXPECT_EQ(WinnerOutcome("both bad", *layout), Outcome::kTie);
  EXPECT_EQ(WinnerOutcome("x=y", *layout), Outcome::kWinA);  // the last '=' splits
  // Only the labels given: the Arena's are not accepted any more.
  EXPECT_EQ(WinnerOutcome("model_a", *layout), std::nullopt);
  EXPECT_EQ(WinnerOutcome("tie", *layout), std::nullopt);
  EXPECT_EQ(ExpectedWinnerLabels(*layout), "A, B, same, both bad or x=y");
}

TEST(BattleLayoutTest, ASubsetOfColumnsKeepsTheOtherNames) {
  Diagnostics d;
  const std::optional<BattleLayout> layout = ParseBattleLayout("model_a=left", "", &d);
  ASSERT_TRUE(layout.has_value());
  EXPECT_EQ(layout->model_a, "left");
  EXPECT_EQ(layout->model_b, "model_b");
  EXPECT_EQ(layout->winner, "winner");
}

TEST(BattleLayoutTest, EveryBadColumnsItemIsReported) {
  Diagnostics d;
  EXPECT_FALSE(ParseBattleLayout("model_a=x,judge=y,model_a=z,winner=,model_b", "", &d));
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "error: field 'columns': \"judge\" is not a role: expected model_a, model_b or "
                "winner",
                "error: field 'columns': role model_a is named twice",
                "error: field 'columns': no column named for role winner",
                "error: field 'columns': expected ROLE=COLUMN (e.g. model_a=left), not "
                "\"model_b\""}));
  EXPECT_EQ(d.all()[1].text, "model_a=z");
}

TEST(BattleLayoutTest, OneColumnForTwoRolesIsAnError) {
  Diagnostics d;
  EXPECT_FALSE(ParseBattleLayout("model_a=m,model_b=m", "", &d));
  EXPECT_EQ(Formatted(d), (std::vector<std::string>{"error: field 'columns': column \"m\" is "
                                                    "named for both model_a and model_b"}));
  Diagnostics e;  // renaming winner to model_a's canonical name clashes too
  EXPECT_FALSE(ParseBattleLayout("winner=model_a", "", &e));
  EXPECT_EQ(Formatted(e), (std::vector<std::string>{"error: field 'columns': column \"model_a\" "
                                                    "is named for both model_a and winner"}));
}

TEST(BattleLayoutTest, EveryBadLabelItemIsReported) {
  Diagnostics d;
  EXPECT_FALSE(ParseBattleLayout(
      "", "left=model_a,left=model_b,right=winner,=tie,draw,tie=tie,tie=tie", &d));
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "error: field 'winner_labels': label \"left\" is mapped twice",
                "error: field 'winner_labels': \"winner\" is not a role: expected model_a, "
                "model_b, tie or tie (bothbad)",
                "error: field 'winner_labels': no label given for role tie",
                "error: field 'winner_labels': expected LABEL=ROLE (e.g. left=model_a), not "
                "\"draw\"",
                "error: field 'winner_labels': label \"tie\" is mapped twice"}));
}

TEST(BattleLayoutTest, BothFlagsAreCheckedAtOnce) {
  Diagnostics d;
  EXPECT_FALSE(ParseBattleLayout("who=x", "a=b", &d));
  EXPECT_EQ(d.error_count(), 2);
}

TEST(BattleLayoutTest, ParseWinnerKnowsTheFourArenaLabels) {
  Outcome o;
  EXPECT_TRUE(ParseWinner("model_b", &o));
  EXPECT_EQ(o, Outcome::kWinB);
  EXPECT_TRUE(ParseWinner("tie (bothbad)", &o));
  EXPECT_EQ(o, Outcome::kTie);
  EXPECT_FALSE(ParseWinner("Tie", &o));
  EXPECT_FALSE(ParseWinner("tie(bothbad)", &o));
}

}  // namespace
}  // namespace podium
