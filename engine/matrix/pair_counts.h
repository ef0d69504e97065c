// Battle cells -> per-pair totals, the sufficient statistics of paired
// comparison models (Bradley–Terry, Davidson).
#ifndef PODIUM_ENGINE_MATRIX_PAIR_COUNTS_H_
#define PODIUM_ENGINE_MATRIX_PAIR_COUNTS_H_

#include <cstdint>
#include <vector>

#include "engine/ingest/battles.h"

namespace podium {

struct PairTotal {
  int i = 0, j = 0;   // i < j
  double wins_i = 0;  // battles i won against j
  double wins_j = 0;  // battles j won against i
  double ties = 0;
  double total() const { return wins_i + wins_j + ties; }
};

struct PairCounts {
  int num_models = 0;
  std::vector<PairTotal> pairs;  // pairs with at least one battle, sorted by (i, j)
};

// Totals from cells; `counts` (same length as cells), when given, replaces the
// cells' counts (a bootstrap replicate). Pairs whose total is 0 are left out.
PairCounts ToPairCounts(int num_models, const std::vector<PairCell>& cells,
                        const std::vector<int64_t>* counts = nullptr);

}  // namespace podium

#endif  // PODIUM_ENGINE_MATRIX_PAIR_COUNTS_H_
