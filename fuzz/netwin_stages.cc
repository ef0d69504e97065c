#include "fuzz/netwin_stages.h"

#include <optional>
#include <string>

#include "fuzz/fuzz_input.h"

namespace podium {

void RunNetWin(NetWinRequest request) {
  for (const char* format : {"json", "md"}) {
    request.format = format;
    Diagnostics diagnostics;
    std::optional<std::string> text = RenderNetWin(request, &diagnostics);
    FormatDiagnostics(diagnostics);
    if (!text) return;
    if (request.format == "json") CheckReportJson(*text);
  }
}

}  // namespace podium
