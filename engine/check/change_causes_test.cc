#include "engine/check/change_causes.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

ReportComparison Report(std::vector<InputChange> inputs, std::vector<std::string> changed_paths,
                        bool known = true) {
  ReportComparison r;
  r.inputs.known = known;
  r.inputs.changes = std::move(inputs);
  for (const std::string& path : changed_paths) {
    ReportChange c;
    c.path = path;
    c.kind = "changed";
    if (path.find("value_text") != std::string::npos) {
      c.baseline = "65.0";
      c.current = "66.0";
    }
    r.changes.push_back(c);
  }
  return r;
}

const InputChange kClaims{"changed", "claims", "d/x.csv", "d/x.csv", "11", "12"};
const InputChange kRegistry{"changed", "registry", "d/models.csv", "d/models.csv", "21", "22"};

// One edited claims file is one cause, with the reports it moved and the
// reports that read it and did not move.
TEST(ChangeCausesTest, OneEditedFileIsOneCause) {
  const std::vector<ReportComparison> reports = {
      Report({}, {}),                                                 // 0: untouched
      Report({kClaims}, {"rows[m].score", "claims.c1.value_text"}),   // 1
      Report({kClaims}, {}),                                          // 2: read it, unmoved
      Report({}, {"rows[m].rank"}),                                   // 3: same inputs
      Report({kClaims}, {"claims.c1.value_text", "claims.c2.line"}),  // 4
      Report({kRegistry, kClaims}, {"rows[m].score"}),                // 5: two inputs
      Report({}, {"rows[m].score"}, /*known=*/false),                 // 6: no manifest
      Report({}, {}, /*known=*/false),                                // 7: no manifest, same
  };
  std::vector<const ReportComparison*> list;
  for (const ReportComparison& r : reports) list.push_back(&r);
  const std::vector<ChangeCause> causes = GroupByCause(list);
  ASSERT_EQ(causes.size(), 4u);
  EXPECT_EQ(causes[0].inputs, std::vector<InputChange>{kClaims});
  EXPECT_EQ(causes[0].moved, (std::vector<size_t>{1, 4}));
  EXPECT_EQ(causes[0].unmoved, std::vector<size_t>{2});
  ASSERT_EQ(causes[0].claims.size(), 2u);
  EXPECT_EQ(causes[0].claims[0].id, "c1");
  EXPECT_EQ(causes[0].claims[0].baseline, nlohmann::ordered_json("65.0"));
  EXPECT_EQ(causes[0].claims[0].current, nlohmann::ordered_json("66.0"));
  EXPECT_EQ(causes[0].claims[1].id, "c2");
  EXPECT_FALSE(causes[0].claims[1].baseline.has_value());
  EXPECT_EQ(causes[1].inputs.size(), 2u);  // claims and registry: sorted
  EXPECT_EQ(causes[1].moved, std::vector<size_t>{5});
  EXPECT_TRUE(causes[2].inputs_known);
  EXPECT_TRUE(causes[2].inputs.empty());  // same inputs: the code or options moved it
  EXPECT_EQ(causes[2].moved, std::vector<size_t>{3});
  EXPECT_FALSE(causes[3].inputs_known);
  EXPECT_EQ(causes[3].moved, std::vector<size_t>{6});
  EXPECT_TRUE(causes[3].unmoved.empty());
}

TEST(ChangeCausesTest, NothingMovedAndNothingChangedIsNoCause) {
  const ReportComparison same = Report({}, {});
  EXPECT_TRUE(GroupByCause({&same, &same}).empty());
  // An edited input that moved no number is still named.
  const ReportComparison read = Report({kClaims}, {});
  const std::vector<ChangeCause> causes = GroupByCause({&read});
  ASSERT_EQ(causes.size(), 1u);
  EXPECT_TRUE(causes[0].moved.empty());
  EXPECT_EQ(causes[0].unmoved, std::vector<size_t>{0});
}

}  // namespace
}  // namespace podium
