#include "engine/reporting/leaderboard_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::MakeClaim;

struct Fixture {
  Registry registry = testing::SmallRegistry();
  std::vector<Claim> claims = {MakeClaim("c1", "m1", "b1", 60), MakeClaim("c2", "m2", "b1", 70),
                               MakeClaim("c3", "m2", "b2", 20)};
  Leaderboard board;
  ReportContext context;
  Fixture() {
    claims[0].value_text = "60.0";
    claims[1].value_text = "70.0";
    claims[2].value_text = "20.0";
    claims[0].model_as_written = "모델1";
    Diagnostics d;
    board = BuildLeaderboard(claims, registry, {}, &d);
    EXPECT_FALSE(d.has_errors());
    context = {&registry, &claims, "Test board", {"claims.csv"}, "reg"};
  }
};

TEST(LeaderboardReportTest, MarkdownFootnotesEveryCellWithItsClaim) {
  Fixture f;
  const std::string md = LeaderboardMarkdown(f.board, f.context);
  EXPECT_NE(md.find("# Test board\n"), std::string::npos);
  EXPECT_NE(md.find("| Rank | Model | Score | Coverage | Bench One | Bench Two |"),
            std::string::npos);
  EXPECT_NE(md.find("| 1 | Model One | 60.00 | 1/2 | 60.0[^c1] | — |"), std::string::npos);
  EXPECT_NE(md.find("| 2 | Model Two | 45.00 | 2/2 | 70.0[^c2] | 20.0[^c3] |"), std::string::npos);
  EXPECT_NE(md.find("[^c1]: claim c1: s1 line 1 (table): \"모델1\" on \"b1\" = 60.0"),
            std::string::npos);
  EXPECT_NE(md.find("missing cells are skipped, never counted as zero"), std::string::npos);
}

TEST(LeaderboardReportTest, JsonCarriesSchemaOptionsRowsAndClaimIds) {
  Fixture f;
  const auto doc = nlohmann::json::parse(LeaderboardJson(f.board, f.context));
  EXPECT_EQ(doc["schema"], "podium.leaderboard/1");
  EXPECT_EQ(doc["options"]["normalize"], "raw");
  EXPECT_EQ(doc["options"]["aggregate"], "mean");
  EXPECT_EQ(doc["options"]["benchmarks"], nlohmann::json({"b1", "b2"}));
  ASSERT_EQ(doc["rows"].size(), 2u);
  const auto& row = doc["rows"][1];
  EXPECT_EQ(row["rank"], 2);
  EXPECT_EQ(row["model"], "m2");
  EXPECT_EQ(row["score"], 45.0);
  EXPECT_EQ(row["coverage"], 1.0);
  EXPECT_EQ(row["benchmarks"]["b2"]["value"], 20.0);
  EXPECT_EQ(row["benchmarks"]["b2"]["claims"], nlohmann::json({"c3"}));
  EXPECT_TRUE(doc["rows"][0]["benchmarks"]["b2"].is_null());
  EXPECT_EQ(row["claims"], nlohmann::json({"c2", "c3"}));
}

TEST(LeaderboardReportTest, CsvHasOneRowPerModelAndEmptyMissingCells) {
  Fixture f;
  EXPECT_EQ(LeaderboardCsv(f.board, f.context),
            "rank,model,name,score,cells,coverage,b1,b2\n"
            "1,m1,Model One,60.0,1,0.5,60.0,\n"
            "2,m2,Model Two,45.0,2,1.0,70.0,20.0\n");
}

TEST(LeaderboardReportTest, OutputIsDeterministic) {
  Fixture f, g;
  EXPECT_EQ(LeaderboardJson(f.board, f.context), LeaderboardJson(g.board, g.context));
  EXPECT_EQ(LeaderboardMarkdown(f.board, f.context), LeaderboardMarkdown(g.board, g.context));
}

}  // namespace
}  // namespace podium
