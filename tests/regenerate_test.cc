// The regression guard: the committed reports are exactly what the code and the
// datasets produce. When this fails after an intended change, run
// `tools/podium regenerate` and commit the new reports with the change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

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

// The source documents for the audit reports, or a folder that does not exist
// (the audit is then skipped and audit.* are not compared).
std::string Sources() {
  const std::string shared = testing::SharedDir();
  return shared.empty() ? "/nonexistent/seeds" : shared + "/seeds";
}

TEST(RegenerateTest, CommittedReportsAreReproducedByteForByte) {
  const std::string fresh = testing::TempDir();
  // Regenerate as `tools/podium regenerate` does: default folders under
  // $PODIUM_HOME (datasets/, ../shared/seeds), since manifests name any
  // folder given on the command line. A home of links stands in for the repo.
  const std::string root = testing::TempDir();
  fs::create_directory(root + "/home");
  fs::create_directory_symlink(fs::absolute(testing::Runfile("datasets")), root + "/home/datasets");
  testing::WriteFile(root + "/home/tools", "podium", "");  // podium's checkout: tools/podium
  if (!testing::SharedDir().empty()) {
    fs::create_directory_symlink(fs::absolute(testing::SharedDir()), root + "/shared");
  }
  setenv("PODIUM_HOME", (root + "/home").c_str(), 1);
  std::ostringstream out, err;
  const int code = RunPodium({"regenerate", "--reports", fresh}, out, err);
  unsetenv("PODIUM_HOME");
  ASSERT_EQ(code, 0) << err.str();
  const std::string committed = testing::Runfile("reports");
  std::set<std::string> want = ReportFiles(committed);
  if (testing::SharedDir().empty()) {
    std::cout << "note: ../shared is absent: audit.md and audit.json are not compared\n";
    want.erase("audit.md");
    want.erase("audit.json");
  }
  EXPECT_EQ(ReportFiles(fresh), want) << "reports/ lists other files than regenerate writes";
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
  for (const std::string& dir : {a, b}) {
    ASSERT_EQ(RunPodium({"regenerate", "--datasets", testing::Runfile("datasets"), "--reports", dir,
                         "--sources", Sources()},
                        out, err),
              0);
  }
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
