// A leaderboard project outside podium's checkout, as a new user makes one
// (issue 13): `podium init`, a battles file and a score table of their own,
// `podium import`, `podium regenerate` inside the folder, `podium audit`;
// run through the podium that tools/install installs into a temporary
// prefix. Every link of the project's READMEs must
// lead to a file, and the audit must catch a changed number.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <regex>

#include "engine/base/file_util.h"
#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using testing::PodiumRun;
using testing::TempDir;
using testing::WriteFile;

// The podium of `tools/install --binary <built podium> PREFIX`, installed
// once for the test binary.
const std::string& InstalledPodium() {
  static const std::string podium = [] {
    const std::string prefix = TempDir() + "/prefix";
    const std::string command = "'" + fs::absolute(testing::Runfile("tools/install")).string() +
                                "' --binary '" +
                                fs::absolute(testing::Runfile("tools/podium_bin")).string() +
                                "' '" + prefix + "' >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) return std::string();
    return prefix + "/bin/podium";
  }();
  return podium;
}

// Runs the installed podium with `args` (shell-quoted) in folder `dir`.
PodiumRun RunPodium(const std::string& dir, const std::string& args) {
  const std::string command = "cd '" + dir + "' && '" + InstalledPodium() + "' " + args + " >'" +
                              dir + "/../stdout.txt' 2>'" + dir + "/../stderr.txt'";
  const int status = std::system(command.c_str());
  PodiumRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadFile(dir + "/../stdout.txt").value_or("");
  r.err = ReadFile(dir + "/../stderr.txt").value_or("");
  return r;
}

// Markdown links "[text](target)" of `path` whose target is a local file.
std::vector<std::string> BrokenLinks(const std::string& path) {
  const std::string text = ReadFile(path).value_or("");
  std::vector<std::string> broken;
  static const std::regex link(R"(\]\(([^)\s]+)\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator();
       ++it) {
    const std::string target = (*it)[1];
    if (target.rfind("http", 0) == 0 || target.rfind("#", 0) == 0) continue;
    if (!fs::exists(fs::path(path).parent_path() / target)) broken.push_back(target);
  }
  return broken;
}

const char kOwnBattles[] =
    "model_a,model_b,winner\n"
    "north-7b,south-7b,model_a\nnorth-7b,south-7b,model_a\nsouth-7b,north-7b,tie\n"
    "east-7b,north-7b,model_b\neast-7b,south-7b,model_a\nsouth-7b,east-7b,model_b\n"
    "north-7b,east-7b,model_a\neast-7b,south-7b,tie\nnorth-7b,south-7b,model_b\n"
    "south-7b,east-7b,model_a\neast-7b,north-7b,model_a\nnorth-7b,east-7b,model_a\n";

const char kOwnScores[] =
    "system,Reasoning (acc),Coding (pass@1)\n"
    "north-7b,0.612,0.41\n"
    "south-7b,0.587,0.45\n"
    "east-7b,0.551,\n";

TEST(ProjectTest, InitImportRegenerateAuditFromTheBinary) {
  ASSERT_FALSE(InstalledPodium().empty()) << "tools/install --binary failed";
  const std::string root = TempDir() + "/work";
  fs::create_directories(root);
  const std::string project = root + "/proj";
  PodiumRun init = RunPodium(root, "init proj");
  ASSERT_EQ(init.exit_code, 0) << init.err;
  EXPECT_NE(init.out.find("made a podium project in proj"), std::string::npos) << init.out;
  EXPECT_EQ(RunPodium(root, "init proj").exit_code, 2);  // never over a project

  WriteFile(project + "/data", "battles.csv", kOwnBattles);
  WriteFile(root, "own.csv", kOwnScores);
  PodiumRun import =
      RunPodium(project,
                "import wide ../own.csv --into datasets --model-column system --scale 1 "
                "--benchmarks 'Reasoning (acc)=reasoning,Coding (pass@1)=coding' "
                "--n-items reasoning=500,coding=164");
  ASSERT_EQ(import.exit_code, 0) << import.err;
  EXPECT_NE(import.out.find("imported 5 scores from 1 file"), std::string::npos) << import.out;
  PodiumRun again =
      RunPodium(project,
                "import wide ../own.csv --into datasets --model-column system --scale 1 "
                "--benchmarks 'Reasoning (acc)=reasoning,Coding (pass@1)=coding' "
                "--n-items reasoning=500,coding=164");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("nothing changed"), std::string::npos) << again.out;

  PodiumRun regenerate = RunPodium(project, "regenerate");
  ASSERT_EQ(regenerate.exit_code, 0) << regenerate.err;
  for (const char* file : {"scores.md", "scores.json", "scores.html", "arena.md", "arena.json",
                           "h2h-model-a-vs-model-b.md", "audit.md", "README.md", "index.html"}) {
    EXPECT_TRUE(fs::exists(project + "/reports/" + file)) << file;
  }
  const std::string arena = ReadFile(project + "/reports/arena.md").value_or("");
  EXPECT_NE(arena.find("north-7b"), std::string::npos) << arena;  // our battles, not the example
  const std::string scores = ReadFile(project + "/reports/scores.md").value_or("");
  EXPECT_NE(scores.find("north-7b"), std::string::npos);
  const std::string readme = ReadFile(project + "/reports/README.md").value_or("");
  EXPECT_NE(readme.find("    podium regenerate"), std::string::npos) << readme;
  EXPECT_EQ(readme.find("tools/"), std::string::npos) << readme;
  EXPECT_EQ(BrokenLinks(project + "/README.md"), std::vector<std::string>{});
  EXPECT_EQ(BrokenLinks(project + "/reports/README.md"), std::vector<std::string>{});

  PodiumRun audit = RunPodium(project, "audit");
  EXPECT_EQ(audit.exit_code, 0) << audit.err << audit.out;
  EXPECT_NE(audit.out.find("17 of 17 claims verified"), std::string::npos) << audit.out;

  // One number changed in the imported file: the audit names the claim.
  WriteFile(root, "own.csv",
            "system,Reasoning (acc),Coding (pass@1)\nnorth-7b,0.612,0.41\nsouth-7b,0.578,0.45\n"
            "east-7b,0.551,\n");
  audit = RunPodium(project, "audit");
  EXPECT_EQ(audit.exit_code, 1) << audit.err;
  EXPECT_NE(audit.out.find("reads 0.578, the claim says 0.587"), std::string::npos) << audit.out;
  EXPECT_NE(audit.out.find("SHA-256"), std::string::npos) << audit.out;
}

TEST(ProjectTest, ProjectOptionFindsTheProjectFromAnywhere) {
  const std::string root = TempDir() + "/work";
  fs::create_directories(root);
  ASSERT_EQ(RunPodium(root, "init p").exit_code, 0);
  PodiumRun board = RunPodium(root, "--project p leaderboard --top 2");
  ASSERT_EQ(board.exit_code, 0) << board.err;
  EXPECT_NE(board.out.find("the top 2 of 4 ranked models"), std::string::npos) << board.out;
}

}  // namespace
}  // namespace podium
