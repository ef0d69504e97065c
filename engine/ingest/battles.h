// Pairwise battles -> aggregated counts (design.md §3, the Chatbot Arena
// convention), read as a stream: memory grows with the number of distinct
// (pair, outcome) cells, not with the number of battles — unless the caller
// asks to keep the sequence (online Elo needs the order).
//
// Formats, chosen by the file name:
//   *.csv    model_a, model_b, winner [, judge, prompt, category, tstamp]
//            or pre-aggregated model_a, model_b, wins_a, wins_b, ties
//            or the Arena "human preference 55k" layout (below)
//   *.tsv    the same, tab-separated
//   *.json   the Arena clean_battle_*.json list of records
//   *.jsonl  one record per line (same keys)
// winner is one of model_a | model_b | tie | tie (bothbad). An unknown label,
// a model playing itself or an empty name is an error at its line and column,
// never a silent tie. Every problem of a file is reported, then the caller
// stops (diagnostics->has_errors()).
//
// Other layouts: BattleReadOptions::layout (engine/ingest/battle_layout.h)
// renames the model_a, model_b and winner columns (CSV, TSV) or keys (JSON,
// JSON Lines; and model_a, model_b of pair counts) and replaces the winner
// labels. A column the layout names that the header lacks is an error at the
// header line.
//
// One-hot winners (CSV, TSV): when the header has no winner column (and the
// layout does not rename it) but has all three of winner_model_a,
// winner_model_b and winner_tie, each row gives its winner as exactly one 1
// among them (values 0 or 1) — the layout of the Arena "human preference
// 55k" data set:
//   id,model_a,model_b,prompt,response_a,response_b,winner_model_a,winner_model_b,winner_tie
// Its id, response_a and response_b columns are read and ignored (prompts and
// responses may hold commas, quotes and line breaks in quoted fields). A
// value other than 0 or 1, or a row with no 1 or several, is an error at its
// cell; --winner-labels (BattleLayout::labels) does not apply to such a file
// and is an error at the header line.
#ifndef PODIUM_ENGINE_INGEST_BATTLES_H_
#define PODIUM_ENGINE_INGEST_BATTLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/battle_layout.h"

namespace podium {

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
  BattleLayout layout;         // column or key names and winner labels
                               // (default: the Arena's)
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

// Reads `path` (shown as `display_path`, or `path` when empty) as
// `options.layout` says. Errors are diagnostics with path:line:col (a JSON
// record's problem points at its key's value); the data read so far is
// returned but must not be used when diagnostics->has_errors(). A file with
// no battle left to rate is an error too.
BattleData ReadBattles(const std::string& path, const std::string& display_path,
                       const BattleReadOptions& options, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_BATTLES_H_
