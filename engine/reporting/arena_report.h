// Arena leaderboards and net win rates -> Markdown, CSV and JSON
// ("schema": "podium.arena/1", "podium.netwin/1"; docs/formats.md).
// The thread count is deliberately not written: output must be the same bytes
// on any number of threads.
#ifndef PODIUM_ENGINE_REPORTING_ARENA_REPORT_H_
#define PODIUM_ENGINE_REPORTING_ARENA_REPORT_H_

#include <string>
#include <vector>

#include "engine/inference/arena.h"
#include "engine/inference/net_win_rate.h"

namespace podium {

struct ArenaInput {
  std::string title;
  std::string path;  // the battles file, as named
  int64_t dropped_category = 0;
  int64_t dropped_ties = 0;
  std::vector<CleaningStep> cleaning;  // the vote-cleaning steps that ran (BattleData::cleaning)
};

std::string ArenaMarkdown(const ArenaResult& result, const ArenaInput& input);
std::string ArenaCsv(const ArenaResult& result);
std::string ArenaJson(const ArenaResult& result, const ArenaInput& input);

// `podium robustness`: the pair's vote-dropping answer with the board's
// context ("schema": "podium.robustness/1").
std::string RobustnessMarkdown(const ArenaResult& result, const ArenaInput& input);
std::string RobustnessJson(const ArenaResult& result, const ArenaInput& input);

struct NetWinReport {
  std::string title;
  std::string judgments_path;  // "" when none
  std::vector<NetWinRate> computed;
  std::vector<ReportedNetWinRate> reported;
  int rounds = 0;
  uint64_t seed = 0;
  double level = 0.95;
};

std::string NetWinMarkdown(const NetWinReport& report);
std::string NetWinJson(const NetWinReport& report);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_ARENA_REPORT_H_
