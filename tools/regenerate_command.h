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
  std::string sources;   // default: $PODIUM_HOME/../shared/seeds; audit skipped if absent
};

// Also writes audit.md and audit.json when the source documents are present
// (shown in them as "../shared/seeds" whatever --sources says, so the bytes do
// not depend on where the documents are). Returns the exit code: 0 ok, 1 the
// audit found claims that disagree with the sources, 2 bad spec or input; on
// a non-zero code nothing is written. Prints a summary to `out`.
int RunRegenerate(const RegenerateRequest& request, std::ostream& out, std::ostream& err);

}  // namespace podium

#endif  // PODIUM_TOOLS_REGENERATE_COMMAND_H_
