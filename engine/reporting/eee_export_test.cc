#include "engine/reporting/eee_export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "engine/base/file_util.h"
#include "engine/ingest/import_eee.h"
#include "tests/testing.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// Claims with every optional field, on the small registry of tests/testing.h.
std::vector<Claim> Claims() {
  std::vector<Claim> claims = {podium::testing::MakeClaim("c1", "m1", "b1", 61.5),
                               podium::testing::MakeClaim("c2", "m1", "low", 0.1),
                               podium::testing::MakeClaim("c3", "m2", "b1", 1.0 / 3, "s2")};
  claims[0].stderr_ = 1.25;
  claims[0].n = 1000;
  claims[0].ci_low = 59.05;
  claims[0].ci_high = 63.95;
  claims[0].metric = "accuracy";
  claims[0].setting = "5-shot";
  claims[0].value_text = "61.5";
  claims[2].stderr_ = 0.1 + 0.2;  // not a short decimal: must come back bit for bit
  return claims;
}

// A small JSON Schema (draft-07) checker for what eval.schema.json uses:
// type, enum, const, required, properties, additionalProperties, items,
// minItems, $ref (to #/$defs/...), oneOf and if/then/else. Returns the first
// violation as "pointer: what", or "".
class SchemaCheck {
 public:
  explicit SchemaCheck(Json schema) : root_(std::move(schema)) {}
  std::string Check(const Json& value) const { return Check(root_, value, ""); }

 private:
  static bool HasType(const Json& value, const std::string& type) {
    if (type == "object") return value.is_object();
    if (type == "array") return value.is_array();
    if (type == "string") return value.is_string();
    if (type == "number") return value.is_number();
    if (type == "integer") return value.is_number_integer();
    if (type == "boolean") return value.is_boolean();
    return type == "null" && value.is_null();
  }
  std::string Check(const Json& schema, const Json& value, const std::string& at) const {
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"];
      return Check(root_["$defs"][ref.substr(ref.rfind('/') + 1)], value, at);
    }
    if (schema.contains("type")) {
      const Json types = schema["type"].is_array() ? schema["type"] : Json::array({schema["type"]});
      bool any = false;
      for (const Json& t : types) any = any || HasType(value, t.get<std::string>());
      if (!any) return at + ": not of type " + schema["type"].dump();
    }
    if (schema.contains("enum") &&
        std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
      return at + ": " + value.dump() + " not in enum";
    }
    if (schema.contains("const") && schema["const"] != value) return at + ": not the const";
    if (schema.contains("oneOf")) {
      int matches = 0;
      for (const Json& option : schema["oneOf"]) matches += Check(option, value, at).empty();
      if (matches != 1) return at + ": matches " + std::to_string(matches) + " of oneOf";
    }
    if (schema.contains("if") && Check(schema["if"], value, at).empty()) {
      if (schema.contains("then")) {
        if (std::string e = Check(schema["then"], value, at); !e.empty()) return e;
      }
    } else if (schema.contains("if") && schema.contains("else")) {
      if (std::string e = Check(schema["else"], value, at); !e.empty()) return e;
    }
    if (value.is_object()) {
      for (const Json& key : schema.value("required", Json::array())) {
        if (!value.contains(key.get<std::string>())) return at + ": required " + key.dump();
      }
      const Json properties = schema.value("properties", Json::object());
      for (const auto& [key, child] : value.items()) {
        if (properties.contains(key)) {
          if (std::string e = Check(properties[key], child, at + "/" + key); !e.empty()) return e;
        } else if (schema.contains("additionalProperties")) {
          const Json& extra = schema["additionalProperties"];
          if (extra.is_boolean() && !extra.get<bool>()) return at + "/" + key + ": not allowed";
          if (extra.is_object()) {
            if (std::string e = Check(extra, child, at + "/" + key); !e.empty()) return e;
          }
        }
      }
    }
    if (value.is_array()) {
      if (schema.contains("minItems") && value.size() < schema["minItems"].get<size_t>()) {
        return at + ": too few items";
      }
      for (size_t k = 0; k < value.size() && schema.contains("items"); ++k) {
        std::string e = Check(schema["items"], value[k], at + "/" + std::to_string(k));
        if (!e.empty()) return e;
      }
    }
    return "";
  }
  Json root_;
};

TEST(EeeExportTest, RecordsPerModelInRegistryOrder) {
  const Registry registry = podium::testing::SmallRegistry();
  EeeExportOptions options;
  options.retrieved_timestamp = "1770682486";
  const std::vector<Json> records = EeeRecords(Claims(), registry, options);
  ASSERT_EQ(records.size(), 2u);
  const Json& r = records[0];
  EXPECT_EQ(r["evaluation_id"], "podium/m1/1770682486");
  EXPECT_EQ(r["model_info"]["id"], "m1");
  EXPECT_EQ(r["model_info"]["name"], registry.ModelName("m1"));
  ASSERT_EQ(r["evaluation_results"].size(), 2u);
  const Json& first = r["evaluation_results"][0];
  EXPECT_EQ(first["evaluation_result_id"], "c1");
  EXPECT_EQ(first["metric_config"]["lower_is_better"], false);
  EXPECT_EQ(first["metric_config"]["max_score"], 100.0);
  EXPECT_EQ(first["metric_config"]["additional_details"]["chance"], "25.0");
  EXPECT_EQ(first["score_details"]["uncertainty"]["num_samples"], 1000);
  EXPECT_EQ(r["evaluation_results"][1]["metric_config"]["lower_is_better"], true);
  EXPECT_TRUE(r["evaluation_results"][1]["metric_config"]["max_score"].is_null());
}

TEST(EeeExportTest, ImportGivesBackTheSameNumbers) {
  const Registry registry = podium::testing::SmallRegistry();
  const std::vector<Claim> claims = Claims();
  const std::vector<Json> records = EeeRecords(claims, registry, {});
  const std::string dir = podium::testing::TempDir();
  for (const std::string out : {"folder", "all.json", "all.jsonl"}) {
    std::vector<ImportedScore> scores;
    for (const auto& [path, text] : EeeOutputs(records, JoinPath(dir, out))) {
      ASSERT_TRUE(path.starts_with(JoinPath(dir, out))) << path;
      const std::string name = path.substr(dir.size() + 1);
      Diagnostics d;
      ImportedResults r = ImportEee(podium::testing::WriteFile(dir, name, text), name, "", &d);
      EXPECT_TRUE(d.empty()) << podium::testing::Formatted(d)[0];
      scores.insert(scores.end(), r.scores.begin(), r.scores.end());
    }
    ASSERT_EQ(scores.size(), claims.size()) << out;
    for (size_t k = 0; k < claims.size(); ++k) {
      const Claim& c = claims[k];
      const ImportedScore& s = scores[k];
      EXPECT_EQ(registry.ResolveModel(s.model), c.model);
      EXPECT_EQ(registry.ResolveBenchmark(s.benchmark), c.benchmark);
      EXPECT_EQ(s.value, c.value) << out << " " << k;
      EXPECT_EQ(s.stderr_, c.stderr_);
      EXPECT_EQ(s.n, c.n);
      EXPECT_EQ(s.ci_low, c.ci_low);
      EXPECT_EQ(s.ci_high, c.ci_high);
      EXPECT_EQ(s.metric, c.metric);
      EXPECT_EQ(s.setting, c.setting);
    }
  }
}

TEST(EeeExportTest, FileNamesAreSafeAndDistinct) {
  std::vector<Json> records;
  for (const char* id : {"org/model a", "org_model_a", "..", ""}) {
    records.push_back(Json{{"model_info", {{"id", id}}}});
  }
  std::vector<std::string> paths;
  for (const auto& [path, text] : EeeOutputs(records, "out")) paths.push_back(path);
  EXPECT_EQ(paths, (std::vector<std::string>{"out/org_model_a.json", "out/org_model_a-2.json",
                                             "out/_...json", "out/_.json"}));
}

TEST(EeeExportTest, RecordsValidateAgainstTheSchema) {
  const std::string shared = podium::testing::SharedDir();
  if (shared.empty()) GTEST_SKIP() << "PODIUM_SHARED is not set: eval.schema.json is absent";
  const SchemaCheck check(
      Json::parse(ReadFile(shared + "/data/results/eee/eval.schema.json").value()));
  for (const Json& record : EeeRecords(Claims(), podium::testing::SmallRegistry(), {})) {
    EXPECT_EQ(check.Check(record), "") << record.dump(2);
  }
  // The checker does find what the schema forbids.
  Json bad = EeeRecords(Claims(), podium::testing::SmallRegistry(), {})[0];
  bad.erase("eval_library");
  EXPECT_EQ(check.Check(bad), ": required \"eval_library\"");
  bad = EeeRecords(Claims(), podium::testing::SmallRegistry(), {})[0];
  bad["evaluation_results"][0]["metric_config"].erase("max_score");
  EXPECT_EQ(check.Check(bad), "/evaluation_results/0/metric_config: required \"max_score\"");
  bad = EeeRecords(Claims(), podium::testing::SmallRegistry(), {})[0];
  bad["extra"] = 1;
  EXPECT_EQ(check.Check(bad), "/extra: not allowed");
}

}  // namespace
}  // namespace podium
