#include "engine/reporting/check_report.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "tests/testing.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// A leaderboard report with `rows` models m0, m1, ... scoring `score`, read
// from claims whose SHA-256 is `sha256`; claim c1 printed as `value_text`.
std::string Board(int rows, double score, const std::string& sha256,
                  const std::string& value_text = "65.0") {
  Json doc = {{"schema", "podium.leaderboard/1"}, {"rows", Json::array()}};
  for (int k = 0; k < rows; ++k) {
    doc["rows"].push_back({{"model", "m" + std::to_string(k)}, {"score", score}});
  }
  doc["claims"] = {{"c1", {{"value_text", value_text}}}};
  doc["manifest"] = {
      {"inputs", {{{"path", "datasets/claims/x.csv"}, {"kind", "claims"}, {"sha256", sha256}}}}};
  return doc.dump(2);
}

// The check of before/board.json against after/board.json, and a report
// only in after/.
CheckResult Check(const std::string& before, const std::string& after) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir + "/before", "board.json", before);
  testing::WriteFile(dir + "/after", "board.json", after);
  testing::WriteFile(dir + "/after", "new.json", Board(1, 1, "aaaa"));
  Diagnostics diagnostics;
  std::optional<CheckResult> result =
      CheckReportPaths(dir + "/before", dir + "/after", {}, &diagnostics);
  EXPECT_TRUE(result.has_value());
  return std::move(*result);
}

TEST(CheckReportTest, MarkdownGroupsDifferencesUnderTheInputThatMovedThem) {
  const CheckResult result =
      Check(Board(1, 62, "aaaaaaaaaaaaaaaa"), Board(1, 60.5, "bbbbbbbbbbbbbbbb", "66.0"));
  const std::string md = CheckMarkdown(result, "the JSON");
  EXPECT_NE(
      md.find(": 1 report compared, 2 differ. **3 differences: 1 worse, 0 better, 2 changed** "
              "(abs tol 0, rel tol 0).\n"),
      std::string::npos)
      << md;
  EXPECT_NE(md.find("\n## `datasets/claims/x.csv` changed (SHA-256 aaaaaaaaaaaa… → "
                    "bbbbbbbbbbbb…)\n\nClaims whose entry changed: c1 (\"65.0\" → \"66.0\").\n\n"
                    "Moved 1 report: board.json (2 differences).\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| rows[m0].score | worse | 62.0 | 60.5 | -1.5 | — | yes |\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("- `new.json`: added (only in the current folder)\n"), std::string::npos);
  EXPECT_NE(md.find("**Fails** (exit 1): 3 differences fail the check."), std::string::npos);
}

TEST(CheckReportTest, ALongTableSaysWhereTheRestIs) {
  const CheckResult result =
      Check(Board(kChangesShown + 2, 1, "aaaa"), Board(kChangesShown + 2, 2, "aaaa"));
  const std::string table = ChangesTable(result.compared[0]->comparison, "the JSON file");
  EXPECT_NE(table.find("\n… and 2 more (all in the JSON file).\n"), std::string::npos);
  EXPECT_NE(CheckMarkdown(result, "X").find("Same inputs (same SHA-256), other numbers"),
            std::string::npos);
}

TEST(CheckReportTest, JsonKeepsValuesAsTheReportsHaveThem) {
  const Json doc = Json::parse(CheckJson(Check(Board(1, 62, "aaaa"), Board(1, 63, "bbbb", "7"))));
  EXPECT_EQ(doc["schema"], "podium.check/2");
  EXPECT_EQ(doc["summary"]["failures"], 3);
  const Json& board = doc["reports"][0];
  EXPECT_EQ(board["changes"][0]["path"], "rows[m0].score");
  EXPECT_EQ(board["changes"][0]["baseline"], 62.0);  // a number, not text
  EXPECT_EQ(board["changes"][0]["direction"], "better");
  EXPECT_EQ(doc["causes"][0]["claims"][0]["current"], "7");
  const Json& added = doc["reports"][1];
  EXPECT_EQ(added["status"], "added");
  EXPECT_TRUE(added["schema"].is_null());
  EXPECT_EQ(added["changed"], 1);
  EXPECT_EQ(added["failures"], 1);
}

}  // namespace
}  // namespace podium
