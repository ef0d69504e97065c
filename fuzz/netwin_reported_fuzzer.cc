// Fuzz target: reported net win rates (claim_id, model_a, model_b, task,
// net_win_rate, source, line, ...; datasets/pairwise/), read through
// `podium netwin --reported` and written as JSON (checked with
// CheckReportJson) and Markdown.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz/fuzz_input.h"
#include "tools/arena_command.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  NetWinRequest request;
  request.reported = WriteFuzzInput(data, size, "net_win_rates.csv");
  for (const char* format : {"json", "md"}) {
    request.format = format;
    Diagnostics diagnostics;
    std::optional<std::string> text = RenderNetWin(request, &diagnostics);
    FormatDiagnostics(diagnostics);
    if (!text) return 0;
    if (request.format == "json") CheckReportJson(*text);
  }
  return 0;
}
