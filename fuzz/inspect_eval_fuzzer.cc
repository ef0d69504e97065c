// Fuzz target: an Inspect AI eval log in its .eval form (a zip archive), read
// by ImportInspect (engine/ingest/import_inspect.h) through libzip
// (engine/base/zip_archive.h). The seeds are real archives; the fuzzer
// mutates their bytes, so it reaches libzip's checks of the central
// directory and of deflated data as well as the JSON of the members.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::CheckInspectImport(podium::WriteFuzzInput(data, size, "log.eval"));
  return 0;
}
