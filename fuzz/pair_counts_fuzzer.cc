// Fuzz target: pair counts (model_a, model_b, wins_a, wins_b, ties), the
// pre-aggregated battles CSV. ReadBattles (engine/ingest/battles.h) picks
// this form by a wins_a column in the header; seeded with pair counts, this
// target explores it while battles_csv explores the per-battle form. Read as
// `podium arena` reads it, then fitted and written (fuzz/battles_stages.h).
#include <cstddef>
#include <cstdint>

#include "fuzz/battles_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunBattles(data, size, "pair_counts.csv");
  return 0;
}
