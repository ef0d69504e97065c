// libFuzzer target: `podium import wide` on any bytes, and the audit of what
// it read. Besides "no crash, diagnostics well formed, every value on its
// line" (import_checks.h), the round trip must hold: each imported score,
// made a data claim, is verified by the audit's CSV check (data_claim.h) in
// the very bytes it was read from.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "engine/audit/data_claim.h"
#include "engine/ingest/import_wide.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/import_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string path = podium::WriteFuzzInput(input, "wide.csv");
  podium::Diagnostics diagnostics;
  const podium::ImportedResults imported = podium::ImportWide(path, path, {}, &diagnostics);
  podium::CheckImportedResults(imported, input, diagnostics);
  if (diagnostics.has_errors()) return 0;
  podium::SourceDocument document;
  document.id = "wide";
  document.path = path;
  document.file = path;
  document.found = true;
  document.bytes = std::string(input);
  document.delimiter = ',';
  const auto index = podium::IndexDataFile(document);
  for (const podium::ImportedScore& score : imported.scores) {
    podium::Claim claim;
    claim.kind = podium::ClaimKind::kData;
    claim.value = score.value;
    claim.value_text = score.value_text;
    claim.line = score.line;
    claim.field = score.field;
    claim.model_as_written = score.model_as_written.empty() ? score.model : score.model_as_written;
    const podium::ClaimCheck check = index->Check(claim);
    if (check.problem) {
      podium::FuzzInvariantFailed("an imported score fails the audit: " + check.message);
    }
  }
  return 0;
}
