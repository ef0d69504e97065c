// Fuzz target: datasets/reports.json, the list of reports `podium
// regenerate` makes (read in tools/regenerate_command.cc, and by
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

#include "fuzz/fuzz_input.h"
#include "tools/h2h_command.h"
#include "tools/regenerate_command.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  WriteFuzzInput(data, size, "datasets/reports.json");
  const std::string& scratch = FuzzScratchDir();
  RegenerateRequest regenerate;
  regenerate.datasets = scratch + "/datasets";
  regenerate.reports = scratch + "/reports";
  regenerate.sources = scratch + "/no-sources";
  std::ostringstream out, err;
  RunRegenerate(regenerate, out, err);

  H2HRequest h2h;
  h2h.pair = {"ministral-8b", "llama-3.1-8b"};
  h2h.claims = {FuzzHome() + "/datasets/claims/000_43fd87e1ab347223.csv"};
  h2h.registry = FuzzHome() + "/datasets/registry";
  h2h.datasets = scratch + "/datasets";
  h2h.statements_of = "h2h-ministral-8b-vs-llama-3.1-8b";
  h2h.format = "json";
  Diagnostics diagnostics;
  const std::optional<std::string> json = RenderH2H(h2h, &diagnostics);
  FormatDiagnostics(diagnostics);
  if (json) CheckReportJson(*json);
  return 0;
}
