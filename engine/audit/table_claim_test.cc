#include "engine/audit/table_claim.h"

#include <gtest/gtest.h>

#include "engine/audit/line_reading.h"
#include "engine/audit/table_cells.h"
#include "tests/testing.h"

namespace podium {
namespace {

// SmallRegistry: models m1..m4 ("Model One".., 모델1..), benchmarks b1
// ("Bench One", "B-1", "벤치1"), b2 ("Bench Two") and low ("Lower Better").
struct Table {
  Registry registry = testing::SmallRegistry();
  SourceDocument doc;
  std::vector<Claim> claims;

  Table(std::vector<std::string> lines, const std::string& file = "s1.txt") {
    doc.id = "s1";
    doc.path = "seeds/" + file;
    doc.found = true;
    doc.lines = std::move(lines);
    doc.delimiter = DocumentDelimiter(file);
  }

  Claim& Add(const std::string& id, const std::string& model, const std::string& as_written,
             const std::string& benchmark, const std::string& benchmark_as_written,
             const std::string& value, int line) {
    Claim c = testing::MakeClaim(id, model, benchmark, std::stod(value));
    c.value_text = value;
    c.line = line;
    c.kind = ClaimKind::kTable;
    c.model_as_written = as_written;
    c.benchmark_as_written = benchmark_as_written;
    claims.push_back(c);
    return claims.back();
  }

  std::optional<ClaimCheck> Check(const std::string& id) {
    std::vector<const Claim*> all;
    const Claim* claim = nullptr;
    for (const Claim& c : claims) {
      all.push_back(&c);
      if (c.id == id) claim = &c;
    }
    NameIndex names(registry, all);
    DocumentReading reading(doc, names);
    return CheckTableClaim(*claim, registry, &reading, AuditOptions{});
  }
};

TEST(TableClaimTest, TheCellInTheBenchmarksColumn) {
  Table t({"Scores", "", "Model\tB-1\tBench Two\tLower Better", "Model One\t60.0\t70.5%\t3.0",
           "Model Two\t55.0\t71.0\t2.5"});
  t.Add("cell", "m1", "Model One", "b1", "B-1", "60.0", 4);
  t.Add("unit", "m1", "Model One", "b2", "Bench Two", "70.5", 4);
  t.Add("swapped", "m1", "Model One", "b1", "B-1", "70.5", 4);
  t.Add("absent", "m1", "Model One", "b1", "B-1", "61.0", 4);
  t.Add("row", "m2", "Model Two", "b1", "B-1", "60.0", 4);
  EXPECT_FALSE(t.Check("cell")->problem) << t.Check("cell")->message;
  EXPECT_FALSE(t.Check("unit")->problem) << t.Check("unit")->message;
  std::optional<ClaimCheck> swapped = t.Check("swapped");
  EXPECT_EQ(swapped->problem, FindingKind::kWrongCell);
  EXPECT_EQ(swapped->message,
            "claim swapped: 70.5 is in column 'Bench Two' (column 3) of line 4, not in column "
            "'B-1' (column 2), which holds 60.0 (header: line 3)");
  std::optional<ClaimCheck> absent = t.Check("absent");
  EXPECT_EQ(absent->problem, FindingKind::kValueNotOnLine);
  EXPECT_EQ(absent->message,
            "claim absent: 61.0 is in no cell of line 4; the benchmark's column 'B-1' (column 2), "
            "which holds 60.0 (header: line 3)");
  std::optional<ClaimCheck> row = t.Check("row");
  EXPECT_EQ(row->problem, FindingKind::kRowLabelMismatch);
  EXPECT_EQ(row->message,
            "claim row: the row label 'Model One' of line 4 names m1, not 'Model Two' (m2)");
}

TEST(TableClaimTest, MarkdownPipeTable) {
  Table t({"| Model | Bench One | Bench Two |", "|---|---:|---:|", "| 모델1 | 48.3 | 71.9 |"});
  t.Add("ok", "m1", "모델1", "b2", "Bench Two", "71.9", 3);
  t.Add("swapped", "m1", "모델1", "b1", "Bench One", "71.9", 3);
  EXPECT_FALSE(t.Check("ok")->problem) << t.Check("ok")->message;
  EXPECT_EQ(t.Check("swapped")->message,
            "claim swapped: 71.9 is in column 'Bench Two' (column 3) of line 3, not in column "
            "'Bench One' (column 2), which holds 48.3 (header: line 1)");
}

TEST(TableClaimTest, CsvSourceIsSplitByItsCommas) {
  // "1,234" between cells is two numbers; a quoted "1,234" is one.
  Table t(
      {"model,Bench One,Bench Two,Lower Better", "Model One,1,234,56.7", "Model Two,\"1,234\",5,6"},
      "s1.csv");
  t.Add("first", "m1", "Model One", "b1", "Bench One", "1", 2);
  t.Add("second", "m1", "Model One", "b2", "Bench Two", "234", 2);
  t.Add("not-a-thousand", "m1", "Model One", "b1", "Bench One", "1234", 2);
  t.Add("quoted", "m2", "Model Two", "b1", "Bench One", "1234", 3);
  EXPECT_FALSE(t.Check("first")->problem) << t.Check("first")->message;
  EXPECT_FALSE(t.Check("second")->problem) << t.Check("second")->message;
  EXPECT_EQ(t.Check("not-a-thousand")->problem, FindingKind::kValueNotOnLine);
  EXPECT_FALSE(t.Check("quoted")->problem) << t.Check("quoted")->message;
}

TEST(TableClaimTest, MergedHeaderCellsAndSubHeadersChosenByTheSetting) {
  Table t({"<모델1 net win rates>", "", "\tBench One\t\tBench Two",
           "Models\tvs A\tvs A Style\tvs B", "Overall\t+35.0\t+8.2\t+3.9"});
  t.Add("a", "m1", "모델1", "b1", "Bench One", "+35.0", 5).setting = "vs A; 3 raters";
  t.Add("a-style", "m1", "모델1", "b1", "Bench One", "+8.2", 5).setting = "vs A Style";
  t.Add("swapped", "m1", "모델1", "b1", "Bench One", "+8.2", 5).setting = "vs A";
  t.Add("unnamed", "m1", "모델1", "b1", "Bench One", "+8.2", 5);
  t.Add("other-column", "m1", "모델1", "b1", "Bench One", "+3.9", 5);
  EXPECT_FALSE(t.Check("a")->problem) << t.Check("a")->message;
  EXPECT_FALSE(t.Check("a-style")->problem) << t.Check("a-style")->message;
  EXPECT_EQ(t.Check("swapped")->message,
            "claim swapped: +8.2 is in column 'Bench One / vs A Style' (column 3) of line 5, not "
            "in column 'Bench One / vs A' (column 2), which holds +35.0 (header: line 3)");
  std::optional<ClaimCheck> unnamed = t.Check("unnamed");
  EXPECT_EQ(unnamed->problem, FindingKind::kUndecided);
  EXPECT_EQ(unnamed->message,
            "claim unnamed: +8.2 is in column 'Bench One / vs A Style' (column 3) of line 5, one "
            "of the 2 columns under 'Bench One' (header: line 3); the setting '' names none of "
            "their sub-headers, so which column is the claim's cannot be decided");
  EXPECT_EQ(t.Check("other-column")->problem, FindingKind::kWrongCell);
}

TEST(TableClaimTest, ARowLabelWithoutAModelNeedsACaption) {
  Table t({"\tBench One", "Overall\t+35.0"});
  t.Add("no-caption", "m1", "모델1", "b1", "Bench One", "+35.0", 2);
  std::optional<ClaimCheck> check = t.Check("no-caption");
  EXPECT_EQ(check->problem, FindingKind::kModelNotNear);
  EXPECT_EQ(check->message,
            "claim no-caption: the row label 'Overall' of line 2 names no model, and no name of "
            "model 'm1' is on the table's header (line 1) or the 8 lines above it");
}

TEST(TableClaimTest, NoColumnForTheBenchmarkIsLeftToTheProseRules) {
  Table t({"Company\tActivities", "모레\t'MoMo' 1위 on Bench One", "prose line 60.0"});
  t.Add("in-cell", "m1", "모델1", "b1", "Bench One", "1", 2);
  t.Add("prose", "m1", "모델1", "b1", "Bench One", "60.0", 3);
  EXPECT_FALSE(t.Check("in-cell").has_value());
  EXPECT_FALSE(t.Check("prose").has_value());
}

TEST(TableCellsTest, SplitsByDelimiter) {
  using V = std::vector<std::string>;
  EXPECT_EQ(SplitCells("a\t b \t\tc", '\t'), (V{"a", "b", "", "c"}));
  EXPECT_EQ(SplitCells("| a | b |", '|'), (V{"a", "b"}));
  EXPECT_EQ(SplitCells("x,\"1,234\",\"say \"\"hi\"\"\"", ','), (V{"x", "1,234", "say \"hi\""}));
  EXPECT_EQ(DocumentDelimiter("scores.csv"), ',');
  EXPECT_EQ(DocumentDelimiter("scores.tsv"), '\t');
  EXPECT_EQ(DocumentDelimiter("brief.txt"), 0);
  EXPECT_EQ(RowDelimiter("a | b | c"), '|');
  EXPECT_EQ(RowDelimiter("a, b"), 0);
}

}  // namespace
}  // namespace podium
