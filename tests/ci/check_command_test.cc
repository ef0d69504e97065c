// `podium check` on real reports, as CI runs it: another checkout folder,
// an edited claim, improvements and losses, ignored fields, missing paths.
#include "tools/check_command.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "engine/base/file_util.h"
#include "tests/testing.h"
#include "tools/cli.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

const char kClaims[] = "claims/000_43fd87e1ab347223.csv";

struct Outcome {
  int code = -1;
  std::string out, err;
};

Outcome Podium(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  Outcome r;
  r.code = RunPodium(args, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A copy of datasets/ in a fresh folder: HOME/datasets.
std::string CopyOfDatasets() {
  const std::string home = testing::TempDir();
  fs::copy(testing::Runfile("datasets"), home + "/datasets", fs::copy_options::recursive);
  return home;
}

// Sets both quotes of Ministral 8B's MMLU (65.0 on lines 297 and 310 of the
// 2024-11 brief) to `value` in HOME's claims file.
void EditMinistralMmlu(const std::string& home, const std::string& value) {
  const std::string path = home + "/datasets/" + kClaims;
  std::string text = ReadFile(path).value();
  for (const std::string row : {"000-0297-4,ministral-8b,mmlu,", "000-0310-1,ministral-8b,mmlu,"}) {
    const size_t at = text.find("\n" + row + "65.0,");
    ASSERT_NE(at, std::string::npos) << row;
    text.replace(at + 1 + row.size(), 4, value);
  }
  testing::WriteFile(home + "/datasets", kClaims, text);
}

// `podium regenerate` of HOME's datasets into HOME/reports.
std::string Regenerate(const std::string& home) {
  setenv("PODIUM_HOME", home.c_str(), 1);
  const Outcome r = Podium({"regenerate", "--reports", home + "/reports"});
  unsetenv("PODIUM_HOME");
  EXPECT_EQ(r.code, 0) << r.err;
  return home + "/reports";
}

// A small leaderboard of HOME's datasets, read through absolute paths (as a
// CI job in its own checkout folder would).
std::string Board(const std::string& home, const std::string& name = "board.json") {
  const std::string out = home + "/" + name;
  const Outcome r = Podium({"leaderboard", "--claims", home + "/datasets/" + kClaims, "--registry",
                            home + "/datasets/registry", "--benchmarks", "mmlu,agieval,humaneval",
                            "--models", "ministral-8b,llama-3.1-8b,mistral-7b", "--bootstrap",
                            "parametric", "--rounds", "200", "--format", "json", "--out", out});
  EXPECT_EQ(r.code, 0) << r.err;
  return out;
}

Outcome Check(std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  return Podium(args);
}

// The same bytes checked out in two folders: no difference (on the old
// code, the input paths were a "regression").
TEST(CheckCommandTest, AnotherCheckoutFolderIsNoDifference) {
  const std::string a = Board(CopyOfDatasets()), b = Board(CopyOfDatasets());
  ASSERT_NE(ReadFile(a).value(), ReadFile(b).value());  // the paths differ
  const Outcome r = Check({a, b});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("**0 differences: 0 worse, 0 better, 0 changed**"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("some read from another path, which is no difference"), std::string::npos);
  EXPECT_NE(r.out.find("**Passes**: nothing moved beyond the tolerance."), std::string::npos);
}

// One edited claim is one cause — the claims file, by SHA-256, with the
// claim and the reports it moved — not dozens of unrelated-looking lines.
TEST(CheckCommandTest, OneEditedClaimIsOneCauseWithTheReportsItMoved) {
  const std::string base_home = CopyOfDatasets(), edited_home = CopyOfDatasets();
  EditMinistralMmlu(edited_home, "60.0");
  const std::string base = Regenerate(base_home), current = Regenerate(edited_home);
  const std::string json = testing::TempDir() + "/check.json";
  const Outcome r = Check({base, current, "--json", json});
  EXPECT_EQ(r.code, 1) << r.err;
  const std::regex heading("\n## ");
  EXPECT_EQ(std::distance(std::sregex_iterator(r.out.begin(), r.out.end(), heading),
                          std::sregex_iterator()),
            1)
      << r.out;  // one cause, and no report in one folder only
  EXPECT_NE(r.out.find("\n## `datasets/claims/000_43fd87e1ab347223.csv` changed (SHA-256 "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Claims whose entry changed: 000-0297-4 (\"65.0\" → \"60.0\"), 000-0310-1 "
                       "(\"65.0\" → \"60.0\")."),
            std::string::npos);
  EXPECT_NE(r.out.find("Moved 6 reports: cross-source.json ("), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("6 other reports read it and did not move."), std::string::npos);
  EXPECT_NE(r.out.find("| rows[ministral-8b].score | worse | 59.98 | 59.48 | -0.5 |"),
            std::string::npos);
  EXPECT_NE(r.out.find("| rows[ministral-8b].benchmarks.mmlu.raw | worse | 65.0 | 60.0 | -5 |"),
            std::string::npos);
  EXPECT_NE(r.out.find("| claims.000-0310-1.value_text | changed | \"65.0\" | \"60.0\" |"),
            std::string::npos);

  const Json doc = Json::parse(ReadFile(json).value());
  EXPECT_EQ(doc["schema"], "podium.check/2");
  ASSERT_EQ(doc["causes"].size(), 1u);
  EXPECT_EQ(doc["causes"][0]["inputs"][0]["current_path"],
            "datasets/claims/000_43fd87e1ab347223.csv");
  EXPECT_EQ(doc["causes"][0]["moved"].size(), 6u);
  EXPECT_EQ(doc["causes"][0]["claims"][1]["id"], "000-0310-1");
  const Json& s = doc["summary"];
  EXPECT_GT(s["worse"].get<int>(), 0);
  EXPECT_EQ(s["differences"].get<int>(),
            s["worse"].get<int>() + s["better"].get<int>() + s["changed"].get<int>());
  EXPECT_EQ(doc["failures"], s["differences"]);
  // The summary line gives the same counts.
  EXPECT_NE(r.out.find(fmt::format("**{} differences: {} worse, {} better, {} changed**",
                                   s["differences"].get<int>(), s["worse"].get<int>(),
                                   s["better"].get<int>(), s["changed"].get<int>())),
            std::string::npos)
      << r.out;
}

// An improvement is "better", never a regression; it still fails (the
// baseline is out of date) unless --allow-better.
TEST(CheckCommandTest, AnImprovementIsBetterAndFailsUnlessAllowed) {
  const std::string base = Board(CopyOfDatasets());
  const std::string home = CopyOfDatasets();
  EditMinistralMmlu(home, "70.0");
  const std::string current = Board(home);
  Outcome r = Check({base, current, "--ignore", "claims,ci_low,ci_high,ci_low_mcse,ci_high_mcse",
                     "--ignore", "options.uncertainty"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_EQ(r.out.find("regression"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| rows[ministral-8b].score | better |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("0 worse, 3 better, 0 changed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("**Fails** (exit 1): 3 differences fail the check."), std::string::npos);

  r = Check({base, current, "--allow-better", "--ignore",
             "claims,ci_low,ci_high,ci_low_mcse,ci_high_mcse,uncertainty"});
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("| rows[ministral-8b].score | better | 49.3666666667 | 51.0333333333 | "
                       "+1.66667 | — | no |"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("**Passes**: the 3 differences listed are allowed"), std::string::npos);
  EXPECT_EQ(r.err, "");

  // A pattern that leaves out nothing is most likely a typo.
  r = Check({base, current, "--ignore", "rows[*].scroe"});
  EXPECT_NE(r.err.find("warning: --ignore 'rows[*].scroe' matched no field of any report"),
            std::string::npos)
      << r.err;
}

TEST(CheckCommandTest, AMissingPathIsNoSuchFileOrDirectory) {
  const std::string dir = testing::TempDir();
  const std::string board = Board(CopyOfDatasets());
  Outcome r = Check({dir, "/nonexistent"});
  EXPECT_EQ(r.code, 2);
  EXPECT_EQ(r.err,
            "/nonexistent: error: no such file or directory\n"
            "podium check: 1 error; nothing compared\n");
  r = Check({dir + "/gone.json", board});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(dir + "/gone.json: error: no such file or directory\n"), std::string::npos);
  // Both exist, one a folder: that is a different mistake.
  r = Check({dir, board});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(board + ": error: a file compared with the folder `" + dir +
                       "`: compare a file with a file or a folder with a folder"),
            std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace podium
