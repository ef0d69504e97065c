// The fuzz targets that go through a whole command: `podium ARGS...` run in
// this process (RunPodium, tools/cli.h) as a user would run it, so a target
// follows the command line through any refactoring of the tools layer.
#ifndef PODIUM_FUZZ_COMMAND_STAGES_H_
#define PODIUM_FUZZ_COMMAND_STAGES_H_

#include <optional>
#include <string>
#include <vector>

namespace podium {

// Runs `podium --quiet --reproducible ARGS...`; the report it printed on
// standard output when it exited 0 or 1 (a check that found a problem), else
// nullopt. Diagnostics are normal and end a run quietly; with "--format
// json" among `args` the report is checked with CheckReportJson.
std::optional<std::string> RunCommand(const std::vector<std::string>& args);

}  // namespace podium

#endif  // PODIUM_FUZZ_COMMAND_STAGES_H_
