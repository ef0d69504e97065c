#include "fuzz/battles_stages.h"

#include <optional>

#include "engine/base/diagnostic.h"
#include "fuzz/fuzz_input.h"
#include "tools/arena_command.h"

namespace podium {

void RunBattles(const uint8_t* data, size_t size, const std::string& file_name) {
  ArenaRequest request;
  request.battles = WriteFuzzInput(data, size, file_name);
  request.rounds = 3;
  request.per_component = true;
  const char* kTies[] = {"half", "drop", "davidson"};
  request.ties = kTies[size % 3];
  request.format = "json";
  Diagnostics diagnostics;
  std::optional<std::string> json = RenderArena(request, &diagnostics);
  FormatDiagnostics(diagnostics);
  if (!json) return;
  CheckReportJson(*json);

  request.method = "elo";
  request.ties = "half";
  for (const char* format : {"md", "csv"}) {
    request.format = format;
    Diagnostics elo_diagnostics;
    (void)RenderArena(request, &elo_diagnostics);
    FormatDiagnostics(elo_diagnostics);
  }
}

}  // namespace podium
