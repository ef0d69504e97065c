#include "engine/reporting/leaderboard_report.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "engine/base/check.h"
#include "engine/base/number.h"
#include "engine/reporting/agreement_report.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The digits of this board's numbers: the rule the HTML page also applies,
// to the option names the JSON report carries.
LeaderboardNumbers NumbersOf(const LeaderboardOptions& o) {
  return LeaderboardNumbersFor(NormalizationName(o.normalization),
                               AggregationName(o.aggregate.method),
                               ConflictPolicyName(o.on_conflict));
}

std::string ModelName(const ReportContext& context, const std::string& id) {
  return context.registry->ModelName(id);
}

std::string BenchmarkName(const ReportContext& context, const std::string& id) {
  return context.registry->BenchmarkName(id);
}

// The text of cell (i, j): the printed number when cells are shown as
// printed, else the normalized one.
std::string CellText(const Leaderboard& board, const ClaimIndex& claims,
                     const LeaderboardNumbers& numbers, int i, int j) {
  if (!board.normalized.present(i, j)) return "—";
  const auto& ids = board.matrix.claim_ids[i][j];
  if (numbers.cells_as_printed && !ids.empty()) {
    auto it = claims.find(ids.front());
    if (it != claims.end()) return it->second->value_text;
  }
  return FormatFixed(board.normalized.values(i, j), numbers.cell_decimals);
}

std::string Range(int low, int high) {
  return low == high ? std::to_string(low) : fmt::format("{}–{}", low, high);
}

std::string IntervalText(double low, double high, int decimals) {
  if (std::isnan(low)) return "—";
  return fmt::format("[{}, {}]", FormatFixed(low, decimals), FormatFixed(high, decimals));
}

// "bootstrap", "published" or "" (none), as the JSON report names the kind.
std::string_view UncertaintyKind(const LeaderboardUncertainty* u) {
  if (u == nullptr) return "";
  return u->published ? "published" : "bootstrap";
}

// The Markdown text of `column` in row `r`; intervals with the score's digits.
std::string UncertaintyText(UncertaintyColumn column, const RowUncertainty& r, int decimals) {
  switch (column) {
    case UncertaintyColumn::kInterval:
      return IntervalText(r.ci_low, r.ci_high, decimals);
    case UncertaintyColumn::kRankCi:
      return Range(r.rank_ci_low, r.rank_ci_high);
    case UncertaintyColumn::kRankSet:
      return Range(r.rank_set_low, r.rank_set_high);
    case UncertaintyColumn::kTier:
      return std::to_string(r.tier);
    case UncertaintyColumn::kRankUb:
      return r.rank_ub > 0 ? std::to_string(r.rank_ub) : "—";
  }
  return "";
}

// The table's header and alignment rows: rank, model, score, `columns`,
// coverage, one column per benchmark.
std::string MarkdownHeader(const ScoreMatrix& m, const ReportContext& context,
                           const std::vector<UncertaintyColumn>& columns) {
  const LeaderboardUncertainty* u = context.uncertainty;
  // Published intervals have no level: their column is "Interval".
  const double level = u != nullptr && !u->published ? u->options.level : std::nan("");
  std::string out = "| Rank | Model | Score |";
  for (UncertaintyColumn c : columns) out += " " + UncertaintyColumnHeader(c, level) + " |";
  out += " Coverage |";
  for (const std::string& b : m.benchmarks) {
    out += " " + MarkdownCell(BenchmarkName(context, b)) + " |";
  }
  out += "\n|---:|---|---:|";
  for (size_t k = 0; k < columns.size(); ++k) out += "---:|";
  out += "---:|";
  for (size_t j = 0; j < m.benchmarks.size(); ++j) out += "---:|";
  return out + "\n";
}

// The largest Monte-Carlo error of any endpoint, NaN when none.
double LargestMonteCarloError(const LeaderboardUncertainty& u) {
  double worst = std::nan("");
  for (const RowUncertainty& r : u.rows) {
    for (double e : {r.mcse_low, r.mcse_high}) {
      if (!std::isnan(e) && !(e <= worst)) worst = e;
    }
  }
  return worst;
}

}  // namespace

std::string ClaimFootnote(const Claim& c) {
  if (c.source.empty()) {  // derived from per-item results
    return fmt::format("[^{}]: claim {}: {} = {}\n", c.id, c.id, MarkdownCell(c.notes),
                       c.value_text);
  }
  return fmt::format("[^{}]: claim {}: {} line {} ({}): \"{}\" on \"{}\" = {}{}\n", c.id, c.id,
                     c.source, c.line, ClaimKindName(c.kind), MarkdownCell(c.model_as_written),
                     MarkdownCell(c.benchmark_as_written), c.value_text, c.unit == "%" ? "%" : "");
}

Json ClaimsJson(const std::vector<std::string>& ids, const ClaimIndex& claims) {
  Json out = Json::object();
  for (const std::string& id : ids) {
    if (out.contains(id)) continue;
    auto it = claims.find(id);
    if (it == claims.end()) continue;
    const Claim& c = *it->second;
    Json entry;
    if (c.source.empty()) {
      entry["source"] = nullptr;
      entry["line"] = nullptr;
    } else {
      entry["source"] = c.source;
      entry["line"] = c.line;
    }
    entry["kind"] = c.source.empty() ? "items" : ClaimKindName(c.kind);
    entry["model_as_written"] = c.model_as_written;
    entry["benchmark_as_written"] = c.benchmark_as_written;
    entry["value_text"] = c.value_text;
    entry["unit"] = c.unit;
    entry["metric"] = c.metric;
    entry["setting"] = c.setting;
    entry["notes"] = c.notes;
    out[id] = std::move(entry);
  }
  return out;
}

Json SourcesJson(const Json& claims_json, const Registry* registry) {
  Json out = Json::object();
  for (const auto& [id, claim] : claims_json.items()) {
    if (!claim["source"].is_string()) continue;
    const std::string source = claim["source"].get<std::string>();
    if (out.contains(source)) continue;
    const Source* s = registry == nullptr ? nullptr : registry->FindSource(source);
    if (s == nullptr) continue;
    out[source] = {{"file", s->file},
                   {"title", s->title},
                   {"publisher", s->publisher},
                   {"date", s->date},
                   {"sha256", s->sha256}};
  }
  return out;
}

std::string DescribeUncertainty(const LeaderboardUncertainty& u) {
  if (u.published) {
    return "Intervals are the ones published with the claims (ci_low, ci_high), used as given; "
           "Rank (UB) = 1 + the number of models whose lower bound is above this model's upper "
           "bound (Chatbot Arena's rule).";
  }
  const ScoreBootstrapOptions& o = u.options;
  std::string text;
  switch (o.kind) {
    case ScoreBootstrap::kParametric:
      text =
          "Parametric bootstrap: each published score redrawn as max · Binomial(n, score / max) "
          "/ n with n the benchmark's item count (or the claim's stderr, n or interval), then "
          "normalized and aggregated like the point estimate.";
      break;
    case ScoreBootstrap::kBenchmarks:
      text =
          "Benchmark bootstrap: the benchmarks resampled with replacement, then normalized and "
          "aggregated like the point estimate (how much the ranking depends on which "
          "benchmarks were chosen).";
      break;
    case ScoreBootstrap::kItems:
      text =
          "Item bootstrap: the questions of each benchmark resampled with replacement, the same "
          "questions for every model, then normalized and aggregated like the point estimate.";
      break;
    case ScoreBootstrap::kNone:
      break;
  }
  text += fmt::format(
      " {} rounds, seed {}; {:g}% {} intervals around the full-data score. Rank CI: the "
      "{:g}% interval of each model's bootstrap rank. Rank set: ranks that hold for all models "
      "at once with {:g}% confidence (Mogstad, Romano, Shaikh & Wilhelm 2024; max-t step-down, "
      "critical value {:.3f}). Tier: models that cannot be told apart from the tier's leader "
      "share its tier.",
      o.rounds, o.seed, 100 * o.level, o.interval == IntervalMethod::kBca ? "BCa" : "percentile",
      100 * o.level, 100 * o.level, u.critical_value);
  const double mcse = LargestMonteCarloError(u);
  if (!std::isnan(mcse)) {
    text += fmt::format(" Monte-Carlo error of the interval endpoints: at most {:.3g}.", mcse);
  }
  return text;
}

std::string DescribeMethod(const LeaderboardOptions& o) {
  std::string text;
  switch (o.normalization) {
    case Normalization::kRaw:
      text = "Values as published (no normalization).";
      break;
    case Normalization::kMinMax:
      text =
          "Each benchmark min-max scaled to [0, 1] over the models shown "
          "(lower-is-better benchmarks negated first).";
      break;
    case Normalization::kZScore:
      text =
          "Each benchmark z-scored over the models shown (population sd; "
          "lower-is-better benchmarks negated first).";
      break;
    case Normalization::kPercentile:
      text = "Each benchmark turned into percentile ranks, 100 * (below + equal/2) / n.";
      break;
    case Normalization::kChance:
      text =
          "Each benchmark normalized by the Open LLM Leaderboard v2 rule, "
          "100 * (x - chance) / (max - chance), clamped at 0.";
      break;
  }
  switch (o.aggregate.method) {
    case Aggregation::kMean:
      text += o.aggregate.missing == MissingPolicy::kSkip
                  ? " Score = mean over the benchmarks the model has; missing cells are "
                    "skipped, never counted as zero."
                  : " Score = mean over all benchmarks with missing cells counted as zero.";
      break;
    case Aggregation::kWinRate:
      text +=
          " Score = HELM mean win rate: per benchmark, (models strictly worse + half "
          "the ties) / (n - 1), averaged over the benchmarks the model has (benchmarks "
          "with fewer than two models skipped).";
      break;
    case Aggregation::kBorda:
      text +=
          " Score = MTEB Borda count: per benchmark n - rank (average ranks for ties), "
          "summed; a missing benchmark earns 0.";
      break;
  }
  text += fmt::format(
      " Coverage = benchmarks with a number / benchmarks shown; models below {:.2f} are "
      "excluded. Conflicting claims: {}. Equal scores share a rank.",
      o.min_coverage, ConflictPolicyName(o.on_conflict));
  return text;
}

// Long on purpose: the page's sections in reading order.
std::string LeaderboardMarkdown(const Leaderboard& board, const ReportContext& context) {
  PODIUM_CHECK(context.registry != nullptr);
  const auto claims = IndexClaims(context.claims);
  const ScoreMatrix& m = board.matrix;
  const LeaderboardUncertainty* u = context.uncertainty;
  const LeaderboardNumbers numbers = NumbersOf(board.options);
  const std::vector<UncertaintyColumn> columns = UncertaintyColumns(UncertaintyKind(u));
  std::string out = fmt::format("# {}\n\n", context.title.empty() ? "Leaderboard" : context.title);
  out += MarkdownHeader(m, context, columns);
  std::vector<std::string> footnoted;  // claim ids in order of first use
  std::map<std::string, bool> seen;
  for (size_t k = 0; k < board.rows.size(); ++k) {
    const LeaderboardRow& row = board.rows[k];
    out += fmt::format("| {} | {} | {} |", row.rank, MarkdownCell(ModelName(context, row.model)),
                       FormatFixed(row.score, numbers.score_decimals));
    for (UncertaintyColumn c : columns) {
      out += " " + UncertaintyText(c, u->rows[k], numbers.score_decimals) + " |";
    }
    out += fmt::format(" {}/{} |", row.cells, m.num_benchmarks());
    for (int j = 0; j < m.num_benchmarks(); ++j) {
      std::string cell = CellText(board, claims, numbers, row.matrix_row, j);
      for (const std::string& id : m.claim_ids[row.matrix_row][j]) {
        if (!board.normalized.present(row.matrix_row, j)) break;
        cell += "[^" + id + "]";
        if (!seen[id]) footnoted.push_back(id);
        seen[id] = true;
      }
      out += " " + cell + " |";
    }
    out += "\n";
  }
  out += "\n" + DescribeMethod(board.options) + "\n";
  if (board.ranked_models > 0) {
    out += fmt::format(
        "\nShown: the top {} of {} ranked models (--top); ranks, intervals and rank sets are "
        "computed over all {}.\n",
        board.rows.size(), board.ranked_models, board.ranked_models);
  }
  if (u != nullptr) {
    out += "\n" + DescribeUncertainty(*u) + "\n";
    for (const std::string& note : u->notes) out += "\n- " + MarkdownCell(note);
    if (!u->notes.empty()) out += "\n";
  }
  if (!board.dropped_benchmarks.empty()) {
    out += fmt::format("\nLeft out ({} benchmarks reported for fewer than {} models): ",
                       board.dropped_benchmarks.size(), board.options.min_models);
    for (size_t k = 0; k < board.dropped_benchmarks.size(); ++k) {
      out += (k > 0 ? ", " : "") + BenchmarkName(context, board.dropped_benchmarks[k]);
    }
    out += ".\n";
  }
  if (!board.excluded.empty()) {
    out += "\nNot ranked:\n\n";
    for (const ExcludedModel& e : board.excluded) {
      out += fmt::format("- {} ({})\n", ModelName(context, e.model), e.reason);
    }
  }
  if (context.agreement != nullptr) out += AgreementMarkdown(*context.agreement, context.registry);
  if (!footnoted.empty()) {
    out += "\n";
    for (const std::string& id : footnoted) {
      auto it = claims.find(id);
      if (it == claims.end()) continue;
      out += ClaimFootnote(*it->second);
    }
  }
  return out;
}

std::string LeaderboardCsv(const Leaderboard& board, const ReportContext& context) {
  const ScoreMatrix& m = board.matrix;
  const LeaderboardUncertainty* u = context.uncertainty;
  std::vector<std::string> header = {"rank", "model", "name", "score", "cells", "coverage"};
  if (u != nullptr) {
    header.insert(header.end(), {"ci_low", "ci_high", "rank_ci_low", "rank_ci_high", "rank_set_low",
                                 "rank_set_high", "tier", "rank_ub"});
  }
  header.insert(header.end(), m.benchmarks.begin(), m.benchmarks.end());
  std::string out = CsvLine(header);
  for (size_t k = 0; k < board.rows.size(); ++k) {
    const LeaderboardRow& row = board.rows[k];
    std::vector<std::string> fields = {
        std::to_string(row.rank),      row.model,
        ModelName(context, row.model), JsonNumber(row.score).dump(),
        std::to_string(row.cells),     JsonNumber(row.coverage).dump()};
    if (u != nullptr) {
      const RowUncertainty& r = u->rows[k];
      auto count = [](int x) { return x > 0 ? std::to_string(x) : std::string(); };
      auto number = [](double x) { return std::isnan(x) ? std::string() : JsonNumber(x).dump(); };
      fields.insert(fields.end(), {number(r.ci_low), number(r.ci_high), count(r.rank_ci_low),
                                   count(r.rank_ci_high), count(r.rank_set_low),
                                   count(r.rank_set_high), count(r.tier), count(r.rank_ub)});
    }
    for (int j = 0; j < m.num_benchmarks(); ++j) {
      fields.push_back(board.normalized.present(row.matrix_row, j)
                           ? JsonNumber(board.normalized.values(row.matrix_row, j)).dump()
                           : "");
    }
    out += CsvLine(fields);
  }
  if (context.agreement != nullptr) out += AgreementCsv(*context.agreement);
  return out;
}

// Long on purpose: it writes the report's schema key by key, in the order
// readers see it (docs/formats.md); reading it top to bottom is reading the
// schema.
std::string LeaderboardJson(const Leaderboard& board, const ReportContext& context) {
  const ScoreMatrix& m = board.matrix;
  const LeaderboardOptions& o = board.options;
  Json doc;
  doc["schema"] = "podium.leaderboard/1";
  doc["title"] = context.title.empty() ? "Leaderboard" : context.title;
  doc["options"] = {
      {"normalize", NormalizationName(o.normalization)},
      {"aggregate", AggregationName(o.aggregate.method)},
      {"missing", MissingPolicyName(o.aggregate.missing)},
      {"on_conflict", ConflictPolicyName(o.on_conflict)},
      {"min_coverage", JsonNumber(o.min_coverage)},
      {"min_models", o.min_models},
      {"benchmarks", m.benchmarks},
      {"models", o.models.empty() ? Json(nullptr) : Json(o.models)},
      {"method", DescribeMethod(o)},
  };
  const LeaderboardUncertainty* u = context.uncertainty;
  if (u == nullptr) {
    doc["options"]["uncertainty"] = nullptr;
  } else if (u->published) {
    doc["options"]["uncertainty"] = {{"kind", "published"}, {"method", DescribeUncertainty(*u)}};
  } else {
    doc["options"]["uncertainty"] = {{"kind", "bootstrap"},
                                     {"bootstrap", ScoreBootstrapName(u->options.kind)},
                                     {"interval", IntervalMethodName(u->options.interval)},
                                     {"rounds", u->options.rounds},
                                     {"seed", u->options.seed},
                                     {"level", JsonNumber(u->options.level)},
                                     {"rank_set_critical_value", JsonNumber(u->critical_value)},
                                     {"method", DescribeUncertainty(*u)}};
  }
  if (u != nullptr) doc["options"]["uncertainty"]["notes"] = u->notes;
  doc["inputs"] = {{"claims", context.inputs}, {"registry", context.registry_path}};
  Json benchmarks = Json::array();
  for (int j = 0; j < m.num_benchmarks(); ++j) {
    const Benchmark* b = context.registry->FindBenchmark(m.benchmarks[j]);
    Json entry = {{"id", m.benchmarks[j]}, {"name", BenchmarkName(context, m.benchmarks[j])}};
    if (b != nullptr) {
      entry["metric"] = b->metric;
      entry["higher_is_better"] = b->higher_is_better;
      entry["n_items"] = b->n_items ? Json(*b->n_items) : Json(nullptr);
      entry["chance"] = b->chance ? JsonNumber(*b->chance) : Json(nullptr);
      entry["max"] = b->max ? JsonNumber(*b->max) : Json(nullptr);
    }
    entry["models"] = static_cast<int>(m.present.col(j).count());
    benchmarks.push_back(std::move(entry));
  }
  doc["benchmarks"] = std::move(benchmarks);
  Json rows = Json::array();
  for (size_t k = 0; k < board.rows.size(); ++k) {
    const LeaderboardRow& row = board.rows[k];
    Json cells = Json::object();
    Json all_claims = Json::array();
    for (int j = 0; j < m.num_benchmarks(); ++j) {
      const int i = row.matrix_row;
      if (!board.normalized.present(i, j)) {
        cells[m.benchmarks[j]] = nullptr;
        continue;
      }
      cells[m.benchmarks[j]] = {{"value", JsonNumber(board.normalized.values(i, j))},
                                {"raw", JsonNumber(m.values(i, j))},
                                {"claims", m.claim_ids[i][j]}};
      for (const std::string& id : m.claim_ids[i][j]) all_claims.push_back(id);
    }
    Json entry = {{"rank", row.rank},
                  {"model", row.model},
                  {"name", ModelName(context, row.model)},
                  {"score", JsonNumber(row.score)}};
    const RowUncertainty none{std::nan(""), std::nan(""), std::nan(""), std::nan("")};
    const RowUncertainty& r = u == nullptr ? none : u->rows[k];
    auto count = [](int x) { return x > 0 ? Json(x) : Json(nullptr); };
    entry["ci_low"] = JsonNumber(r.ci_low);
    entry["ci_high"] = JsonNumber(r.ci_high);
    entry["ci_low_mcse"] = JsonNumber(r.mcse_low);
    entry["ci_high_mcse"] = JsonNumber(r.mcse_high);
    entry["rank_ci_low"] = count(r.rank_ci_low);
    entry["rank_ci_high"] = count(r.rank_ci_high);
    entry["rank_set_low"] = count(r.rank_set_low);
    entry["rank_set_high"] = count(r.rank_set_high);
    entry["tier"] = count(r.tier);
    entry["rank_ub"] = count(r.rank_ub);
    if (u != nullptr && !u->published) {
      entry["bootstrap_rounds_scored"] = r.defined_rounds;
      if (u->options.interval == IntervalMethod::kBca) {
        entry["bca_acceleration"] = JsonNumber(r.acceleration);
      }
    }
    entry["coverage"] = JsonNumber(row.coverage);
    entry["cells"] = row.cells;
    entry["benchmarks"] = std::move(cells);
    entry["claims"] = std::move(all_claims);
    rows.push_back(std::move(entry));
  }
  doc["rows"] = std::move(rows);
  Json excluded = Json::array();
  for (const ExcludedModel& e : board.excluded) {
    excluded.push_back({{"model", e.model}, {"reason", e.reason}});
  }
  doc["excluded"] = std::move(excluded);
  doc["dropped_benchmarks"] = board.dropped_benchmarks;
  if (board.ranked_models > 0) doc["ranked_models"] = board.ranked_models;
  if (context.agreement != nullptr) doc["agreement"] = AgreementJson(*context.agreement);
  std::vector<std::string> used;
  for (const Json& row : doc["rows"]) {
    for (const Json& id : row["claims"]) used.push_back(id.get<std::string>());
  }
  doc["claims"] = ClaimsJson(used, IndexClaims(context.claims));
  doc["sources"] = SourcesJson(doc["claims"], context.registry);
  return doc.dump(2) + "\n";
}

}  // namespace podium
