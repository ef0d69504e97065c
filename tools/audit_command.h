// `podium audit`: checks every claim against the source document it cites
// (engine/audit/source_audit.h, engine/reporting/audit_report.h).
//
// Exit codes: 0 the datasets agree with the sources (findings about the
// sources themselves, such as conflicts, do not fail); 1 some claim is not
// found where it says (or a document is missing or altered); 2 bad input.
#ifndef PODIUM_TOOLS_AUDIT_COMMAND_H_
#define PODIUM_TOOLS_AUDIT_COMMAND_H_

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/provenance/run_log.h"
#include "tools/command.h"

namespace podium {

struct AuditRequest {
  std::vector<std::string> claims;  // default: <datasets>/claims/*.csv
  std::string registry;             // default: <datasets>/registry
  std::string datasets;             // default: $PODIUM_HOME/datasets
  std::string sources;              // default: $PODIUM_HOME/../shared/seeds
  int context = 8;                  // lines above the cited one where the model may be named
  OutputOptions output;             // --format md|json, --out (no --title)
  RunLog* log = nullptr;            // inputs, dropped rows, progress and notes; null = none
};

// {"audit", help, options}: declares the options below and runs the audit
// through EmitReport; on stderr, how many claims could not be decided (unless
// --quiet) and how many disagree with the sources (then exit 1).
Command AuditCommand();

void AddAuditOptions(CLI::App* command, AuditRequest* request);

struct AuditOutput {
  std::string text;  // the report
  int errors = 0;    // claims or documents that disagree (exit code 1)
  int warnings = 0;  // claims the audit cannot decide (listed in the report)
};

// Runs the audit; nullopt (with diagnostics) when the inputs cannot be read.
std::optional<AuditOutput> RenderAudit(const AuditRequest& request, Diagnostics* diagnostics);

// $PODIUM_HOME/../shared/seeds.
std::string DefaultSources();

}  // namespace podium

#endif  // PODIUM_TOOLS_AUDIT_COMMAND_H_
