// `podium leaderboard`: score claims -> a ranked leaderboard report.
#ifndef PODIUM_TOOLS_LEADERBOARD_COMMAND_H_
#define PODIUM_TOOLS_LEADERBOARD_COMMAND_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "tools/run_log.h"

namespace podium {

// Everything `podium leaderboard` accepts. Defaults are the documented ones.
struct LeaderboardRequest {
  std::vector<std::string> claims;      // claims CSV files; empty = <datasets>/claims/*.csv
  std::string registry;                 // registry folder; empty = <datasets>/registry
  std::string datasets;                 // the datasets folder (default: $PODIUM_HOME/datasets)
  std::string normalize = "raw";        // raw|minmax|zscore|percentile|chance
  std::string aggregate = "mean";       // mean|winrate|borda
  std::string missing = "skip";         // skip|zero (mean only)
  std::string on_conflict = "error";    // error|latest|mean
  double min_coverage = 0.0;            // fraction in [0, 1]
  int min_models = 1;                   // drop benchmarks reported for fewer models
  std::vector<std::string> benchmarks;  // ids or aliases; empty = all with claims
  std::vector<std::string> models;      // ids or aliases; empty = all with claims
  std::vector<std::string> items;       // per-item results (model,benchmark,item,score)
  std::string bootstrap = "none";       // none|parametric|benchmarks|items
  std::string interval = "percentile";  // percentile|bca
  int rounds = 1000;                    // bootstrap rounds
  uint64_t seed = 1;                    // bootstrap seed
  double level = 0.95;                  // confidence level
  int threads = 1;                      // bootstrap threads (results do not depend on it)
  std::string format = "md";            // md|csv|json
  std::string out;                      // output file; empty = stdout
  std::string title;                    // report heading
  RunLog* log = nullptr;                // inputs, dropped rows, progress and notes; null = none
};

// Declares --items, --bootstrap, --interval, --rounds, --seed, --level and
// --threads on `command`, bound to `request`.
void AddScoreBootstrapOptions(CLI::App* command, LeaderboardRequest* request);

// Declares the options of `podium leaderboard` on `command`, bound to `request`.
void AddLeaderboardOptions(CLI::App* command, LeaderboardRequest* request);

// Runs the request and returns the report text, or nullopt with diagnostics.
std::optional<std::string> RenderLeaderboard(const LeaderboardRequest& request,
                                             Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_TOOLS_LEADERBOARD_COMMAND_H_
