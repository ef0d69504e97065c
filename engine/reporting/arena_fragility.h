// How fragile an arena board is — worst-case vote dropping and
// leave-one-group-out (ArenaResult::robustness, ::loo) — in words, as a
// Markdown section, as JSON (the "fragility" object of podium.arena/1, and
// the podium.robustness/1 report of `podium robustness`), and as CSV (the
// removed battles, one per line; per-model columns of the arena CSV).
#ifndef PODIUM_ENGINE_REPORTING_ARENA_FRAGILITY_H_
#define PODIUM_ENGINE_REPORTING_ARENA_FRAGILITY_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/inference/arena.h"

namespace podium {

// One sentence or two: what removing the set does, or that none was found.
std::string DescribeRobustness(const ArenaResult& r);

// "## How fragile is this board" with the vote-dropping answer and its
// battles, and the leave-one-out table; "" when neither was asked for.
std::string FragilityMarkdown(const ArenaResult& r, const std::string& battles_file);

// {"robustness": {...} | null, "leave_one_out": {...} | null}.
nlohmann::ordered_json FragilityJson(const ArenaResult& r, const std::string& battles_file);

// The removed battles: file, line, model_a, model_b, winner (the winner's
// name, or "tie"), one per battle.
std::string DroppedBattlesCsv(const ArenaResult& r, const std::string& battles_file);

// Extra per-model columns of the arena CSV (after the others), and a row's
// values (`index` into ArenaResult::models).
std::vector<std::string> FragilityCsvHeader(const ArenaResult& r);
std::vector<std::string> FragilityCsvFields(const ArenaResult& r, int index);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_ARENA_FRAGILITY_H_
