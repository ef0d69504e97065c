#include "engine/base/csv_stream.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace podium {
namespace {

struct Read {
  std::vector<std::vector<std::string>> records;
  std::vector<int> lines;
  std::vector<std::string> locations;  // "line:col" of every field
  std::vector<std::string> diagnostics;
};

Read ReadAll(std::string_view text, size_t chunk = 0, char delimiter = ',',
             bool split_simple_lines = true) {
  Read out;
  Diagnostics diagnostics;
  CsvStream stream(
      "t.csv", &diagnostics,
      [&](const CsvRecord& r) {
        std::vector<std::string> fields;
        for (size_t k = 0; k < r.size(); ++k) {
          fields.emplace_back(r.field(k));
          const Location at = r.FieldLocation(k);
          out.locations.push_back(std::to_string(at.line) + ":" + std::to_string(at.column));
        }
        out.records.push_back(fields);
        out.lines.push_back(r.line());
      },
      delimiter);
  stream.set_split_simple_lines(split_simple_lines);
  if (chunk == 0) {
    stream.Feed(text);
  } else {
    for (size_t k = 0; k < text.size(); k += chunk) stream.Feed(text.substr(k, chunk));
  }
  stream.Finish();
  for (const Diagnostic& d : diagnostics.all()) out.diagnostics.push_back(FormatDiagnostic(d));
  return out;
}

using Records = std::vector<std::vector<std::string>>;

TEST(CsvStreamTest, QuotedFieldsMayHoldDelimitersQuotesAndLineBreaks) {
  const Read r = ReadAll(
      "id,notes,value\n"
      "c1,\"two\nlines, \"\"quoted\"\"\",1\n"
      "c2,  plain  ,2\n");
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.records, (Records{{"id", "notes", "value"},
                                {"c1", "two\nlines, \"quoted\"", "1"},
                                {"c2", "plain", "2"}}));
  // The row after the two-line record keeps its true line number, and the
  // field after the line break is located on the line it is on.
  EXPECT_EQ(r.lines, (std::vector<int>{1, 2, 4}));
  EXPECT_EQ(r.locations[3], "2:1");
  EXPECT_EQ(r.locations[4], "2:4");
  EXPECT_EQ(r.locations[5], "3:20");
  EXPECT_EQ(r.locations[7], "4:4");
}

TEST(CsvStreamTest, AnyChunkingGivesTheSameRecords) {
  const std::string text = "a,b\r\n\"x\r\ny\",2\r\n\r\n3,\"4\"\r\n5,6";
  const Read whole = ReadAll(text);
  EXPECT_TRUE(whole.diagnostics.empty());
  EXPECT_EQ(whole.records, (Records{{"a", "b"}, {"x\r\ny", "2"}, {"3", "4"}, {"5", "6"}}));
  EXPECT_EQ(whole.lines, (std::vector<int>{1, 2, 5, 6}));
  for (size_t chunk : {1, 2, 3, 7}) {
    const Read r = ReadAll(text, chunk);
    EXPECT_EQ(r.records, whole.records) << chunk;
    EXPECT_EQ(r.lines, whole.lines) << chunk;
    EXPECT_EQ(r.locations, whole.locations) << chunk;
  }
}

TEST(CsvStreamTest, InvalidUtf8IsALocatedErrorAndTheRecordIsDropped) {
  const Read r = ReadAll("a,b\nok,1\nbad\xFF,2\nok2,3\n");
  EXPECT_EQ(r.diagnostics,
            (std::vector<std::string>{
                "t.csv:3:4: error: invalid UTF-8 (byte 0xFF): files must be UTF-8 text"}));
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"ok", "1"}, {"ok2", "3"}}));
  EXPECT_EQ(r.lines, (std::vector<int>{1, 2, 4}));
}

TEST(CsvStreamTest, MalformedQuotesAreLocatedAndReadingGoesOn) {
  const Read r = ReadAll("a,b\nx\"y,1\n\"z\"w,2\nfine,3\n");
  ASSERT_EQ(r.diagnostics.size(), 2u);
  EXPECT_EQ(r.diagnostics[0].substr(0, 33), "t.csv:2:2: error: malformed quote");
  EXPECT_EQ(r.diagnostics[1].substr(0, 33), "t.csv:3:4: error: malformed quote");
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"fine", "3"}}));
  EXPECT_EQ(r.lines.back(), 4);
}

TEST(CsvStreamTest, AnUnclosedQuoteIsReportedWhereItOpens) {
  const Read r = ReadAll("a,b\n1,2\n3,\"never closed\n4,5\n");
  EXPECT_EQ(r.diagnostics,
            (std::vector<std::string>{"t.csv:3:3: error: unclosed quote: the quoted field that "
                                      "starts here runs to the end of the file"}));
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvStreamTest, BomBlankLinesAndTabs) {
  const Read r = ReadAll(
      "\xEF\xBB\xBF"
      "a\tb\n\n  \n1\t\"x\ty\"\n",
      0, '\t');
  EXPECT_TRUE(r.diagnostics.empty());
  EXPECT_EQ(r.records, (Records{{"a", "b"}, {"1", "x\ty"}}));
  EXPECT_EQ(r.lines, (std::vector<int>{1, 4}));
}

bool operator==(const Read& a, const Read& b) {
  return a.records == b.records && a.lines == b.lines && a.locations == b.locations &&
         a.diagnostics == b.diagnostics;
}

// Lines without quotes are split without libcsv: the same records, lines,
// locations and diagnostics as libcsv's, on texts made of the characters
// that matter (delimiters, spaces, tabs, carriage returns, line feeds,
// quotes, a BOM, invalid UTF-8), both delimiters, in any chunking.
TEST(CsvStreamTest, SimpleLinesSplitAsLibcsvSplitsThem) {
  const std::vector<std::string> pieces = {"a", "bc", ",", ",", " ", "  ", "\t", "\r", "\n",
                                           "\n", "\"", "\xEF\xBB\xBF", "\xff", "x y", ";"};
  uint64_t state = 12345;
  auto next = [&state] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<size_t>(state >> 33);
  };
  int with_records = 0;
  for (int t = 0; t < 4000; ++t) {
    std::string text;
    const size_t length = next() % 30;
    for (size_t k = 0; k < length; ++k) {
      // Quotes are rarer, so most texts have quote-free lines to split.
      std::string piece = pieces[next() % pieces.size()];
      if (piece == "\"" && next() % 3 != 0) piece = "a";
      text += piece;
    }
    for (char delimiter : {',', '\t'}) {
      const Read fast = ReadAll(text, 0, delimiter, true);
      const Read slow = ReadAll(text, 0, delimiter, false);
      ASSERT_TRUE(fast == slow) << "text: \"" << text << "\" delimiter " << int{delimiter};
      ASSERT_TRUE(ReadAll(text, 1 + next() % 5, delimiter, true) == slow) << text;
      with_records += fast.records.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(with_records, 4000);  // the texts did exercise the splitting
}

TEST(CsvStreamTest, UnreadableFile) {
  Diagnostics diagnostics;
  EXPECT_FALSE(
      CsvStream::ReadFile("/nonexistent/x.csv", "x.csv", &diagnostics, [](const CsvRecord&) {}));
  ASSERT_EQ(diagnostics.all().size(), 1u);
  EXPECT_EQ(FormatDiagnostic(diagnostics.all()[0]),
            "x.csv: error: cannot read file: No such file or directory");
}

TEST(CsvStreamTest, LocatesFieldOffsetsHonouringQuotes) {
  EXPECT_EQ(LocateCsvFieldOffsets("a,\"b,c\",d"), (std::vector<size_t>{0, 2, 8}));
  EXPECT_EQ(LocateCsvFieldOffsets("\"x\"\"y\",z"), (std::vector<size_t>{0, 7}));
  EXPECT_EQ(LocateCsvFieldOffsets("a\tb", '\t'), (std::vector<size_t>{0, 2}));
}

}  // namespace
}  // namespace podium
