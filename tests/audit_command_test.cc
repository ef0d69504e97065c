// `podium audit` on the committed claims and the real documents, with two
// claims given a wrong number of their own line (issue 11): the binary exits 1
// and names each claim and where its value was found.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "engine/base/file_util.h"
#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

// `text` with the first `from` replaced by `to` (which must be there).
std::string Replaced(std::string text, const std::string& from, const std::string& to) {
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

class AuditCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::SharedDir().empty()) GTEST_SKIP() << "PODIUM_SHARED is not set: no documents";
    dir_ = testing::TempDir();
    datasets_ = fs::absolute(testing::Runfile("datasets")).string();
    brief_ = ReadFile(datasets_ + "/claims/000_43fd87e1ab347223.csv").value_or("");
  }

  testing::PodiumRun Audit(const std::string& claims, const std::string& format = "md") {
    testing::WriteFile(dir_, "claims.csv", claims);
    return testing::RunPodium(dir_, "audit --claims claims.csv --registry '" + datasets_ +
                                        "/registry' --sources '" + testing::SharedDir() +
                                        "/seeds' --format " + format);
  }

  std::string dir_, datasets_, brief_;
};

TEST_F(AuditCommandTest, TheCommittedClaimsOfTheBriefVerify) {
  testing::PodiumRun run = Audit(brief_, "json");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.out.find("\"failed\": 0"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("\"errors\": 0"), std::string::npos) << run.out;
}

TEST_F(AuditCommandTest, SwappedTableCellAndProseNumberExitOne) {
  // Ministral 8B's AGIEval 48.3 -> 71.9 (the Arc-c cell of line 310), and its
  // MMLU on line 297 65.0 -> 64.7 (Llama 3.1 8B's number on that line).
  std::string claims = Replaced(brief_, "000-0310-2,ministral-8b,agieval,48.3,",
                                "000-0310-2,ministral-8b,agieval,71.9,");
  claims =
      Replaced(claims, "000-0297-4,ministral-8b,mmlu,65.0,", "000-0297-4,ministral-8b,mmlu,64.7,");
  testing::PodiumRun run = Audit(claims);
  EXPECT_EQ(run.exit_code, 1) << run.err;
  EXPECT_NE(run.out.find("- claim 000-0310-2: 71.9 is in column 'Arc-c' (column 5) of line 310, "
                         "not in column 'AGIEval' (column 3), which holds 48.3 (header: line "
                         "304) — 000_43fd87e1ab347223 line 310 (claims row claims.csv:89)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("- claim 000-0297-4: 64.7 on line 297 is the number of '라마 3.1 8B'; "
                         "the number attached to '미스트랄 8B' is 65.0 — 000_43fd87e1ab347223 "
                         "line 297 (claims row claims.csv:33)"),
            std::string::npos)
      << run.out;
  EXPECT_NE(
      run.out.find("**91 of 96 claims verified; 3 undecided (warnings); 2 failed; 2 errors.**"),
      std::string::npos)
      << run.out;
  EXPECT_EQ(run.err,
            "podium audit: 3 claims could not be decided (warnings in the report, not counted "
            "as verified)\npodium audit: 2 claims or documents disagree with the sources\n");
}

}  // namespace
}  // namespace podium
