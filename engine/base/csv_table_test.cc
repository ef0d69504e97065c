#include "engine/base/csv_table.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

std::vector<std::string> Formatted(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const Diagnostic& x : d.all()) out.push_back(FormatDiagnostic(x));
  return out;
}

TEST(CsvTableTest, ReadsColumnsByNameInAnyOrderWithRfc4180Quotes) {
  Diagnostics diagnostics;
  CsvTable t = ReadCsvTableFromText("t.csv", "b,a\n\"x, \"\"quoted\"\"\",1\n  y ,2\n",
                                    {{"a"}, {"b"}, {"c", false}}, &diagnostics);
  EXPECT_TRUE(diagnostics.empty()) << Formatted(diagnostics)[0];
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].fields, (std::vector<std::string>{"1", "x, \"quoted\"", ""}));
  EXPECT_EQ(t.rows[0].columns, (std::vector<int>{17, 1, 0}));
  EXPECT_EQ(t.rows[1].fields[1], "y");  // trimmed
  EXPECT_FALSE(t.present[2]);
}

TEST(CsvTableTest, ReportsEveryBadRowAndKeepsGoing) {
  Diagnostics diagnostics;
  CsvTable t = ReadCsvTableFromText("t.csv", "a,b\n1\n2,3\n4,5,6\n\"7,8\n9,10\n", {{"a"}, {"b"}},
                                    &diagnostics);
  EXPECT_EQ(Formatted(diagnostics),
            (std::vector<std::string>{
                "t.csv:2:1: error: too few fields: the header has 2, this row 1",
                "t.csv:4:1: error: too many fields: the header has 2, this row 3",
                "t.csv:5:1: error: unclosed quote: the quoted field that starts here runs to "
                "the end of the file"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 3);
}

TEST(CsvTableTest, MissingRequiredColumnAndUnknownColumn) {
  Diagnostics diagnostics;
  ReadCsvTableFromText("t.csv", "a,zzz\n1,2\n", {{"a"}, {"b"}}, &diagnostics);
  EXPECT_EQ(Formatted(diagnostics),
            (std::vector<std::string>{"t.csv:1:3: warning: field 'zzz': unknown column is ignored",
                                      "t.csv:1:1: error: field 'b': missing required column"}));
}

TEST(CsvTableTest, EmptyFileDuplicateColumnAndUnreadableFile) {
  Diagnostics d1, d2, d3;
  ReadCsvTableFromText("t.csv", "", {{"a"}}, &d1);
  EXPECT_EQ(Formatted(d1)[0], "t.csv:1:1: error: empty file: expected a header row");
  ReadCsvTableFromText("t.csv", "a,a\n", {{"a"}}, &d2);
  EXPECT_EQ(Formatted(d2)[0], "t.csv:1:3: error: field 'a': column appears twice in the header");
  ReadCsvTable("/nonexistent/x.csv", {{"a"}}, &d3);
  EXPECT_EQ(Formatted(d3)[0],
            "/nonexistent/x.csv: error: cannot read file: No such file or directory");
}

TEST(CsvTableTest, HandlesBomAndCrlf) {
  Diagnostics diagnostics;
  CsvTable t = ReadCsvTableFromText("t.csv",
                                    "\xEF\xBB\xBF"
                                    "a,b\r\n1,2\r\n",
                                    {{"a"}, {"b"}}, &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].fields[1], "2");
}

TEST(CsvTableTest, ANotesFieldWithALineBreakKeepsLaterLinesTrue) {
  // A spreadsheet writes a line break inside a quoted cell like this.
  Diagnostics diagnostics;
  CsvTable t = ReadCsvTableFromText("t.csv", "a,notes,b\n1,\"first\nsecond\",2\n3,x,bad\n",
                                    {{"a"}, {"notes"}, {"b"}}, &diagnostics);
  EXPECT_TRUE(diagnostics.empty());
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].fields[1], "first\nsecond");
  EXPECT_EQ(t.rows[1].line, 4);
  const Location b = t.At(t.rows[0], 2);
  EXPECT_EQ(b.line, 3);
  EXPECT_EQ(b.column, 9);
  EXPECT_EQ(t.At(t.rows[1], 2).column, 5);
}

}  // namespace
}  // namespace podium
