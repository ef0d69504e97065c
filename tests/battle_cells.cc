#include "tests/battle_cells.h"

#include <map>
#include <tuple>

namespace podium::testing {

std::vector<PairCell> CellsOf(const std::vector<Battle>& battles) {
  std::map<std::tuple<int, int, Outcome>, int64_t> counts;
  for (const Battle& b : battles) {
    const PairCell cell = CanonicalCell(b);
    ++counts[{cell.i, cell.j, cell.outcome}];
  }
  std::vector<PairCell> cells;
  for (const auto& [key, n] : counts) {
    cells.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
  }
  return cells;
}

}  // namespace podium::testing
