// Pairwise battles -> aggregated counts (design.md §3, the Chatbot Arena
// convention), read as a stream: memory grows with the number of distinct
// (pair, outcome) cells, not with the number of battles — unless the caller
// asks to keep the sequence (online Elo needs the order).
//
// Formats, chosen by the file name:
//   *.csv    model_a, model_b, winner [, judge, prompt, category, tstamp]
//            or pre-aggregated model_a, model_b, wins_a, wins_b, ties
//   *.json   the Arena clean_battle_*.json list of records
//   *.jsonl  one record per line (same keys)
// winner is one of model_a | model_b | tie | tie (bothbad). An unknown label,
// a model playing itself or an empty name is an error at its line, never a
// silent tie.
#ifndef PODIUM_ENGINE_INGEST_BATTLES_H_
#define PODIUM_ENGINE_INGEST_BATTLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

enum class Outcome : uint8_t { kWinA = 0, kWinB = 1, kTie = 2 };

// One distinct (pair, outcome) with its count; i < j, outcome relative to i
// (kWinA = i won).
struct PairCell {
  int i = 0, j = 0;
  Outcome outcome = Outcome::kTie;
  int64_t count = 0;
};

struct Battle {  // one battle in input orientation (kept only for online Elo)
  int32_t a = 0, b = 0;
  Outcome outcome = Outcome::kTie;
  double tstamp = 0;
};

struct BattleReadOptions {
  std::string category;        // keep only battles of this category ("" = all)
  bool exclude_ties = false;   // drop tie and tie (bothbad)
  bool keep_sequence = false;  // keep every battle, in file order (online Elo)
};

struct BattleData {
  std::vector<std::string> models;  // index -> name, sorted by name
  std::vector<PairCell> cells;      // sorted by (i, j, outcome)
  std::vector<Battle> sequence;     // when keep_sequence
  int64_t battles = 0;              // battles kept
  int64_t dropped_category = 0;     // not of the requested category
  int64_t dropped_ties = 0;         // ties removed by exclude_ties
  bool has_tstamp = false;          // every kept battle had a tstamp (read only
                                    // with keep_sequence, the one use of it)
};

// Reads `path` (shown as `display_path`). Errors are diagnostics with
// path:line; the data read so far is returned but must not be used when
// diagnostics->has_errors().
BattleData ReadBattles(const std::string& path, const std::string& display_path,
                       const BattleReadOptions& options, Diagnostics* diagnostics);

// Parses a winner label; false for anything that is not one of the four.
bool ParseWinner(std::string_view label, Outcome* outcome);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_BATTLES_H_
