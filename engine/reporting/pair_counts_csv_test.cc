#include "engine/reporting/pair_counts_csv.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;

BattleData Read(const std::string& name, const std::string& text, BattleReadOptions options = {}) {
  Diagnostics d;
  const std::string path = testing::WriteFile(testing::TempDir(), name, text);
  BattleData data = ReadBattles(path, name, options, &d);
  EXPECT_FALSE(d.has_errors()) << Formatted(d)[0];
  return data;
}

// Battles in both orientations, both tie labels, a name that needs quoting
// and one that sorts by bytes ("Zeta" < "alpha").
const char kBattles[] =
    "model_a,model_b,winner,category\n"
    "beta,alpha,model_a,math\n"
    "alpha,beta,model_a,coding\n"
    "alpha,beta,tie,math\n"
    "beta,alpha,tie (bothbad),math\n"
    "\"c,d\",alpha,model_b,coding\n"
    "alpha,Zeta,model_a,coding\n"
    "Zeta,beta,model_b,math\n";

TEST(PairCountsCsvTest, OneRowPerPairInTheReadersOrientation) {
  EXPECT_EQ(PairCountsCsv(Read("b.csv", kBattles), false),
            "model_a,model_b,wins_a,wins_b,ties\n"
            "Zeta,alpha,0,1,0\n"
            "Zeta,beta,0,1,0\n"
            "alpha,beta,1,1,2\n"
            "alpha,\"c,d\",1,0,0\n");
}

TEST(PairCountsCsvTest, ByCategoryOneRowPerCategoryAndPair) {
  BattleReadOptions o;
  o.group_by = "category";
  EXPECT_EQ(PairCountsCsv(Read("b.csv", kBattles, o), true),
            "category,model_a,model_b,wins_a,wins_b,ties\n"
            "coding,Zeta,alpha,0,1,0\n"
            "coding,alpha,beta,1,0,0\n"
            "coding,alpha,\"c,d\",1,0,0\n"
            "math,Zeta,beta,0,1,0\n"
            "math,alpha,beta,0,1,2\n");
}

// Written and read back, the counts are the battles' cells; by category,
// the rows of each category are that category's cells.
TEST(PairCountsCsvTest, ReadBackGivesTheSameCells) {
  const BattleData battles = Read("b.csv", kBattles);
  const BattleData counts = Read("c.csv", PairCountsCsv(battles, false));
  EXPECT_EQ(counts.models, battles.models);
  EXPECT_EQ(counts.battles, battles.battles);
  ASSERT_EQ(counts.cells.size(), battles.cells.size());
  for (size_t k = 0; k < counts.cells.size(); ++k) {
    EXPECT_EQ(counts.cells[k].i, battles.cells[k].i);
    EXPECT_EQ(counts.cells[k].j, battles.cells[k].j);
    EXPECT_EQ(counts.cells[k].outcome, battles.cells[k].outcome);
    EXPECT_EQ(counts.cells[k].count, battles.cells[k].count);
  }
  BattleReadOptions grouped;
  grouped.group_by = "category";
  const std::string by_category = PairCountsCsv(Read("b.csv", kBattles, grouped), true);
  for (const std::string category : {"coding", "math"}) {
    BattleReadOptions one;
    one.category = category;
    const BattleData from_battles = Read("b.csv", kBattles, one);
    const BattleData from_counts = Read("g.csv", by_category, one);
    EXPECT_EQ(PairCountsCsv(from_counts, false), PairCountsCsv(from_battles, false)) << category;
    EXPECT_EQ(from_counts.dropped_category, from_battles.dropped_category) << category;
  }
  // The per-category counts of the per-category counts are the same rows.
  EXPECT_EQ(PairCountsCsv(Read("g.csv", by_category, grouped), true), by_category);
}

TEST(PairCountsCsvTest, RowsAreIndices) {
  BattleReadOptions o;
  o.group_by = "category";
  const std::vector<PairCountsRow> rows = PairCountsRows(Read("b.csv", kBattles, o), true);
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[4].group, 1);  // math
  EXPECT_EQ(rows[4].i, 1);      // alpha
  EXPECT_EQ(rows[4].j, 2);      // beta
  EXPECT_EQ(rows[4].wins_a, 0);
  EXPECT_EQ(rows[4].wins_b, 1);
  EXPECT_EQ(rows[4].ties, 2);
}

}  // namespace
}  // namespace podium
