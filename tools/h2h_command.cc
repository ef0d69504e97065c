#include "tools/h2h_command.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/inference/head_to_head.h"
#include "engine/ingest/statements.h"
#include "engine/matrix/score_matrix.h"
#include "engine/reporting/h2h_report.h"
#include "tools/arena_command.h"
#include "tools/command_options.h"

namespace podium {
namespace {

const Location kCommandLine{"<command line>"};

struct H2HRequest {
  std::vector<std::string> pair;  // MODEL_A MODEL_B (ids or aliases; battle names)
  bool all = false;               // every pair instead
  std::vector<std::string> claims, benchmarks, models;
  std::string registry, datasets, battles, on_conflict, ties = "half", ci = "bootstrap";
  bool reweight = false;        // battles only
  BootstrapOptions resampling;  // battles only
  const CLI::Option* rounds_flag = nullptr;  // whether --rounds was given
  OutputOptions output;
  std::string statements_of;  // an entry of <datasets>/reports.json
};

void AddH2HOptions(CLI::App* c, H2HRequest* r) {
  c->add_option("models", r->pair, "MODEL_A MODEL_B (ids or aliases; names as in --battles)")
      ->expected(0, 2);
  c->add_flag("--all", r->all, "Compare every pair (Holm-corrected p-values)");
  AddClaimsOptions(c, &r->claims, &r->registry, &r->datasets);
  c->add_option("--battles", r->battles, "Compare from battles instead of score claims");
  AddConflictOption(c, &r->on_conflict);
  c->add_option("--benchmarks", r->benchmarks, "Scores: only these benchmarks")->delimiter(',');
  c->add_option("--models", r->models, "--all: only these models")->delimiter(',');
  AddEnumOption(c, "--ties", &r->ties, kTieModelNames, "Battles: half, drop, davidson or rao-kupper");
  AddEnumOption(c, "--ci", &r->ci, kArenaIntervalsNames,
                "Battles: the rating difference's interval from the bootstrap (--rounds N) or "
                "the sandwich covariance");
  c->add_flag("--reweight", r->reweight,
              "Battles: weigh each battle 1/max(battles of its pair, 50) (arena-rank)");
  AddBootstrapOptions(c, &r->resampling, 0);
  r->rounds_flag = c->get_option("--rounds");
  AddOutputOptions(c, &r->output, {"md", "json", "html"});
  c->add_option("--statements-of", r->statements_of,
                "Check the documents' statements of this entry of datasets/reports.json");
}

// The statements of --statements-of, read from <datasets>/reports.json.
std::vector<DocumentStatement> StatementsOf(const H2HRequest& r, RunLog& log,
                                            Diagnostics* diagnostics) {
  const std::string path = (r.datasets.empty() ? DefaultDatasets() : r.datasets) + "/reports.json";
  const std::string shown = "datasets/reports.json";
  const int errors = diagnostics->error_count();
  std::optional<std::vector<DocumentStatement>> statements =
      ReadStatements(path, shown, r.statements_of, diagnostics);
  if (!statements && diagnostics->error_count() == errors) {
    diagnostics->Error(kCommandLine, "--statements-of", r.statements_of,
                       fmt::format("no report \"{}\" in {}", r.statements_of, shown));
  }
  if (!statements) return {};
  log.AddInput(path, shown, "statements", static_cast<int64_t>(statements->size()));
  return std::move(*statements);
}

std::optional<std::string> RenderScores(const H2HRequest& r, const std::string& format,
                                        Session& session, Diagnostics* diagnostics) {
  LoadedClaims loaded = LoadDataset(r.claims, r.registry, r.datasets, diagnostics, &session.log);
  if (diagnostics->has_errors()) return std::nullopt;
  const Registry& registry = loaded.registry;
  ScoreMatrixOptions options;
  const std::vector<std::string> pair =
      ResolveNames(r.pair, "MODEL", NameKind::kModel, registry, diagnostics);
  options.models =
      r.all ? ResolveNames(r.models, "--models", NameKind::kModel, registry, diagnostics) : pair;
  options.benchmarks =
      ResolveNames(r.benchmarks, "--benchmarks", NameKind::kBenchmark, registry, diagnostics);
  if (!r.all && !diagnostics->has_errors() && pair.size() == 1) {
    diagnostics->Error(
        kCommandLine, "MODEL", r.pair[1],
        fmt::format("\"{}\" and \"{}\" are the same model ({})", r.pair[0], r.pair[1], pair[0]));
  }
  options.on_conflict = *ParseName(kConflictPolicyNames, r.on_conflict);
  if (diagnostics->has_errors()) return std::nullopt;
  const ScoreMatrix m = BuildScoreMatrix(loaded.claims, registry, options, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  const double level = r.resampling.level;
  std::vector<ScoreComparison> comparisons;
  if (r.all) {
    comparisons = CompareAllScores(m, loaded.claims, registry, level);
  } else {
    std::optional<ScoreComparison> comparison =
        CompareScorePair(m, loaded.claims, registry, pair[0], pair[1], level,
                         !options.benchmarks.empty(), diagnostics);
    if (!comparison) return std::nullopt;
    comparisons.push_back(std::move(*comparison));
  }
  H2HContext context;
  context.title = r.output.title;
  context.registry = &registry;
  context.claims = &loaded.claims;
  context.inputs = loaded.inputs;
  context.inputs.push_back(loaded.registry_shown);
  context.on_conflict = ConflictPolicyName(options.on_conflict);
  if (!r.statements_of.empty()) {
    const std::vector<DocumentStatement> statements = StatementsOf(r, session.log, diagnostics);
    if (diagnostics->has_errors()) return std::nullopt;
    context.statements =
        CheckDocumentStatements(statements, loaded.claims, registry, options, level);
  }
  if (format == "json") return ScoreH2HJson(comparisons, r.all, context);
  return ScoreH2HMarkdown(comparisons, r.all, context);
}

std::optional<std::string> RenderBattles(const H2HRequest& r, const std::string& format,
                                         Session& session, Diagnostics* diagnostics) {
  ArenaOptions options;
  static_cast<BootstrapOptions&>(options) = r.resampling;
  options.ties = *ParseName(kTieModelNames, r.ties);
  options.ci = *ParseName(kArenaIntervalsNames, r.ci);
  options.reweight = r.reweight;
  options.draws = 0;  // the rank sets are not shown: no Monte-Carlo draws
  if (options.ci == ArenaIntervals::kSandwich && r.rounds_flag->count() == 0) options.rounds = 0;
  const std::optional<RatedBattles> rated =
      RateBattles(r.battles, BattleReadOptions{}, options, session.log, diagnostics);
  if (!rated) return std::nullopt;
  const ArenaResult& result = rated->result;
  std::vector<BattleComparison> comparisons;
  if (r.all) {
    comparisons = CompareAllBattles(result);
  } else {
    std::optional<BattleComparison> comparison =
        CompareBattlePair(result, r.pair[0], r.pair[1], r.battles, diagnostics);
    if (!comparison) return std::nullopt;
    comparisons.push_back(std::move(*comparison));
  }
  H2HContext context;
  context.title = r.output.title;
  context.inputs = {r.battles};
  if (format == "json") return BattleH2HJson(comparisons, r.all, result, context);
  return BattleH2HMarkdown(comparisons, r.all, result, context);
}

std::optional<std::string> RenderH2H(const H2HRequest& r, const std::string& format,
                                     Session& session, Diagnostics* diagnostics) {
  if (r.all != r.pair.empty()) {
    diagnostics->Error(kCommandLine, "MODEL", "",
                       r.all ? "--all compares every pair: give no models"
                             : "give two models, MODEL_A MODEL_B, or --all");
    return std::nullopt;
  }
  if (!r.all && r.pair.size() != 2) {
    diagnostics->Error(kCommandLine, "MODEL", "", "give two models, MODEL_A MODEL_B");
    return std::nullopt;
  }
  return r.battles.empty() ? RenderScores(r, format, session, diagnostics)
                           : RenderBattles(r, format, session, diagnostics);
}

}  // namespace

Command H2HCommand() {
  return ReportCommand("h2h",
                       "Head-to-head: which differences between two models are real (or --all "
                       "pairs)",
                       AddH2HOptions, RenderH2H);
}

}  // namespace podium
