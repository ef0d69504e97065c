#include "fuzz/import_checks.h"

#include <string>
#include <vector>

#include "engine/base/number.h"
#include "engine/base/text_position.h"
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

}  // namespace podium
