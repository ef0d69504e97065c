#include "engine/check/report_check.h"

#include <gtest/gtest.h>

#include <cmath>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// A small leaderboard report: rows a and b, a with an interval; read from
// `folder` (the input paths), with the manifest's SHA-256 of the claims.
Json Board(double score_a, bool with_interval = true, const std::string& folder = "data",
           const std::string& sha256 = "aaaa") {
  Json a = {{"rank", 1}, {"model", "a"}, {"score", score_a}};
  if (with_interval) {
    a["ci_low"] = 60.0;
    a["ci_high"] = 64.0;
  }
  return {
      {"schema", "podium.leaderboard/1"},
      {"inputs", {{"claims", {folder + "/claims.csv"}}, {"registry", folder + "/registry"}}},
      {"rows", {a, {{"rank", 2}, {"model", "b"}, {"score", 50.0}}}},
      {"manifest",
       {{"seconds", 0.25},
        {"inputs", {{{"path", folder + "/claims.csv"}, {"kind", "claims"}, {"sha256", sha256}}}}}}};
}

ReportComparison Compare(const Json& before, const Json& after, CheckOptions options = {}) {
  ReportComparison out;
  std::string error;
  EXPECT_TRUE(CompareReports(before, after, options, &out, &error)) << error;
  return out;
}

CheckOptions Tolerance(double abs_tol, double rel_tol) {
  CheckOptions o;
  o.abs_tol = abs_tol;
  o.rel_tol = rel_tol;
  return o;
}

TEST(ReportCheckTest, IdenticalReportsPassAndTheManifestIsIgnored) {
  Json other = Board(62);
  other["manifest"]["seconds"] = 9.5;
  const ReportComparison c = Compare(Board(62), other);
  EXPECT_TRUE(c.changes.empty());
  EXPECT_EQ(c.failures, 0);
  EXPECT_EQ(c.schema, "podium.leaderboard/1");
}

// The same bytes read from another folder (a CI checkout elsewhere) is no
// change; the inputs are compared by SHA-256 instead of by path.
TEST(ReportCheckTest, InputsAreComparedByDigestNotByPath) {
  const ReportComparison moved = Compare(Board(62), Board(62, true, "/home/runner/work/x/data"));
  EXPECT_TRUE(moved.changes.empty()) << moved.changes[0].path;
  EXPECT_EQ(moved.failures, 0);
  EXPECT_TRUE(moved.inputs.known);
  EXPECT_EQ(moved.inputs.same, 1);
  EXPECT_EQ(moved.inputs.relocated, 1);
  EXPECT_TRUE(moved.inputs.changes.empty());

  const ReportComparison edited = Compare(Board(62), Board(62, true, "data", "bbbb"));
  EXPECT_TRUE(edited.changes.empty());  // no number moved: nothing fails
  ASSERT_EQ(edited.inputs.changes.size(), 1u);
  EXPECT_EQ(edited.inputs.changes[0].status, "changed");
  EXPECT_EQ(edited.inputs.changes[0].baseline_sha256, "aaaa");
  EXPECT_EQ(edited.inputs.changes[0].current_sha256, "bbbb");
}

TEST(ReportCheckTest, AMovedScoreIsBetterOrWorse) {
  const ReportComparison up = Compare(Board(62), Board(62.5));
  ASSERT_EQ(up.changes.size(), 1u);
  EXPECT_EQ(up.changes[0].path, "rows[a].score");
  EXPECT_EQ(up.changes[0].kind, "changed");
  EXPECT_EQ(up.changes[0].direction, Direction::kBetter);
  EXPECT_DOUBLE_EQ(up.changes[0].delta, 0.5);
  EXPECT_EQ(up.changes[0].interval, "within");  // half-width 2
  EXPECT_EQ(up.better, 1);
  EXPECT_EQ(up.worse, 0);
  EXPECT_EQ(up.failures, 1);  // a baseline out of date fails too

  const ReportComparison down = Compare(Board(62), Board(61));
  EXPECT_EQ(down.changes[0].direction, Direction::kWorse);
  EXPECT_EQ(down.worse, 1);
  EXPECT_EQ(down.failures, 1);
}

TEST(ReportCheckTest, RanksAreLowerIsBetterAndIntervalEndpointsJustChange) {
  Json after = Board(62);
  after["rows"][1]["rank"] = 1;       // b moves up: better
  after["rows"][0]["ci_low"] = 59.0;  // an interval endpoint: changed
  after["rows"][0]["rank"] = 2;       // a moves down: worse
  const ReportComparison c = Compare(Board(62), after);
  ASSERT_EQ(c.changes.size(), 3u);
  EXPECT_EQ(c.changes[0].path, "rows[a].rank");
  EXPECT_EQ(c.changes[0].direction, Direction::kWorse);
  EXPECT_EQ(c.changes[1].path, "rows[a].ci_low");
  EXPECT_EQ(c.changes[1].direction, Direction::kChanged);
  EXPECT_EQ(c.changes[2].path, "rows[b].rank");
  EXPECT_EQ(c.changes[2].direction, Direction::kBetter);
  EXPECT_EQ(c.worse, 1);
  EXPECT_EQ(c.better, 1);
  EXPECT_EQ(c.changed, 1);
  EXPECT_EQ(c.failures, 3);
}

TEST(ReportCheckTest, ALowerIsBetterBenchmarkValueGoingUpIsWorse) {
  auto board = [](double wer) {
    return Json{
        {"schema", "podium.leaderboard/1"},
        {"options", {{"normalize", "raw"}}},
        {"benchmarks", {{{"id", "wer"}, {"higher_is_better", false}}}},
        {"rows", {{{"model", "a"}, {"benchmarks", {{"wer", {{"value", wer}, {"raw", wer}}}}}}}}};
  };
  const ReportComparison c = Compare(board(5.0), board(6.0));
  ASSERT_EQ(c.changes.size(), 2u);
  EXPECT_EQ(c.changes[0].path, "rows[a].benchmarks.wer.value");
  EXPECT_EQ(c.changes[0].direction, Direction::kWorse);
  EXPECT_EQ(c.changes[1].direction, Direction::kWorse);
}

TEST(ReportCheckTest, ToleranceAndAllowancesDecideWhatFails) {
  EXPECT_EQ(Compare(Board(62), Board(62.5), Tolerance(0.5, 0)).failures, 0);
  EXPECT_EQ(Compare(Board(62), Board(62.5), Tolerance(0, 0.01)).failures, 0);  // 0.62
  EXPECT_EQ(Compare(Board(62), Board(62.5), Tolerance(0, 0.001)).failures, 1);
  // Interval-aware: within the half-width is allowed on request; beyond is not.
  CheckOptions within;
  within.allow_within_interval = true;
  EXPECT_EQ(Compare(Board(62), Board(62.5), within).failures, 0);
  const ReportComparison beyond = Compare(Board(62), Board(65), within);
  EXPECT_EQ(beyond.changes[0].interval, "beyond");
  EXPECT_EQ(beyond.failures, 1);
  // Without intervals on both sides there is no interval verdict.
  EXPECT_EQ(Compare(Board(62, false), Board(62.5, false)).changes[0].interval, "");
  // --allow-better: an improvement is listed but passes; a loss still fails.
  CheckOptions better;
  better.allow_better = true;
  const ReportComparison up = Compare(Board(62), Board(65), better);
  ASSERT_EQ(up.changes.size(), 1u);
  EXPECT_FALSE(up.changes[0].fails);
  EXPECT_EQ(up.failures, 0);
  EXPECT_EQ(Compare(Board(62), Board(59), better).failures, 1);
}

TEST(ReportCheckTest, IgnoredFieldsAreLeftOut) {
  Json after = Board(62.5);
  after["rows"][1]["rank"] = 3;
  CheckOptions o;
  o.ignore = {"score", "rows[*].rank", "no_such_field"};
  const ReportComparison c = Compare(Board(62), after, o);
  EXPECT_TRUE(c.changes.empty()) << c.changes[0].path;
  EXPECT_EQ(c.ignore_used, (std::set<size_t>{0, 1}));  // "no_such_field" left out nothing
  o.ignore = {"rows[b]"};
  const ReportComparison only_a = Compare(Board(62), after, o);
  ASSERT_EQ(only_a.changes.size(), 1u);
  EXPECT_EQ(only_a.changes[0].path, "rows[a].score");
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
  EXPECT_EQ(c.changes[0].direction, Direction::kChanged);
  EXPECT_EQ(c.changes[0].path, "rows[c]");
  EXPECT_FALSE(c.changes[0].baseline.has_value());
  EXPECT_EQ(c.changes[0].current, Json({{"rank", 3}, {"model", "c"}, {"score", 1.0}}));
  EXPECT_EQ(c.failures, 1);
  const ReportComparison gone = Compare(added, Board(62));
  ASSERT_EQ(gone.changes.size(), 1u);
  EXPECT_EQ(gone.changes[0].kind, "removed");
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
