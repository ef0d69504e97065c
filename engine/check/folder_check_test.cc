#include "engine/check/folder_check.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

std::string Board(double score) {
  return R"({"schema": "podium.leaderboard/1", "rows": [{"model": "a", "score": )" +
         std::to_string(score) + "}]}\n";
}

// Folders before/ and after/ of `dir`: a.json moved, same.json did not, old.json
// only before, new.json only after.
std::string TwoFolders() {
  const std::string dir = testing::TempDir();
  fs::create_directories(dir + "/before");
  fs::create_directories(dir + "/after");
  testing::WriteFile(dir + "/before", "a.json", Board(62));
  testing::WriteFile(dir + "/after", "a.json", Board(65));
  testing::WriteFile(dir + "/before", "same.json", Board(50));
  testing::WriteFile(dir + "/after", "same.json", Board(50));
  testing::WriteFile(dir + "/before", "old.json", Board(1));
  testing::WriteFile(dir + "/after", "new.json", Board(1));
  testing::WriteFile(dir + "/after", "notes.txt", "not a report");
  return dir;
}

TEST(FolderCheckTest, AReportInOneFolderIsOneFailingChange) {
  const std::string dir = TwoFolders();
  Diagnostics diagnostics;
  const std::optional<CheckResult> result =
      CheckReportPaths(dir + "/before", dir + "/after", {}, &diagnostics);
  ASSERT_TRUE(result.has_value()) << testing::Formatted(diagnostics)[0];
  ASSERT_EQ(result->reports.size(), 4u);  // by name; notes.txt is not a report
  EXPECT_EQ(result->reports[0].name, "a.json");
  EXPECT_EQ(result->reports[1].name, "new.json");
  EXPECT_EQ(result->reports[1].status, "added");
  EXPECT_EQ(result->reports[1].comparison.changed, 1);
  EXPECT_EQ(result->reports[1].comparison.failures, 1);
  EXPECT_EQ(result->reports[2].status, "removed");
  EXPECT_EQ(result->compared.size(), 2u);  // a.json and same.json
  EXPECT_EQ(result->differing, 3);
  EXPECT_EQ(result->better, 1);  // a's score went up
  EXPECT_EQ(result->changed, 2);
  EXPECT_EQ(result->failures, 3);  // the improvement fails too: the baseline is out of date
  EXPECT_EQ(result->differences(), 3);
  ASSERT_EQ(result->causes.size(), 1u);  // no manifests: inputs unknown
  EXPECT_FALSE(result->causes[0].inputs_known);
}

TEST(FolderCheckTest, TwoFilesAreNamedByTheCurrentOne) {
  const std::string dir = TwoFolders();
  CheckOptions options;
  options.allow_better = true;
  Diagnostics diagnostics;
  const std::optional<CheckResult> result =
      CheckReportPaths(dir + "/before/a.json", dir + "/after/a.json", options, &diagnostics);
  ASSERT_TRUE(result.has_value());
  ASSERT_EQ(result->reports.size(), 1u);
  EXPECT_EQ(result->reports[0].name, "a.json");
  EXPECT_EQ(result->better, 1);
  EXPECT_EQ(result->failures, 0);
  EXPECT_TRUE(result->options.allow_better);
}

TEST(FolderCheckTest, BadPathsAreErrorsAtThePath) {
  const std::string dir = TwoFolders();
  Diagnostics diagnostics;
  EXPECT_FALSE(CheckReportPaths(dir + "/nowhere", dir + "/after", {}, &diagnostics));
  EXPECT_EQ(testing::Formatted(diagnostics),
            std::vector<std::string>{dir + "/nowhere: error: no such file or directory"});
  Diagnostics mixed;
  EXPECT_FALSE(CheckReportPaths(dir + "/before", dir + "/after/a.json", {}, &mixed));
  EXPECT_EQ(testing::Formatted(mixed),
            std::vector<std::string>{dir + "/after/a.json: error: a file compared with the " +
                                     "folder `" + dir +
                                     "/before`: compare a file with a file or a folder with a "
                                     "folder"});
  testing::WriteFile(dir + "/after", "a.json", R"({"schema": "podium.arena/1"})");
  Diagnostics schemas;
  EXPECT_FALSE(CheckReportPaths(dir + "/before", dir + "/after", {}, &schemas));
  EXPECT_EQ(testing::Formatted(schemas),
            std::vector<std::string>{dir + "/after/a.json: error: schemas differ: baseline " +
                                     "podium.leaderboard/1 vs current podium.arena/1"});
}

}  // namespace
}  // namespace podium
