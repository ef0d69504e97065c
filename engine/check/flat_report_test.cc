#include "engine/check/flat_report.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

std::vector<std::string> Paths(const FlatReport& f) { return f.order; }

TEST(FlatReportTest, PathsRoundTripWithDotsInsideIdentities) {
  const ReportPath p = ParsePath("rows[llama-3.1-8b].benchmarks.mmlu.value");
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0], (PathSegment{"rows", false}));
  EXPECT_EQ(p[1], (PathSegment{"llama-3.1-8b", true}));
  EXPECT_EQ(p[4], (PathSegment{"value", false}));
  EXPECT_EQ(PathText(p), "rows[llama-3.1-8b].benchmarks.mmlu.value");
  EXPECT_EQ(PathText(p, 2), "rows[llama-3.1-8b]");
  EXPECT_EQ(PathText(ParsePath("matrices.battles[0][1]")), "matrices.battles[0][1]");
}

TEST(FlatReportTest, RowsAreNamedByIdentity) {
  const Json report = {{"rows", {{{"model", "m1"}, {"score", 1}}, {{"model", "m1"}, {"score", 2}}}},
                       {"pairs", {{{"a", "x"}, {"b", "y"}, {"d", 1}}}},
                       {"computed", {{{"model_a", "x"}, {"model_b", "y"}, {"nwr", 3}}}},
                       {"reported", {{{"claim", "c1"}, {"model_a", "x"}, {"model_b", "y"}}}},
                       {"list", {5, 6}}};
  const FlatReport f = FlattenReport(report);
  EXPECT_EQ(Paths(f),
            (std::vector<std::string>{
                "rows[m1].model", "rows[m1].score", "rows[m1#2].model", "rows[m1#2].score",
                "pairs[x vs y].a", "pairs[x vs y].b", "pairs[x vs y].d", "computed[x vs y].model_a",
                "computed[x vs y].model_b", "computed[x vs y].nwr", "reported[c1].claim",
                "reported[c1].model_a", "reported[c1].model_b", "list[0]", "list[1]"}));
  EXPECT_EQ(f.elements.count("rows[m1#2]"), 1u);
  EXPECT_EQ(f.elements.count("list[0]"), 0u);  // by index: not an element of its own
  ASSERT_NE(f.Find("computed[x vs y].nwr"), nullptr);
  EXPECT_EQ(*f.Find("computed[x vs y].nwr"), 3);
  EXPECT_EQ(f.Find("nothing"), nullptr);
}

// Where the inputs were read from is not a result: a checkout in another
// folder must not count as a change.
TEST(FlatReportTest, ManifestAndInputLocationsAreLeftOut) {
  const Json report = {
      {"schema", "podium.x/1"},
      {"inputs", {{"claims", {"/ci/a/claims.csv"}}, {"registry", "/ci/a/registry"}}},
      {"sources_directory", "/ci/shared/seeds"},
      {"input", {{"battles_file", "/ci/b.csv"}, {"battles", 10}}},
      {"options", {{"judgments_file", "/ci/j.csv"}, {"rounds", 5}}},
      {"findings", {{{"claims_row", "/ci/a/datasets/claims/x.csv:14"}}}},
      {"manifest", {{"command", {"leaderboard"}}}}};
  const FlatReport f = FlattenReport(report);
  EXPECT_EQ(Paths(f), (std::vector<std::string>{"schema", "input.battles", "options.rounds",
                                                "findings[0].claims_row"}));
  EXPECT_EQ(*f.Find("findings[0].claims_row"), "x.csv:14");
}

TEST(FlatReportTest, IgnorePatterns) {
  const ReportPath path = ParsePath("rows[llama-3.1-8b].ci_low_mcse");
  EXPECT_TRUE(IgnorePatternCovers(ParsePath("ci_low_mcse"), path));  // a key at any depth
  EXPECT_TRUE(IgnorePatternCovers(ParsePath("rows"), path));
  EXPECT_FALSE(IgnorePatternCovers(ParsePath("ci_low"), path));
  EXPECT_TRUE(IgnorePatternCovers(ParsePath("rows[*].ci_low_mcse"), path));
  EXPECT_TRUE(IgnorePatternCovers(ParsePath("rows[llama-3.1-8b]"), path));
  EXPECT_FALSE(IgnorePatternCovers(ParsePath("rows[gpt-4o]"), path));
  EXPECT_FALSE(IgnorePatternCovers(ParsePath("ci_low_mcse.x"), path));
  EXPECT_FALSE(IgnorePatternCovers(ParsePath("llama-3.1-8b"), path));  // not a key
  EXPECT_TRUE(IgnorePatternCovers(ParsePath("options.uncertainty"),
                                  ParsePath("options.uncertainty.method")));
  EXPECT_FALSE(IgnorePatternCovers(ParsePath("uncertainty.method"),
                                   ParsePath("options.uncertainty.method")));

  const Json report = {{"rows", {{{"model", "m"}, {"score", 1}, {"tier", 1}}}},
                       {"claims", {{"c1", {{"value_text", "1"}}}}}};
  const FlatReport f = FlattenReport(report, {ParsePath("tier"), ParsePath("claims")});
  EXPECT_EQ(Paths(f), (std::vector<std::string>{"rows[m].model", "rows[m].score"}));
  EXPECT_EQ(f.ignore_used, (std::set<size_t>{0, 1}));
}

}  // namespace
}  // namespace podium
