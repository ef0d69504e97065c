#include "fuzz/import_checks.h"

#include <fmt/format.h>

#include <charconv>
#include <system_error>

#include "engine/ingest/import_eee.h"
#include "engine/ingest/import_inspect.h"
#include "fuzz/fuzz_input.h"

namespace podium {
namespace {

void CheckScores(const ImportedResults& results, const Diagnostics& diagnostics) {
  FormatDiagnostics(diagnostics);
  for (const ImportedScore& score : results.scores) {
    if (score.line <= 0 || score.field.empty() || score.value_text.empty()) {
      FuzzInvariantFailed(fmt::format("score of {} on {} without line, field or value_text",
                                      score.model, score.benchmark));
    }
    // The token is JSON's, so from_chars reads all of it, to the same
    // double (a token that underflows is 0 for nlohmann_json).
    const char* end = score.value_text.data() + score.value_text.size();
    double parsed = 0;
    const auto [ptr, ec] = std::from_chars(score.value_text.data(), end, parsed);
    const bool same = ec == std::errc() ? parsed == score.value
                                        : ec == std::errc::result_out_of_range && score.value == 0;
    if (ptr != end || !same) {
      FuzzInvariantFailed(
          fmt::format("value_text \"{}\" is not the value {}", score.value_text, score.value));
    }
  }
}

}  // namespace

void CheckInspectImport(const std::string& path) {
  Diagnostics diagnostics;
  CheckScores(ImportInspect(path, "log", "", &diagnostics), diagnostics);
}

void CheckEeeImport(const std::string& path) {
  Diagnostics diagnostics;
  CheckScores(ImportEee(path, "eee", "", &diagnostics), diagnostics);
}

}  // namespace podium
