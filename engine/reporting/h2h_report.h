// Head-to-head reports: Markdown for people, JSON ("schema": "podium.h2h/1",
// docs/formats.md) for machines. Score comparisons footnote every value with
// the claims behind it (source, line, the names as written).
#ifndef PODIUM_ENGINE_REPORTING_H2H_REPORT_H_
#define PODIUM_ENGINE_REPORTING_H2H_REPORT_H_

#include <string>
#include <vector>

#include "engine/inference/head_to_head.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

struct H2HContext {
  std::string title;
  const Registry* registry = nullptr;          // names; may be null for battles
  const std::vector<Claim>* claims = nullptr;  // footnotes; scores only
  std::vector<std::string> inputs;             // files, as named
  std::string on_conflict;                     // scores: the conflict policy used
  // Scores: what the documents say, each checked against the numbers of its
  // own source document.
  std::vector<std::pair<DocumentStatement, StatementCheck>> statements;
};

// One pair, or all pairs (`all`), from score claims.
std::string ScoreH2HMarkdown(const std::vector<ScoreComparison>& comparisons, bool all,
                             const H2HContext& context);
std::string ScoreH2HJson(const std::vector<ScoreComparison>& comparisons, bool all,
                         const H2HContext& context);

// One pair, or all pairs, from battles.
std::string BattleH2HMarkdown(const std::vector<BattleComparison>& comparisons, bool all,
                              const ArenaResult& arena, const H2HContext& context);
std::string BattleH2HJson(const std::vector<BattleComparison>& comparisons, bool all,
                          const ArenaResult& arena, const H2HContext& context);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_H2H_REPORT_H_
