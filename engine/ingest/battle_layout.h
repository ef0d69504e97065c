// Where a battles file keeps what: the column (CSV, TSV) or key (JSON) of
// each of the three roles, model_a, model_b and winner, and which labels of
// the winner column mean what (design.md §3).
//
// The canonical layout is the Chatbot Arena one: columns `model_a`,
// `model_b`, `winner`, and winner labels `model_a | model_b | tie |
// tie (bothbad)`. Files written by other tools name the same things
// differently; LLMFAO, for instance, writes `left, right, winner` with labels
// `left | right | tie`. A BattleLayout says so once, and every reader of
// battles (engine/ingest/battles.h) follows it:
//
//   --columns model_a=left,model_b=right
//   --winner-labels left=model_a,right=model_b,tie=tie
//
// With explicit labels only those labels are accepted: any other winner text
// is an error at its place in the file, never read as a tie.
#ifndef PODIUM_ENGINE_INGEST_BATTLE_LAYOUT_H_
#define PODIUM_ENGINE_INGEST_BATTLE_LAYOUT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

// The result of one battle, from model_a's side.
enum class Outcome : uint8_t { kWinA = 0, kWinB = 1, kTie = 2 };

// One winner label a file uses and the Arena label (the role) it stands for.
struct WinnerLabel {
  std::string label;                // as written in the file, matched exactly (after the
                                    // CSV reader's trimming of unquoted fields)
  std::string role;                 // model_a | model_b | tie | tie (bothbad)
  Outcome outcome = Outcome::kTie;  // what the role means
};

struct BattleLayout {
  std::string model_a = "model_a";  // column or key of the first model
  std::string model_b = "model_b";  // column or key of the second model
  std::string winner = "winner";    // column or key of the winner label
  // The accepted winner labels, in the order given. Empty (the default): the
  // four Arena labels model_a, model_b, tie, tie (bothbad).
  std::vector<WinnerLabel> labels;
};

// The layout the flags describe, or nullopt with one error per problem (all
// of them at once). Diagnostics carry no file location; their field is the
// option as the front end spells it (OptionName("columns"),
// OptionName("winner_labels"), engine/base/option_names.h), their text the
// offending item.
//
// `columns` is "ROLE=COLUMN,..." with ROLE among model_a, model_b, winner,
// each at most once, any subset, any order; roles not named keep their
// canonical column. Errors: an item without '=', an unknown role, a role
// named twice, an empty column, one column for two roles.
//
// `winner_labels` is "LABEL=ROLE,..." with ROLE among model_a, model_b, tie,
// tie (bothbad); when given, these labels and no others are accepted. The
// label is everything before the last '=', so a label may contain '=' but
// not ',' (items are comma-separated). Spaces around items and around '='
// are dropped. Errors: an item without '=', an empty label, a role that is
// not one of the four, a label mapped twice (even to the same role).
//
// An empty string means the flag was not given (the canonical choice).
std::optional<BattleLayout> ParseBattleLayout(std::string_view columns,
                                              std::string_view winner_labels,
                                              Diagnostics* diagnostics);

// The outcome `label` stands for under `layout` (its labels, or the four
// Arena labels when it has none); nullopt for any other text.
std::optional<Outcome> WinnerOutcome(std::string_view label, const BattleLayout& layout);

// The accepted labels for an error message: "model_a, model_b, tie or tie
// (bothbad)" for the canonical layout, "left, right or tie" for LLMFAO's.
std::string ExpectedWinnerLabels(const BattleLayout& layout);

// Parses an Arena winner label; false for anything that is not one of the
// four (model_a, model_b, tie, tie (bothbad)).
bool ParseWinner(std::string_view label, Outcome* outcome);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_BATTLE_LAYOUT_H_
