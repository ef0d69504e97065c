// `podium check BASELINE CURRENT`: numeric regression check of two reports or
// two folders of reports (engine/check/folder_check.h), for CI.
//
// Prints a Markdown diff (engine/reporting/check_report.h): a summary line of
// counts ("3 worse, 1 better, 2 changed"), then the differences grouped by the
// inputs that moved them (an edited claims file with the reports it moved,
// named by SHA-256 from the manifests), each difference with its direction.
// Exit codes:
//   0  no difference that fails (none at all, or only allowed ones);
//   1  differences that fail: worse, changed, added, removed — and better,
//      unless --allow-better (a baseline out of date is a difference too);
//   2  bad input: a path that does not exist ("PATH: error: no such file or
//      directory"), unreadable or invalid JSON (path:line:col), different
//      schemas, a file compared with a folder.
#ifndef PODIUM_TOOLS_CHECK_COMMAND_H_
#define PODIUM_TOOLS_CHECK_COMMAND_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "tools/command.h"

namespace podium {

struct CheckRequest {
  std::string baseline, current;       // two JSON reports, or two folders of them
  double abs_tol = 0, rel_tol = 0;     // numbers closer than this are equal
  bool allow_within_interval = false;  // a score moved within its interval passes
  bool allow_better = false;           // an improvement passes (still listed)
  std::vector<std::string> ignore;     // --ignore FIELD, repeatable
  std::string json;                    // also write the comparison as JSON here
  std::string out;                     // Markdown; empty = stdout
};

// {"check", help, options}: declares the options below and runs RunCheck.
Command CheckCommand();

void AddCheckOptions(CLI::App* command, CheckRequest* request);

// Runs the check; the Markdown goes to `out` (or --out), diagnostics and
// warnings to `err`. Returns the exit code above.
int RunCheck(const CheckRequest& request, std::ostream& out, std::ostream& err);

}  // namespace podium

#endif  // PODIUM_TOOLS_CHECK_COMMAND_H_
