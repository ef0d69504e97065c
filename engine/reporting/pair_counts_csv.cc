#include "engine/reporting/pair_counts_csv.h"

#include <array>
#include <map>
#include <tuple>

#include "engine/base/check.h"
#include "engine/base/csv_write.h"

namespace podium {
namespace {

// (group, i, j) -> battles i won, j won, tied; ordered as the rows are.
using RowCounts = std::map<std::tuple<int32_t, int, int>, std::array<int64_t, 3>>;

// Adds a cell's battles under its group. REQUIRES: `cell` in the canonical
// orientation of PairCell (CanonicalCell, engine/ingest/battles.h).
void AddBattles(int32_t group, const PairCell& cell, RowCounts* counts) {
  (*counts)[{group, cell.i, cell.j}][static_cast<int>(cell.outcome)] += cell.count;
}

}  // namespace

std::vector<PairCountsRow> PairCountsRows(const BattleData& data, bool by_category) {
  RowCounts counts;
  if (by_category) {
    PODIUM_CHECK_MSG(static_cast<int64_t>(data.sequence.size()) == data.battles,
                     "per-category counts need the battle sequence (group_by category)");
    for (const Battle& b : data.sequence) {
      PODIUM_CHECK_MSG(b.group >= 0, "a battle without its category");
      AddBattles(b.group, CanonicalCell(b), &counts);
    }
  } else {
    for (const PairCell& c : data.cells) AddBattles(-1, c, &counts);
  }
  std::vector<PairCountsRow> rows;
  rows.reserve(counts.size());
  for (const auto& [key, n] : counts) {
    const auto& [group, i, j] = key;
    rows.push_back({group, i, j, n[0], n[1], n[2]});
  }
  return rows;
}

std::string PairCountsCsv(const BattleData& data, bool by_category) {
  std::string out = by_category ? "category," : "";
  out += "model_a,model_b,wins_a,wins_b,ties\n";
  for (const PairCountsRow& row : PairCountsRows(data, by_category)) {
    std::vector<std::string> fields;
    if (by_category) fields.push_back(data.group_names[row.group]);
    fields.push_back(data.models[row.i]);
    fields.push_back(data.models[row.j]);
    for (const int64_t n : {row.wins_a, row.wins_b, row.ties}) fields.push_back(std::to_string(n));
    out += CsvLine(fields);
  }
  return out;
}

}  // namespace podium
