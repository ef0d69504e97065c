#include "fuzz/battles_stages.h"

#include "fuzz/command_stages.h"
#include "fuzz/fuzz_input.h"

namespace podium {

void RunBattles(const uint8_t* data, size_t size, const std::string& file_name) {
  const std::string battles = WriteFuzzInput(data, size, file_name);
  const char* kTies[] = {"half", "drop", "davidson"};
  const std::vector<std::string> common = {"arena", battles, "--rounds", "3", "--per-component"};
  std::vector<std::string> bt = common;
  bt.insert(bt.end(), {"--ties", kTies[size % 3], "--format", "json"});
  if (!RunCommand(bt)) return;
  for (const char* format : {"md", "csv"}) {
    std::vector<std::string> elo = common;
    elo.insert(elo.end(), {"--method", "elo", "--format", format});
    RunCommand(elo);
  }
}

}  // namespace podium
