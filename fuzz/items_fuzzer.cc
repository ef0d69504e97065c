// Fuzz target: a per-item results CSV (engine/ingest/items.h) read against
// the project's registry; clean items become claims and go on to the
// leaderboard with a 3-round item bootstrap and every writer.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/ingest/items.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/score_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  const std::string path = WriteFuzzInput(data, size, "items.csv");
  Diagnostics diagnostics;
  const ItemData items = ReadItems(path, "items.csv", FuzzRegistry(), &diagnostics);
  FormatDiagnostics(diagnostics);
  if (diagnostics.has_errors()) return 0;
  const std::vector<Claim> claims = ItemClaims(items);
  if (!claims.empty()) RunScoreStages(claims, &items, size);
  return 0;
}
