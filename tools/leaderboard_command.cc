#include "tools/leaderboard_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "engine/base/file_util.h"
#include "engine/base/text_position.h"
#include "engine/inference/benchmark_agreement.h"
#include "engine/inference/score_bootstrap.h"
#include "engine/ingest/items.h"
#include "engine/rating/leaderboard.h"
#include "engine/reporting/leaderboard_report.h"
#include "tools/command_options.h"

namespace podium {
namespace {

struct LeaderboardRequest {
  std::vector<std::string> claims, items, benchmarks, models;
  std::string registry, datasets;
  std::string normalize = "raw", aggregate = "mean", missing = "skip", on_conflict = "error";
  std::string bootstrap = "none", interval = "percentile";
  double min_coverage = 0.0;
  int min_models = 1;
  int top = 0;
  std::string models_file;
  bool allow_empty = false;
  bool agreement = false;  // --agreement
  BootstrapOptions resampling;
  OutputOptions output;
};

void AddOptions(CLI::App* c, LeaderboardRequest* r) {
  AddClaimsOptions(c, &r->claims, &r->registry, &r->datasets);
  AddEnumOption(c, "--normalize", &r->normalize, kNormalizationNames,
                "Per-benchmark normalization");
  AddEnumOption(c, "--aggregate", &r->aggregate, kAggregationNames,
                "Aggregation across benchmarks");
  AddEnumOption(c, "--missing", &r->missing, kMissingPolicyNames,
                "Missing cells for --aggregate mean: skip or zero");
  AddConflictOption(c, &r->on_conflict);
  c->add_option("--min-coverage", r->min_coverage,
                "Exclude models with a smaller fraction of the benchmarks")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  c->add_option("--min-models", r->min_models,
                "Leave out benchmarks reported for fewer models than this")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  c->add_option("--benchmarks", r->benchmarks, "Benchmarks to use (ids or aliases)")
      ->delimiter(',');
  c->add_option("--models", r->models, "Models to rank (ids or aliases)")->delimiter(',');
  c->add_option("--models-file", r->models_file,
                "Models to rank, one id or alias a line ('#' starts a comment); adds to --models")
      ->check(CLI::ExistingFile);
  c->add_option("--top", r->top,
                "Show the best N models (ties with the N-th included); ranks, intervals and rank "
                "sets are still computed over every model")
      ->check(CLI::PositiveNumber);
  c->add_flag("--allow-empty", r->allow_empty,
              "Write the report even when no model has a score (otherwise an error, exit 2)");
  c->add_option("--items", r->items,
                "Per-item results CSV (model,benchmark,item,score); replaces the claims of "
                "the cells it covers")
      ->check(CLI::ExistingFile);
  AddEnumOption(c, "--bootstrap", &r->bootstrap, kScoreBootstrapNames,
                "Intervals and rank sets: parametric (binomial per cell), benchmarks "
                "(resample benchmarks), items (resample questions, needs --items)");
  AddEnumOption(c, "--interval", &r->interval, kIntervalMethodNames,
                "Bootstrap interval: percentile or bca");
  AddBootstrapOptions(c, &r->resampling, 2);
  c->add_flag("--agreement", r->agreement,
              "Add the benchmarks' agreement: Kendall tau-b between every pair of benchmarks "
              "with bootstrap intervals (--rounds, --seed, --level), mean tau per benchmark, "
              "the benchmarks that disagree most");
  AddOutputOptions(c, &r->output, {"md", "csv", "json", "html"});
}

// The names of a --models-file: one a line, blank lines and '#' comments
// skipped, spaces around a name trimmed.
std::vector<std::string> ReadNameList(const std::string& path, Diagnostics* diagnostics) {
  std::vector<std::string> names;
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{path}, "--models-file", "", error);
    return names;
  }
  for (std::string_view line : SplitLines(*text)) {
    const size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    const size_t begin = line.find_first_not_of(" \t\r");
    if (begin == std::string_view::npos) continue;
    const size_t end = line.find_last_not_of(" \t\r");
    names.emplace_back(line.substr(begin, end - begin + 1));
  }
  return names;
}

// A warning per benchmark of --benchmarks that no claim reports: its column
// would be empty, which is most often a misspelt or unimported benchmark.
void WarnBenchmarksWithoutClaims(const std::vector<std::string>& benchmarks,
                                 const std::vector<Claim>& claims, Diagnostics* diagnostics) {
  for (const std::string& id : benchmarks) {
    const bool any = std::any_of(claims.begin(), claims.end(),
                                 [&](const Claim& c) { return c.benchmark == id; });
    if (!any) {
      diagnostics->Warning(Location{"<command line>"}, "--benchmarks", id,
                           fmt::format("benchmark '{}' has no claims: its column is empty", id));
    }
  }
}

// The agreement of the board's benchmarks over its ranked models (every
// ranked model: call before KeepTopRows).
BenchmarkAgreement AgreementOf(const Leaderboard& board, const BootstrapOptions& resampling,
                               RunLog& log) {
  const ScoreMatrix& m = board.matrix;
  Eigen::MatrixXd values(board.rows.size(), m.num_benchmarks());
  BoolMatrix present(board.rows.size(), m.num_benchmarks());
  for (size_t k = 0; k < board.rows.size(); ++k) {
    values.row(k) = m.values.row(board.rows[k].matrix_row);
    present.row(k) = m.present.row(board.rows[k].matrix_row);
  }
  std::vector<bool> higher;
  for (const BenchmarkScale& scale : board.scales) higher.push_back(scale.higher_is_better);
  BootstrapOptions options = resampling;
  std::unique_ptr<Progress> progress = log.StartProgress("agreement", "rounds", options.rounds);
  options.progress = progress.get();
  return ComputeBenchmarkAgreement(values, present, higher, m.benchmarks, options);
}

// The manifest's words for each DropReason (naming the options responsible).
std::string DropText(DropReason reason, const LeaderboardRequest& r) {
  switch (reason) {
    case DropReason::kModelFilter:
      return "model not in --models";
    case DropReason::kBenchmarkFilter:
      return "benchmark not in --benchmarks";
    case DropReason::kReplacedByItems:
      return "cell taken from the per-item results (--items)";
    case DropReason::kTooFewModels:
      return fmt::format("benchmark reported for fewer than --min-models {} models", r.min_models);
    case DropReason::kLowCoverage:
      return fmt::format("model under --min-coverage {}", r.min_coverage);
    case DropReason::kNotChosen:
      break;
  }
  return fmt::format(
      "another claim for the same model and benchmark was used (--on-conflict {}, or the same "
      "number quoted twice)",
      r.on_conflict);
}

std::optional<std::string> Render(const LeaderboardRequest& r, const std::string& format,
                                  Session& session, Diagnostics* diagnostics) {
  RunLog& log = session.log;
  LoadedClaims loaded = LoadDataset(r.claims, r.registry, r.datasets, diagnostics, &log);
  const Registry& registry = loaded.registry;
  ItemData items;
  for (const std::string& path : r.items) {
    ItemData one = ReadItems(path, path, registry, diagnostics);
    log.AddInput(path, path, "items", one.rows);
    MergeItems(std::move(one), &items, diagnostics);
  }
  if (diagnostics->has_errors()) return std::nullopt;
  const std::vector<Claim> claims = WithItemClaims(loaded.claims, items);
  if (!items.benchmarks.empty()) loaded.inputs.push_back(items.path);
  LeaderboardOptions options;
  options.normalization = *ParseName(kNormalizationNames, r.normalize);
  options.aggregate.method = *ParseName(kAggregationNames, r.aggregate);
  options.aggregate.missing = *ParseName(kMissingPolicyNames, r.missing);
  options.on_conflict = *ParseName(kConflictPolicyNames, r.on_conflict);
  options.min_coverage = r.min_coverage;
  options.min_models = r.min_models;
  options.benchmarks =
      ResolveNames(r.benchmarks, "--benchmarks", NameKind::kBenchmark, registry, diagnostics);
  std::vector<std::string> models = r.models;
  if (!r.models_file.empty()) {
    std::vector<std::string> listed = ReadNameList(r.models_file, diagnostics);
    log.AddInput(r.models_file, r.models_file, "models", static_cast<int64_t>(listed.size()));
    models.insert(models.end(), listed.begin(), listed.end());
  }
  options.models = ResolveNames(models, "--models", NameKind::kModel, registry, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  WarnBenchmarksWithoutClaims(options.benchmarks, claims, diagnostics);

  Leaderboard board = BuildLeaderboard(claims, registry, options, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  if (board.rows.empty() && !r.allow_empty) {
    diagnostics->Error(Location{"<command line>"}, "", "",
                       "the leaderboard is empty: no model has a score to rank (check --models, "
                       "--benchmarks, --min-coverage, --min-models; --allow-empty writes it "
                       "anyway)");
    return std::nullopt;
  }
  for (const DroppedClaims& d : CountDroppedClaims(loaded.claims, claims, board)) {
    log.Drop("claims", DropText(d.reason, r), d.count);
  }
  std::optional<LeaderboardUncertainty> uncertainty;
  if (r.bootstrap != "none") {
    ScoreBootstrapOptions bo;
    static_cast<BootstrapOptions&>(bo) = r.resampling;
    bo.kind = *ParseName(kScoreBootstrapNames, r.bootstrap);
    bo.interval = *ParseName(kIntervalMethodNames, r.interval);
    std::unique_ptr<Progress> progress = log.StartProgress("bootstrap", "rounds", bo.rounds);
    bo.progress = progress.get();
    uncertainty = BootstrapLeaderboard(board, claims, registry, &items, bo, diagnostics);
    if (!uncertainty) return std::nullopt;
  } else {
    uncertainty = PublishedUncertainty(board, claims);
  }
  std::optional<BenchmarkAgreement> agreement;
  if (r.agreement) agreement = AgreementOf(board, r.resampling, log);
  KeepTopRows(r.top, &board);
  if (uncertainty) KeepTopRows(board, &*uncertainty);
  ReportContext context;
  context.uncertainty = uncertainty ? &*uncertainty : nullptr;
  context.agreement = agreement ? &*agreement : nullptr;
  context.registry = &registry;
  context.claims = &claims;
  context.title = r.output.title;
  context.inputs = loaded.inputs;
  context.registry_path = loaded.registry_shown;
  if (format == "json") return LeaderboardJson(board, context);
  if (format == "csv") return LeaderboardCsv(board, context);
  return LeaderboardMarkdown(board, context);
}

}  // namespace

Command LeaderboardCommand() {
  return ReportCommand("leaderboard", "Rank models from score claims", AddOptions, Render);
}

}  // namespace podium
