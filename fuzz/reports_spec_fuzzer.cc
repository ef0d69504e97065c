// Fuzz target: datasets/reports.json, the list of reports `podium
// regenerate` makes (read by engine/ingest/report_spec.h, and by
// `podium h2h --statements-of NAME` for a report's "statements").
//
// Two runs per input, both on a datasets folder of the scratch folder whose
// reports.json is the input:
//   1. `regenerate` with no registry or claims next to it, so a report that
//      is listed fails fast when rendered (the claims target covers
//      rendering), and a spec whose reports ask for no formats gets as far
//      as reports/README.md and index.html;
//   2. `h2h ministral-8b llama-3.1-8b --statements-of
//      h2h-ministral-8b-vs-llama-3.1-8b` with the project's registry and one
//      claims file, written as JSON (checked with CheckReportJson).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>

#include "fuzz/command_stages.h"
#include "fuzz/fuzz_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  WriteFuzzInput(data, size, "datasets/reports.json");
  const std::string& scratch = FuzzScratchDir();
  RunCommand({"regenerate", "--datasets", scratch + "/datasets", "--reports", scratch + "/reports",
              "--sources", scratch + "/no-sources"});
  RunCommand({"h2h", "ministral-8b", "llama-3.1-8b", "--claims",
              FuzzHome() + "/datasets/claims/000_43fd87e1ab347223.csv", "--registry",
              FuzzHome() + "/datasets/registry", "--datasets", scratch + "/datasets",
              "--on-conflict", "latest", "--statements-of", "h2h-ministral-8b-vs-llama-3.1-8b",
              "--format", "json"});
  return 0;
}
