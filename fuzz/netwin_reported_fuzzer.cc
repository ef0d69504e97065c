// Fuzz target: reported net win rates (claim_id, model_a, model_b, task,
// net_win_rate, source, line, ...; datasets/pairwise/), read through
// `podium netwin --reported` and written as JSON (checked with
// CheckReportJson) and Markdown.
#include <cstddef>
#include <cstdint>

#include "fuzz/command_stages.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = podium::WriteFuzzInput(data, size, "net_win_rates.csv");
  for (const char* format : {"json", "md"}) {
    if (!podium::RunCommand({"netwin", "--reported", path, "--rounds", "3", "--format", format}))
      break;
  }
  return 0;
}
