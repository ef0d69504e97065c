// Fuzz target: an Inspect AI eval log in its .json form, read by ImportInspect
// (engine/ingest/import_inspect.h). Every score it imports must cite a line
// and keep its number's text.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size >= 4 && data[0] == 'P' && data[1] == 'K') return 0;  // the .eval target's input
  podium::CheckInspectImport(podium::WriteFuzzInput(data, size, "log.json"));
  return 0;
}
