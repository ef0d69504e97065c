// Fuzz target: an Every Eval Ever file read by ImportEee
// (engine/ingest/import_eee.h): a record or an array of records, or, when
// the input starts with "L" (dropped), JSON Lines, one record per line.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const bool lines = size > 0 && data[0] == 'L';
  podium::CheckEeeImport(lines ? podium::WriteFuzzInput(data + 1, size - 1, "eee.jsonl")
                               : podium::WriteFuzzInput(data, size, "eee.json"));
  return 0;
}
