// What a new user met on the command line before issue 11, run on the real
// binary: outputs that destroyed files, inputs that crashed podium or passed
// silently. Each test reproduces one report of the issue.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "engine/base/file_util.h"
#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

using Result = testing::PodiumRun;

Result Podium(const std::string& dir, const std::string& args) {
  return testing::RunPodium(dir, args);
}

const char kBattles[] =
    "model_a,model_b,winner\n"
    "alpha,beta,model_a\nbeta,alpha,model_a\nalpha,beta,model_a\nbeta,gamma,model_a\n"
    "gamma,beta,model_a\ngamma,beta,model_a\nalpha,gamma,model_a\ngamma,alpha,model_a\n";

TEST(CliReliabilityTest, OutThroughASymlinkWritesItsTargetAndKeepsTheLink) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", kBattles);
  testing::WriteFile(dir, "elsewhere/board.md", "old");
  fs::create_symlink("elsewhere/board.md", fs::path(dir) / "link.md");
  Result r = Podium(dir, "arena b.csv --rounds 0 --out link.md");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_symlink(fs::path(dir) / "link.md"));
  EXPECT_NE(ReadFile(dir + "/elsewhere/board.md").value_or("").find("# Arena leaderboard"),
            std::string::npos);
}

TEST(CliReliabilityTest, OutToAFullDeviceIsExitTwoWithAClearMessage) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", kBattles);
  if (::mknod((dir + "/full").c_str(), S_IFCHR | 0666, makedev(1, 7)) != 0) {
    GTEST_SKIP() << "cannot mknod a character device here (not root)";
  }
  Result r = Podium(dir, "arena b.csv --rounds 0 --out full");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "podium: error: cannot write full: No space left on device\n");
  struct stat st;
  ASSERT_EQ(::lstat((dir + "/full").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode)) << "the device node was replaced";
}

TEST(CliReliabilityTest, InvalidUtf8IsALocatedErrorNotACrash) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", std::string(kBattles) + "alp\xFFha,beta,model_a\n");
  Result r = Podium(dir, "arena b.csv --rounds 0 --format json");
  EXPECT_FALSE(r.signalled) << r.err;
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("b.csv:10:4: error: invalid UTF-8 (byte 0xFF)"), std::string::npos) << r.err;

  testing::WriteSmallRegistry(dir + "/reg");
  testing::WriteFile(dir, "c.csv",
                     "claim_id,model,benchmark,value,unit,metric,setting,source,line,"
                     "model_as_written,benchmark_as_written,kind,notes\n"
                     "g1,m1,b1,60.0,%,,,s1,3,\xEB\xAA\xA8\xEB,B-1,table,\n");
  Result c = Podium(dir, "leaderboard --claims c.csv --registry reg --format json");
  EXPECT_FALSE(c.signalled) << c.err;
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("c.csv:2:27: error: invalid UTF-8 (byte 0xEB)"), std::string::npos) << c.err;

  Result arg = Podium(dir, "leaderboard --claims c.csv --registry reg --models $'m\\xff'");
  EXPECT_FALSE(arg.signalled) << arg.err;
}

TEST(CliReliabilityTest, AQuotedLineBreakInNotesIsReadAndLaterLinesStayTrue) {
  const std::string dir = testing::TempDir();
  testing::WriteSmallRegistry(dir + "/reg");
  testing::WriteFile(dir, "c.csv",
                     "claim_id,model,benchmark,value,unit,metric,setting,source,line,"
                     "model_as_written,benchmark_as_written,kind,notes\n"
                     "g1,m1,b1,60.0,%,,,s1,3,모델1,B-1,table,\"as printed,\nsee the footnote\"\n"
                     "g2,m2,b1,oops,%,,,s1,4,모델2,B-1,table,\n");
  Result r = Podium(dir, "leaderboard --claims c.csv --registry reg");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.substr(0, r.err.find('\n')),
            "c.csv:4:10: error: field 'value': \"oops\" is not a finite number");
}

TEST(CliReliabilityTest, DeepJsonAndEmptyFilesNameTheirFile) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "deep.json", std::string(100000, '[') + std::string(100000, ']'));
  Result deep = Podium(dir, "arena deep.json --rounds 0");
  EXPECT_EQ(deep.exit_code, 2);
  EXPECT_NE(deep.err.find("deep.json:1:65: error: JSON nested deeper than 64 levels"),
            std::string::npos)
      << deep.err;

  testing::WriteFile(dir, "empty.csv", "");
  Result empty = Podium(dir, "arena empty.csv --rounds 0");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("empty.csv:1:1: error: empty file: expected a header row"),
            std::string::npos)
      << empty.err;

  testing::WriteFile(dir, "header.csv", "model_a,model_b,winner\n");
  Result header = Podium(dir, "arena header.csv --rounds 0");
  EXPECT_EQ(header.exit_code, 2);
  EXPECT_NE(header.err.find("header.csv: error: no battles to rate in this file"),
            std::string::npos)
      << header.err;

  testing::WriteSmallRegistry(dir + "/reg");
  testing::WriteFile(dir, "claims.csv",
                     "claim_id,model,benchmark,value,unit,metric,setting,source,line,"
                     "model_as_written,benchmark_as_written,kind,notes\n");
  Result claims = Podium(dir, "leaderboard --claims claims.csv --registry reg");
  EXPECT_EQ(claims.exit_code, 2) << claims.out;
  EXPECT_NE(claims.err.find("claims.csv:2:1: error: no claims: the file has a header and no rows"),
            std::string::npos)
      << claims.err;
}

TEST(CliReliabilityTest, OneBadLabelRepeatedPrintsTwentyLinesAndACount) {
  const std::string dir = testing::TempDir();
  std::string battles = kBattles;
  for (int k = 0; k < 5460; ++k) battles += "alpha,beta,maybe\n";
  testing::WriteFile(dir, "b.csv", battles);
  Result r = Podium(dir, "arena b.csv --rounds 0");
  EXPECT_EQ(r.exit_code, 2);
  int lines = 0;
  for (char c : r.err) lines += c == '\n';
  EXPECT_EQ(lines, 20 + 1 + 1);  // 20 errors, the count, "podium arena: N errors"
  EXPECT_NE(r.err.find("b.csv: error: field 'winner': ... and 5440 more like this\n"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("podium arena: 5460 errors; no report written"), std::string::npos);
}

TEST(CliReliabilityTest, AMisspeltModelThatOnlyWonIsNotRanked) {
  const std::string dir = testing::TempDir();
  testing::WriteFile(dir, "b.csv", std::string(kBattles) + "alpah,beta,model_a\n");
  Result md = Podium(dir, "arena b.csv --rounds 20");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("| — | — | — | — | — | alpah ‡ |"), std::string::npos) << md.out;
  EXPECT_NE(md.out.find("| 1 | "), std::string::npos) << md.out;
  Result csv = Podium(dir, "arena b.csv --rounds 0 --format csv");
  EXPECT_NE(csv.out.find("\n1,,,,,,,,alpah,"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",only wins (no losses)\n"), std::string::npos) << csv.out;
  Result json = Podium(dir, "arena b.csv --rounds 0 --format json");
  EXPECT_NE(json.out.find("\"not_ranked\": \"only wins (no losses)\""), std::string::npos);
  Result all = Podium(dir, "arena b.csv --rounds 0 --rank-all");
  EXPECT_NE(all.out.find("| 1 | alpah |"), std::string::npos) << all.out;
}

TEST(CliReliabilityTest, UnknownNamesSuggestTheNearestKnownOnes) {
  const std::string dir = testing::TempDir();
  testing::WriteSmallRegistry(dir + "/reg");
  testing::WriteFile(dir, "c.csv",
                     "claim_id,model,benchmark,value,unit,metric,setting,source,line,"
                     "model_as_written,benchmark_as_written,kind,notes\n"
                     "g1,Model Onee,b1,60.0,%,,,s1,3,,,table,\n");
  Result r = Podium(dir, "leaderboard --claims c.csv --registry reg");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown model \"Model Onee\" (not an id or alias in models.csv) (did you "
                       "mean \"Model One\" (m1)"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace podium
