#include "engine/ingest/claims.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;

const char kHeader[] =
    "claim_id,model,benchmark,value,unit,metric,setting,source,line,model_as_written,"
    "benchmark_as_written,kind,notes\n";

std::vector<Claim> Read(const std::string& text, Diagnostics* diagnostics,
                        std::vector<Claim> earlier = {}) {
  const std::string dir = testing::TempDir();
  const std::string path = testing::WriteFile(dir, "c.csv", text);
  ReadClaimsFile(path, "c.csv", testing::SmallRegistry(), &earlier, diagnostics);
  return earlier;
}

TEST(ClaimsTest, ReadsAndResolvesAliases) {
  Diagnostics diagnostics;
  auto claims = Read(
      std::string(kHeader) + "c1,모델1,벤치1,+35.0,%,acc,5-shot,s1,310,모델1,벤치1,table,note\n",
      &diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << Formatted(diagnostics)[0];
  ASSERT_EQ(claims.size(), 1u);
  const Claim& c = claims[0];
  EXPECT_EQ(c.model, "m1");
  EXPECT_EQ(c.benchmark, "b1");
  EXPECT_EQ(c.value, 35.0);
  EXPECT_EQ(c.value_text, "+35.0");
  EXPECT_EQ(c.line, 310);
  EXPECT_EQ(c.kind, ClaimKind::kTable);
  EXPECT_EQ(c.origin.line, 2);
  EXPECT_EQ(c.origin.column, 20);  // the value field
}

TEST(ClaimsTest, ReportsEveryProblemOfTheFileAtOnce) {
  Diagnostics diagnostics;
  auto claims = Read(std::string(kHeader) +
                         "c1,nobody,b1,1,%,,,s1,1,,,table,\n"
                         "c2,m1,nothing,1,%,,,s1,1,,,table,\n"
                         "c3,m1,b1,n/a,%,,,s1,1,,,table,\n"
                         "c4,m1,b1,inf,%,,,s9,0,,,chart,\n"
                         "c5,m1,b1,1,%,,,s1,2.5,,,prose,\n"
                         "c6,m1,b1,1,%,,,s1,7,,,prose,\n"
                         "c6,m2,b1,2,%,,,s1,8,,,prose,\n",
                     &diagnostics);
  EXPECT_EQ(Formatted(diagnostics),
            (std::vector<std::string>{
                "c.csv:2:4: error: field 'model': unknown model \"nobody\" (not an id or alias "
                "in models.csv)",
                "c.csv:3:7: error: field 'benchmark': unknown benchmark \"nothing\" (not an id "
                "or alias in benchmarks.csv)",
                "c.csv:4:10: error: field 'value': \"n/a\" is not a finite number",
                "c.csv:5:10: error: field 'value': \"inf\" is not a finite number",
                "c.csv:5:18: error: field 'source': unknown source \"s9\" (not an id in "
                "sources.csv)",
                "c.csv:5:21: error: field 'line': \"0\" is not a positive integer line number",
                "c.csv:5:25: error: field 'kind': \"chart\" is not 'table', 'prose' or 'data'",
                "c.csv:6:19: error: field 'line': \"2.5\" is not a positive integer line number",
                "c.csv:8:1: error: field 'claim_id': duplicate claim id \"c6\" (first at "
                "c.csv:7)",
            }));
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].id, "c6");
}

TEST(ClaimsTest, DuplicateIdsAcrossFilesAndOptionalColumns) {
  Diagnostics diagnostics;
  std::vector<Claim> earlier = {testing::MakeClaim("x1", "m1", "b1", 1)};
  auto claims = Read(std::string("claim_id,model,benchmark,value,unit,metric,setting,source,line,"
                                 "model_as_written,benchmark_as_written,kind,notes,stderr,n,"
                                 "ci_low,ci_high\n") +
                         "x1,m1,b1,1,%,,,s1,1,,,table,,,,,\n"
                         "x2,m1,b1,1,%,,,s1,1,,,table,,0.5,100,0.9,1.1\n"
                         "x3,m1,b1,1,%,,,s1,1,,,table,,-1,0,2,1\n"
                         "x4,m1,b1,1,%,,,s1,1,,,table,,,,0.5,\n",
                     &diagnostics, earlier);
  EXPECT_EQ(Formatted(diagnostics),
            (std::vector<std::string>{
                "c.csv:2:1: error: field 'claim_id': duplicate claim id \"x1\" (first at "
                "claims.csv:2)",
                "c.csv:4:30: error: field 'stderr': must not be negative",
                "c.csv:4:33: error: field 'n': \"0\" is not a positive integer",
                "c.csv:4:37: error: field 'ci_high': ci_high 1 is below ci_low 2",
                "c.csv:5:36: error: field 'ci_high': ci_low and ci_high come together",
            }));
  ASSERT_EQ(claims.size(), 2u);
  EXPECT_EQ(claims[1].id, "x2");
  EXPECT_EQ(claims[1].stderr_, 0.5);
  EXPECT_EQ(claims[1].n, 100);
  EXPECT_EQ(claims[1].ci_high, 1.1);
}

}  // namespace
}  // namespace podium
