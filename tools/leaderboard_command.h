// `podium leaderboard`: ranks models from score claims (engine/rating,
// engine/inference/score_bootstrap.h), as Markdown, CSV, JSON or HTML.
#ifndef PODIUM_TOOLS_LEADERBOARD_COMMAND_H_
#define PODIUM_TOOLS_LEADERBOARD_COMMAND_H_

#include "tools/command.h"

namespace podium {

Command LeaderboardCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_LEADERBOARD_COMMAND_H_
