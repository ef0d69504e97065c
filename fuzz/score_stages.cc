#include "fuzz/score_stages.h"

#include <optional>

#include "engine/inference/score_bootstrap.h"
#include "engine/rating/leaderboard.h"
#include "engine/reporting/leaderboard_report.h"
#include "fuzz/fuzz_input.h"

namespace podium {

void RunScoreStages(const std::vector<Claim>& claims, const ItemData* items, size_t variant) {
  const Registry& registry = FuzzRegistry();
  Diagnostics diagnostics;
  LeaderboardOptions options;
  options.on_conflict = ConflictPolicy::kMean;
  options.normalization = static_cast<Normalization>(variant % 5);
  options.aggregate.method = static_cast<Aggregation>(variant / 5 % 3);
  const Leaderboard board = BuildLeaderboard(claims, registry, options, &diagnostics);
  FormatDiagnostics(diagnostics);
  if (diagnostics.has_errors()) return;

  std::optional<LeaderboardUncertainty> uncertainty = PublishedUncertainty(board, claims);
  if (!uncertainty && !board.rows.empty()) {
    ScoreBootstrapOptions bootstrap;
    bootstrap.kind = items != nullptr ? ScoreBootstrap::kItems : ScoreBootstrap::kParametric;
    bootstrap.interval = variant % 2 == 0 ? IntervalMethod::kPercentile : IntervalMethod::kBca;
    bootstrap.rounds = 3;
    uncertainty = BootstrapLeaderboard(board, claims, registry, items, bootstrap, &diagnostics);
    FormatDiagnostics(diagnostics);
    if (diagnostics.has_errors()) return;
  }
  ReportContext context;
  context.registry = &registry;
  context.claims = &claims;
  context.uncertainty = uncertainty ? &*uncertainty : nullptr;
  context.inputs = {"fuzz.csv"};
  context.registry_path = "datasets/registry";
  CheckReportJson(LeaderboardJson(board, context));
  (void)LeaderboardMarkdown(board, context);
  (void)LeaderboardCsv(board, context);
}

}  // namespace podium
