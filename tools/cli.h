// The `podium` command line, callable in-process (tests) and from main().
//
// Exit codes: 0 success; 1 a check found a problem (audit, check); 2 bad input
// or usage (every diagnostic printed first, no output file written).
#ifndef PODIUM_TOOLS_CLI_H_
#define PODIUM_TOOLS_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

namespace podium {

// Runs `podium args...` (args excludes the program name). Reports go to `out`
// (or to --out files), diagnostics and summaries to `err`.
int RunPodium(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace podium

#endif  // PODIUM_TOOLS_CLI_H_
