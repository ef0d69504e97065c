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

// The vote cleaning steps and features (battles.h, vote_cleaning.h).
//
// engine/ingest/testdata/arena_cleaning.{csv,tsv,json,jsonl} hold the same
// eight battles (the JSON as the Arena's clean_battle files: dedup_tag,
// category_tag, conv_metadata; the CSV and TSV with a dedup_tag written both
// as a Python dict and as a boolean). In tstamp order (seconds after
// 1699920000.25, all on UTC day 19675):
//   #8 +5  x-y model_b u3 ................ category other (not math)
//   #1 +10 x-y model_a u1  tokens 100/200, headers 3/0
//   #2 +20 y-x model_b u1  tokens 120/80,  headers 1/1
//   #3 +30 x-z tie     u1 ................ category other
//   #4 +40 x-y model_a u2 ................ not anonymous
//   #5 +50 y-z model_a u2 ................ dedup_tag not sampled
//   #6 +60 x-z model_b u2 ................ language Chinese
//   #7 +70 z-y model_b u3  tokens 300/50,  headers 0/4
const char* const kCleaningFiles[] = {"arena_cleaning.csv", "arena_cleaning.tsv",
                                      "arena_cleaning.json", "arena_cleaning.jsonl"};

BattleData ReadTestdata(const std::string& name, const BattleReadOptions& options, Diagnostics* d) {
  return ReadBattles(testing::Runfile("engine/ingest/testdata/" + name), name, options, d);
}

// Every step, with the category as each form writes it: a plain column in
// CSV, a nested tag in JSON.
BattleReadOptions AllSteps(const std::string& file) {
  BattleReadOptions o;
  o.anony_only = true;
  o.dedup = true;
  o.language = "English";
  const bool json = file.find(".json") != std::string::npos;
  o.category = json ? "math_v0.1.math" : "math";
  o.max_votes_per_judge_per_day = 1;
  o.features = {"sum_assistant_tokens", "header_count"};
  return o;
}

std::vector<std::string> StepsOf(const BattleData& data) {
  std::vector<std::string> out;
  for (const CleaningStep& s : data.cleaning) {
    out.push_back(s.field + " " + s.name + " " + std::to_string(s.dropped));
  }
  return out;
}

TEST(BattlesCleaningTest, EachStepDropsAndCountsTheSameBattlesInEveryForm) {
  for (const char* file : kCleaningFiles) {
    SCOPED_TRACE(file);
    Diagnostics d;
    const BattleData data = ReadTestdata(file, AllSteps(file), &d);
    ASSERT_TRUE(d.empty()) << Formatted(d)[0];
    // Unspelt option names (no front end): the fields themselves.
    EXPECT_EQ(StepsOf(data), (std::vector<std::string>{
                                 "anony_only anony_only 1", "dedup dedup 1", "language language 1",
                                 "category category 2",  // #3 and #8
                                 "max_votes_per_judge_per_day max_votes_per_judge_per_day 1"}));
    EXPECT_EQ(data.dropped_category, 2);
    // Left: #1 x beat y; #2 (u1's second vote that day) dropped; #7 y beat z.
    EXPECT_EQ(data.battles, 2);
    EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"x y 0 1", "y z 0 1"}));
    ASSERT_EQ(data.sequence.size(), 2u);
    EXPECT_EQ(data.sequence[0].a, 0);  // x
    EXPECT_EQ(data.sequence[0].outcome, Outcome::kWinA);
    EXPECT_EQ(data.sequence[1].a, 2);  // z
    EXPECT_EQ(data.sequence[1].outcome, Outcome::kWinB);
    EXPECT_DOUBLE_EQ(data.sequence[1].tstamp, 1699920070.25);
    EXPECT_EQ(data.feature_names,
              (std::vector<std::string>{"sum_assistant_tokens", "header_count"}));
    EXPECT_EQ(data.features, (std::vector<double>{100, 200, 3, 0, 300, 50, 0, 4}));
  }
}

TEST(BattlesCleaningTest, FeaturesFollowTheSequenceIntoTstampOrder) {
  for (const char* file : kCleaningFiles) {
    SCOPED_TRACE(file);
    Diagnostics d;
    BattleReadOptions o;
    o.features = {"sum_assistant_tokens"};
    const BattleData data = ReadTestdata(file, o, &d);
    ASSERT_FALSE(d.has_errors()) << Formatted(d)[0];  // warnings: columns not asked for
    EXPECT_TRUE(data.cleaning.empty());
    ASSERT_EQ(data.sequence.size(), 8u);  // features imply the sequence
    // #8 (+5) first, then #1..#7.
    EXPECT_EQ(data.features, (std::vector<double>{14, 24, 100, 200, 120, 80, 10, 20, 11, 21, 12, 22,
                                                  13, 23, 300, 50}));
  }
}

TEST(BattlesCleaningTest, WithoutTheDailyLimitAJudgeKeepsEveryVote) {
  for (const char* file : kCleaningFiles) {
    SCOPED_TRACE(file);
    Diagnostics d;
    BattleReadOptions o = AllSteps(file);
    o.max_votes_per_judge_per_day = 0;
    o.drop_outlier_judges = true;  // no judge has 5 battles: none is tested
    o.features = {"header_count"};
    const BattleData data = ReadTestdata(file, o, &d);
    ASSERT_FALSE(d.has_errors()) << Formatted(d)[0];  // warnings: columns not asked for
    EXPECT_EQ(StepsOf(data).back(), "drop_outlier_judges drop_outlier_judges 0");
    EXPECT_EQ(data.battles, 3);
    EXPECT_EQ(data.features, (std::vector<double>{3, 0, 1, 1, 0, 4}));
  }
}

TEST(BattlesCleaningTest, JsonFeaturesSumConvMetadataObjects) {
  Diagnostics d;
  BattleReadOptions o;
  o.features = {"list_count", "bold_count", "context_tokens"};
  const BattleData data = ReadTestdata("arena_cleaning.json", o, &d);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  ASSERT_EQ(data.features.size(), 8u * 6);
  // #8 (index 7 in the file) is first: list_count_a {ordered 0, unordered 7},
  // list_count_b {1, 0}; bold_count_a {"**": 7, "__": 0}, bold_count_b {0, 1};
  // context_a_tokens, context_b_tokens 9.
  EXPECT_EQ(std::vector<double>(data.features.begin(), data.features.begin() + 6),
            (std::vector<double>{7, 1, 7, 1, 9, 9}));
}

TEST(BattlesCleaningTest, OutlierJudgesAreDroppedWhileReading) {
  // 90 crowd votes for strong, 10 for weak, then judge "bad" votes five times
  // for weak: dropped at its third vote (vote_cleaning_test.cc works it out).
  std::string csv = "model_a,model_b,winner,judge\n";
  for (int k = 0; k < 100; ++k) {
    csv += "strong,weak," + std::string(k < 90 ? "model_a" : "model_b") + ",c" + std::to_string(k) +
           "\n";
  }
  for (int k = 0; k < 5; ++k) csv += "weak,strong,model_a,bad\n";
  Diagnostics d;
  BattleReadOptions o;
  o.drop_outlier_judges = true;
  const BattleData data = Read("o.csv", csv, &d, o);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(StepsOf(data), (std::vector<std::string>{"drop_outlier_judges drop_outlier_judges 5"}));
  EXPECT_EQ(data.battles, 100);
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"strong weak 0 90", "strong weak 1 10"}));
}

TEST(BattlesCleaningTest, NestedCategoryKeysMayHoldDots) {
  Diagnostics d;
  BattleReadOptions o;
  o.category = "criteria_v0.1.math";
  // The longest key that fits wins: "criteria_v0.1", not "criteria_v0".
  const BattleData data = Read("c.jsonl",
                               "{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"model_a\", "
                               "\"category_tag\": {\"criteria_v0\": {\"1\": {\"math\": false}}, "
                               "\"criteria_v0.1\": {\"math\": true}}}\n"
                               "{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"model_b\", "
                               "\"category_tag\": {\"criteria_v0.1.math\": false}}\n"
                               "{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"tie\", "
                               "\"category\": \"criteria_v0.1.math\"}\n",
                               &d, o);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  // Kept: the first (a nested true) and the third (a plain category).
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"a b 0 1", "a b 2 1"}));
  EXPECT_EQ(data.dropped_category, 1);
}

TEST(BattlesCleaningTest, ColumnsTheStepsNeedAreErrorsAtTheHeader) {
  Diagnostics d;
  BattleReadOptions o;
  o.anony_only = o.dedup = o.drop_outlier_judges = true;
  o.language = "English";
  o.category = "coding";
  o.max_votes_per_judge_per_day = 3;
  o.features = {"len"};
  Read("b.csv", "model_a,model_b,winner\na,b,model_a\n", &d, o);
  Read("p.csv", "model_a,model_b,wins_a,wins_b,ties\na,b,1,0,0\n", &d, o);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "b.csv:1:1: error: field 'anony': missing column (needed by anony_only)",
                "b.csv:1:1: error: field 'dedup_tag': missing column (needed by dedup)",
                "b.csv:1:1: error: field 'language': missing column (needed by language)",
                "b.csv:1:1: error: field 'category': missing column (needed by category)",
                "b.csv:1:1: error: field 'judge': missing column (needed by "
                "max_votes_per_judge_per_day)",
                "b.csv:1:1: error: field 'tstamp': missing column (needed by "
                "max_votes_per_judge_per_day)",
                "b.csv:1:1: error: field 'len_a': missing column (feature len)",
                "b.csv:1:1: error: field 'len_b': missing column (feature len)",
                "p.csv:1:1: error: field 'anony_only': does not apply to pair counts (wins_a, "
                "wins_b, ties): they hold no battles to clean one by one",
                "p.csv:1:1: error: field 'dedup': does not apply to pair counts (wins_a, "
                "wins_b, ties): they hold no battles to clean one by one",
                "p.csv:1:1: error: field 'language': does not apply to pair counts (wins_a, "
                "wins_b, ties): they hold no battles to clean one by one",
                "p.csv:1:1: error: field 'category': does not apply to pair counts (wins_a, "
                "wins_b, ties) without a category column",
                "p.csv:1:1: error: field 'max_votes_per_judge_per_day': does not apply to pair "
                "counts (wins_a, wins_b, ties): they hold no battles to clean one by one",
                "p.csv:1:1: error: field 'drop_outlier_judges': does not apply to pair counts "
                "(wins_a, wins_b, ties): they hold no battles to clean one by one",
                "p.csv:1:1: error: field 'features': pair counts (wins_a, wins_b, ties) hold no "
                "per-battle features"}));
}

TEST(BattlesCleaningTest, PairCountsDropTheirTiesUnderExcludeTies) {
  Diagnostics d;
  BattleReadOptions o;
  o.exclude_ties = true;
  const BattleData data = Read("p.csv", "model_a,model_b,wins_a,wins_b,ties\nx,y,2,1,4\n", &d, o);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(data.battles, 3);
  EXPECT_EQ(data.dropped_ties, 4);
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"x y 0 2", "x y 1 1"}));
}

// Pair counts with a category column: rows of one pair add up over
// categories; --category keeps one category and counts the battles of the
// rows it drops, before the ties are dropped.
const char kCategoryCounts[] =
    "model_a,model_b,wins_a,wins_b,ties,category\n"
    "x,y,2,1,4,coding\n"
    "y,x,1,0,0,math\n"
    "x,z,0,3,1,math\n"
    "x,y,1,1,1,coding\n";

TEST(BattlesCleaningTest, PairCountsOfAllCategoriesAddUp) {
  Diagnostics d;
  const BattleData data = Read("p.csv", kCategoryCounts, &d);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(data.battles, 15);
  EXPECT_EQ(data.models, (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(CellsOf(data),
            (std::vector<std::string>{"x y 0 3", "x y 1 3", "x y 2 5", "x z 1 3", "x z 2 1"}));
}

TEST(BattlesCleaningTest, PairCountsKeepTheirCategory) {
  Diagnostics d;
  BattleReadOptions o;
  o.category = "math";
  o.exclude_ties = true;
  const BattleData data = Read("p.csv", kCategoryCounts, &d, o);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(data.battles, 4);
  EXPECT_EQ(data.dropped_category, 10);  // both coding rows, ties included
  EXPECT_EQ(data.dropped_ties, 1);
  EXPECT_EQ(CellsOf(data), (std::vector<std::string>{"x y 1 1", "x z 1 3"}));
  ASSERT_EQ(data.cleaning.size(), 2u);
  EXPECT_EQ(data.cleaning[0].field, "category");
  EXPECT_EQ(data.cleaning[0].dropped, 10);
  // Models of dropped rows only are not models of the board.
  o.category = "coding";
  o.exclude_ties = false;
  const BattleData coding = Read("p.csv", kCategoryCounts, &d, o);
  EXPECT_EQ(coding.models, (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(coding.battles, 10);
}

TEST(BattlesCleaningTest, PairCountsGroupByTheirCategory) {
  Diagnostics d;
  BattleReadOptions o;
  o.group_by = "category";
  const BattleData data = Read("p.csv", kCategoryCounts, &d, o);
  ASSERT_TRUE(d.empty()) << Formatted(d)[0];
  EXPECT_EQ(data.group_names, (std::vector<std::string>{"coding", "math"}));
  ASSERT_EQ(data.sequence.size(), 15u);
  EXPECT_EQ(data.sequence[0].group, 0);  // line 2, coding
  EXPECT_EQ(data.sequence[7].group, 1);  // line 3, math
  EXPECT_EQ(data.sequence[7].line, 3);
  Diagnostics empty;
  Read("e.csv", "model_a,model_b,wins_a,wins_b,ties,category\nx,y,1,0,0,\n", &empty, o);
  EXPECT_EQ(Formatted(empty),
            (std::vector<std::string>{
                "e.csv:2:11: error: field 'category': category is empty (needed by loo "
                "category)"}));
}

TEST(BattlesCleaningTest, BadCsvValuesAreErrorsAtTheirCell) {
  Diagnostics d;
  BattleReadOptions o;
  o.anony_only = o.dedup = true;
  o.max_votes_per_judge_per_day = 5;
  o.features = {"len"};
  Read("b.csv",
       "model_a,model_b,winner,anony,dedup_tag,judge,tstamp,len_a,len_b\n"
       "a,b,model_a,maybe,true,u,1,2,3\n"
       "a,b,model_a,true,{'sampled': 1},u,1,2,3\n"
       "a,b,model_a,true,true,,1,2,3\n"
       "a,b,model_a,true,true,u,soon,2,3\n"
       "a,b,model_a,true,true,u,1,,x\n"
       "a,b,model_a,false,junk,,,,\n",  // not anonymous: nothing else is read
       &d, o);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "b.csv:2:13: error: field 'anony': \"maybe\" is not true or false",
                "b.csv:3:18: error: field 'dedup_tag': \"{'sampled': 1}\" is not a dedup tag "
                "(true or false, or an object whose \"sampled\" is)",
                "b.csv:4:23: error: field 'judge': judge is empty (needed by "
                "max_votes_per_judge_per_day)",
                "b.csv:5:25: error: field 'tstamp': tstamp is not a number",
                "b.csv:6:27: error: field 'len_a': \"\" is not a number (feature len)",
                "b.csv:6:28: error: field 'len_b': \"x\" is not a number (feature len)"}));
}

TEST(BattlesCleaningTest, BadJsonFieldsAreErrorsAtTheirValue) {
  Diagnostics d;
  BattleReadOptions o;
  o.anony_only = true;
  o.category = "math_v0.1.math";
  o.features = {"sum_assistant_tokens"};
  const std::string battle = "{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"model_a\"";
  const std::string math = ", \"anony\": true, \"category_tag\": {\"math_v0.1\": {\"math\": true}}";
  Read("b.jsonl",
       battle + "}\n" +                          // no anony
           battle + ", \"anony\": \"yes\"}\n" +  // not a boolean
           battle + ", \"anony\": true, \"category_tag\": {\"math_v0.1\": {\"maths\": true}}}\n" +
           battle + ", \"anony\": true, \"category_tag\": {\"math_v0.1\": {\"math\": \"yes\"}}}\n" +
           battle + math + ", \"conv_metadata\": {\"sum_assistant_a_tokens\": 5}}\n" + battle +
           math +
           ", \"sum_assistant_tokens_a\": 1, \"conv_metadata\": {\"sum_assistant_b_tokens\": "
           "{\"x\": \"7\"}}}\n" +
           battle + ", \"anony\": false, \"category_tag\": 5}\n",  // dropped before category
       &d, o);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{
                "b.jsonl:1:1: error: field 'anony': no \"anony\" key (needed by anony_only)",
                "b.jsonl:2:64: error: field 'anony': \"yes\" is not true or false",
                "b.jsonl:3:100: error: field 'category': no tag \"math_v0.1.math\" in "
                "category_tag (category_tag.math_v0.1 has maths)",
                "b.jsonl:4:109: error: field 'category': category_tag.math_v0.1.math is \"yes\", "
                "not true or false",
                "b.jsonl:5:134: error: field 'sum_assistant_tokens_b': no "
                "\"sum_assistant_tokens_b\" key, nor \"sum_assistant_b_tokens\" in conv_metadata "
                "(feature sum_assistant_tokens)",
                "b.jsonl:6:196: error: field 'conv_metadata.sum_assistant_b_tokens': "
                "conv_metadata.sum_assistant_b_tokens.x is \"7\", not a number"}));
}

TEST(BattlesCleaningTest, AJsonRecordWithoutACategoryIsAnError) {
  Diagnostics d;
  BattleReadOptions o;
  o.category = "coding";
  Read("b.json", "[{\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"model_a\"}]", &d, o);
  EXPECT_EQ(Formatted(d),
            (std::vector<std::string>{"b.json:1:2: error: field 'category': no \"category\" or "
                                      "category_tag key (needed by category)"}));
}

TEST(BattlesCleaningTest, WhenCleaningLeavesNothingTheMessageSaysWhichSteps) {
  Diagnostics d;
  BattleReadOptions o;
  o.anony_only = true;
  o.exclude_ties = true;
  Read("b.csv", "model_a,model_b,winner,anony\na,b,model_a,false\na,b,tie,true\n", &d, o);
  EXPECT_EQ(Formatted(d), (std::vector<std::string>{
                              "b.csv: error: no battles to rate in this file: cleaning dropped "
                              "all 2 (anony_only 1, exclude_ties 1)"}));
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(BattlesGroupTest, GroupsAreNamedInOrderAndLinesKeptInEveryForm) {
  BattleReadOptions options;
  options.group_by = "judge";
  Diagnostics d;
  const BattleData csv = Read("g.csv",
                              "model_a,model_b,winner,judge\n"
                              "a,b,model_a,zed\n"
                              "\"a\",b,model_b,\"amy\"\n"
                              "b,a,tie,zed\n",
                              &d, options);
  ASSERT_FALSE(d.has_errors()) << Formatted(d)[0];
  EXPECT_EQ(csv.group_names, (std::vector<std::string>{"amy", "zed"}));
  ASSERT_EQ(csv.sequence.size(), 3u);
  EXPECT_EQ(csv.sequence[0].group, 1);
  EXPECT_EQ(csv.sequence[1].group, 0);
  EXPECT_EQ(csv.sequence[0].line, 2);
  EXPECT_EQ(csv.sequence[2].line, 4);

  // JSON: the record's line; a prompt without a `prompt` key is its question_id.
  options.group_by = "prompt";
  const BattleData json = Read("g.json",
                               "[\n"
                               "  {\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"model_a\",\n"
                               "   \"question_id\": \"q1\"},\n"
                               "  {\"model_a\": \"a\", \"model_b\": \"b\", \"winner\": \"tie\",\n"
                               "   \"question_id\": 7}\n"
                               "]\n",
                               &d, options);
  ASSERT_FALSE(d.has_errors()) << Formatted(d)[0];
  EXPECT_EQ(json.group_names, (std::vector<std::string>{"7", "q1"}));
  ASSERT_EQ(json.sequence.size(), 2u);
  EXPECT_EQ(json.sequence[0].line, 2);
  EXPECT_EQ(json.sequence[1].line, 4);
  EXPECT_EQ(json.sequence[0].group, 1);
}

TEST(BattlesGroupTest, MissingGroupsAreErrorsAtTheirPlace) {
  BattleReadOptions options;
  options.group_by = "category";
  Diagnostics header;
  Read("h.csv", "model_a,model_b,winner\na,b,model_a\n", &header, options);
  ASSERT_TRUE(header.has_errors());
  EXPECT_EQ(Formatted(header)[0],
            "h.csv:1:1: error: field 'category': missing column (needed by loo category)");
  Diagnostics empty;
  Read("e.csv", "model_a,model_b,winner,category\na,b,model_a,\n", &empty, options);
  ASSERT_TRUE(empty.has_errors());
  EXPECT_NE(Formatted(empty)[0].find("e.csv:2:"), std::string::npos);
  Diagnostics counts;
  Read("c.csv", "model_a,model_b,wins_a,wins_b,ties\na,b,1,2,0\n", &counts, options);
  ASSERT_TRUE(counts.has_errors());
  EXPECT_NE(Formatted(counts)[0].find("pair counts"), std::string::npos);
  // Pair counts keep their row's line for every battle of the row.
  Diagnostics ok;
  BattleReadOptions lines;
  lines.keep_sequence = true;
  const BattleData rows =
      Read("r.csv", "model_a,model_b,wins_a,wins_b,ties\na,b,1,2,0\na,c,0,1,1\n", &ok, lines);
  ASSERT_FALSE(ok.has_errors());
  ASSERT_EQ(rows.sequence.size(), 5u);
  EXPECT_EQ(rows.sequence[2].line, 2);
  EXPECT_EQ(rows.sequence[3].line, 3);
}

}  // namespace
}  // namespace podium
