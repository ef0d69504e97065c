#include "engine/reporting/verify_report.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

Json Board(double score, const std::string& sha256) {
  return {{"schema", "podium.leaderboard/1"},
          {"rows", {{{"model", "a"}, {"score", score}}}},
          {"manifest",
           {{"command", {"leaderboard", "--format", "json", 7}},
            {"inputs",
             {{{"path", "datasets/claims/x.csv"}, {"sha256", sha256}},
              {{"path", "datasets/registry/models.csv"}, {"sha256", "cccc"}}}}}}};
}

TEST(VerifyReportTest, TheManifestCommandIsItsStrings) {
  Diagnostics diagnostics;
  EXPECT_EQ(ManifestCommand(Board(1, "a"), "board.json", &diagnostics),
            (std::vector<std::string>{"leaderboard", "--format", "json"}));
  EXPECT_TRUE(diagnostics.empty());
}

TEST(VerifyReportTest, NoManifestCommandIsAnError) {
  for (const Json& report : {Json::object(), Json::array(), Json{{"manifest", "x"}},
                             Json{{"manifest", {{"command", Json::array()}}}}}) {
    Diagnostics diagnostics;
    EXPECT_FALSE(ManifestCommand(report, "r.json", &diagnostics)) << report.dump();
    EXPECT_EQ(testing::Formatted(diagnostics),
              std::vector<std::string>{
                  "r.json: error: field 'manifest': no manifest with a command: not a podium "
                  "JSON report, or made before manifests (re-make it with its command)"});
  }
}

TEST(VerifyReportTest, ReproducedWithTheSameInputs) {
  std::string error;
  const std::optional<Verification> v =
      VerifyReport("b.json", "podium leaderboard", Board(1, "aaaa"), Board(1, "aaaa"), "X", &error);
  ASSERT_TRUE(v.has_value()) << error;
  EXPECT_TRUE(v->reproduced());
  EXPECT_EQ(v->markdown,
            "# podium verify\n\n`b.json`, re-run as `podium leaderboard`:\n\n**Reproduced**: "
            "every number is the same.\n\nInputs: the same bytes as in the manifest (SHA-256).\n");
}

TEST(VerifyReportTest, ADifferenceAndTheInputThatExplainsIt) {
  Json now = Board(2, "bbbbbbbbbbbbbbbb");
  now["manifest"]["inputs"][1]["path"] = "elsewhere/models.csv";
  std::string error;
  const std::optional<Verification> v =
      VerifyReport("b.json", "podium x", Board(1, "aaaaaaaaaaaaaaaa"), now, "X", &error);
  ASSERT_TRUE(v.has_value()) << error;
  EXPECT_FALSE(v->reproduced());
  EXPECT_EQ(v->comparison.name, "b.json");
  EXPECT_NE(v->markdown.find("**Not reproduced**: 1 difference.\n\n| Where |"), std::string::npos)
      << v->markdown;
  EXPECT_NE(v->markdown.find("\nInputs that differ from the manifest:\n\n"
                             "- `datasets/claims/x.csv`: changed (SHA-256 aaaaaaaaaaaa… in the "
                             "manifest, bbbbbbbbbbbb… now)\n"
                             "- `datasets/registry/models.csv`: in the manifest, not read by the "
                             "re-run\n"
                             "- `elsewhere/models.csv`: read now, not in the manifest\n"),
            std::string::npos)
      << v->markdown;
}

TEST(VerifyReportTest, OtherSchemasAreNotCompared) {
  Json arena = Board(1, "a");
  arena["schema"] = "podium.arena/1";
  std::string error;
  EXPECT_FALSE(VerifyReport("b.json", "podium x", Board(1, "a"), arena, "X", &error));
  EXPECT_EQ(error, "schemas differ: baseline podium.leaderboard/1 vs current podium.arena/1");
}

}  // namespace
}  // namespace podium
