// Fuzz target: net-win-rate judgments (prompt, rater, model_a, model_b,
// preference), read by ReadJudgments (engine/inference/net_win_rate.h)
// through `podium netwin --judgments`, with 3 bootstrap rounds over prompts,
// written as JSON (checked with CheckReportJson) and Markdown.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/netwin_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::NetWinRequest request;
  request.judgments = podium::WriteFuzzInput(data, size, "judgments.csv");
  request.rounds = 3;
  podium::RunNetWin(request);
  return 0;
}
