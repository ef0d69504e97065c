// Fuzz target: a claims CSV file (engine/ingest/claims.h) read against the
// project's registry; a file that reads cleanly goes on to the leaderboard,
// a 3-round bootstrap and every writer (fuzz/score_stages.h).
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/ingest/claims.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/score_stages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace podium;
  const std::string path = WriteFuzzInput(data, size, "claims.csv");
  Diagnostics diagnostics;
  std::vector<Claim> claims;
  ReadClaimsFile(path, "claims.csv", FuzzRegistry(), &claims, &diagnostics);
  FormatDiagnostics(diagnostics);
  if (!diagnostics.has_errors() && !claims.empty()) RunScoreStages(claims, nullptr, size);
  return 0;
}
