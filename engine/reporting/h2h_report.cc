#include "engine/reporting/h2h_report.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/base/number.h"
#include "engine/reporting/leaderboard_report.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

std::string ModelName(const H2HContext& c, const std::string& id) {
  return c.registry == nullptr ? id : c.registry->ModelName(id);
}

std::string BenchmarkName(const H2HContext& c, const std::string& id) {
  return c.registry == nullptr ? id : c.registry->BenchmarkName(id);
}

std::string Probability(double p) {
  if (std::isnan(p)) return "—";
  if (p < 0.001) return "< 0.001";
  return FormatFixed(p, 3);
}

std::string VerdictText(Verdict v, const std::string& a, const std::string& b) {
  switch (v) {
    case Verdict::kABetter:
      return a + " better";
    case Verdict::kBBetter:
      return b + " better";
    case Verdict::kTied:
      return "within noise";
    case Verdict::kUnknown:
      return "no sampling model";
  }
  return "";
}

// The value as printed in the claim (keeps "65.0"), else formatted.
std::string ValueText(const ClaimIndex& claims, const std::vector<std::string>& ids, double value) {
  if (!ids.empty()) {
    auto it = claims.find(ids.front());
    if (it != claims.end() && !it->second->value_text.empty()) return it->second->value_text;
  }
  return FormatFixed(value, 2);
}

std::string Footnotes(const std::vector<std::string>& ids, std::vector<std::string>* used,
                      std::map<std::string, bool>* seen) {
  std::string out;
  for (const std::string& id : ids) {
    out += "[^" + id + "]";
    if (!(*seen)[id]) used->push_back(id);
    (*seen)[id] = true;
  }
  return out;
}

std::string FootnoteLines(const std::vector<std::string>& used, const ClaimIndex& claims) {
  std::string out;
  for (const std::string& id : used) {
    auto it = claims.find(id);
    if (it != claims.end()) out += ClaimFootnote(*it->second);
  }
  return out;
}

const char* kScoreMethod =
    "Per benchmark: A's advantage d (a − b; b − a when lower is better) with standard error "
    "se = √(se_a² + se_b²), each from the cell's sampling model (binomial with the "
    "benchmark's item count, or the claim's own stderr, n or interval). The scores are "
    "treated as independent, which overstates se when both models answered the same "
    "questions, so \"within noise\" is conservative. Interval d ± z·se; p = 2(1 − Φ(|d|/se)); "
    "P(A better) = Φ(d/se). A benchmark is decided when p < 1 − level.";

Json StatementsJson(const ScoreComparison& c, const H2HContext& context) {
  Json out = Json::array();
  for (const auto& [s, check] : context.statements) {
    if (!((s.first == c.a && s.second == c.b) || (s.first == c.b && s.second == c.a))) continue;
    out.push_back({{"source", s.source},
                   {"line", s.line},
                   {"first", s.first},
                   {"second", s.second},
                   {"says", s.says},
                   {"benchmarks", s.benchmarks},
                   {"quote", s.quote},
                   {"english", s.english},
                   {"verdict", check.verdict},
                   {"detail", check.detail}});
  }
  return out;
}

// "MMLU 1.2 (n = 14042)", "GSM8K: n unknown".
std::string DetectableText(const std::string& name, double mdd, int64_t items,
                           const std::string& note) {
  if (std::isnan(mdd)) return fmt::format("{}: {}", name, note);
  return fmt::format("{} {} (n = {})", name, FormatFixed(mdd, 2), items);
}

// The line of minimum detectable differences: per benchmark of the pair, or
// (all pairs) the largest over the pairs that have it.
std::string DetectableLine(const std::vector<ScoreComparison>& comparisons, bool all, double level,
                           const H2HContext& context) {
  std::vector<std::string> order;
  std::map<std::string, const BenchmarkComparison*> worst;
  for (const ScoreComparison& c : comparisons) {
    for (const BenchmarkComparison& bc : c.benchmarks) {
      auto [it, added] = worst.emplace(bc.benchmark, &bc);
      if (added) order.push_back(bc.benchmark);
      const BenchmarkComparison& w = *it->second;
      if (std::isnan(w.mdd) && !std::isnan(bc.mdd)) continue;  // a note: the weakest case
      if (std::isnan(bc.mdd) || bc.mdd > w.mdd) it->second = &bc;
    }
  }
  if (order.empty()) return "";
  std::vector<std::string> parts;
  for (const std::string& id : order) {
    const BenchmarkComparison& bc = *worst[id];
    parts.push_back(
        DetectableText(MarkdownCell(BenchmarkName(context, id)), bc.mdd, bc.items, bc.mdd_note));
  }
  return fmt::format(
      "\nMinimum detectable difference{} ({:g}% level, {:g}% power, two-proportion test at "
      "the item count and the models' mean accuracy; podium plan): {}.\n",
      all ? ", the largest over the pairs," : "", 100 * level, 100 * kMddPower,
      fmt::join(parts, "; "));
}

}  // namespace

// Long on purpose: the page's sections in reading order (summary, per
// benchmark table, statements, method note), each a few lines of text.
std::string ScoreH2HMarkdown(const std::vector<ScoreComparison>& comparisons, bool all,
                             const H2HContext& context) {
  const ClaimIndex claims = IndexClaims(context.claims);
  std::vector<std::string> used;
  std::map<std::string, bool> seen;
  std::string out;
  const double level = comparisons.empty() ? 0.95 : comparisons.front().level;
  const std::string ci_head = fmt::format("{:g}% CI", 100 * level);
  if (!all) {
    const ScoreComparison& c = comparisons.front();
    const std::string a = ModelName(context, c.a), b = ModelName(context, c.b);
    out += fmt::format("# {}\n\n", context.title.empty() ? a + " vs " + b : context.title);
    out += fmt::format(
        "**{}** against **{}** on {} benchmarks both have: better on {}, worse on {}, within "
        "noise on {}, no sampling model for {}.\n\n",
        a, b, c.benchmarks.size(), c.won, c.lost, c.tied, c.unknown);
    out +=
        fmt::format("| Benchmark | {} | {} | Advantage of A | {} | P(A better) | p | Verdict |\n",
                    MarkdownCell(a), MarkdownCell(b), ci_head);
    out += "|---|---:|---:|---:|---:|---:|---:|---|\n";
    for (const BenchmarkComparison& bc : c.benchmarks) {
      // Footnotes are numbered as they appear, A's before B's: made here, in
      // order, since the order in which a call's arguments are evaluated is
      // up to the compiler (gcc and clang differ).
      const std::string a_notes = Footnotes(bc.a_claims, &used, &seen);
      const std::string b_notes = Footnotes(bc.b_claims, &used, &seen);
      out += fmt::format(
          "| {}{} | {}{} | {}{} | {} | {} | {} | {} | {} |\n",
          MarkdownCell(BenchmarkName(context, bc.benchmark)), bc.higher_is_better ? "" : " (↓)",
          ValueText(claims, bc.a_claims, bc.a), a_notes, ValueText(claims, bc.b_claims, bc.b),
          b_notes, FormatFixed(bc.advantage, 2),
          std::isnan(bc.ci.low)
              ? std::string("—")
              : fmt::format("[{}, {}]", FormatFixed(bc.ci.low, 2), FormatFixed(bc.ci.high, 2)),
          Probability(bc.p_a_better), Probability(bc.p_value),
          VerdictText(bc.verdict, MarkdownCell(a), MarkdownCell(b)));
    }
    out += DetectableLine(comparisons, all, level, context);
    const Json statements = StatementsJson(c, context);
    if (!statements.empty()) {
      out += "\n## What the documents say\n\n";
      out += "| Source | Line | The document says | Verdict | Why |\n|---|---:|---|---|---|\n";
      for (const Json& s : statements) {
        out += fmt::format("| {} | {} | {} ({}) | **{}** | {} |\n", s["source"].get<std::string>(),
                           s["line"].get<int>(), MarkdownCell(s["quote"].get<std::string>()),
                           MarkdownCell(s["english"].get<std::string>()),
                           s["verdict"].get<std::string>(),
                           MarkdownCell(s["detail"].get<std::string>()));
      }
    }
  } else {
    int tests = 0, decided = 0, untestable = 0;
    std::string rows;
    for (const ScoreComparison& c : comparisons) {
      for (const BenchmarkComparison& bc : c.benchmarks) {
        if (std::isnan(bc.p_value)) {
          ++untestable;
          continue;
        }
        ++tests;
        if (bc.verdict != Verdict::kABetter && bc.verdict != Verdict::kBBetter) continue;
        ++decided;
        const bool a_wins = bc.verdict == Verdict::kABetter;
        const std::string& winner = a_wins ? c.a : c.b;
        const std::string& loser = a_wins ? c.b : c.a;
        const std::string winner_notes =  // in this order (see above)
            Footnotes(a_wins ? bc.a_claims : bc.b_claims, &used, &seen);
        const std::string loser_notes = Footnotes(a_wins ? bc.b_claims : bc.a_claims, &used, &seen);
        rows += fmt::format(
            "| {} | {} | {} | {}{} vs {}{} | {} | {} |\n",
            MarkdownCell(BenchmarkName(context, bc.benchmark)),
            MarkdownCell(ModelName(context, winner)), MarkdownCell(ModelName(context, loser)),
            ValueText(claims, a_wins ? bc.a_claims : bc.b_claims, a_wins ? bc.a : bc.b),
            winner_notes,
            ValueText(claims, a_wins ? bc.b_claims : bc.a_claims, a_wins ? bc.b : bc.a),
            loser_notes, FormatFixed(std::abs(bc.advantage), 2), Probability(bc.p_holm));
      }
    }
    out += fmt::format("# {}\n\n", context.title.empty() ? "All pairs" : context.title);
    out += fmt::format(
        "{} pairs of models with a benchmark in common; {} tests with a sampling model, {} "
        "decided after Holm's correction at {:g}%; {} comparisons without a sampling model.\n\n",
        comparisons.size(), tests, decided, 100 * (1 - level), untestable);
    if (decided > 0) {
      out += "| Benchmark | Better | Worse | Values | Difference | p (Holm) |\n";
      out += "|---|---|---|---:|---:|---:|\n" + rows;
    }
    out += DetectableLine(comparisons, all, level, context);
  }
  out += "\n" + std::string(kScoreMethod);
  if (all) out += " All pairs: p-values Holm-adjusted over every test in the report.";
  out += fmt::format(" Conflicting claims: {}.\n", context.on_conflict);
  if (!used.empty()) out += "\n" + FootnoteLines(used, claims);
  return out;
}

std::string ScoreH2HJson(const std::vector<ScoreComparison>& comparisons, bool all,
                         const H2HContext& context) {
  Json doc;
  doc["schema"] = "podium.h2h/1";
  doc["title"] = context.title;
  doc["mode"] = "scores";
  doc["all_pairs"] = all;
  doc["level"] = JsonNumber(comparisons.empty() ? 0.95 : comparisons.front().level);
  doc["options"] = {{"on_conflict", context.on_conflict},
                    {"correction", all ? "holm" : "none"},
                    {"method", kScoreMethod}};
  doc["inputs"] = context.inputs;
  Json list = Json::array();
  for (const ScoreComparison& c : comparisons) {
    Json benchmarks = Json::array();
    for (const BenchmarkComparison& bc : c.benchmarks) {
      benchmarks.push_back({{"benchmark", bc.benchmark},
                            {"higher_is_better", bc.higher_is_better},
                            {"a", JsonNumber(bc.a)},
                            {"b", JsonNumber(bc.b)},
                            {"a_claims", bc.a_claims},
                            {"b_claims", bc.b_claims},
                            {"a_noise", bc.a_noise},
                            {"b_noise", bc.b_noise},
                            {"advantage", JsonNumber(bc.advantage)},
                            {"se", JsonNumber(bc.se)},
                            {"ci_low", JsonNumber(bc.ci.low)},
                            {"ci_high", JsonNumber(bc.ci.high)},
                            {"p_a_better", JsonNumber(bc.p_a_better)},
                            {"p_value", JsonNumber(bc.p_value)},
                            {"p_holm", JsonNumber(bc.p_holm)},
                            {"verdict", VerdictName(bc.verdict)},
                            {"items", bc.items > 0 ? Json(bc.items) : Json(nullptr)},
                            {"mdd", JsonNumber(bc.mdd)},
                            {"mdd_note", bc.mdd_note.empty() ? Json(nullptr) : Json(bc.mdd_note)}});
    }
    Json entry = {
        {"a", c.a},
        {"b", c.b},
        {"a_name", ModelName(context, c.a)},
        {"b_name", ModelName(context, c.b)},
        {"summary",
         {{"a_better", c.won}, {"b_better", c.lost}, {"tied", c.tied}, {"unknown", c.unknown}}},
        {"benchmarks", std::move(benchmarks)}};
    if (!all) entry["statements"] = StatementsJson(c, context);
    list.push_back(std::move(entry));
  }
  doc["comparisons"] = std::move(list);
  std::vector<std::string> used;
  for (const ScoreComparison& c : comparisons) {
    for (const BenchmarkComparison& bc : c.benchmarks) {
      used.insert(used.end(), bc.a_claims.begin(), bc.a_claims.end());
      used.insert(used.end(), bc.b_claims.begin(), bc.b_claims.end());
    }
  }
  doc["claims"] = ClaimsJson(used, IndexClaims(context.claims));
  doc["sources"] = SourcesJson(doc["claims"], context.registry);
  return doc.dump(2) + "\n";
}

namespace {

std::string BattleMethod(const ArenaResult& arena) {
  return fmt::format(
      "Wins, losses and ties are the direct battles between the two. Observed = wins / (wins + "
      "losses); with ties as half = (wins + ties/2) / battles. Predicted = the Bradley–Terry "
      "probability from the ratings fitted on all battles. p = exact two-sided binomial test "
      "of the decisive direct battles against 1/2.{} Rating difference: {}",
      arena.options.reweight ? " The ratings are reweighted as arena-rank's reweighted=True (each "
                               "battle of a pair weighs 1 / max(battles of the pair, 50))."
                             : "",
      arena.options.ci == ArenaIntervals::kSandwich
          ? fmt::format("{:g}% normal interval from the sandwich covariance of the fit "
                        "(the variance of the difference, Cov_aa + Cov_bb − 2 Cov_ab).",
                        100 * arena.options.level)
      : arena.options.rounds > 0
          ? fmt::format("{:g}% percentile interval over {} bootstrap rounds (seed {}).",
                        100 * arena.options.level, arena.options.rounds, arena.options.seed)
          : "no bootstrap (--rounds 0).");
}

}  // namespace

std::string BattleH2HMarkdown(const std::vector<BattleComparison>& comparisons, bool all,
                              const ArenaResult& arena, const H2HContext& context) {
  std::string out;
  if (!all) {
    const BattleComparison& c = comparisons.front();
    out += fmt::format("# {}\n\n", context.title.empty() ? c.a + " vs " + c.b : context.title);
    out += "| | Value |\n|---|---:|\n";
    out += fmt::format("| Battles (wins / losses / ties of {}) | {} / {} / {} |\n",
                       MarkdownCell(c.a), c.wins, c.losses, c.ties);
    out += fmt::format("| Observed P({} wins), ties excluded | {} |\n", MarkdownCell(c.a),
                       FormatFixed(c.observed, 3));
    out += fmt::format("| Observed, ties as half | {} |\n", FormatFixed(c.observed_ties_half, 3));
    out += fmt::format("| Predicted by the ratings | {} |\n", FormatFixed(c.predicted, 3));
    out += fmt::format("| Exact binomial test p | {} |\n", Probability(c.p_value));
    out += fmt::format("| Ratings | {} vs {} |\n", FormatFixed(c.rating_a, 1),
                       FormatFixed(c.rating_b, 1));
    out += fmt::format("| Rating difference | {} |\n", FormatFixed(c.difference, 1));
    if (!std::isnan(c.difference_ci.low)) {
      out += fmt::format("| {:g}% interval of the difference | [{}, {}] |\n",
                         100 * arena.options.level, FormatFixed(c.difference_ci.low, 1),
                         FormatFixed(c.difference_ci.high, 1));
      if (!std::isnan(c.share_a_higher)) {
        out += fmt::format("| Bootstrap share with {} higher | {} |\n", MarkdownCell(c.a),
                           FormatFixed(c.share_a_higher, 3));
      }
    }
    out += fmt::format("| Verdict | {} |\n", VerdictText(c.verdict, c.a, c.b));
  } else {
    int decided = 0;
    std::string rows;
    for (const BattleComparison& c : comparisons) {
      if (c.verdict != Verdict::kABetter && c.verdict != Verdict::kBBetter) continue;
      ++decided;
      const bool a = c.verdict == Verdict::kABetter;
      rows += fmt::format("| {} | {} | {} / {} / {} | {} | {} |\n", MarkdownCell(a ? c.a : c.b),
                          MarkdownCell(a ? c.b : c.a), a ? c.wins : c.losses, a ? c.losses : c.wins,
                          c.ties, FormatFixed(a ? c.difference : -c.difference, 1),
                          Probability(c.p_holm));
    }
    out += fmt::format("# {}\n\n", context.title.empty() ? "All pairs" : context.title);
    out += fmt::format(
        "{} pairs with direct battles; {} decided by the exact binomial test after Holm's "
        "correction at {:g}%.\n\n",
        comparisons.size(), decided, 100 * (1 - arena.options.level));
    if (decided > 0) {
      out += "| Better | Worse | W / L / T | Rating difference | p (Holm) |\n";
      out += "|---|---|---:|---:|---:|\n" + rows;
    }
  }
  out += "\n" + BattleMethod(arena);
  if (all) out += " All pairs: p-values Holm-adjusted over every pair with battles.";
  out += "\n";
  return out;
}

std::string BattleH2HJson(const std::vector<BattleComparison>& comparisons, bool all,
                          const ArenaResult& arena, const H2HContext& context) {
  Json doc;
  doc["schema"] = "podium.h2h/1";
  doc["title"] = context.title;
  doc["mode"] = "battles";
  doc["all_pairs"] = all;
  doc["level"] = JsonNumber(arena.options.level);
  doc["options"] = {{"ci", ArenaIntervalsName(arena.options.ci)},
                    {"reweight", arena.options.reweight},
                    {"rounds", arena.options.rounds},
                    {"seed", arena.options.seed},
                    {"correction", all ? "holm" : "none"},
                    {"method", BattleMethod(arena)}};
  doc["inputs"] = context.inputs;
  Json list = Json::array();
  for (const BattleComparison& c : comparisons) {
    list.push_back({{"a", c.a},
                    {"b", c.b},
                    {"wins", c.wins},
                    {"losses", c.losses},
                    {"ties", c.ties},
                    {"observed", JsonNumber(c.observed)},
                    {"observed_ties_half", JsonNumber(c.observed_ties_half)},
                    {"predicted", JsonNumber(c.predicted)},
                    {"p_value", JsonNumber(c.p_value)},
                    {"p_holm", JsonNumber(c.p_holm)},
                    {"rating_a", JsonNumber(c.rating_a)},
                    {"rating_b", JsonNumber(c.rating_b)},
                    {"difference", JsonNumber(c.difference)},
                    {"difference_ci_low", JsonNumber(c.difference_ci.low)},
                    {"difference_ci_high", JsonNumber(c.difference_ci.high)},
                    {"share_a_higher", JsonNumber(c.share_a_higher)},
                    {"verdict", VerdictName(c.verdict)}});
  }
  doc["comparisons"] = std::move(list);
  return doc.dump(2) + "\n";
}

}  // namespace podium
