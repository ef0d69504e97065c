// Fuzz target: net-win-rate judgments (prompt, rater, model_a, model_b,
// preference), read by ReadJudgments (engine/inference/net_win_rate.h)
// through `podium netwin --judgments`, with 3 bootstrap rounds over prompts,
// written as JSON (checked with CheckReportJson) and Markdown.
#include <cstddef>
#include <cstdint>
#include <optional>

#include "fuzz/fuzz_input.h"
#include "tools/arena_command.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  NetWinRequest request;
  request.judgments = WriteFuzzInput(data, size, "judgments.csv");
  request.rounds = 3;
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
