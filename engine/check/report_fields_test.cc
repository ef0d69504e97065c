#include "engine/check/report_fields.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

TEST(ReportFieldsTest, StringFieldIsEmptyUnlessAString) {
  const Json report = {{"schema", "podium.leaderboard/1"}, {"rounds", 100}, {"title", nullptr}};
  EXPECT_EQ(StringField(report, "schema"), "podium.leaderboard/1");
  EXPECT_EQ(StringField(report, "rounds"), "");
  EXPECT_EQ(StringField(report, "title"), "");
  EXPECT_EQ(StringField(report, "missing"), "");
  EXPECT_EQ(StringField(Json::array({"schema"}), "schema"), "");
  EXPECT_EQ(StringField(Json("schema"), "schema"), "");
}

TEST(ReportFieldsTest, FileNameLeavesOutTheFolders) {
  EXPECT_EQ(FileName("/home/ci/datasets/claims/x.csv:14"), "x.csv:14");
  EXPECT_EQ(FileName("datasets/registry/models.csv"), "models.csv");
  EXPECT_EQ(FileName("x.csv"), "x.csv");
  EXPECT_EQ(FileName("folder/"), "");
}

}  // namespace
}  // namespace podium
