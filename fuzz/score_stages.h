// What follows a clean read of score claims, for the claims and items
// targets: the leaderboard, a short bootstrap, and every writer.
#ifndef PODIUM_FUZZ_SCORE_STAGES_H_
#define PODIUM_FUZZ_SCORE_STAGES_H_

#include <cstddef>
#include <vector>

#include "engine/ingest/claims.h"
#include "engine/ingest/items.h"

namespace podium {

// Builds the leaderboard of `claims` over FuzzRegistry() (conflicts
// averaged; normalization and aggregation picked by `variant`, so that a
// given input always takes the same path), bootstraps it for 3 rounds
// (items when `items` is not null, else parametric), and writes it as JSON
// (checked with CheckReportJson), Markdown and CSV. Diagnostics on the way
// are normal and end the run quietly.
void RunScoreStages(const std::vector<Claim>& claims, const ItemData* items, size_t variant);

}  // namespace podium

#endif  // PODIUM_FUZZ_SCORE_STAGES_H_
