#include "engine/audit/prose_claim.h"

#include <gtest/gtest.h>

#include "engine/audit/line_reading.h"
#include "tests/testing.h"

namespace podium {
namespace {

// SmallRegistry: models m1..m4 (모델1..모델4, "Model One"..), benchmarks b1
// ("Bench One", "B-1", "벤치1") and b2 ("Bench Two").
struct Prose {
  Registry registry = testing::SmallRegistry();
  SourceDocument doc;
  std::vector<Claim> claims;

  explicit Prose(std::vector<std::string> lines) {
    doc.id = "s1";
    doc.path = "seeds/s1.txt";
    doc.found = true;
    doc.lines = std::move(lines);
  }

  // Adds a prose claim on `line` (1-based) with the value as printed.
  Claim& Add(const std::string& id, const std::string& model, const std::string& as_written,
             const std::string& benchmark, const std::string& benchmark_as_written,
             const std::string& value, int line = 1) {
    Claim c = testing::MakeClaim(id, model, benchmark, std::stod(value));
    c.value_text = value;
    c.line = line;
    c.kind = ClaimKind::kProse;
    c.model_as_written = as_written;
    c.benchmark_as_written = benchmark_as_written;
    claims.push_back(c);
    return claims.back();
  }

  ClaimCheck Check(const std::string& id, AuditOptions options = {}) {
    std::vector<const Claim*> all, same_line;
    const Claim* claim = nullptr;
    for (const Claim& c : claims) all.push_back(&c);
    for (const Claim& c : claims) {
      if (c.id == id) claim = &c;
    }
    for (const Claim& c : claims) {
      if (c.line == claim->line) same_line.push_back(&c);
    }
    NameIndex names(registry, all);
    DocumentReading reading(doc, names);
    return CheckProseClaim(*claim, same_line, &reading, options);
  }
};

TEST(ProseClaimTest, TheNumberAttachedToEachModel) {
  Prose p({"벤치1에서 모델1은 65.0점으로 ‘모델2’(64.7점)를 앞섰다."});
  p.Add("own", "m1", "모델1", "b1", "벤치1", "65.0");
  p.Add("competitor", "m2", "모델2", "b1", "벤치1", "64.7");
  p.Add("swapped", "m1", "모델1", "b1", "벤치1", "64.7");
  p.Add("swapped2", "m2", "모델2", "b1", "벤치1", "65.0");
  EXPECT_FALSE(p.Check("own").problem) << p.Check("own").message;
  EXPECT_FALSE(p.Check("competitor").problem) << p.Check("competitor").message;
  ClaimCheck swapped = p.Check("swapped");
  EXPECT_EQ(swapped.problem, FindingKind::kWrongNumber);
  EXPECT_EQ(swapped.message,
            "claim swapped: 64.7 on line 1 is the number of '모델2'; the number attached to "
            "'모델1' is 65.0");
  ClaimCheck swapped2 = p.Check("swapped2");
  EXPECT_EQ(swapped2.problem, FindingKind::kWrongNumber);
  EXPECT_EQ(swapped2.message,
            "claim swapped2: 65.0 on line 1 is the number of '모델1'; the number attached to "
            "'모델2' is 64.7");
}

TEST(ProseClaimTest, TheSubjectKeepsItsNumbersOnFurtherBenchmarks) {
  // "... and on Bench Two 1,032 points, behind 모델2 (1,041)": 1,032 follows
  // 모델2's name but belongs to the subject, 모델1.
  Prose p(
      {"벤치1에서 모델1은 65.0점으로 모델2(60.0점)를 앞섰고, Bench Two에서는 1,032점으로 "
       "모델2(1,041점)에 이어 2위"});
  p.Add("b2", "m1", "모델1", "b2", "Bench Two", "1032");
  p.Add("b2-competitor", "m2", "모델2", "b2", "Bench Two", "1041");
  p.Add("wrong-benchmark", "m1", "모델1", "b1", "벤치1", "1032");
  EXPECT_FALSE(p.Check("b2").problem) << p.Check("b2").message;
  EXPECT_FALSE(p.Check("b2-competitor").problem) << p.Check("b2-competitor").message;
  ClaimCheck wrong = p.Check("wrong-benchmark");
  EXPECT_EQ(wrong.problem, FindingKind::kOtherBenchmark);
  EXPECT_EQ(wrong.message,
            "claim wrong-benchmark: 1,032 on line 1 follows 'Bench Two' (b2), not the claim's "
            "benchmark '벤치1'");
}

TEST(ProseClaimTest, NumbersBeforeTheNameAreUndecidedNotPassed) {
  const std::string line =
      "모델1은 벤치1에서 68.6점으로, 각각 71.1점과 70.2점을 받은 모델2와 모델3을 앞섰다.";
  Prose p({line});
  p.Add("subject", "m1", "모델1", "b1", "벤치1", "68.6");
  p.Add("before-name", "m2", "모델2", "b1", "벤치1", "71.1");
  EXPECT_FALSE(p.Check("subject").problem) << p.Check("subject").message;
  ClaimCheck undecided = p.Check("before-name");
  EXPECT_EQ(undecided.problem, FindingKind::kUndecided);
  EXPECT_EQ(undecided.message,
            "claim before-name: 71.1 is printed on line 1 but is not the first number after "
            "'모델2' nor in parentheses after it (no number on the line is attached to '모델2'); "
            "cannot decide whose number it is");
  // 모델1's number on 벤치1 is decided (68.6): another number is an error.
  Prose swap({line});
  swap.Add("subject-swapped", "m1", "모델1", "b1", "벤치1", "71.1");
  ClaimCheck swapped = swap.Check("subject-swapped");
  EXPECT_EQ(swapped.problem, FindingKind::kWrongNumber);
  EXPECT_EQ(swapped.message,
            "claim subject-swapped: the number attached to '모델1' after '벤치1' on line 1 is "
            "68.6, not 71.1 (71.1 is printed there but not attached to '모델1')");
}

TEST(ProseClaimTest, TwoNumbersOfOneModelAndBenchmarkAreUndecided) {
  // "from 17 to 41 points": two claims (before/after) expect two numbers.
  Prose p({"모델1 기준, 벤치1은 17점에서 41점으로 향상"});
  p.Add("before", "m1", "모델1", "b1", "벤치1", "17").setting = "before";
  p.Add("after", "m1", "모델1", "b1", "벤치1", "41").setting = "after";
  EXPECT_FALSE(p.Check("before").problem) << p.Check("before").message;
  EXPECT_EQ(p.Check("after").problem, FindingKind::kUndecided);
}

TEST(ProseClaimTest, SubjectNamedOnALineAbove) {
  Prose p({"모델1은 새로 공개된 모델이다.", "", "벤치1에서는 88.0%로 모델2(80.0%)를 능가"});
  p.Add("carried", "m1", "모델1", "b1", "벤치1", "88.0", 3);
  p.Add("carried-swapped", "m2", "모델2", "b1", "벤치1", "88.0", 3);
  EXPECT_FALSE(p.Check("carried").problem) << p.Check("carried").message;
  // 모델1 owns 88.0 only weakly (its name is two lines up), so 88.0 fails for
  // 모델2 because 모델2's own number there is 80.0, not because of 모델1.
  ClaimCheck other = p.Check("carried-swapped");
  EXPECT_EQ(other.problem, FindingKind::kWrongNumber);
  EXPECT_EQ(other.message,
            "claim carried-swapped: the number attached to '모델2' after '벤치1' on line 3 is "
            "80.0, not 88.0 (88.0 is printed there but not attached to '모델2')");
}

TEST(ProseClaimTest, TheBenchmarkMustBeNamedInTheSentenceOrJustAbove) {
  Prose p(
      {"벤치1 결과", "", "", "", "모델1은 65.0점을 받았다.", "Bench Two 평가에서 모델1은 12.5점"});
  p.Add("above", "m1", "모델1", "b1", "벤치1", "65.0", 5);
  p.Add("next-sentence", "m1", "모델1", "b2", "Bench Two", "65.0", 5);
  p.Add("other-sentence", "m1", "모델1", "b2", "Bench Two", "12.5", 6);
  ClaimCheck far = p.Check("above");  // four lines above: too far by default
  EXPECT_EQ(far.problem, FindingKind::kBenchmarkNotNear);
  EXPECT_EQ(far.message,
            "claim above: the benchmark '벤치1' is not named in the sentence of 65.0 on line 5, "
            "earlier on that line, or in the 3 lines above");
  EXPECT_FALSE(p.Check("above", {8, 4}).problem);
  EXPECT_EQ(p.Check("next-sentence").problem, FindingKind::kBenchmarkNotNear);
  EXPECT_FALSE(p.Check("other-sentence").problem);
}

TEST(ProseClaimTest, ValueNotPrinted) {
  Prose p({"벤치1에서 모델1은 1,032점, 라마 3.1 8B 대비"});
  p.Add("grouped", "m1", "모델1", "b1", "벤치1", "1032");
  p.Add("missing", "m1", "모델1", "b1", "벤치1", "1033");
  EXPECT_FALSE(p.Check("grouped").problem) << p.Check("grouped").message;
  ClaimCheck missing = p.Check("missing");
  EXPECT_EQ(missing.problem, FindingKind::kValueNotOnLine);
  EXPECT_EQ(missing.message, "claim missing: the value 1033 is not printed on line 1");
}

}  // namespace
}  // namespace podium

namespace podium {
namespace {

TEST(ProseClaimTest, ACompetitorInParenthesesIsNeverTheSubject) {
  // Line 2 continues line 1's subject (모델1) after a competitor's number.
  Prose p({"모델1은 새 모델이다.",
           "벤치1은 90%로 모델2(88%)를 앞섰고, Bench Two는 74.1%로 모델3(67%)보다 높다"});
  p.Add("carried", "m1", "모델1", "b2", "Bench Two", "74.1", 2);
  p.Add("competitor", "m3", "모델3", "b2", "Bench Two", "74.1", 2);
  EXPECT_FALSE(p.Check("carried").problem) << p.Check("carried").message;
  // 모델3's number on Bench Two is 67 (in parentheses): 74.1 is not it.
  EXPECT_EQ(p.Check("competitor").problem, FindingKind::kWrongNumber);
}

TEST(ProseClaimTest, ANameAfterItsNumberAndAChangeOpenNoClause) {
  Prose p({"모델1은 50개 명령에 대해 90%의 벤치1을 보였고, 각 요청에 30초가 걸렸다",
           "모델2는 Bench Two에서 75.4%에서 88.7%로 개선"});
  p.Add("after-number", "m1", "모델1", "b1", "벤치1", "30");
  p.Add("change", "m2", "모델2", "b2", "Bench Two", "75.4", 2);
  // 30 follows 벤치1 but is not its number: nobody owns it.
  EXPECT_EQ(p.Check("after-number").problem, FindingKind::kUndecided);
  // 75.4 is the first number after 모델2 (rule 3), not the clause's.
  EXPECT_FALSE(p.Check("change").problem) << p.Check("change").message;
}

TEST(ProseClaimTest, BenchmarksListedTogetherShareTheirNumber) {
  Prose p({"모델1은 ▲벤치1 ▲Bench Two 두 부문에서 모두 1위를 차지했다."});
  p.Add("first", "m1", "모델1", "b1", "벤치1", "1");
  p.Add("second", "m1", "모델1", "b2", "Bench Two", "1");
  EXPECT_FALSE(p.Check("first").problem) << p.Check("first").message;
  EXPECT_FALSE(p.Check("second").problem) << p.Check("second").message;
}

}  // namespace
}  // namespace podium
