// `podium audit`: checks every claim against the source document it cites.
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
#include "tools/run_log.h"

namespace podium {

struct AuditRequest {
  std::vector<std::string> claims;  // default: <datasets>/claims/*.csv
  std::string registry;             // default: <datasets>/registry
  std::string datasets;             // default: $PODIUM_HOME/datasets
  std::string sources;              // default: $PODIUM_HOME/../shared/seeds
  std::string sources_shown;        // how the folder is named in the report
  int context = 8;                  // lines above the cited one where the model may be named
  std::string format = "md";        // md|json
  std::string out;                  // default: stdout
  RunLog* log = nullptr;            // inputs, dropped rows, progress and notes; null = none
};

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
