// `podium regenerate`: rebuilds every report listed in datasets/reports.json
// (engine/ingest/report_spec.h), each with the subcommand it names, plus
// reports/README.md and index.html (engine/reporting/reports_index.h).
//
// All reports are rendered in memory first; only when every one succeeded are
// they written (each atomically), so a failure leaves reports/ untouched.
#ifndef PODIUM_TOOLS_REGENERATE_COMMAND_H_
#define PODIUM_TOOLS_REGENERATE_COMMAND_H_

#include <iosfwd>
#include <string>

#include "tools/command.h"

namespace podium {

struct RegenerateRequest {
  std::string datasets;  // default: $PODIUM_HOME/datasets
  std::string reports;   // default: $PODIUM_HOME/reports
  std::string sources;   // default: $PODIUM_HOME/../shared/seeds; audit skipped if absent
};

// {"regenerate", help, options}: declares --datasets, --reports and --sources
// and runs RunRegenerate.
Command RegenerateCommand();

// Also writes audit.md and audit.json when the source documents are present
// (shown in them as "../shared/seeds" unless --sources is given). Returns the
// exit code: 0 ok, 1 the audit found claims that disagree with the sources, 2
// bad spec or input; on a non-zero code nothing is written. Prints a summary
// to `out`; every diagnostic of every report to `err`, at the end.
int RunRegenerate(const RegenerateRequest& request, std::ostream& out, std::ostream& err);

}  // namespace podium

#endif  // PODIUM_TOOLS_REGENERATE_COMMAND_H_
