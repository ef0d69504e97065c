#include "tests/battle_cells.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace podium::testing {

std::vector<PairCell> CellsOf(const std::vector<Battle>& battles) {
  std::map<std::tuple<int, int, Outcome>, int64_t> counts;
  for (const Battle& b : battles) {
    Outcome o = b.outcome;
    if (b.a > b.b && o != Outcome::kTie) o = o == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
    ++counts[{std::min(b.a, b.b), std::max(b.a, b.b), o}];
  }
  std::vector<PairCell> cells;
  for (const auto& [key, n] : counts) {
    cells.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
  }
  return cells;
}

}  // namespace podium::testing
