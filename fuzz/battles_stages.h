// The battles targets (CSV, pair counts, Arena JSON, JSON Lines): one
// function, the format chosen by the file name as podium does.
#ifndef PODIUM_FUZZ_BATTLES_STAGES_H_
#define PODIUM_FUZZ_BATTLES_STAGES_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace podium {

// Writes the input to <scratch>/<file_name> and runs `podium arena` on it,
// in memory: Bradley–Terry (ties half, drop or Davidson, picked by the
// input's size), per component, 3 bootstrap rounds, as JSON (checked with
// CheckReportJson); if that read the file, online Elo, 3 rounds, as
// Markdown and CSV; then, for any input, Bradley–Terry without bootstrap
// under a mix of the vote cleaning flags (--anony-only, --dedup,
// --language, --category, --max-votes-per-judge-per-day,
// --drop-outlier-judges) chosen by the input's size. Diagnostics are
// normal and end a run quietly.
void RunBattles(const uint8_t* data, size_t size, const std::string& file_name);

}  // namespace podium

#endif  // PODIUM_FUZZ_BATTLES_STAGES_H_
