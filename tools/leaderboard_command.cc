#include "tools/leaderboard_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "engine/inference/score_bootstrap.h"
#include "engine/ingest/claims.h"
#include "engine/ingest/items.h"
#include "engine/rating/leaderboard.h"
#include "engine/registry/registry.h"
#include "engine/reporting/leaderboard_report.h"
#include "tools/dataset_loader.h"

namespace podium {
namespace {

// The claims with the cells covered by per-item results replaced by the
// item means (the finer evidence).
std::vector<Claim> WithItemClaims(const std::vector<Claim>& claims, const ItemData& items,
                                  std::vector<std::string>* inputs) {
  if (items.benchmarks.empty()) return claims;
  std::vector<Claim> out;
  std::vector<Claim> from_items = ItemClaims(items);
  auto covered = [&](const Claim& c) {
    const BenchmarkItems* b = items.Find(c.benchmark);
    return b != nullptr && b->scores.count(c.model) > 0;
  };
  for (const Claim& c : claims) {
    if (!covered(c)) out.push_back(c);
  }
  for (Claim& c : from_items) {
    c.order = static_cast<int>(out.size());
    out.push_back(std::move(c));
  }
  inputs->push_back(items.path);
  return out;
}

// Records on `log` why claims read did not reach the table: the --models and
// --benchmarks filters, benchmarks under --min-models, models under
// --min-coverage, cells replaced by --items, and claims not chosen for their
// cell (--on-conflict, or the same number quoted twice).
void LogDroppedClaims(const std::vector<Claim>& read, const std::vector<Claim>& used_claims,
                      const Leaderboard& board, const LeaderboardRequest& request, RunLog* log) {
  std::set<std::string> used, in_table,
      excluded(board.dropped_benchmarks.begin(), board.dropped_benchmarks.end());
  std::set<std::string> excluded_models;
  for (const ExcludedModel& e : board.excluded) excluded_models.insert(e.model);
  for (const auto& row : board.matrix.claim_ids) {
    for (const auto& cell : row) used.insert(cell.begin(), cell.end());
  }
  for (const Claim& c : used_claims) in_table.insert(c.id);
  const auto& models = board.options.models;
  const auto& benchmarks = board.options.benchmarks;
  auto listed = [](const std::vector<std::string>& list, const std::string& id) {
    return list.empty() || std::find(list.begin(), list.end(), id) != list.end();
  };
  int64_t model_filter = 0, benchmark_filter = 0, few_models = 0, coverage = 0, items = 0,
          not_chosen = 0;
  for (const Claim& c : read) {
    if (used.count(c.id) > 0) continue;
    if (!listed(models, c.model)) {
      ++model_filter;
    } else if (!listed(benchmarks, c.benchmark)) {
      ++benchmark_filter;
    } else if (in_table.count(c.id) == 0) {
      ++items;
    } else if (excluded.count(c.benchmark) > 0) {
      ++few_models;
    } else if (excluded_models.count(c.model) > 0) {
      ++coverage;
    } else {
      ++not_chosen;
    }
  }
  log->Drop("claims", "model not in --models", model_filter);
  log->Drop("claims", "benchmark not in --benchmarks", benchmark_filter);
  log->Drop("claims", "cell taken from the per-item results (--items)", items);
  log->Drop(
      "claims",
      fmt::format("benchmark reported for fewer than --min-models {} models", request.min_models),
      few_models);
  log->Drop("claims", fmt::format("model under --min-coverage {}", request.min_coverage), coverage);
  log->Drop("claims",
            fmt::format("another claim for the same model and benchmark was used (--on-conflict "
                        "{}, or the same number quoted twice)",
                        request.on_conflict),
            not_chosen);
}

}  // namespace

void AddScoreBootstrapOptions(CLI::App* command, LeaderboardRequest* r) {
  command
      ->add_option("--items", r->items,
                   "Per-item results CSV (model,benchmark,item,score); replaces the claims of "
                   "the cells it covers")
      ->check(CLI::ExistingFile);
  command
      ->add_option("--bootstrap", r->bootstrap,
                   "Intervals and rank sets: parametric (binomial per cell), benchmarks "
                   "(resample benchmarks), items (resample questions, needs --items)")
      ->check(CLI::IsMember({"none", "parametric", "benchmarks", "items"}))
      ->capture_default_str();
  command->add_option("--interval", r->interval, "Bootstrap interval: percentile or bca")
      ->check(CLI::IsMember({"percentile", "bca"}))
      ->capture_default_str();
  AddBootstrapOptions(command, &r->rounds, &r->seed, &r->level, &r->threads, 2);
}

void AddLeaderboardOptions(CLI::App* command, LeaderboardRequest* r) {
  AddClaimsOptions(command, &r->claims, &r->registry, &r->datasets);
  command->add_option("--normalize", r->normalize, "Per-benchmark normalization")
      ->check(CLI::IsMember({"raw", "minmax", "zscore", "percentile", "chance"}))
      ->capture_default_str();
  command->add_option("--aggregate", r->aggregate, "Aggregation across benchmarks")
      ->check(CLI::IsMember({"mean", "winrate", "borda"}))
      ->capture_default_str();
  command->add_option("--missing", r->missing, "Missing cells for --aggregate mean: skip or zero")
      ->check(CLI::IsMember({"skip", "zero"}))
      ->capture_default_str();
  command
      ->add_option("--on-conflict", r->on_conflict,
                   "Several different numbers for one model and benchmark")
      ->check(CLI::IsMember({"error", "latest", "mean"}))
      ->capture_default_str();
  command
      ->add_option("--min-coverage", r->min_coverage,
                   "Exclude models with a smaller fraction of the benchmarks")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command
      ->add_option("--min-models", r->min_models,
                   "Leave out benchmarks reported for fewer models than this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command->add_option("--benchmarks", r->benchmarks, "Benchmarks to use (ids or aliases)")
      ->delimiter(',');
  command->add_option("--models", r->models, "Models to rank (ids or aliases)")->delimiter(',');
  AddScoreBootstrapOptions(command, r);
  command->add_option("--format", r->format, "Output format")
      ->check(CLI::IsMember({"md", "csv", "json", "html"}))
      ->capture_default_str();
  command->add_option("--out", r->out, "Output file (default: standard output)");
  command->add_option("--title", r->title, "Report heading");
}

std::optional<std::string> RenderLeaderboard(const LeaderboardRequest& request,
                                             Diagnostics* diagnostics) {
  RunLog scratch;
  RunLog& log = request.log != nullptr ? *request.log : scratch;
  LoadedClaims loaded =
      LoadClaims(request.claims, request.registry, request.datasets, diagnostics, &log);
  const Registry& registry = loaded.registry;
  ItemData items;
  for (const std::string& path : request.items) {
    ItemData one = ReadItems(path, path, registry, diagnostics);
    log.AddInput(path, path, "items", one.rows);
    items.path += (items.path.empty() ? "" : ", ") + one.path;
    items.rows += one.rows;
    for (BenchmarkItems& b : one.benchmarks) {
      if (items.Find(b.benchmark) != nullptr) {
        diagnostics->Error(
            Location{path}, "benchmark", b.benchmark,
            fmt::format("items of '{}' are also in another --items file", b.benchmark));
      }
      items.benchmarks.push_back(std::move(b));
    }
  }
  if (diagnostics->has_errors()) return std::nullopt;
  const std::vector<Claim> claims = WithItemClaims(loaded.claims, items, &loaded.inputs);
  LeaderboardOptions options;
  const std::map<std::string, Normalization> normalizations = {
      {"raw", Normalization::kRaw},
      {"minmax", Normalization::kMinMax},
      {"zscore", Normalization::kZScore},
      {"percentile", Normalization::kPercentile},
      {"chance", Normalization::kChance}};
  const std::map<std::string, Aggregation> aggregations = {{"mean", Aggregation::kMean},
                                                           {"winrate", Aggregation::kWinRate},
                                                           {"borda", Aggregation::kBorda}};
  const std::map<std::string, ConflictPolicy> conflicts = {{"error", ConflictPolicy::kError},
                                                           {"latest", ConflictPolicy::kLatest},
                                                           {"mean", ConflictPolicy::kMean}};
  options.normalization = normalizations.at(request.normalize);
  options.aggregate.method = aggregations.at(request.aggregate);
  options.aggregate.missing =
      request.missing == "zero" ? MissingPolicy::kZero : MissingPolicy::kSkip;
  options.on_conflict = conflicts.at(request.on_conflict);
  options.min_coverage = request.min_coverage;
  options.min_models = request.min_models;
  options.benchmarks =
      ResolveNames(request.benchmarks, "--benchmarks", NameKind::kBenchmark, registry, diagnostics);
  options.models =
      ResolveNames(request.models, "--models", NameKind::kModel, registry, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;

  const Leaderboard board = BuildLeaderboard(claims, registry, options, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  LogDroppedClaims(loaded.claims, claims, board, request, &log);
  std::optional<LeaderboardUncertainty> uncertainty;
  if (request.bootstrap != "none") {
    ScoreBootstrapOptions bo;
    const std::map<std::string, ScoreBootstrap> kinds = {
        {"parametric", ScoreBootstrap::kParametric},
        {"benchmarks", ScoreBootstrap::kBenchmarks},
        {"items", ScoreBootstrap::kItems}};
    bo.kind = kinds.at(request.bootstrap);
    bo.interval = request.interval == "bca" ? IntervalMethod::kBca : IntervalMethod::kPercentile;
    bo.rounds = request.rounds;
    bo.seed = request.seed;
    bo.level = request.level;
    bo.threads = request.threads;
    std::unique_ptr<Progress> progress = log.StartProgress("bootstrap", "rounds", bo.rounds);
    bo.progress = progress.get();
    uncertainty = BootstrapLeaderboard(board, claims, registry, &items, bo, diagnostics);
    if (!uncertainty) return std::nullopt;
  } else {
    uncertainty = PublishedUncertainty(board, claims);
  }
  ReportContext context;
  context.uncertainty = uncertainty ? &*uncertainty : nullptr;
  context.registry = &registry;
  context.claims = &claims;
  context.title = request.title;
  context.inputs = loaded.inputs;
  context.registry_path = loaded.registry_shown;
  if (request.format == "json") return LeaderboardJson(board, context);
  if (request.format == "csv") return LeaderboardCsv(board, context);
  return LeaderboardMarkdown(board, context);
}

}  // namespace podium
