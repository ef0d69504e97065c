// `podium regenerate`: rebuilds every report listed in datasets/reports.json
// (engine/ingest/report_spec.h), each with the subcommand it names, plus
// reports/README.md and index.html (engine/reporting/reports_index.h).
//
// All reports are rendered in memory first; only when every one succeeded are
// they written (each atomically), so a failure leaves reports/ untouched.
// The project is $PODIUM_HOME (or --project, or the current folder): its
// datasets/ and reports/; relative paths in reports.json are from there.
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

// Also writes audit.md and audit.json when the registry lists sources and
// the documents they need are present (bare file names: in --sources, shown
// as "../shared/seeds" unless given; imported files: paths from the dataset
// folder); otherwise the README says why there is no audit. Returns the exit
// code: 0 ok; 1 the audit found claims that disagree with their sources
// (everything is written, the audit says which); 2 bad spec or input, and
// nothing is written. Prints a summary to `out`; every diagnostic of every
// report to `err`, at the end.
int RunRegenerate(const RegenerateRequest& request, std::ostream& out, std::ostream& err);

}  // namespace podium

#endif  // PODIUM_TOOLS_REGENERATE_COMMAND_H_
