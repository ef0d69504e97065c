// Head-to-head comparison of two models, from score claims or from battles.
//
// Score claims: for every benchmark both models have, A's advantage d (a − b,
// or b − a on a lower-is-better benchmark) and its standard error
// se = √(se_a² + se_b²) from each cell's sampling model (CellNoiseOf: the
// binomial of the benchmark's item count, or the claim's stderr, n or
// interval). The two scores are treated as independent, which is
// conservative when both models answered the same questions (their errors
// are then positively correlated and the true se is smaller). Then
//     interval   d ± z_{(1+level)/2} · se
//     p-value    2 (1 − Φ(|d| / se))         (two-sided z-test)
//     P(A better) = Φ(d / se)                 (flat-prior posterior probability)
// and the verdict is "A better" / "B better" when p < 1 − level, otherwise
// "tied within noise"; "unknown" when a cell has no sampling model.
//
// Battles: wins, losses and ties between the two; the observed win
// probability (ties excluded, and ties as half); the Bradley–Terry predicted
// probability; the exact binomial test of the decisive battles against 1/2;
// and the rating difference with its bootstrap percentile interval — or,
// with ArenaIntervals::kSandwich, its normal interval
//     (R_a − R_b) ± z_{(1+level)/2} · (400 / ln 10) · √(Cov_aa + Cov_bb − 2·Cov_ab)
// from the covariance of the difference (sandwich.h; no "share higher").
//
// A single battle comparison's verdict comes from the rating difference's
// bootstrap interval (which uses every battle, direct or not), or from the
// binomial test without a bootstrap.
//
// All pairs: the same for every pair, with Holm-adjusted p-values over all
// the tests made; significance then uses the adjusted p-value (for battles,
// of the direct battles' binomial test, the direction being who won more).
#ifndef PODIUM_ENGINE_INFERENCE_HEAD_TO_HEAD_H_
#define PODIUM_ENGINE_INFERENCE_HEAD_TO_HEAD_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/inference/arena.h"
#include "engine/inference/bootstrap.h"
#include "engine/ingest/claims.h"
#include "engine/ingest/statements.h"
#include "engine/matrix/score_matrix.h"
#include "engine/registry/registry.h"

namespace podium {

enum class Verdict { kABetter, kBBetter, kTied, kUnknown };

struct BenchmarkComparison {
  std::string benchmark;
  bool higher_is_better = true;
  double a = 0, b = 0;                          // the values as published
  std::vector<std::string> a_claims, b_claims;  // claim ids behind each value
  std::string a_noise, b_noise;                 // sampling models, in words
  double advantage = 0;                         // A's advantage (see above)
  double se = 0;                                // NaN when unknown
  Interval ci;                                  // NaN when unknown
  double p_a_better = 0, p_value = 0;           // NaN when unknown
  double p_holm = 0;                            // all-pairs mode; else = p_value
  Verdict verdict = Verdict::kUnknown;
  // The smallest difference the benchmark's item count can detect:
  // MinimumDetectableDifference (sample_size.h) at the two models' mean
  // accuracy (value / max), the report's level and power kMddPower, times the
  // benchmark's max (so in its units). `items` is the smaller of the two
  // cells' item counts (the claim's n, else the registry's n_items); 0 and
  // mdd NaN when unknown, `mdd_note` saying why ("n unknown", "not a
  // proportion"); mdd_note is empty when mdd is set.
  int64_t items = 0;
  double mdd = 0;
  std::string mdd_note;
};

// The power of the minimum detectable differences of score comparisons.
inline constexpr double kMddPower = 0.80;

struct ScoreComparison {
  std::string a, b;  // canonical model ids
  double level = 0.95;
  std::vector<BenchmarkComparison> benchmarks;  // matrix column order
  int won = 0, lost = 0, tied = 0, unknown = 0;
};

// Compares rows `a` and `b` of `m`. REQUIRES: valid distinct rows.
ScoreComparison CompareScores(const ScoreMatrix& m, const std::vector<Claim>& claims,
                              const Registry& registry, int a, int b, double level);

// Every pair of rows with at least one benchmark in common, Holm-adjusted
// over all (pair, benchmark) tests. Pairs in row order.
std::vector<ScoreComparison> CompareAllScores(const ScoreMatrix& m,
                                              const std::vector<Claim>& claims,
                                              const Registry& registry, double level);

struct BattleComparison {
  std::string a, b;
  int64_t wins = 0, losses = 0, ties = 0;  // from A's side
  double observed = 0;                     // wins / (wins + losses); NaN without decisive battles
  double observed_ties_half = 0;           // (wins + ties / 2) / battles; NaN without battles
  double predicted = 0;                    // P(A beats B) from the ratings
  double p_value = 0;                      // exact binomial test of wins vs losses
  double p_holm = 0;                       // all-pairs mode; else = p_value
  double rating_a = 0, rating_b = 0, difference = 0;
  Interval difference_ci;     // NaN without bootstrap
  double share_a_higher = 0;  // bootstrap share of rounds with A's rating higher; NaN without
  Verdict verdict = Verdict::kTied;  // see above
};

// Compares models `a` and `b` (indexes into arena.models) of one component.
BattleComparison CompareBattles(const ArenaResult& arena, int a, int b);

// Every pair in the same component with at least one battle, Holm-adjusted.
std::vector<BattleComparison> CompareAllBattles(const ArenaResult& arena);

// The comparison of models `a` and `b` (canonical ids) in `m`. A model with
// no row in `m` is an error diagnostic ("model 'x' has no score claims", plus
// " on those benchmarks" when `restricted`) at "<command line>", field MODEL.
std::optional<ScoreComparison> CompareScorePair(const ScoreMatrix& m,
                                                const std::vector<Claim>& claims,
                                                const Registry& registry, const std::string& a,
                                                const std::string& b, double level, bool restricted,
                                                Diagnostics* diagnostics);

// The comparison of the models named `a` and `b` in `arena`. A name with no
// battles is an error diagnostic naming `battles` (the file shown).
std::optional<BattleComparison> CompareBattlePair(const ArenaResult& arena, const std::string& a,
                                                  const std::string& b, const std::string& battles,
                                                  Diagnostics* diagnostics);

struct StatementCheck {
  // supported | partly_supported | not_supported | contradicted | untestable
  std::string verdict;
  std::string detail;  // in words: which benchmarks are decided, tied, untestable
};

// Checks `statement` against `comparison` (of the same two models, in either
// order). For "better": supported when every listed benchmark with a
// sampling model is decided in the stated direction, partly when some are,
// contradicted when any is decided the other way, not supported when all are
// within noise. For "similar": supported when none is decided. Untestable
// when no listed benchmark has a sampling model.
StatementCheck CheckStatement(const ScoreComparison& comparison,
                              const DocumentStatement& statement);

// Each statement checked against the numbers its own document printed:
// only the claims citing `statement.source` (another document may quote a
// different number for the same cell), the two models of the statement, and
// `options` otherwise (benchmarks, conflict policy). A conflict within one
// document leaves the cell out; a document without numbers for both models
// makes the statement "untestable".
std::vector<std::pair<DocumentStatement, StatementCheck>> CheckDocumentStatements(
    const std::vector<DocumentStatement>& statements, const std::vector<Claim>& claims,
    const Registry& registry, const ScoreMatrixOptions& options, double level);

const char* VerdictName(Verdict verdict);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_HEAD_TO_HEAD_H_
