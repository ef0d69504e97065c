#include "engine/reporting/reports_index.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

std::vector<ReportSpec> Specs() {
  ReportSpec board;
  board.name = "board";
  board.title = "The board";
  board.description = "Scores | ranks";
  ReportSpec pair;
  pair.name = "pair";
  pair.title = "A vs B";
  pair.formats = {"json", "md"};
  return {board, pair};
}

TEST(ReportsIndexTest, ReadmeListsEveryReportWithItsCommand) {
  const std::string readme =
      ReportsReadme(Specs(), {"tools/podium leaderboard", "tools/podium h2h a b"}, "AUDIT");
  EXPECT_EQ(readme.rfind("# Reports\n\n", 0), 0u);
  EXPECT_NE(readme.find("| The board | [md](board.md), [json](board.json) | Scores | ranks | "
                        "`tools/podium leaderboard` |\n| A vs B | [json](pair.json), [md](pair.md) "
                        "|  | `tools/podium h2h a b` |\n| Source audit | "),
            std::string::npos)
      << readme;
  EXPECT_NE(readme.find("(`../shared/seeds`). | `AUDIT` |\n"), std::string::npos) << readme;
}

TEST(ReportsIndexTest, PageHasASectionPerJsonFileInSpecOrder) {
  const std::vector<ReportFile> files = {
      {"pair.json", R"({"schema": "podium.h2h/1", "title": "Pair"})"},
      {"board.md", "# not JSON"},
      {"board.json", R"({"schema": "podium.leaderboard/1", "title": "Board"})"},
  };
  const std::string page = ReportsIndexPage(Specs(), "tools/podium", files);
  const size_t board = page.find("<section id=\"board\""), pair = page.find("<section id=\"pair\"");
  ASSERT_NE(board, std::string::npos) << page;
  ASSERT_NE(pair, std::string::npos);
  EXPECT_LT(board, pair);
  EXPECT_NE(page.find("<h1>podium reports</h1>"), std::string::npos);
  EXPECT_NE(page.find("<code>tools/podium regenerate</code>"), std::string::npos);
}

}  // namespace
}  // namespace podium
