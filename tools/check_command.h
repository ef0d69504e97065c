// `podium check BASELINE CURRENT`: numeric regression check of two reports or
// two folders of reports (engine/check/report_check.h). Exit 0: nothing
// moved beyond tolerance; 1: regressions (listed as a Markdown diff); 2: bad
// input (unreadable file, invalid JSON, different schemas, file vs folder).
#ifndef PODIUM_TOOLS_CHECK_COMMAND_H_
#define PODIUM_TOOLS_CHECK_COMMAND_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>

#include "engine/check/report_check.h"

namespace podium {

struct CheckRequest {
  std::string baseline, current;
  double abs_tol = 0, rel_tol = 0;
  bool allow_within_interval = false;
  std::string json;  // also write the comparison as JSON here
  std::string out;   // Markdown; empty = stdout
};

void AddCheckOptions(CLI::App* command, CheckRequest* request);

int RunCheck(const CheckRequest& request, std::ostream& out, std::ostream& err);

// The Markdown table of one comparison's changes (the first 200; the rest
// counted), as `podium check` and `podium verify` print it.
std::string ChangesTable(const ReportComparison& comparison);

}  // namespace podium

#endif  // PODIUM_TOOLS_CHECK_COMMAND_H_
