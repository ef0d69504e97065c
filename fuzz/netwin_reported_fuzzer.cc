// Fuzz target: reported net win rates (claim_id, model_a, model_b, task,
// net_win_rate, source, line, ...; datasets/pairwise/), read through
// `podium netwin --reported` and written as JSON (checked with
// CheckReportJson) and Markdown.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/netwin_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::NetWinRequest request;
  request.reported = podium::WriteFuzzInput(data, size, "net_win_rates.csv");
  podium::RunNetWin(request);
  return 0;
}
