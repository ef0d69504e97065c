// The regression guard: the committed reports are exactly what the code and the
// datasets produce. When this fails after an intended change, run
// `tools/podium regenerate` and commit the new reports with the change.
#include <filesystem>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/base/file_util.h"
#include "tests/testing.h"
#include "tools/cli.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

std::set<std::string> ReportFiles(const std::string& dir) {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name != "BUILD") names.insert(name);
  }
  return names;
}

TEST(RegenerateTest, CommittedReportsAreReproducedByteForByte) {
  const std::string fresh = testing::TempDir();
  std::ostringstream out, err;
  const int code = RunPodium({"regenerate", "--datasets", testing::Runfile("datasets"),
                              "--reports", fresh},
                             out, err);
  ASSERT_EQ(code, 0) << err.str();
  const std::string committed = testing::Runfile("reports");
  EXPECT_EQ(ReportFiles(fresh), ReportFiles(committed))
      << "reports/ lists other files than regenerate writes";
  for (const std::string& name : ReportFiles(fresh)) {
    const auto want = ReadFile(committed + "/" + name);
    const auto got = ReadFile(fresh + "/" + name);
    ASSERT_TRUE(want.has_value()) << name << " is not committed";
    EXPECT_TRUE(*want == *got) << "reports/" << name
                               << " differs from a fresh regeneration; run tools/podium "
                                  "regenerate and commit the result";
  }
}

TEST(RegenerateTest, TwoRunsAreIdentical) {
  const std::string a = testing::TempDir(), b = testing::TempDir();
  std::ostringstream out, err;
  ASSERT_EQ(RunPodium({"regenerate", "--datasets", testing::Runfile("datasets"), "--reports", a},
                      out, err),
            0);
  ASSERT_EQ(RunPodium({"regenerate", "--datasets", testing::Runfile("datasets"), "--reports", b},
                      out, err),
            0);
  for (const std::string& name : ReportFiles(a)) {
    EXPECT_EQ(ReadFile(a + "/" + name), ReadFile(b + "/" + name)) << name;
  }
}

TEST(RegenerateTest, ABrokenSpecWritesNothing) {
  const std::string datasets = testing::TempDir(), reports = testing::TempDir();
  fs::copy(testing::Runfile("datasets"), datasets, fs::copy_options::recursive);
  fs::permissions(datasets + "/reports.json", fs::perms::owner_write, fs::perm_options::add);
  testing::WriteFile(datasets, "reports.json", "{\"reports\": [\n  {\"name\": \"x\",\n  }\n]}\n");
  std::ostringstream out, err;
  EXPECT_EQ(RunPodium({"regenerate", "--datasets", datasets, "--reports", reports}, out, err), 2);
  EXPECT_NE(err.str().find("datasets/reports.json:3:3: error: invalid JSON"), std::string::npos)
      << err.str();
  EXPECT_TRUE(fs::is_empty(reports));
}

}  // namespace
}  // namespace podium
