#include "engine/ingest/judgments.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

TEST(JudgmentsTest, ReadsPreferencesAndRefusesOthersWithTheirPlace) {
  const std::string path = testing::WriteFile(testing::TempDir(), "j.csv",
                                              "prompt,rater,model_a,model_b,preference\n"
                                              "p1,r1,a,b,+1\n"
                                              "p1,r2,a,b,1\n"
                                              "p2,r1,b,a,-1\n"
                                              "p2,r2,a,b,0\n"
                                              "p3,r1,a,b,2\n"
                                              "p3,r2,a,a,1\n");
  Diagnostics d;
  const std::vector<Judgment> j = ReadJudgments(path, "j.csv", &d);
  ASSERT_EQ(j.size(), 4u);
  EXPECT_EQ(j[0].preference, 1);
  EXPECT_EQ(j[1].preference, 1);
  EXPECT_EQ(j[2].preference, -1);
  EXPECT_EQ(j[3].preference, 0);
  const std::vector<std::string> errors = testing::Formatted(d);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0], "j.csv:6:11: error: field 'preference': \"2\" is not +1, 0 or -1");
  EXPECT_EQ(errors[1], "j.csv:7:9: error: field 'model_b': a model judged against itself");
}

TEST(JudgmentsTest, ReportedRatesInRangeAndLocatedOtherwise) {
  const std::string path =
      testing::WriteFile(testing::TempDir(), "r.csv",
                         "claim_id,model_a,model_b,task,net_win_rate,source,line,notes\n"
                         "c1,a,b,t,+35.0,s,219,\n"
                         "c2,a,c,t,-100,s,x,\n"
                         "c3,a,d,t,100.5,s,3,\n");
  Diagnostics d;
  const ReportedNetWinRates r = ReadReportedNetWinRates(path, "r.csv", &d);
  EXPECT_EQ(r.rows, 3);
  ASSERT_EQ(r.rates.size(), 2u);
  EXPECT_EQ(r.rates[0].value_text, "+35.0");
  EXPECT_DOUBLE_EQ(r.rates[0].nwr, 35.0);
  EXPECT_EQ(r.rates[0].line, 219);
  EXPECT_EQ(r.rates[1].line, 0);  // not a positive integer
  const std::vector<std::string> errors = testing::Formatted(d);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0],
            "r.csv:4:10: error: field 'net_win_rate': \"100.5\" is not a net win rate in "
            "[-100, 100]");
}

}  // namespace
}  // namespace podium
