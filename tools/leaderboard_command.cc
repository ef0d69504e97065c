#include "tools/leaderboard_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/ingest/claims.h"
#include "engine/rating/leaderboard.h"
#include "engine/registry/registry.h"
#include "engine/reporting/leaderboard_report.h"
#include "tools/dataset_loader.h"

namespace podium {
namespace {

// Resolves names given on the command line; unknown names are errors.
template <typename Resolve>
std::vector<std::string> ResolveNames(const std::vector<std::string>& names, const char* option,
                                      const char* kind, Resolve resolve, Diagnostics* diagnostics) {
  std::vector<std::string> ids;
  for (const std::string& name : names) {
    if (auto id = resolve(name)) {
      if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    } else {
      diagnostics->Error(
          Location{"<command line>"}, option, name,
          fmt::format("unknown {} \"{}\" (not an id or alias in the registry)", kind, name));
    }
  }
  return ids;
}

}  // namespace

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
  command->add_option("--format", r->format, "Output format")
      ->check(CLI::IsMember({"md", "csv", "json"}))
      ->capture_default_str();
  command->add_option("--out", r->out, "Output file (default: standard output)");
  command->add_option("--title", r->title, "Report heading");
}

std::optional<std::string> RenderLeaderboard(const LeaderboardRequest& request,
                                             Diagnostics* diagnostics) {
  LoadedClaims loaded = LoadClaims(request.claims, request.registry, request.datasets, diagnostics);
  const Registry& registry = loaded.registry;
  const std::vector<Claim>& claims = loaded.claims;
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
  options.benchmarks = ResolveNames(
      request.benchmarks, "--benchmarks", "benchmark",
      [&](const std::string& n) { return registry.ResolveBenchmark(n); }, diagnostics);
  options.models = ResolveNames(
      request.models, "--models", "model",
      [&](const std::string& n) { return registry.ResolveModel(n); }, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;

  const Leaderboard board = BuildLeaderboard(claims, registry, options, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  ReportContext context;
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
