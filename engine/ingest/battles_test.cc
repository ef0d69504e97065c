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
                "b.csv:3:5: error: field 'winner': unknown winner \"draw\" (expected model_a, "
                "model_b, tie or tie (bothbad))",
                "b.csv:4:3: error: field 'model_b': model \"a\" plays itself",
                "b.csv:5:1: error: field 'model_a': model name is empty"}));
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
                "b.json:3:45: error: field 'winner': unknown winner \"maybe\" (expected model_a, "
                "model_b, tie or tie (bothbad))"}));
}

// The layout of `columns` and `labels` (the flags' text); the test fails
// when they do not parse.
BattleReadOptions WithLayout(const std::string& columns, const std::string& labels) {
  Diagnostics d;
  BattleReadOptions options;
  const std::optional<BattleLayout> layout = ParseBattleLayout(columns, labels, &d);
  EXPECT_TRUE(layout.has_value()) << Formatted(d)[0];
  if (layout) options.layout = *layout;
  return options;
}

// The cells as "i j outcome count" lines, to compare readings.
std::vector<std::string> CellsOf(const BattleData& data) {
  std::vector<std::string> out;
  for (const PairCell& c : data.cells) {
    out.push_back(data.models[c.i] + " " + data.models[c.j] + " " +
                  std::to_string(static_cast<int>(c.outcome)) + " " + std::to_string(c.count));
  }
  return out;
}

const char kCanonical[] =
    "model_a,model_b,winner\n"
    "a,b,model_a\n"
    "b,c,model_b\n"
    "a,c,tie\n"
    "c,a,model_a\n";

TEST(BattlesLayoutTest, LlmfaoLayoutReadsAsTheCanonicalOne) {
  Diagnostics d;
  const BattleData canonical = Read("b.csv", kCanonical, &d);
  const BattleReadOptions llmfao =
      WithLayout("model_a=left,model_b=right", "left=model_a,right=model_b,tie=tie");
  const BattleData csv =
      Read("l.csv", "left,right,winner\na,b,left\nb,c,right\na,c,tie\nc,a,left\n", &d, llmfao);
  const BattleData tsv = Read("l.tsv",
                              "left\tright\twinner\na\tb\tleft\nb\tc\tright\n"
                              "a\tc\ttie\nc\ta\tleft\n",
                              &d, llmfao);
  const BattleData jsonl = Read("l.jsonl",
                                "{\"left\": \"a\", \"right\": \"b\", \"winner\": \"left\"}\n"
                                "{\"left\": \"b\", \"right\": \"c\", \"winner\": \"right\"}\n"
                                "{\"left\": \"a\", \"right\": \"c\", \"winner\": \"tie\"}\n"
                                "{\"left\": \"c\", \"right\": \"a\", \"winner\": \"left\"}\n",
                                &d, llmfao);
  const BattleData json = Read("l.json",
                               "[{\"left\": \"a\", \"right\": \"b\", \"winner\": \"left\"},\n"
                               " {\"left\": \"b\", \"right\": \"c\", \"winner\": \"right\"},\n"
                               " {\"left\": \"a\", \"right\": \"c\", \"winner\": \"tie\"},\n"
                               " {\"left\": \"c\", \"right\": \"a\", \"winner\": \"left\"}]\n",
                               &d, llmfao);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(CellsOf(canonical),
            (std::vector<std::string>{"a b 0 1", "a c 1 1", "a c 2 1", "b c 1 1"}));
  for (const BattleData* other : {&csv, &tsv, &jsonl, &json}) {
    EXPECT_EQ(CellsOf(*other), CellsOf(canonical));
    EXPECT_EQ(other->battles, 4);
  }
}

TEST(BattlesLayoutTest, RenamedWinnerColumn) {
  Diagnostics d;
  const BattleData data =
      Read("b.csv", "verdict,model_a,model_b\nmodel_b,a,b\n", &d, WithLayout("winner=verdict", ""));
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"a b 1 1"}));
}

TEST(BattlesLayoutTest, OnlyTheGivenLabelsAreAccepted) {
  Diagnostics d;
  const BattleReadOptions llmfao =
      WithLayout("model_a=left,model_b=right", "left=model_a,right=model_b,tie=tie");
  Read("l.csv", "left,right,winner\na,b,left\na,b,model_a\na,b,tie (bothbad)\na,b,\n", &d, llmfao);
  Read("l.jsonl", "{\"left\": \"a\", \"right\": \"b\",\n{\"left\": \"a\", \"winner\": \"draw\"}\n",
       &d, llmfao);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "l.csv:3:5: error: field 'winner': unknown winner \"model_a\" (expected left, "
                "right or tie)",
                "l.csv:4:5: error: field 'winner': unknown winner \"tie (bothbad)\" (expected "
                "left, right or tie)",
                "l.csv:5:5: error: field 'winner': unknown winner \"\" (expected left, right or "
                "tie)",
                "l.jsonl:1:28: error: invalid JSON: syntax error while parsing object key - "
                "unexpected end of input; expected string literal",
                "l.jsonl:2:1: error: field 'right': model name is empty",
                "l.jsonl:2:25: error: field 'winner': unknown winner \"draw\" (expected left, "
                "right or tie)"}));
}

TEST(BattlesLayoutTest, NamedColumnsMissingFromTheHeaderAreErrorsAtTheHeader) {
  Diagnostics d;
  Read("b.csv", "model_a,model_b,winner\na,b,model_a\n", &d,
       WithLayout("model_a=left,winner=verdict", ""));
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "b.csv:1:1: warning: field 'model_a': unknown column is ignored",
                "b.csv:1:17: warning: field 'winner': unknown column is ignored",
                "b.csv:1:1: error: field 'left': missing required column (named by columns "
                "model_a=left)",
                "b.csv:1:1: error: field 'verdict': missing required column (named by columns "
                "winner=verdict)"}));
}

TEST(BattlesOneHotTest, ReadsTheArenaHumanPreference55kLayout) {
  Diagnostics d;
  const BattleData data =
      ReadBattles(testing::Runfile("engine/ingest/testdata/arena_55k_sample.csv"),
                  "arena_55k_sample.csv", {}, &d);
  // id, prompt and responses (commas, quotes, line breaks) are read and ignored.
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(data.battles, 6);
  EXPECT_EQ(CellsOf(data),
            (std::vector<std::string>{
                "gpt-3.5-turbo-0314 koala-13b 0 1",  // koala-13b (a) lost: model_b won
                "gpt-3.5-turbo-0613 mistral-medium 2 1", "gpt-4-0314 vicuna-13b 2 1",
                "gpt-4-0613 gpt-4-1106-preview 1 1", "gpt-4-0613 koala-13b 0 1",
                "llama-2-13b-chat mistral-7b-instruct 0 1"}));
}

TEST(BattlesOneHotTest, EveryBadRowIsAnErrorAtItsCell) {
  Diagnostics d;
  Read("h.csv",
       "id,model_a,model_b,response_a,winner_model_a,winner_model_b,winner_tie\n"
       "1,a,b,\"x\",1,1,0\n"
       "2,a,b,\"x\",0,0,0\n"
       "3,a,b,\"two\nlines, and \"\"quotes\"\"\",yes,0,2\n"
       "4,a,a,\"x\",1,0,0\n"
       "5,a,b,\"x\",0,0,1\n"
       "6,a,b,\"x\",1,0,1\n",
       &d);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "h.csv:2:13: error: field 'winner_model_b': a second winner: winner_model_a is 1 "
                "too (exactly one of winner_model_a, winner_model_b, winner_tie is 1)",
                "h.csv:3:11: error: field 'winner_model_a': no winner: winner_model_a, "
                "winner_model_b and winner_tie are all 0 (exactly one is 1)",
                "h.csv:5:24: error: field 'winner_model_a': \"yes\" is not 0 or 1",
                "h.csv:5:30: error: field 'winner_tie': \"2\" is not 0 or 1",
                "h.csv:6:5: error: field 'model_b': model \"a\" plays itself",
                "h.csv:8:15: error: field 'winner_tie': a second winner: winner_model_a is 1 too "
                "(exactly one of winner_model_a, winner_model_b, winner_tie is 1)"}));
}

TEST(BattlesOneHotTest, TheWinnerColumnWinsOverOneHotColumns) {
  Diagnostics d;
  const BattleData data =
      Read("b.csv",
           "model_a,model_b,winner,winner_model_a,winner_model_b,winner_tie\na,b,tie,1,0,0\n", &d);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"a b 2 1"}));
}

TEST(BattlesOneHotTest, HeaderProblems) {
  Diagnostics d;
  // Two of the three one-hot columns: which one is missing is said.
  Read("p.csv", "model_a,model_b,winner_model_a,winner_tie\na,b,1,0\n", &d);
  // Winner labels do not apply to one-hot winners, nor to pair counts.
  const BattleReadOptions labels = WithLayout("", "A=model_a,B=model_b");
  Read("o.csv", "model_a,model_b,winner_model_a,winner_model_b,winner_tie\na,b,1,0,0\n", &d,
       labels);
  Read("c.csv", "model_a,model_b,wins_a,wins_b,ties\na,b,1,0,0\n", &d, labels);
  // A renamed winner column is required: one-hot columns do not stand in.
  Read("r.csv", "model_a,model_b,winner_model_a,winner_model_b,winner_tie\na,b,1,0,0\n", &d,
       WithLayout("winner=verdict", ""));
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "p.csv:1:1: error: field 'winner': missing required column (or one-hot "
                "winner_model_a, winner_model_b, winner_tie; missing winner_model_b)",
                "o.csv:1:1: error: field 'winner_labels': winner labels do not apply: this file "
                "gives the winner as one-hot columns winner_model_a, winner_model_b, winner_tie",
                "c.csv:1:1: error: field 'winner_labels': winner labels do not apply to pair "
                "counts (wins_a, wins_b, ties)",
                "r.csv:1:1: error: field 'verdict': missing required column (named by columns "
                "winner=verdict)"}));
}

TEST(BattlesLayoutTest, PairCountsFollowTheModelColumns) {
  Diagnostics d;
  const BattleData data = Read("c.csv", "left,right,wins_a,wins_b,ties\nx,y,2,1,0\n", &d,
                               WithLayout("model_a=left,model_b=right", ""));
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"x y 0 2", "x y 1 1"}));
}

}  // namespace
}  // namespace podium
