// `podium arena`: ratings from pairwise battles (Bradley-Terry or online Elo,
// engine/inference/arena.h); `podium netwin`: net win rates from judgments
// and reported ones converted (engine/inference/net_win_rate.h).
#ifndef PODIUM_TOOLS_ARENA_COMMAND_H_
#define PODIUM_TOOLS_ARENA_COMMAND_H_

#include <cstdint>
#include <optional>
#include <string>

#include "engine/inference/arena.h"
#include "engine/ingest/battles.h"
#include "tools/command.h"

namespace podium {

Command ArenaCommand();
Command NetWinCommand();
Command RobustnessCommand();  // podium robustness BATTLES A B

struct RatedBattles {
  ArenaResult result;
  int64_t dropped_category = 0, dropped_ties = 0;  // battles the reading left out
  std::vector<CleaningStep> cleaning;               // every step that ran, in order
};

// Reads the battles file `path` with `read` and rates them (BuildArena),
// recording the input, the battles and models left out, and the bootstrap's
// progress on `log`. nullopt with diagnostics on bad input.
std::optional<RatedBattles> RateBattles(const std::string& path, const BattleReadOptions& read,
                                        ArenaOptions options, RunLog& log,
                                        Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_TOOLS_ARENA_COMMAND_H_
