// The `podium` command line, callable in-process (tests) and from main().
//
// Exit codes: 0 success; 1 a check found a problem (audit, check); 2 bad input
// or usage (every diagnostic printed first, no output file written).
#ifndef PODIUM_TOOLS_CLI_H_
#define PODIUM_TOOLS_CLI_H_

#include <iosfwd>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

// Runs `podium args...` (args excludes the program name). Reports go to `out`
// (or to --out files), diagnostics and summaries to `err`.
int RunPodium(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

// Runs the report command `args` (e.g. {"leaderboard", "--format", "json",
// ...}) in memory, as `podium --reproducible args...` would, for regenerate:
// the report is left in `report` (its JSON manifest without time or commit),
// its diagnostics are added to `diagnostics`, and what the command would say
// on stderr besides them is dropped. A usage error (an unknown option, a bad
// value) is returned in `usage_error` with exit code 2. `findings` (may be
// null) gets what a checking command found wrong (audit: the claims and
// documents that disagree, exit code 1). `manifest` (may be null) gets the
// manifest (JSON) of a report written in another format than JSON. Returns
// the exit code.
int RunPodiumInMemory(const std::vector<std::string>& args, std::string* report,
                      Diagnostics* diagnostics, std::string* usage_error, int* findings = nullptr,
                      std::string* manifest = nullptr);

}  // namespace podium

#endif  // PODIUM_TOOLS_CLI_H_
