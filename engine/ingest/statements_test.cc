#include "engine/ingest/statements.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

const char kReports[] = R"({"reports": [
  {"name": "other"},
  {"name": "h2h", "statements": [
    {"pair": ["a", "b"], "says": "a_better", "benchmarks": ["mmlu"], "source": "s1",
     "line": 12, "quote": "A beats B", "english": "A beats B"}]},
  {"name": "bad", "statements": [{"pair": ["a"], "says": "a_better"}]}
]})";

TEST(StatementsTest, ReadsTheNamedEntry) {
  const std::string path = testing::WriteFile(testing::TempDir(), "reports.json", kReports);
  Diagnostics d;
  const auto s = ReadStatements(path, "reports.json", "h2h", &d);
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->size(), 1u);
  EXPECT_EQ((*s)[0].first, "a");
  EXPECT_EQ((*s)[0].says, "a_better");
  EXPECT_EQ((*s)[0].line, 12);
  EXPECT_FALSE(d.has_errors());
  const auto none = ReadStatements(path, "reports.json", "other", &d);
  ASSERT_TRUE(none.has_value());  // an entry without statements
  EXPECT_TRUE(none->empty());
}

TEST(StatementsTest, AMissingEntryIsNulloptAndAMalformedOneAnError) {
  const std::string path = testing::WriteFile(testing::TempDir(), "reports.json", kReports);
  Diagnostics d;
  EXPECT_FALSE(ReadStatements(path, "reports.json", "nope", &d).has_value());
  EXPECT_FALSE(d.has_errors());  // the caller names the option that asked
  ReadStatements(path, "reports.json", "bad", &d);
  ASSERT_EQ(d.error_count(), 1);
  EXPECT_EQ(testing::Formatted(d)[0],
            "reports.json: error: field 'statements': report \"bad\": a statement's \"pair\" has "
            "two models");
}

TEST(StatementsTest, ParseStatementChecksSays) {
  const auto j = nlohmann::ordered_json::parse(
      R"({"pair": ["a", "b"], "says": "better", "benchmarks": [], "source": "s", "line": 1,
          "quote": "q"})");
  EXPECT_THROW(ParseStatement(j), std::exception);
}

}  // namespace
}  // namespace podium
