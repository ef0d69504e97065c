// Leaderboard -> Markdown (for people), CSV (for spreadsheets), JSON (for
// machines; schema "podium.leaderboard/1", documented in docs/formats.md).
//
// Every number keeps its provenance: JSON cells list their claim ids, and the
// Markdown table footnotes each cell with the claims (source, line, the names
// as written). Output is a pure function of its inputs: no clock, no locale,
// no absolute paths, so it is byte-identical from run to run.
#ifndef PODIUM_ENGINE_REPORTING_LEADERBOARD_REPORT_H_
#define PODIUM_ENGINE_REPORTING_LEADERBOARD_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/inference/benchmark_agreement.h"
#include "engine/inference/score_bootstrap.h"
#include "engine/ingest/claims.h"
#include "engine/rating/leaderboard.h"
#include "engine/registry/registry.h"

namespace podium {

// What a report says about where it came from.
struct ReportContext {
  const Registry* registry = nullptr;          // names, benchmark metadata
  const std::vector<Claim>* claims = nullptr;  // claim details for footnotes
  std::string title;                           // heading; default "Leaderboard"
  std::vector<std::string> inputs;             // claims files, as the user named them
  std::string registry_path;                   // registry folder, as named
  // Intervals, rank sets and tiers (bootstrap or published); null = none.
  const LeaderboardUncertainty* uncertainty = nullptr;
  // --agreement: the benchmarks' agreement (a section, a CSV block, the JSON
  // "agreement" object); null = none, and the report is as without it.
  const BenchmarkAgreement* agreement = nullptr;
};

std::string LeaderboardMarkdown(const Leaderboard& board, const ReportContext& context);
std::string LeaderboardCsv(const Leaderboard& board, const ReportContext& context);
std::string LeaderboardJson(const Leaderboard& board, const ReportContext& context);

// The method in words: normalization, aggregation, missing-data and conflict
// policies, coverage threshold. Shared by the Markdown and JSON outputs.
std::string DescribeMethod(const LeaderboardOptions& options);

// The Markdown footnote line of one claim: "[^id]: claim id: SOURCE line N
// (kind): "model as written" on "benchmark as written" = value".
std::string ClaimFootnote(const Claim& claim);

// The JSON "claims" object of a report: for each id in `ids` (first
// occurrence order, repeats once), where the number comes from: source, line,
// kind, the names as written, the value as printed, unit, metric, setting.
nlohmann::ordered_json ClaimsJson(const std::vector<std::string>& ids, const ClaimIndex& claims);

// The JSON "sources" object: each source document named in `claims_json`
// (a ClaimsJson result) with its file, title, publisher, date and SHA-256.
nlohmann::ordered_json SourcesJson(const nlohmann::ordered_json& claims_json,
                                   const Registry* registry);

// The uncertainty method in words (bootstrap kind, interval, rounds, seed,
// level, rank sets), or the published-interval rule.
std::string DescribeUncertainty(const LeaderboardUncertainty& u);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_LEADERBOARD_REPORT_H_
