// Fuzz target: the Arena clean_battle_*.json list of records, read by ReadBattles
// (engine/ingest/battles.h) as `podium arena` reads it, then fitted and written
// (fuzz/battles_stages.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/battles_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunBattles(data, size, "battles.json");
  return 0;
}
