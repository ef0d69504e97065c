#include "fuzz/import_checks.h"

#include <fmt/format.h>

#include <charconv>
#include <string>
#include <system_error>
#include <vector>

#include "engine/base/number.h"
#include "engine/base/text_position.h"
#include "engine/ingest/import_eee.h"
#include "engine/ingest/import_inspect.h"
#include "fuzz/fuzz_input.h"

namespace podium {

void CheckImportedResults(const ImportedResults& results, std::string_view cited,
                          const Diagnostics& diagnostics) {
  FormatDiagnostics(diagnostics);
  if (!diagnostics.has_errors() && results.scores.empty()) {
    FuzzInvariantFailed("a read without errors imported no score");
  }
  const std::vector<std::string_view> lines = SplitLines(cited);
  for (const ImportedScore& score : results.scores) {
    if (score.line < 1 || score.line > static_cast<int>(lines.size())) {
      FuzzInvariantFailed("score " + score.field + " cites a line outside the file");
    }
    if (score.value_text.empty() ||
        lines[score.line - 1].find(score.value_text) == std::string_view::npos) {
      FuzzInvariantFailed("score " + score.field + ": \"" + score.value_text +
                          "\" is not on its line " + std::to_string(score.line));
    }
    // ParseFiniteDouble refuses what underflows ("1e-400"), which JSON reads as 0.
    const std::optional<double> parsed = ParseFiniteDouble(score.value_text);
    if (parsed && *parsed != score.value) {
      FuzzInvariantFailed("score " + score.field + ": \"" + score.value_text +
                          "\" does not read back as its value");
    }
  }
}

namespace {

// Inspect and EEE: the .eval form cites lines inside zip members, so the
// scores are checked for a line, a field and a token that reads back.
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
