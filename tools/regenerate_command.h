// `podium regenerate`: rebuilds every report listed in datasets/reports.json.
//
// All reports are rendered in memory first; only when every one succeeded are
// they written (each atomically), so a failure leaves reports/ untouched.
#ifndef PODIUM_TOOLS_REGENERATE_COMMAND_H_
#define PODIUM_TOOLS_REGENERATE_COMMAND_H_

#include <iosfwd>
#include <string>

namespace podium {

struct RegenerateRequest {
  std::string datasets;  // default: $PODIUM_HOME/datasets
  std::string reports;   // default: $PODIUM_HOME/reports
};

// Returns the exit code (0 ok, 2 bad spec or input). Prints a summary to `out`.
int RunRegenerate(const RegenerateRequest& request, std::ostream& out, std::ostream& err);

}  // namespace podium

#endif  // PODIUM_TOOLS_REGENERATE_COMMAND_H_
