// Fuzz target: net-win-rate judgments (prompt, rater, model_a, model_b,
// preference), read by ReadJudgments (engine/ingest/judgments.h)
// through `podium netwin --judgments`, with 3 bootstrap rounds over prompts,
// written as JSON (checked with CheckReportJson) and Markdown.
#include <cstddef>
#include <cstdint>

#include "fuzz/command_stages.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string path = podium::WriteFuzzInput(data, size, "judgments.csv");
  for (const char* format : {"json", "md"}) {
    if (!podium::RunCommand({"netwin", "--judgments", path, "--rounds", "3", "--format", format}))
      break;
  }
  return 0;
}
