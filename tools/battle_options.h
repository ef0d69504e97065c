// What the commands that read battles share (arena, counts): the flags of
// the file's layout and of FastChat's vote cleaning, and the read itself
// with what it kept and dropped recorded on the run's log (the manifest).
#ifndef PODIUM_TOOLS_BATTLE_OPTIONS_H_
#define PODIUM_TOOLS_BATTLE_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "engine/base/diagnostic.h"
#include "engine/ingest/battles.h"
#include "engine/provenance/run_log.h"

namespace podium {

// The battle-reading flags as given.
struct BattleReadFlags {
  std::string columns;        // --columns ROLE=COLUMN,...
  std::string winner_labels;  // --winner-labels LABEL=ROLE,...
  // The vote cleaning steps, bound to their flags; the layout, features,
  // group_by and keep_sequence are left to BattleReadOptionsOf and the
  // command.
  BattleReadOptions read;
};

// Declares --columns and --winner-labels.
void AddBattleLayoutOptions(CLI::App* command, BattleReadFlags* flags);

// Declares --anony-only, --dedup, --language, --category, --exclude-ties,
// --max-votes-per-judge-per-day and --drop-outlier-judges, in that order
// (the manifest lists options in the order declared).
void AddVoteCleaningOptions(CLI::App* command, BattleReadFlags* flags);

// The reader's options from the flags; nullopt with a diagnostic per bad
// item of --columns or --winner-labels (ParseBattleLayout).
std::optional<BattleReadOptions> BattleReadOptionsOf(const BattleReadFlags& flags,
                                                     Diagnostics* diagnostics);

// ReadBattles(path, path, read, diagnostics), recording on `log` the input
// (its rows: battles kept and dropped) and what each cleaning step dropped,
// and why. nullopt on any error (the diagnostics say where).
std::optional<BattleData> ReadBattlesLogged(const std::string& path, const BattleReadOptions& read,
                                            RunLog& log, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_TOOLS_BATTLE_OPTIONS_H_
