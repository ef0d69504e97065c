// Battles -> the pair-counts CSV (docs/formats.md "Pair counts CSV" and
// "podium counts"): the sufficient statistics of the Bradley–Terry family,
// which podium reads back as battles (engine/ingest/battles.h) to the very
// cells it wrote them from — so `podium arena` on the counts gives the
// ratings of the battles themselves.
//
//   model_a,model_b,wins_a,wins_b,ties
//   category,model_a,model_b,wins_a,wins_b,ties      (by category)
//
// One row per pair with at least one battle (per category and pair), in
// the reader's canonical orientation: model_a sorts before model_b by bytes
// (BattleData::models' order: strcmp, SQL COLLATE "C"), wins_a counts
// model_a's wins, ties both tie labels. Rows are sorted by category, then
// model_a, then model_b, each by bytes: the same battles give the same
// bytes whatever their order in the file.
#ifndef PODIUM_ENGINE_REPORTING_PAIR_COUNTS_CSV_H_
#define PODIUM_ENGINE_REPORTING_PAIR_COUNTS_CSV_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/ingest/battles.h"

namespace podium {

// One row of the pair-counts CSV, by index.
struct PairCountsRow {
  int32_t group = -1;  // index in BattleData::group_names (by category), else -1
  int i = 0, j = 0;    // i < j, indices in BattleData::models
  int64_t wins_a = 0;  // battles i won
  int64_t wins_b = 0;  // battles j won
  int64_t ties = 0;    // tie and tie (bothbad)
};

// The rows of `data` in the order above: from its cells, or, when
// `by_category`, from its battle sequence and their groups.
// REQUIRES: by_category -> `data` was read with group_by "category" (every
// kept battle in `sequence`, with its group).
std::vector<PairCountsRow> PairCountsRows(const BattleData& data, bool by_category);

// The CSV text of PairCountsRows(data, by_category), header first; names
// quoted per RFC 4180 where needed (engine/base/csv_write.h).
std::string PairCountsCsv(const BattleData& data, bool by_category);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_PAIR_COUNTS_CSV_H_
