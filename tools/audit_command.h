// `podium audit`: checks every claim against the source document it cites
// (engine/audit/source_audit.h, engine/reporting/audit_report.h).
//
// Exit codes: 0 the datasets agree with the sources (findings about the
// sources themselves, such as conflicts, do not fail); 1 some claim is not
// found where it says (or a document is missing or altered); 2 bad input.
#ifndef PODIUM_TOOLS_AUDIT_COMMAND_H_
#define PODIUM_TOOLS_AUDIT_COMMAND_H_

#include <string>

#include "tools/command.h"

namespace podium {

// {"audit", help, options}: declares the options below and runs the audit
// through EmitReport; on stderr, how many claims could not be decided (unless
// --quiet) and how many disagree with the sources (then exit 1).
Command AuditCommand();

// $PODIUM_HOME/../shared/seeds.
std::string DefaultSources();

}  // namespace podium

#endif  // PODIUM_TOOLS_AUDIT_COMMAND_H_
