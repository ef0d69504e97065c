// Fuzz target: an lm-evaluation-harness results file, read by ImportLmEval
// (engine/ingest/import_lm_eval.h) as `podium import lm-eval` reads it. The
// input is the results file, optionally followed by "\x1e" and the samples
// file of task "t" (samples_t_<TS>.jsonl next to it); every imported score
// must cite a line that holds its number (fuzz/import_checks.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/ingest/import_lm_eval.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const size_t separator = input.find('\x1e');
  const std::string_view results = input.substr(0, separator);
  const std::string_view samples =
      separator == std::string_view::npos ? std::string_view() : input.substr(separator + 1);
  const char kStamp[] = "2024-01-01T00-00-00.000000";
  const std::string path =
      podium::WriteFuzzInput(results, std::string("lm_eval/results_") + kStamp + ".json");
  podium::WriteFuzzInput(samples, std::string("lm_eval/samples_t_") + kStamp + ".jsonl");
  podium::Diagnostics diagnostics;
  const podium::ImportedResults imported = podium::ImportLmEval(path, path, "", &diagnostics);
  podium::CheckImportedResults(imported, results, diagnostics);
  return 0;
}
