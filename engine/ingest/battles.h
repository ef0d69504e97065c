// Pairwise battles -> aggregated counts (design.md §3, the Chatbot Arena
// convention), read as a stream: memory grows with the number of distinct
// (pair, outcome) cells, not with the number of battles — unless the caller
// asks to keep the sequence (online Elo needs the order; features come with
// it) or for a per-judge cleaning step (which holds every battle until the
// end of the file, about 32 bytes each).
//
// Formats, chosen by the file name:
//   *.csv    model_a, model_b, winner [, judge, prompt, category, tstamp]
//            or pre-aggregated model_a, model_b, wins_a, wins_b, ties [, category]
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
//
// Vote cleaning (BattleReadOptions below; docs/methods.md "Vote cleaning"):
// the steps of FastChat's pipeline, each run only when asked for, in this
// order, each dropping battles and counting them (BattleData::cleaning):
//
//   anony_only                   keep battles whose `anony` is true
//   dedup                        keep battles whose `dedup_tag` says "sampled"
//   language                     keep battles whose `language` is this one
//   category                     keep battles of this category
//   exclude_ties                 drop ties
//   max_votes_per_judge_per_day  keep each judge's first N battles of a UTC day
//   drop_outlier_judges          drop every battle of a judge failing the
//                                sequential test (engine/ingest/vote_cleaning.h)
//
// The per-battle steps read a field of a battle only when the battle reaches
// them (as FastChat's successive filters do), so a battle dropped by an
// earlier step is not checked for a later step's field. The per-judge steps
// run on all battles left, in tstamp order (FastChat sorts by tstamp first).
//
// The fields, per form:
//   anony      CSV column `anony`: true/false (also True/False, TRUE/FALSE, 1/0);
//              JSON boolean
//   dedup_tag  CSV column `dedup_tag`: a boolean as above (the "sampled"
//              decision) or the tag as an object, JSON {"high_freq": false,
//              "sampled": true} or Python {'high_freq': False, 'sampled': True};
//              JSON: the object (or a boolean). Kept when `sampled` is true; an
//              object without `sampled` is dropped (FastChat:
//              x.get("sampled", False)).
//   language   CSV column / JSON string, compared exactly ("English")
//   category   CSV column / JSON string `category`, compared exactly; or, in
//              JSON, nested tags in an object `category_tag` (or `category`):
//              the category names a path of keys joined by dots, keys that
//              may hold dots themselves ("math_v0.1.math" is
//              category_tag["math_v0.1"]["math"]); at each level the longest
//              key that is the path or a prefix of it followed by '.' is
//              taken. The battle is kept when the value there is true; a
//              path that leads nowhere, or to something other than true or
//              false, is an error at the record.
//   judge      CSV column / JSON string (or number)
//   tstamp     CSV column / JSON number (or numeric string), Unix seconds
//   features   for a feature F: CSV columns `F_a` and `F_b`; JSON top-level
//              keys `F_a` and `F_b` when the record has them, else
//              conv_metadata (FastChat's style-control elements): the key
//              `F_a` (`F_b`), or for F ending in "_tokens" the key with the
//              side before "_tokens" (`sum_assistant_tokens` ->
//              `sum_assistant_a_tokens`); a number, or an object of numbers
//              whose sum is the value (`header_count_a`: h1..h6, `list_count_a`:
//              ordered, unordered, `bold_count_a`: "**", "__"), as FastChat's
//              `construct_style_matrices` sums them.
// A step asked for whose column the header lacks is an error at the header
// line; in JSON, a record without the key (or with a value of another type)
// is an error at the record (or the value). A missing or non-numeric feature
// value is an error at its place. None of these fields applies to pair
// counts (an error at the header line); exclude_ties drops their ties, and
// a pair-counts file with a `category` column takes category (a row of
// another category is dropped, its battles counted in dropped_category) and
// group_by "category"; without category, rows of one pair add up.
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

struct Battle {  // one battle in input orientation (kept with keep_sequence)
  int32_t a = 0, b = 0;
  Outcome outcome = Outcome::kTie;
  double tstamp = 0;
  int64_t line = 0;    // the line of the file the battle is on (a pair-counts
                       // row stands for all its battles); 0 = not known
  int32_t group = -1;  // index in BattleData::group_names (with group_by), else -1
};

// The cell of `count` battles of `a` against `b` with `outcome` (relative
// to a), in the orientation of PairCell: the smaller index first, so when
// a > b the two swap and a win of either turns into a win of the other
// side; a tie stays a tie.
inline PairCell CanonicalCell(int a, int b, Outcome outcome, int64_t count = 1) {
  if (a <= b) return {a, b, outcome, count};
  if (outcome != Outcome::kTie) {
    outcome = outcome == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
  }
  return {b, a, outcome, count};
}

// The cell of one battle (count 1).
inline PairCell CanonicalCell(const Battle& battle) {
  return CanonicalCell(battle.a, battle.b, battle.outcome);
}

struct BattleReadOptions {
  // The vote cleaning steps (see above), in the order they run.
  bool anony_only = false;    // keep only anonymous battles (`anony` true)
  bool dedup = false;         // keep only battles whose dedup_tag is "sampled"
  std::string language;       // keep only battles in this language ("" = all)
  std::string category;       // keep only battles of this category, plain or a
                              // nested tag path ("" = all)
  bool exclude_ties = false;  // drop tie and tie (bothbad)
  // Keep each judge's first N battles (tstamp order) of each UTC day; 0 = all.
  // Needs judge and tstamp.
  int max_votes_per_judge_per_day = 0;
  // Drop every battle of a judge who fails FastChat's sequential outlier test
  // (OutlierTest defaults: 0.05, 100 votes read, judges with >= 5 battles).
  // Needs judge; battles in tstamp order when every one has a tstamp, else
  // in file order.
  bool drop_outlier_judges = false;

  // Per-battle covariates to read (style control), by name: each adds
  // BattleData::features values for its _a and _b sides. Implies
  // keep_sequence.
  std::vector<std::string> features;

  // A field naming each battle's group, for leave-one-group-out
  // (engine/inference/leave_one_out.h): "judge", "prompt" or "category"
  // (CSV column; JSON key, and for prompt `question_id` when the record has
  // no `prompt`). A battle without it is an error at its place. Implies
  // keep_sequence; "" = none. Not for pair counts.
  std::string group_by;

  bool keep_sequence = false;  // keep every battle, in file order (online Elo,
                               // the lines of battles for vote dropping)
  BattleLayout layout;         // column or key names and winner labels
                               // (default: the Arena's)
};

// One cleaning step that ran, and what it dropped.
struct CleaningStep {
  std::string field;    // the option's field: "anony_only", "dedup", "language",
                        // "category", "exclude_ties", "max_votes_per_judge_per_day",
                        // "drop_outlier_judges"
  std::string name;     // as the front end spells it (OptionName(field)):
                        // "--anony-only" on the command line
  int64_t dropped = 0;  // battles it dropped (after the steps before it)
};

struct BattleData {
  std::vector<std::string> models;  // index -> name, sorted by name
  std::vector<PairCell> cells;      // sorted by (i, j, outcome); kept battles only
  std::vector<Battle> sequence;     // when keep_sequence (or features): the kept
                                    // battles, in tstamp order when has_tstamp,
                                    // else file order
  int64_t battles = 0;              // battles kept
  int64_t dropped_category = 0;     // not of the requested category
  int64_t dropped_ties = 0;         // ties removed by exclude_ties
  bool has_tstamp = false;          // every kept battle had a tstamp (read only
                                    // with keep_sequence or the per-judge steps)
  // The cleaning steps that ran (those the options ask for), in the order
  // run; exclude_ties and category are there too (with the counts above).
  std::vector<CleaningStep> cleaning;

  // The features asked for (BattleReadOptions::features), and their raw
  // values for each battle of `sequence`, in the same order: battle k's
  // values are features[k * 2F .. k * 2F + 2F), laid out
  // [f1_a, f1_b, f2_a, f2_b, ...] for F = feature_names.size().
  std::vector<std::string> feature_names;
  std::vector<double> features;

  // BattleReadOptions::group_by's values, sorted by name (Battle::group).
  std::vector<std::string> group_names;
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
