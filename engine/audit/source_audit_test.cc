#include "engine/audit/source_audit.h"

#include <gtest/gtest.h>

#include "engine/base/sha256.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::MakeClaim;

TEST(LinePrintsNumberTest, WholeTokensOnly) {
  EXPECT_TRUE(LinePrintsNumber("미스트랄 8B는 65.0점으로", "65.0"));
  EXPECT_TRUE(LinePrintsNumber("Overall\t+35.0\t+8.2", "+35.0"));
  EXPECT_TRUE(LinePrintsNumber("Overall\t+35.0\t+8.2", "8.2"));  // unsigned after '+'
  EXPECT_TRUE(LinePrintsNumber("1,032점으로", "1032"));
  EXPECT_TRUE(LinePrintsNumber("1077점", "1077"));
  EXPECT_TRUE(LinePrintsNumber("GPT-4(67%)", "67"));
  EXPECT_FALSE(LinePrintsNumber("165.0점", "65.0"));
  EXPECT_FALSE(LinePrintsNumber("65.05점", "65.0"));
  EXPECT_FALSE(LinePrintsNumber("65.0", "65"));
  EXPECT_FALSE(LinePrintsNumber("score -3.1", "3.1"));  // sign differs
  EXPECT_FALSE(LinePrintsNumber("1,0320", "1032"));
  EXPECT_FALSE(LinePrintsNumber("nothing here", "1"));
}

struct Fixture {
  Registry registry = testing::SmallRegistry();
  std::map<std::string, SourceDocument> documents;
  Fixture() {
    SourceDocument s1{"s1", "seeds/s1.txt", true, "", {}};
    s1.lines = {"",                                                     // 1
                "모델1은 벤치1에서 65.0점으로 모델2(64.7점)를 앞섰다",  // 2
                "",                                                     // 3
                "Model\tAvg\tB1\tB2",                                   // 4
                "Model One\t50.00\t60.00\t40.00",                       // 5
                "Model Two\t55.00\t56.00\t54.00",                       // 6
                "Model Three\t47.00\t40.00\t50.00",                     // 7
                "모델4 기록은 12.5%로 알려졌다"};                       // 8
    documents["s1"] = s1;
    documents["s2"] = {"s2", "seeds/s2.txt", false, "", {}};
  }
};

std::vector<FindingKind> Kinds(const AuditResult& r) {
  std::vector<FindingKind> kinds;
  for (const AuditFinding& f : r.findings) kinds.push_back(f.kind);
  return kinds;
}

TEST(SourceAuditTest, VerifiesValueAndModelNameOnTheCitedLine) {
  Fixture f;
  Claim good = MakeClaim("c1", "m1", "b1", 65.0);
  good.value_text = "65.0";
  good.line = 2;
  good.model_as_written = "모델1";
  Claim paren = MakeClaim("c2", "m2", "b1", 64.7);
  paren.value_text = "64.7";
  paren.line = 2;
  Claim wrong_value = MakeClaim("c3", "m1", "b2", 66.0);
  wrong_value.value_text = "66.0";
  wrong_value.line = 2;
  Claim wrong_model = MakeClaim("c4", "m3", "b2", 65.0);
  wrong_model.value_text = "65.0";
  wrong_model.line = 2;
  Claim past_end = MakeClaim("c5", "m1", "b2", 1);
  past_end.line = 99;
  AuditResult r = AuditClaims({good, paren, wrong_value, wrong_model, past_end}, f.registry,
                              {{"s1", f.documents["s1"]}});
  EXPECT_EQ(r.claims, 5);
  EXPECT_EQ(r.verified, 2);
  EXPECT_EQ(r.errors, 4);  // missing document s2 + three bad claims
  ASSERT_GE(r.findings.size(), 4u);
  EXPECT_EQ(r.findings[0].kind, FindingKind::kDocumentMissing);
  EXPECT_EQ(r.findings[1].kind, FindingKind::kLineOutOfRange);
  EXPECT_EQ(r.findings[1].message, "claim c5 cites line 99, but seeds/s1.txt has 8 lines");
  EXPECT_EQ(r.findings[2].kind, FindingKind::kValueNotOnLine);
  EXPECT_EQ(r.findings[2].claims, (std::vector<std::string>{"c3"}));
  EXPECT_EQ(r.findings[2].text, "모델1은 벤치1에서 65.0점으로 모델2(64.7점)를 앞섰다");
  EXPECT_EQ(r.findings[3].kind, FindingKind::kModelNotNear);
  EXPECT_EQ(r.findings[3].claims, (std::vector<std::string>{"c4"}));
}

TEST(SourceAuditTest, ModelNameMayBeAFewLinesAbove) {
  Fixture f;
  Claim c = MakeClaim("c1", "m1", "b1", 12.5);
  c.value_text = "12.5";
  c.line = 8;  // "모델4 …" is on line 8; "모델1" is on line 2, six lines up
  AuditResult near = AuditClaims({c}, f.registry, {{"s1", f.documents["s1"]}}, {8});
  EXPECT_EQ(near.verified, 1);
  AuditResult far = AuditClaims({c}, f.registry, {{"s1", f.documents["s1"]}}, {1});
  EXPECT_EQ(far.verified, 0);
}

TEST(SourceAuditTest, DigestMismatchIsAnError) {
  Fixture f;
  Diagnostics d;
  Registry r = Registry::FromRecords(
      {}, {}, {{"s1", "s1.txt", "", "", "", std::string(64, 'a'), {"sources.csv", 2, 1}}}, &d);
  f.documents["s1"].sha256 = Sha256Hex("other");
  AuditResult result = AuditClaims({}, r, {{"s1", f.documents["s1"]}});
  ASSERT_EQ(result.errors, 1);
  EXPECT_EQ(result.findings[0].kind, FindingKind::kDigestMismatch);
}

TEST(SourceAuditTest, ConflictsAndDuplicates) {
  Fixture f;
  Claim a = MakeClaim("a", "m1", "b1", 77.2);
  Claim b = MakeClaim("b", "m1", "b1", 82.0, "s2");
  Claim c = MakeClaim("c", "m1", "b1", 82.0, "s2");
  a.value_text = "77.2";
  b.value_text = c.value_text = "82.0";
  b.line = 5;
  c.line = 9;
  AuditResult r = AuditClaims({a, b, c}, f.registry, {});
  std::vector<const AuditFinding*> conflicts, duplicates;
  for (const AuditFinding& x : r.findings) {
    if (x.kind == FindingKind::kConflict) conflicts.push_back(&x);
    if (x.kind == FindingKind::kDuplicate) duplicates.push_back(&x);
  }
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0]->message,
            "model 'm1' on benchmark 'b1' has 2 different values: a = 77.2 (s1 line 1); "
            "b = 82.0 (s2 line 5); c = 82.0 (s2 line 9)");
  ASSERT_EQ(duplicates.size(), 1u);
  EXPECT_EQ(duplicates[0]->claims, (std::vector<std::string>{"b", "c"}));
  // Only the two unreadable documents are errors: conflicts and duplicates are
  // findings about the sources.
  EXPECT_EQ(r.errors, 2);
}

TEST(SourceAuditTest, RecomputesTableAveragesAndChecksTableOrder) {
  Diagnostics d;
  std::vector<Model> models = {{"m1", "Model One"}, {"m2", "Model Two"}, {"m3", "Model Three"}};
  std::vector<Benchmark> benchmarks = {{"avg", "Avg"}, {"b1", "B1"}, {"b2", "B2"}};
  benchmarks[0].category = "aggregate";
  Registry registry = Registry::FromRecords(models, benchmarks, {{"s1", "s1.txt"}}, &d);
  Fixture f;
  std::vector<Claim> claims;
  auto cell = [&](const std::string& model, const std::string& bench, int line,
                  const std::string& text) {
    Claim c = MakeClaim(model + "-" + bench, model, bench, std::stod(text));
    c.value_text = text;
    c.line = line;
    c.kind = ClaimKind::kTable;
    claims.push_back(c);
  };
  cell("m1", "avg", 5, "50.00");  // (60 + 40) / 2 = 50: matches
  cell("m1", "b1", 5, "60.00");
  cell("m1", "b2", 5, "40.00");
  cell("m2", "avg", 6, "55.00");  // (56 + 54) / 2 = 55, but listed below 50.00: order
  cell("m2", "b1", 6, "56.00");
  cell("m2", "b2", 6, "54.00");
  cell("m3", "avg", 7, "47.00");  // (40 + 50) / 2 = 45 != 47: mismatch
  cell("m3", "b1", 7, "40.00");
  cell("m3", "b2", 7, "50.00");
  AuditResult r = AuditClaims(claims, registry, {{"s1", f.documents["s1"]}});
  EXPECT_EQ(r.verified, 9);
  int checked = 0, mismatched = 0, order = 0;
  for (const AuditFinding& x : r.findings) {
    checked += x.kind == FindingKind::kAverageChecked;
    if (x.kind == FindingKind::kAverageMismatch) {
      ++mismatched;
      EXPECT_EQ(x.line, 7);
      EXPECT_EQ(x.message,
                "'avg' of m3: stated 47.00, mean of the row's 2 other cells 45.0000 "
                "(difference -2.0000, tolerance 0.01)");
    }
    if (x.kind == FindingKind::kOrderMismatch) {
      ++order;
      EXPECT_EQ(x.line, 6);
      EXPECT_EQ(x.claims, (std::vector<std::string>{"m1-avg", "m2-avg"}));
    }
  }
  EXPECT_EQ(checked, 2);
  EXPECT_EQ(mismatched, 1);
  EXPECT_EQ(order, 1);
}

TEST(SourceAuditTest, ListsScoreLikeNumbersThatNoClaimCites) {
  Fixture f;
  Claim c = MakeClaim("c1", "m1", "b1", 65.0);
  c.value_text = "65.0";
  c.line = 2;
  AuditResult r = AuditClaims({c}, f.registry, {{"s1", f.documents["s1"]}});
  std::vector<std::pair<int, std::string>> uncited;
  for (const AuditFinding& x : r.findings) {
    if (x.kind == FindingKind::kUncitedNumber) uncited.push_back({x.line, x.message});
  }
  EXPECT_EQ(uncited, (std::vector<std::pair<int, std::string>>{
                         {2, "64.7 on line 2 names a model but no claim cites it"},
                         {8, "12.5 on line 8 names a model but no claim cites it"}}));
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(SourceAuditTest, DifferentSettingsAreNeitherConflictsNorDuplicates) {
  Claim a = MakeClaim("a", "m1", "b1", 35.0);
  Claim b = MakeClaim("b", "m1", "b1", 8.2);
  a.setting = "vs Runway Gen3";
  b.setting = "vs OpenAI Sora";
  AuditResult r = AuditClaims({a, b}, testing::SmallRegistry(), {});
  for (const AuditFinding& f : r.findings) {
    EXPECT_NE(f.kind, FindingKind::kConflict) << f.message;
    EXPECT_NE(f.kind, FindingKind::kDuplicate) << f.message;
  }
}

}  // namespace
}  // namespace podium
