#include "engine/base/file_util.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace podium {
namespace {

std::string Tmp() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

TEST(FileUtilTest, WritesAtomicallyAndCreatesFolders) {
  const std::string path = Tmp() + "/a/b/report.md";
  std::string error;
  ASSERT_TRUE(WriteFileAtomically(path, "one\n", &error)) << error;
  ASSERT_TRUE(WriteFileAtomically(path, "two\n", &error)) << error;
  EXPECT_EQ(ReadFile(path), "two\n");
  for (const auto& entry : std::filesystem::directory_iterator(Tmp() + "/a/b")) {
    EXPECT_EQ(entry.path().filename(), "report.md") << "temporary file left behind";
  }
}

TEST(FileUtilTest, ReportsUnreadableAndUnwritablePaths) {
  std::string error;
  EXPECT_FALSE(ReadFile(Tmp() + "/missing.csv", &error).has_value());
  EXPECT_EQ(error, "No such file or directory");
  const std::string blocker = Tmp() + "/blocker";
  ASSERT_TRUE(WriteFileAtomically(blocker, "x", &error));
  EXPECT_FALSE(WriteFileAtomically(blocker + "/report.md", "x", &error));
  EXPECT_NE(error, "");
}

}  // namespace
}  // namespace podium
