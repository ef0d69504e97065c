#include "engine/base/csv_write.h"

#include <gtest/gtest.h>

#include "engine/base/csv_table.h"

namespace podium {
namespace {

TEST(CsvWrite, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvLine({"a", "", "b\nc"}), "a,,\"b\nc\"\n");
}

TEST(CsvWrite, TheReaderReadsBackEveryField) {
  const std::vector<std::string> fields = {"x, y", " lead", "trail\t", "q\"uote", "two\nlines", ""};
  std::string text = CsvLine({"a", "b", "c", "d", "e", "f"}) + CsvLine(fields);
  Diagnostics diagnostics;
  CsvTable table =
      ReadCsvTableFromText("t.csv", text, {{"a"}, {"b"}, {"c"}, {"d"}, {"e"}, {"f"}}, &diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].fields, fields);
}

}  // namespace
}  // namespace podium
