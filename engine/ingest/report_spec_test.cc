#include "engine/ingest/report_spec.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

std::vector<ReportSpec> Read(const std::string& json, Diagnostics* diagnostics) {
  const std::string path = testing::WriteFile(testing::TempDir(), "reports.json", json);
  return ReadReportSpecs(path, "datasets/reports.json", diagnostics);
}

TEST(ReportSpecTest, DefaultsAndStatements) {
  Diagnostics diagnostics;
  const std::vector<ReportSpec> specs = Read(R"({"reports": [
    {"name": "small", "args": ["--models", "a,b"]},
    {"name": "pair", "command": "h2h", "title": "A vs B", "description": "d",
     "args": ["a", "b"], "formats": ["json"],
     "statements": [{"pair": ["a", "b"], "says": "similar", "benchmarks": ["mmlu"],
                     "source": "000", "line": 3, "quote": "q"}]}]})",
                                             &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << testing::Formatted(diagnostics)[0];
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].name, "small");
  EXPECT_EQ(specs[0].command, "leaderboard");
  EXPECT_EQ(specs[0].title, "small");
  EXPECT_EQ(specs[0].description, "");
  EXPECT_EQ(specs[0].args, (std::vector<std::string>{"--models", "a,b"}));
  EXPECT_EQ(specs[0].formats, (std::vector<std::string>{"md", "json"}));
  EXPECT_FALSE(specs[0].has_statements);
  EXPECT_EQ(specs[1].command, "h2h");
  EXPECT_EQ(specs[1].title, "A vs B");
  EXPECT_EQ(specs[1].formats, std::vector<std::string>{"json"});
  EXPECT_TRUE(specs[1].has_statements);
}

TEST(ReportSpecTest, ABadEntryIsNamedAndLeftOut) {
  Diagnostics diagnostics;
  const std::vector<ReportSpec> specs = Read(R"({"reports": [
    {"name": "x", "command": "train", "args": []},
    {"name": "y", "args": [], "formats": []},
    {"name": "z", "command": "h2h", "args": [], "statements": [{"pair": ["a"]}]},
    {"args": []},
    {"name": "ok", "args": []}]})",
                                             &diagnostics);
  ASSERT_EQ(specs.size(), 1u);
  EXPECT_EQ(specs[0].name, "ok");
  const std::vector<std::string> errors = testing::Formatted(diagnostics);
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0],
            "datasets/reports.json: error: field 'reports': report \"x\": command must be "
            "leaderboard, arena, netwin or h2h");
  EXPECT_EQ(errors[1],
            "datasets/reports.json: error: field 'reports': report \"y\": \"formats\" lists no "
            "format");
  EXPECT_EQ(errors[2],
            "datasets/reports.json: error: field 'reports': report \"z\": a statement's \"pair\" "
            "has two models");
  EXPECT_NE(errors[3].find("report \"\": [json.exception.out_of_range.403] key 'name' not found"),
            std::string::npos)
      << errors[3];
}

TEST(ReportSpecTest, NoReportsArrayIsAnError) {
  Diagnostics diagnostics;
  EXPECT_TRUE(Read(R"({"report": []})", &diagnostics).empty());
  EXPECT_EQ(
      testing::Formatted(diagnostics),
      std::vector<std::string>{
          "datasets/reports.json:1:1: error: field 'reports': expected an array \"reports\""});
}

}  // namespace
}  // namespace podium
