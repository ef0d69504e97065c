// Test helper: battles one by one -> the sorted cells a battles reader
// hands on (BattleData::cells: i < j, outcome relative to i, counts).
#ifndef PODIUM_TESTS_BATTLE_CELLS_H_
#define PODIUM_TESTS_BATTLE_CELLS_H_

#include <vector>

#include "engine/ingest/battles.h"

namespace podium::testing {

std::vector<PairCell> CellsOf(const std::vector<Battle>& battles);

}  // namespace podium::testing

#endif  // PODIUM_TESTS_BATTLE_CELLS_H_
