// Fuzz target: Arena battles CSV (model_a, model_b, winner [, category, tstamp]), read by
// ReadBattles (engine/ingest/battles.h) as `podium arena` reads it, then fitted and written
// (fuzz/battles_stages.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/battles_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunBattles(data, size, "battles.csv");
  return 0;
}
