#include "engine/base/file_util.h"

#include <gtest/gtest.h>

#include <cstdlib>

namespace podium {
namespace {

std::string Tmp() {
  const char* dir = std::getenv("TEST_TMPDIR");
  return dir != nullptr ? dir : "/tmp";
}

TEST(FileUtilTest, ReadsFilesAndNamesWhyNot) {
  std::string error;
  EXPECT_FALSE(ReadFile(Tmp() + "/missing.csv", &error).has_value());
  EXPECT_EQ(error, "No such file or directory");
  EXPECT_EQ(JoinPath("a/", "b"), "a/b");
  EXPECT_EQ(JoinPath("a", "b"), "a/b");
  EXPECT_EQ(JoinPath("", "b"), "b");
}

}  // namespace
}  // namespace podium
