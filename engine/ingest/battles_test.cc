#include "engine/ingest/battles.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;

BattleData Read(const std::string& name, const std::string& text, Diagnostics* d,
                BattleReadOptions options = {}) {
  const std::string path = testing::WriteFile(testing::TempDir(), name, text);
  return ReadBattles(path, name, options, d);
}

TEST(BattlesTest, AggregatesCsvIntoCanonicalCells) {
  Diagnostics d;
  BattleData data = Read("b.csv",
                         "model_a,model_b,winner,judge\n"
                         "zeta,alpha,model_a,x\n"
                         "alpha,zeta,model_b,x\n"
                         "alpha,zeta,tie,x\n"
                         "alpha,zeta,tie (bothbad),x\n"
                         "alpha,beta,model_a,x\n",
                         &d);
  ASSERT_FALSE(d.has_errors()) << Formatted(d)[0];
  EXPECT_EQ(data.models, (std::vector<std::string>{"alpha", "beta", "zeta"}));
  EXPECT_EQ(data.battles, 5);
  ASSERT_EQ(data.cells.size(), 3u);
  // alpha(0) beat beta(1) once; zeta(2) beat alpha twice (as a and as b); two ties.
  EXPECT_EQ(data.cells[0].i, 0);
  EXPECT_EQ(data.cells[0].j, 1);
  EXPECT_EQ(data.cells[0].outcome, Outcome::kWinA);
  EXPECT_EQ(data.cells[1].j, 2);
  EXPECT_EQ(data.cells[1].outcome, Outcome::kWinB);
  EXPECT_EQ(data.cells[1].count, 2);
  EXPECT_EQ(data.cells[2].outcome, Outcome::kTie);
  EXPECT_EQ(data.cells[2].count, 2);
}

TEST(BattlesTest, BadRowsAreErrorsWithTheirLine) {
  Diagnostics d;
  Read("b.csv",
       "model_a,model_b,winner\n"
       "a,b,model_a\n"
       "a,b,draw\n"
       "a,a,tie\n"
       ",b,tie\n",
       &d);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "b.csv:3: error: field 'winner': unknown winner \"draw\" (expected model_a, "
                "model_b, tie or tie (bothbad))",
                "b.csv:4: error: field 'model_b': model \"a\" plays itself",
                "b.csv:5: error: field 'model_a': model name is empty"}));
}

TEST(BattlesTest, FiltersAndSequence) {
  Diagnostics d;
  BattleReadOptions options;
  options.category = "coding";
  options.exclude_ties = true;
  options.keep_sequence = true;
  BattleData data = Read("b.csv",
                         "model_a,model_b,winner,category,tstamp\n"
                         "a,b,model_a,coding,30\n"
                         "b,a,model_a,coding,10\n"
                         "a,b,tie,coding,20\n"
                         "a,b,model_b,math,5\n",
                         &d, options);
  EXPECT_FALSE(d.has_errors());
  EXPECT_EQ(data.battles, 2);
  EXPECT_EQ(data.dropped_category, 1);
  EXPECT_EQ(data.dropped_ties, 1);
  ASSERT_EQ(data.sequence.size(), 2u);
  EXPECT_EQ(data.sequence[0].a, 1);  // tstamp order: "b,a" (10) before "a,b" (30)
  EXPECT_EQ(data.sequence[0].outcome, Outcome::kWinA);
}

TEST(BattlesTest, JsonJsonLinesAndPairCountsGiveTheSameCells) {
  Diagnostics d;
  BattleData csv = Read("b.csv", "model_a,model_b,winner\nx,y,model_a\ny,x,tie\nx,y,model_b\n", &d);
  BattleData json = Read("b.json",
                         "[\n {\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"},\n"
                         " {\"model_a\": \"y\", \"model_b\": \"x\", \"winner\": \"tie\"},\n"
                         " {\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_b\"}\n]\n",
                         &d);
  BattleData jsonl = Read("b.jsonl",
                          "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"}\n"
                          "{\"model_a\": \"y\", \"model_b\": \"x\", \"winner\": \"tie\"}\n"
                          "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_b\"}\n",
                          &d);
  BattleData counts = Read("p.csv", "model_a,model_b,wins_a,wins_b,ties\ny,x,1,1,1\n", &d);
  EXPECT_FALSE(d.has_errors()) << Formatted(d)[0];
  for (const BattleData* other : {&json, &jsonl, &counts}) {
    ASSERT_EQ(other->cells.size(), csv.cells.size());
    for (size_t k = 0; k < csv.cells.size(); ++k) {
      EXPECT_EQ(other->cells[k].outcome, csv.cells[k].outcome);
      EXPECT_EQ(other->cells[k].count, csv.cells[k].count);
    }
  }
}

TEST(BattlesTest, JsonErrorsPointAtTheRecordLine) {
  Diagnostics d;
  Read("b.jsonl", "{\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"}\n{oops\n", &d);
  Read("b.json",
       "[\n {\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"model_a\"},\n"
       " {\"model_a\": \"x\", \"model_b\": \"y\", \"winner\": \"maybe\"}\n]\n",
       &d);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "b.jsonl:2:2: error: invalid JSON: syntax error while parsing object key - invalid "
                "literal; last read: '{o'; expected string literal",
                "b.json:3: error: field 'winner': unknown winner \"maybe\" (expected model_a, "
                "model_b, tie or tie (bothbad))"}));
}

}  // namespace
}  // namespace podium
