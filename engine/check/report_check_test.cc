#include "engine/check/report_check.h"

#include <gtest/gtest.h>

#include <cmath>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// A small leaderboard report: rows a and b, a with an interval.
Json Board(double score_a, bool with_interval = true) {
  Json a = {{"rank", 1}, {"model", "a"}, {"score", score_a}};
  if (with_interval) {
    a["ci_low"] = 60.0;
    a["ci_high"] = 64.0;
  }
  return {{"schema", "podium.leaderboard/1"},
          {"manifest", {{"seconds", 0.25}}},
          {"rows", {a, {{"rank", 2}, {"model", "b"}, {"score", 50.0}}}}};
}

ReportComparison Compare(const Json& before, const Json& after, CheckOptions options = {}) {
  ReportComparison out;
  std::string error;
  EXPECT_TRUE(CompareReports(before, after, options, &out, &error)) << error;
  return out;
}

TEST(ReportCheckTest, IdenticalReportsPassAndTheManifestIsIgnored) {
  Json other = Board(62);
  other["manifest"]["seconds"] = 9.5;
  const ReportComparison c = Compare(Board(62), other);
  EXPECT_TRUE(c.changes.empty());
  EXPECT_EQ(c.regressions, 0);
  EXPECT_EQ(c.schema, "podium.leaderboard/1");
}

TEST(ReportCheckTest, AMovedScoreIsARegressionUnlessWithinTolerance) {
  const ReportComparison c = Compare(Board(62), Board(62.5));
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].path, "rows[a].score");
  EXPECT_EQ(c.changes[0].kind, "changed");
  EXPECT_DOUBLE_EQ(c.changes[0].delta, 0.5);
  EXPECT_EQ(c.changes[0].interval, "within");  // half-width 2
  EXPECT_EQ(c.regressions, 1);
  EXPECT_EQ(Compare(Board(62), Board(62.5), {0.5, 0, false}).regressions, 0);
  EXPECT_EQ(Compare(Board(62), Board(62.5), {0, 0.01, false}).regressions, 0);  // 0.62
  EXPECT_EQ(Compare(Board(62), Board(62.5), {0, 0.001, false}).regressions, 1);
  // Interval-aware: within the half-width is allowed on request; beyond is not.
  EXPECT_EQ(Compare(Board(62), Board(62.5), {0, 0, true}).regressions, 0);
  const ReportComparison beyond = Compare(Board(62), Board(65), {0, 0, true});
  EXPECT_EQ(beyond.changes[0].interval, "beyond");
  EXPECT_EQ(beyond.regressions, 1);
  // Without intervals on both sides there is no interval verdict.
  EXPECT_EQ(Compare(Board(62, false), Board(62.5, false)).changes[0].interval, "");
}

TEST(ReportCheckTest, RowsAreMatchedByModelNotPosition) {
  Json swapped = Board(62);
  std::swap(swapped["rows"][0], swapped["rows"][1]);
  EXPECT_TRUE(Compare(Board(62), swapped).changes.empty());
  Json added = Board(62);
  added["rows"].push_back({{"rank", 3}, {"model", "c"}, {"score", 1.0}});
  const ReportComparison c = Compare(Board(62), added);
  ASSERT_EQ(c.changes.size(), 1u);  // one change for the whole row
  EXPECT_EQ(c.changes[0].kind, "added");
  EXPECT_EQ(c.changes[0].path, "rows[c]");
  EXPECT_EQ(c.changes[0].current, R"({"rank":3,"model":"c","score":1.0})");
  const ReportComparison gone = Compare(added, Board(62));
  ASSERT_EQ(gone.changes.size(), 1u);
  EXPECT_EQ(gone.changes[0].kind, "removed");
  Json renamed = Board(62);
  renamed["rows"][1]["rank"] = 1;  // a rank change is a change
  EXPECT_EQ(Compare(Board(62), renamed).changes[0].path, "rows[b].rank");
}

TEST(ReportCheckTest, DifferentSchemasAreNotCompared) {
  Json arena = Board(62);
  arena["schema"] = "podium.arena/1";
  ReportComparison out;
  std::string error;
  EXPECT_FALSE(CompareReports(Board(62), arena, {}, &out, &error));
  EXPECT_EQ(error, "schemas differ: baseline podium.leaderboard/1 vs current podium.arena/1");
  EXPECT_FALSE(CompareReports(Json::object(), Board(62), {}, &out, &error));
  EXPECT_EQ(error, "not a podium report (no \"schema\" field)");
}

}  // namespace
}  // namespace podium
