// The net-win-rate targets (judgments, reported rates): one function over a
// prepared request, as `podium netwin` runs it.
#ifndef PODIUM_FUZZ_NETWIN_STAGES_H_
#define PODIUM_FUZZ_NETWIN_STAGES_H_

#include "tools/arena_command.h"

namespace podium {

// Renders `request` as JSON (checked with CheckReportJson) and Markdown.
// Diagnostics are normal and end a run quietly.
void RunNetWin(NetWinRequest request);

}  // namespace podium

#endif  // PODIUM_FUZZ_NETWIN_STAGES_H_
