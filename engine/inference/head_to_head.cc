#include "engine/inference/head_to_head.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/base/check.h"
#include "engine/inference/intervals.h"
#include "engine/inference/sample_size.h"
#include "engine/inference/sandwich.h"
#include "engine/inference/score_bootstrap.h"
#include "engine/inference/significance.h"

namespace podium {
namespace {

Verdict FromTest(double advantage, double p, double level) {
  if (std::isnan(p)) return Verdict::kUnknown;
  if (p >= 1 - level) return Verdict::kTied;
  return advantage > 0 ? Verdict::kABetter : Verdict::kBBetter;
}

void Tally(ScoreComparison* c) {
  c->won = c->lost = c->tied = c->unknown = 0;
  for (const BenchmarkComparison& b : c->benchmarks) {
    switch (b.verdict) {
      case Verdict::kABetter:
        ++c->won;
        break;
      case Verdict::kBBetter:
        ++c->lost;
        break;
      case Verdict::kTied:
        ++c->tied;
        break;
      case Verdict::kUnknown:
        ++c->unknown;
        break;
    }
  }
}

// The rating-difference interval and verdict of a battle comparison.
void RatingVerdict(const ArenaResult& arena, int a, int b, BattleComparison* c) {
  const double level = arena.options.level;
  if (arena.covariance.size() > 0) {  // sandwich: normal interval of the difference
    const double sd =
        kEloPerNat * std::sqrt(std::max(0.0, DifferenceVariance(arena.covariance, a, b)));
    const double half = NormalQuantile((1 + level) / 2) * sd;
    c->difference_ci = {c->difference - half, c->difference + half};
    c->share_a_higher = std::nan("");
    c->verdict = c->difference_ci.low > 0    ? Verdict::kABetter
                 : c->difference_ci.high < 0 ? Verdict::kBBetter
                                             : Verdict::kTied;
    return;
  }
  if (arena.replicates.rows() == 0) {
    c->difference_ci = {std::nan(""), std::nan("")};
    c->share_a_higher = std::nan("");
    c->verdict = FromTest(c->difference, c->p_holm, level);
    return;
  }
  std::vector<double> diff;
  double higher = 0;
  for (int r = 0; r < arena.replicates.rows(); ++r) {
    diff.push_back(arena.replicates(r, a) - arena.replicates(r, b));
    higher += diff.back() > 0 ? 1 : 0;
  }
  c->difference_ci = {Quantile(diff, (1 - level) / 2), Quantile(diff, (1 + level) / 2)};
  c->share_a_higher = higher / static_cast<double>(diff.size());
  c->verdict = c->difference_ci.low > 0    ? Verdict::kABetter
               : c->difference_ci.high < 0 ? Verdict::kBBetter
                                           : Verdict::kTied;
}

}  // namespace

const char* VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kABetter:
      return "a_better";
    case Verdict::kBBetter:
      return "b_better";
    case Verdict::kTied:
      return "tied_within_noise";
    case Verdict::kUnknown:
      return "unknown";
  }
  return "unknown";
}

namespace {

// The item count of a cell: its claim's n, else the benchmark's; 0 = unknown.
int64_t ItemsOf(const Claim* claim, const Benchmark& benchmark) {
  if (claim != nullptr && claim->n) return *claim->n;
  return benchmark.n_items ? *benchmark.n_items : 0;
}

// Fills c.items, c.mdd and c.mdd_note (see BenchmarkComparison).
void SetDetectableDifference(const Claim* a, const Claim* b, const Benchmark& bench, double level,
                             BenchmarkComparison* c) {
  const int64_t na = ItemsOf(a, bench), nb = ItemsOf(b, bench);
  c->items = na > 0 && nb > 0 ? std::min(na, nb) : 0;
  c->mdd = std::nan("");
  const double max = bench.max.value_or(0);
  if (c->items == 0) {
    c->mdd_note = "n unknown";
  } else if (!(max > 0) || !bench.higher_is_better || c->a < 0 || c->b < 0 || c->a > max ||
             c->b > max) {
    c->mdd_note = "not a proportion";
  } else {
    const double p = (c->a + c->b) / (2 * max);
    c->mdd = max * MinimumDetectableDifference(c->items, p, {level, kMddPower});
    if (std::isnan(c->mdd)) c->mdd_note = "too few items";
  }
}

ScoreComparison CompareIndexed(const ScoreMatrix& m, const ClaimIndex& by_id,
                               const Registry& registry, int a, int b, double level) {
  PODIUM_CHECK(a != b && a >= 0 && b >= 0 && a < m.num_models() && b < m.num_models());
  auto first_claim = [&](int i, int j) -> const Claim* {
    return m.claim_ids[i][j].empty() ? nullptr : by_id.at(m.claim_ids[i][j][0]);
  };
  ScoreComparison out;
  out.a = m.models[a];
  out.b = m.models[b];
  out.level = level;
  const double z = NormalQuantile((1 + level) / 2);
  for (int j = 0; j < m.num_benchmarks(); ++j) {
    if (!m.present(a, j) || !m.present(b, j)) continue;
    const Benchmark* bench = registry.FindBenchmark(m.benchmarks[j]);
    PODIUM_CHECK(bench != nullptr);
    BenchmarkComparison c;
    c.benchmark = m.benchmarks[j];
    c.higher_is_better = bench->higher_is_better;
    c.a = m.values(a, j);
    c.b = m.values(b, j);
    c.a_claims = m.claim_ids[a][j];
    c.b_claims = m.claim_ids[b][j];
    const CellNoise na = CellNoiseOf(first_claim(a, j), *bench, c.a);
    const CellNoise nb = CellNoiseOf(first_claim(b, j), *bench, c.b);
    c.a_noise = na.Describe();
    c.b_noise = nb.Describe();
    c.advantage = bench->higher_is_better ? c.a - c.b : c.b - c.a;
    c.se = std::hypot(na.StandardError(c.a), nb.StandardError(c.b));
    const double nan = std::nan("");
    c.ci = {nan, nan};
    c.p_a_better = c.p_value = nan;
    if (!std::isnan(c.se) && c.se > 0) {
      c.ci = {c.advantage - z * c.se, c.advantage + z * c.se};
      c.p_a_better = NormalCdf(c.advantage / c.se);
      c.p_value = 2 * (1 - NormalCdf(std::abs(c.advantage) / c.se));
    }
    c.p_holm = c.p_value;
    c.verdict = FromTest(c.advantage, c.p_value, level);
    SetDetectableDifference(first_claim(a, j), first_claim(b, j), *bench, level, &c);
    out.benchmarks.push_back(std::move(c));
  }
  Tally(&out);
  return out;
}

}  // namespace

ScoreComparison CompareScores(const ScoreMatrix& m, const std::vector<Claim>& claims,
                              const Registry& registry, int a, int b, double level) {
  return CompareIndexed(m, IndexClaims(claims), registry, a, b, level);
}

std::vector<ScoreComparison> CompareAllScores(const ScoreMatrix& m,
                                              const std::vector<Claim>& claims,
                                              const Registry& registry, double level) {
  const ClaimIndex by_id = IndexClaims(claims);
  std::vector<ScoreComparison> out;
  std::vector<double> p;
  for (int a = 0; a < m.num_models(); ++a) {
    for (int b = a + 1; b < m.num_models(); ++b) {
      ScoreComparison c = CompareIndexed(m, by_id, registry, a, b, level);
      if (c.benchmarks.empty()) continue;
      for (const BenchmarkComparison& bc : c.benchmarks) p.push_back(bc.p_value);
      out.push_back(std::move(c));
    }
  }
  const std::vector<double> adjusted = HolmAdjust(p);
  size_t k = 0;
  for (ScoreComparison& c : out) {
    for (BenchmarkComparison& bc : c.benchmarks) {
      bc.p_holm = adjusted[k++];
      bc.verdict = FromTest(bc.advantage, bc.p_holm, level);
    }
    Tally(&c);
  }
  return out;
}

BattleComparison CompareBattles(const ArenaResult& arena, int a, int b) {
  BattleComparison c;
  c.a = arena.models[a];
  c.b = arena.models[b];
  c.wins = static_cast<int64_t>(arena.wins(a, b));
  c.losses = static_cast<int64_t>(arena.wins(b, a));
  c.ties = static_cast<int64_t>(arena.ties(a, b));
  const int64_t decisive = c.wins + c.losses, all = decisive + c.ties;
  const double nan = std::nan("");
  c.observed = decisive > 0 ? static_cast<double>(c.wins) / decisive : nan;
  c.observed_ties_half = all > 0 ? (c.wins + 0.5 * c.ties) / all : nan;
  c.predicted = arena.predicted(a, b);
  c.p_value = decisive > 0 ? BinomialTestTwoSided(c.wins, decisive) : nan;
  c.p_holm = c.p_value;
  for (const ArenaRow& row : arena.rows) {
    if (row.index == a) c.rating_a = row.rating;
    if (row.index == b) c.rating_b = row.rating;
  }
  c.difference = c.rating_a - c.rating_b;
  RatingVerdict(arena, a, b, &c);
  return c;
}

std::vector<BattleComparison> CompareAllBattles(const ArenaResult& arena) {
  std::vector<int> component(arena.models.size(), -1);
  for (const ArenaRow& row : arena.rows) component[row.index] = row.component;
  std::vector<BattleComparison> out;
  std::vector<double> p;
  const int m = static_cast<int>(arena.models.size());
  for (int a = 0; a < m; ++a) {
    for (int b = a + 1; b < m; ++b) {
      if (component[a] < 0 || component[a] != component[b] || arena.battles(a, b) == 0) continue;
      out.push_back(CompareBattles(arena, a, b));
      p.push_back(out.back().p_value);
    }
  }
  const std::vector<double> adjusted = HolmAdjust(p);
  for (size_t k = 0; k < out.size(); ++k) {
    out[k].p_holm = adjusted[k];
    out[k].verdict = FromTest(static_cast<double>(out[k].wins - out[k].losses), out[k].p_holm,
                              arena.options.level);
  }
  return out;
}

// Long on purpose: the verdict rules of docs/methods.md written out case by
// case (supported, partly, not supported, contradicted, untestable).
StatementCheck CheckStatement(const ScoreComparison& comparison,
                              const DocumentStatement& statement) {
  // Orient the statement from the comparison's A.
  const bool flipped = statement.first == comparison.b;
  std::string says = statement.says;
  if (flipped && says != "similar") says = says == "a_better" ? "b_better" : "a_better";
  std::vector<std::string> agree, against, tied, untestable, missing;
  for (const std::string& id : statement.benchmarks) {
    const BenchmarkComparison* found = nullptr;
    for (const BenchmarkComparison& b : comparison.benchmarks) {
      if (b.benchmark == id) found = &b;
    }
    if (found == nullptr) {
      missing.push_back(id);
      continue;
    }
    switch (found->verdict) {
      case Verdict::kUnknown:
        untestable.push_back(id);
        break;
      case Verdict::kTied:
        tied.push_back(id);
        break;
      case Verdict::kABetter:
      case Verdict::kBBetter: {
        const bool a_better = found->verdict == Verdict::kABetter;
        const bool stated = says == "a_better";
        (says != "similar" && a_better == stated ? agree : against).push_back(id);
        break;
      }
    }
  }
  auto list = [](const std::vector<std::string>& ids) {
    return fmt::format("{}", fmt::join(ids, ", "));
  };
  std::vector<std::string> parts;
  if (!agree.empty()) parts.push_back(fmt::format("decided as stated on {}", list(agree)));
  if (!against.empty()) {
    parts.push_back(
        (says == "similar" ? "decided (not similar) on " : "decided the other way on ") +
        list(against));
  }
  if (!tied.empty()) parts.push_back(fmt::format("within noise on {}", list(tied)));
  if (!untestable.empty()) {
    parts.push_back(fmt::format("no sampling model (no item count or interval published) for {}",
                                list(untestable)));
  }
  if (!missing.empty()) parts.push_back(fmt::format("no numbers for both on {}", list(missing)));
  StatementCheck out;
  out.detail = fmt::format("{}", fmt::join(parts, "; "));
  const size_t testable = agree.size() + against.size() + tied.size();
  if (testable == 0) {
    out.verdict = "untestable";
  } else if (says == "similar") {
    out.verdict = against.empty() ? "supported" : "not_supported";
  } else if (!against.empty()) {
    out.verdict = "contradicted";
  } else if (agree.size() == testable) {
    out.verdict = "supported";
  } else {
    out.verdict = agree.empty() ? "not_supported" : "partly_supported";
  }
  return out;
}

std::vector<std::pair<DocumentStatement, StatementCheck>> CheckDocumentStatements(
    const std::vector<DocumentStatement>& statements, const std::vector<Claim>& claims,
    const Registry& registry, const ScoreMatrixOptions& options, double level) {
  std::vector<std::pair<DocumentStatement, StatementCheck>> out;
  for (const DocumentStatement& statement : statements) {
    std::vector<Claim> own;
    for (const Claim& c : claims) {
      if (c.source == statement.source) own.push_back(c);
    }
    ScoreMatrixOptions own_options = options;
    own_options.models = {statement.first, statement.second};
    Diagnostics ignored;  // a conflict within one document leaves the cell out
    const ScoreMatrix sm = BuildScoreMatrix(own, registry, own_options, &ignored);
    StatementCheck check{"untestable", "the document gives no numbers for both models"};
    if (sm.num_models() == 2) {
      check = CheckStatement(CompareScores(sm, own, registry, 0, 1, level), statement);
    }
    out.emplace_back(statement, check);
  }
  return out;
}

std::optional<ScoreComparison> CompareScorePair(const ScoreMatrix& m,
                                                const std::vector<Claim>& claims,
                                                const Registry& registry, const std::string& a,
                                                const std::string& b, double level, bool restricted,
                                                Diagnostics* diagnostics) {
  auto row = [&](const std::string& id) {
    return static_cast<int>(std::find(m.models.begin(), m.models.end(), id) - m.models.begin());
  };
  for (const std::string& id : {a, b}) {
    if (row(id) < m.num_models()) continue;
    diagnostics->Error(Location{"<command line>"}, "MODEL", id,
                       fmt::format("model '{}' has no score claims{}", id,
                                   restricted ? " on those benchmarks" : ""));
  }
  if (row(a) == m.num_models() || row(b) == m.num_models()) return std::nullopt;
  return CompareScores(m, claims, registry, row(a), row(b), level);
}

std::optional<BattleComparison> CompareBattlePair(const ArenaResult& arena, const std::string& a,
                                                  const std::string& b, const std::string& battles,
                                                  Diagnostics* diagnostics) {
  std::vector<int> index;
  for (const std::string& name : {a, b}) {
    auto it = std::find(arena.models.begin(), arena.models.end(), name);
    if (it == arena.models.end()) {
      diagnostics->Error(Location{"<command line>"}, "MODEL", name,
                         fmt::format("no battles for model \"{}\" in {}", name, battles));
    }
    index.push_back(static_cast<int>(it - arena.models.begin()));
  }
  const int n = static_cast<int>(arena.models.size());
  if (index[0] == n || index[1] == n) return std::nullopt;
  return CompareBattles(arena, index[0], index[1]);
}

}  // namespace podium
