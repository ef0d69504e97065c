#include "engine/check/field_direction.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

BetterWay Way(const std::string& path, const Json& report) {
  return BetterWayOf(ParsePath(path), FlattenReport(report));
}

TEST(FieldDirectionTest, RowFields) {
  const Json none = Json::object();
  for (const char* higher :
       {"rows[m].score", "rows[m].rating", "computed[x vs y].nwr", "reported[c1].win_probability",
        "reported[c1].elo_gap", "comparisons[x vs y].rating_a", "comparisons[x vs y].difference",
        "comparisons[x vs y].benchmarks[mmlu].advantage"}) {
    EXPECT_EQ(Way(higher, none), BetterWay::kHigher) << higher;
  }
  for (const char* lower :
       {"rows[m].rank", "rows[m].rank_ub", "rows[m].rank_ci_low", "rows[m].rank_ci_high",
        "rows[m].rank_set_low", "rows[m].rank_set_high", "rows[m].tier"}) {
    EXPECT_EQ(Way(lower, none), BetterWay::kLower) << lower;
  }
  for (const char* neither :
       {"rows[m].ci_low", "rows[m].ci_high", "rows[m].ci_low_mcse", "rows[m].coverage",
        "rows[m].cells", "rows[m].wins", "comparisons[x vs y].benchmarks[mmlu].p_value",
        "comparisons[x vs y].benchmarks[mmlu].se", "comparisons[x vs y].summary.a_better",
        "options.anchor.rating", "score", "level"}) {
    EXPECT_EQ(Way(neither, none), BetterWay::kNeither) << neither;
  }
}

TEST(FieldDirectionTest, LeaderboardCellsFollowTheBenchmark) {
  Json report = {{"options", {{"normalize", "raw"}}},
                 {"benchmarks",
                  {{{"id", "mmlu"}, {"higher_is_better", true}},
                   {{"id", "wer"}, {"higher_is_better", false}}}}};
  EXPECT_EQ(Way("rows[m].benchmarks.mmlu.value", report), BetterWay::kHigher);
  EXPECT_EQ(Way("rows[m].benchmarks.wer.value", report), BetterWay::kLower);
  EXPECT_EQ(Way("rows[m].benchmarks.wer.raw", report), BetterWay::kLower);
  EXPECT_EQ(Way("rows[m].benchmarks.unknown.raw", report), BetterWay::kNeither);
  EXPECT_EQ(Way("rows[m].benchmarks.wer.claims[0]", report), BetterWay::kNeither);
  // Normalized values are higher-is-better; raw values keep their direction.
  report["options"]["normalize"] = "minmax";
  EXPECT_EQ(Way("rows[m].benchmarks.wer.value", report), BetterWay::kHigher);
  EXPECT_EQ(Way("rows[m].benchmarks.wer.raw", report), BetterWay::kLower);
}

TEST(FieldDirectionTest, HeadToHeadScoresFollowTheirEntry) {
  const Json report = {
      {"comparisons",
       {{{"a", "x"},
         {"b", "y"},
         {"benchmarks",
          {{{"benchmark", "mmlu"}, {"higher_is_better", true}, {"a", 1.0}, {"b", 2.0}},
           {{"benchmark", "wer"}, {"higher_is_better", false}, {"a", 1.0}, {"b", 2.0}}}}}}}};
  EXPECT_EQ(Way("comparisons[x vs y].benchmarks[mmlu].a", report), BetterWay::kHigher);
  EXPECT_EQ(Way("comparisons[x vs y].benchmarks[wer].b", report), BetterWay::kLower);
  EXPECT_EQ(Way("comparisons[x vs y].benchmarks[other].a", report), BetterWay::kNeither);
}

}  // namespace
}  // namespace podium
