// `podium arena` (battles -> ratings) and `podium netwin` (net win rates).
#ifndef PODIUM_TOOLS_ARENA_COMMAND_H_
#define PODIUM_TOOLS_ARENA_COMMAND_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "engine/base/diagnostic.h"
#include "engine/inference/arena.h"
#include "tools/run_log.h"

namespace podium {

struct ArenaRequest {
  std::string battles;        // CSV, JSON, JSONL or pair counts
  std::string method = "bt";  // bt|elo
  std::string ties = "half";  // half|drop|davidson
  std::string anchor;         // MODEL=RATING
  std::string category;
  bool exclude_ties = false;
  int64_t min_battles = 0;
  bool per_component = false;
  bool rank_all = false;  // rank models with only wins or only losses too
  double ridge = 0;
  int rounds = 1000;
  uint64_t seed = 1;
  double level = 0.95;
  int threads = 1;
  std::string format = "md";  // md|csv|json
  std::string out;
  std::string title;
  RunLog* log = nullptr;  // inputs, dropped rows, progress and notes; null = none
};

void AddArenaOptions(CLI::App* command, ArenaRequest* request);

struct ArenaRun {
  ArenaResult result;
  int64_t dropped_category = 0, dropped_ties = 0;
};

// Reads the battles and fits them as the request says.
std::optional<ArenaRun> RunArena(const ArenaRequest& request, Diagnostics* diagnostics);
std::optional<std::string> RenderArena(const ArenaRequest& request, Diagnostics* diagnostics);

struct NetWinRequest {
  std::string judgments;  // prompt,rater,model_a,model_b,preference; "" = none
  std::string reported;   // reported rates; default datasets/pairwise/movie_gen_net_win_rates.csv
  std::string datasets;
  int rounds = 1000;
  uint64_t seed = 1;
  double level = 0.95;
  int threads = 1;
  std::string format = "md";  // md|json
  std::string out;
  std::string title;
  RunLog* log = nullptr;  // inputs, dropped rows, progress and notes; null = none
};

void AddNetWinOptions(CLI::App* command, NetWinRequest* request);
std::optional<std::string> RenderNetWin(const NetWinRequest& request, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_TOOLS_ARENA_COMMAND_H_
