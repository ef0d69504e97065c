#include "engine/ingest/battle_fields.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

using nlohmann::json;

TEST(BattleFieldsTest, BooleansAsCsvWritesThem) {
  for (const char* yes : {"true", "True", "TRUE", "1"}) EXPECT_EQ(ParseBoolText(yes), true) << yes;
  for (const char* no : {"false", "False", "FALSE", "0"}) EXPECT_EQ(ParseBoolText(no), false) << no;
  for (const char* bad : {"", "yes", "t", "tRUE", " true"}) EXPECT_FALSE(ParseBoolText(bad)) << bad;
}

TEST(BattleFieldsTest, DedupTagsKeepWhatWasSampled) {
  EXPECT_EQ(SampledOf(json::parse(R"({"high_freq": false, "sampled": true})")), true);
  EXPECT_EQ(SampledOf(json::parse(R"({"high_freq": true, "sampled": false})")), false);
  EXPECT_EQ(SampledOf(json::parse(R"({"high_freq": true})")), false);  // get("sampled", False)
  EXPECT_EQ(SampledOf(json(true)), true);
  EXPECT_FALSE(SampledOf(json::parse(R"({"sampled": 1})")));
  EXPECT_FALSE(SampledOf(json("sampled")));
}

TEST(BattleFieldsTest, DedupTagsAsText) {
  EXPECT_EQ(ParseDedupText("{'high_freq': False, 'sampled': True}"), true);
  EXPECT_EQ(ParseDedupText("{\"high_freq\": true, \"sampled\": false}"), false);
  EXPECT_EQ(ParseDedupText("False"), false);
  EXPECT_EQ(ParseDedupText("{'sampled': None}"), std::nullopt);
  EXPECT_EQ(ParseDedupText("{'sampled': True"), std::nullopt);
  EXPECT_EQ(ParseDedupText("sampled"), std::nullopt);
  EXPECT_EQ(ParseDedupText(std::string(100, '{')), std::nullopt);  // too deep to parse
}

TEST(BattleFieldsTest, TagPathsTakeTheLongestKeyThatFits) {
  const json tags = json::parse(R"({
    "criteria_v0.1": {"complexity": false, "problem_solving": true},
    "criteria_v0": {"1": {"complexity": true}},
    "math_v0.1": {"math": true},
    "if_v0.1": {"if": false, "score": 3},
    "a.b": false})");
  std::vector<std::string> keys;
  EXPECT_EQ(*ResolveTag(tags, "math_v0.1.math", &keys), json(true));
  EXPECT_EQ(keys, (std::vector<std::string>{"math_v0.1", "math"}));
  keys.clear();
  EXPECT_EQ(*ResolveTag(tags, "criteria_v0.1.complexity", &keys), json(false));
  EXPECT_EQ(keys, (std::vector<std::string>{"criteria_v0.1", "complexity"}));
  keys.clear();
  EXPECT_EQ(*ResolveTag(tags, "if_v0.1.score", &keys), json(3));
  keys.clear();
  EXPECT_EQ(*ResolveTag(tags, "a.b", &keys), json(false));
  EXPECT_EQ(keys, (std::vector<std::string>{"a.b"}));
  keys.clear();
  EXPECT_EQ(ResolveTag(tags, "math_v0.1.maths", &keys), nullptr);
  EXPECT_EQ(keys, (std::vector<std::string>{"math_v0.1"}));  // the last object reached
  keys.clear();
  EXPECT_EQ(ResolveTag(tags, "math", &keys), nullptr);  // "math_v0.1" is not "math" + '.'
  EXPECT_TRUE(keys.empty());
  EXPECT_EQ(ResolveTag(tags, "if_v0.1.score.x", &keys), nullptr);  // 3 has no keys
}

TEST(BattleFieldsTest, MetadataKeysAsFastChatNamesThem) {
  const json metadata =
      json::parse(R"({"sum_assistant_a_tokens": 1, "header_count_a": {"h1": 1}, "turns_a": 2})");
  EXPECT_EQ(MetadataKey(metadata, "sum_assistant_tokens", 'a'), "sum_assistant_a_tokens");
  EXPECT_EQ(MetadataKey(metadata, "sum_assistant_tokens", 'b'), "sum_assistant_b_tokens");
  EXPECT_EQ(MetadataKey(metadata, "header_count", 'a'), "header_count_a");
  EXPECT_EQ(MetadataKey(metadata, "turns", 'a'), "turns_a");
  EXPECT_EQ(MetadataKey(metadata, "_tokens", 'a'), "_tokens_a");
}

}  // namespace
}  // namespace podium
