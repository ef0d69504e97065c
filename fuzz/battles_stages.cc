#include "fuzz/battles_stages.h"

#include <string>
#include <vector>

#include "fuzz/command_stages.h"
#include "fuzz/fuzz_input.h"

namespace podium {
namespace {

// Once more with vote cleaning: a mix of the cleaning flags picked by the
// input's size (bit k turns flag k on), without bootstrap. A file without a
// field a flag needs ends at its header or first record, quietly.
void RunCleaning(const std::string& battles, size_t size) {
  const std::vector<std::vector<std::string>> kFlags = {{"--anony-only"},
                                                        {"--dedup"},
                                                        {"--language", "English"},
                                                        {"--category", "math_v0.1.math"},
                                                        {"--max-votes-per-judge-per-day", "2"},
                                                        {"--drop-outlier-judges"}};
  std::vector<std::string> args = {"arena",           battles,    "--rounds", "0",
                                   "--per-component", "--format", "json"};
  for (size_t k = 0; k < kFlags.size(); ++k) {
    if ((size >> k) & 1) args.insert(args.end(), kFlags[k].begin(), kFlags[k].end());
  }
  if (args.size() > 7) RunCommand(args);
}

// Once more with the fragility analyses: vote dropping (#1, or the top 2)
// within a tenth of the battles (a small bound keeps the exhaustive search of
// small inputs short) and leaving one judge, prompt or category out, picked
// by the input's size.
// A file with one model, several components or no such column ends quietly.
void RunFragility(const std::string& battles, size_t size) {
  const char* kGroups[] = {"judge", "prompt", "category"};
  std::vector<std::string> args = {"arena",        battles, "--rounds", "0", "--robustness",
                                   "--max-drop",   "0.1",   "--format", "json"};
  if (size & 1) args.insert(args.end(), {"--top-k", "2"});
  if (size & 2) args.insert(args.end(), {"--loo", kGroups[(size >> 2) % 3]});
  RunCommand(args);
}

}  // namespace

void RunBattles(const uint8_t* data, size_t size, const std::string& file_name) {
  const std::string battles = WriteFuzzInput(data, size, file_name);
  const char* kTies[] = {"half", "drop", "davidson"};
  const std::vector<std::string> common = {"arena", battles, "--rounds", "3", "--per-component"};
  std::vector<std::string> bt = common;
  bt.insert(bt.end(), {"--ties", kTies[size % 3], "--format", "json"});
  if (RunCommand(bt)) {
    for (const char* format : {"md", "csv"}) {
      std::vector<std::string> elo = common;
      elo.insert(elo.end(), {"--method", "elo", "--format", format});
      RunCommand(elo);
    }
  }
  RunCleaning(battles, size);
  RunFragility(battles, size);
}

}  // namespace podium
