#include "tools/h2h_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "engine/matrix/score_matrix.h"
#include "engine/reporting/h2h_report.h"
#include "tools/arena_command.h"
#include "tools/dataset_loader.h"

namespace podium {
namespace {

const Location kCommandLine{"<command line>"};

using Json = nlohmann::ordered_json;

// The statements of the entry `name` of <datasets>/reports.json.
std::vector<DocumentStatement> StatementsOf(const H2HRequest& request, Diagnostics* diagnostics) {
  const std::string path =
      (request.datasets.empty() ? DefaultDatasets() : request.datasets) + "/reports.json";
  const std::string shown = "datasets/reports.json";
  std::vector<DocumentStatement> out;
  const std::optional<Json> doc = ReadJsonFile(path, shown, diagnostics);
  if (!doc) return out;
  bool found = false;
  // Any JSON can be here: entries that are not objects with that name are
  // skipped (regenerate reports what is wrong with them).
  const Json reports = doc->is_object() ? doc->value("reports", Json::array()) : Json::array();
  for (const Json& r : reports) {
    if (!r.is_object() || !r.contains("name") || r["name"] != request.statements_of) continue;
    found = true;
    try {
      for (const Json& j : r.value("statements", Json::array())) out.push_back(ParseStatement(j));
    } catch (const std::exception& e) {
      diagnostics->Error(Location{shown}, "statements", request.statements_of,
                         fmt::format("report \"{}\": {}", request.statements_of, e.what()));
    }
  }
  if (!found) {
    diagnostics->Error(kCommandLine, "--statements-of", request.statements_of,
                       fmt::format("no report \"{}\" in {}", request.statements_of, shown));
  }
  if (request.log != nullptr) {
    request.log->AddInput(path, shown, "statements", static_cast<int64_t>(out.size()));
  }
  return out;
}

std::optional<std::string> RenderScores(const H2HRequest& request, Diagnostics* diagnostics) {
  LoadedClaims loaded =
      LoadClaims(request.claims, request.registry, request.datasets, diagnostics, request.log);
  if (diagnostics->has_errors()) return std::nullopt;
  const Registry& registry = loaded.registry;
  ScoreMatrixOptions options;
  const std::vector<std::string> pair =
      ResolveNames(request.pair, "MODEL", NameKind::kModel, registry, diagnostics);
  options.models = request.all ? ResolveNames(request.models, "--models", NameKind::kModel,
                                              registry, diagnostics)
                               : pair;
  options.benchmarks =
      ResolveNames(request.benchmarks, "--benchmarks", NameKind::kBenchmark, registry, diagnostics);
  if (!request.all && !diagnostics->has_errors() && pair.size() == 1) {
    diagnostics->Error(kCommandLine, "MODEL", request.pair[1],
                       fmt::format("\"{}\" and \"{}\" are the same model ({})", request.pair[0],
                                   request.pair[1], pair[0]));
  }
  options.on_conflict = request.on_conflict == "error"  ? ConflictPolicy::kError
                        : request.on_conflict == "mean" ? ConflictPolicy::kMean
                                                        : ConflictPolicy::kLatest;
  if (diagnostics->has_errors()) return std::nullopt;
  const ScoreMatrix m = BuildScoreMatrix(loaded.claims, registry, options, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  std::vector<ScoreComparison> comparisons;
  if (request.all) {
    comparisons = CompareAllScores(m, loaded.claims, registry, request.level);
  } else {
    auto row = [&](const std::string& id) {
      return static_cast<int>(std::find(m.models.begin(), m.models.end(), id) - m.models.begin());
    };
    for (const std::string& id : pair) {
      if (row(id) == m.num_models()) {
        diagnostics->Error(kCommandLine, "MODEL", id,
                           fmt::format("model '{}' has no score claims{}", id,
                                       options.benchmarks.empty() ? "" : " on those benchmarks"));
      }
    }
    if (diagnostics->has_errors()) return std::nullopt;
    comparisons.push_back(
        CompareScores(m, loaded.claims, registry, row(pair[0]), row(pair[1]), request.level));
  }
  H2HContext context;
  context.title = request.title;
  context.registry = &registry;
  context.claims = &loaded.claims;
  context.inputs = loaded.inputs;
  context.inputs.push_back(loaded.registry_shown);
  context.on_conflict = ConflictPolicyName(options.on_conflict);
  // Each statement is checked against the numbers its own document printed
  // (another document may quote a different number for the same cell).
  const std::vector<DocumentStatement> statements = request.statements_of.empty()
                                                        ? std::vector<DocumentStatement>{}
                                                        : StatementsOf(request, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  for (const DocumentStatement& statement : statements) {
    std::vector<Claim> own;
    for (const Claim& c : loaded.claims) {
      if (c.source == statement.source) own.push_back(c);
    }
    ScoreMatrixOptions own_options = options;
    own_options.models = {statement.first, statement.second};
    Diagnostics ignored;  // a conflict within one document leaves the cell out
    const ScoreMatrix sm = BuildScoreMatrix(own, registry, own_options, &ignored);
    StatementCheck check{"untestable", "the document gives no numbers for both models"};
    if (sm.num_models() == 2) {
      check = CheckStatement(CompareScores(sm, own, registry, 0, 1, request.level), statement);
    }
    context.statements.emplace_back(statement, check);
  }
  if (request.format == "json") return ScoreH2HJson(comparisons, request.all, context);
  return ScoreH2HMarkdown(comparisons, request.all, context);
}

std::optional<std::string> RenderBattles(const H2HRequest& request, Diagnostics* diagnostics) {
  ArenaRequest arena;
  arena.battles = request.battles;
  arena.ties = request.ties;
  arena.rounds = request.rounds;
  arena.seed = request.seed;
  arena.level = request.level;
  arena.threads = request.threads;
  arena.log = request.log;
  std::optional<ArenaRun> run = RunArena(arena, diagnostics);
  if (!run) return std::nullopt;
  const ArenaResult& result = run->result;
  std::vector<BattleComparison> comparisons;
  if (request.all) {
    comparisons = CompareAllBattles(result);
  } else {
    std::vector<int> index;
    for (const std::string& name : request.pair) {
      auto it = std::find(result.models.begin(), result.models.end(), name);
      if (it == result.models.end()) {
        diagnostics->Error(kCommandLine, "MODEL", name,
                           fmt::format("no battles for model \"{}\" in {}", name, request.battles));
      }
      index.push_back(static_cast<int>(it - result.models.begin()));
    }
    if (diagnostics->has_errors()) return std::nullopt;
    comparisons.push_back(CompareBattles(result, index[0], index[1]));
  }
  H2HContext context;
  context.title = request.title;
  context.inputs = {request.battles};
  if (request.format == "json") return BattleH2HJson(comparisons, request.all, result, context);
  return BattleH2HMarkdown(comparisons, request.all, result, context);
}

}  // namespace

DocumentStatement ParseStatement(const Json& j) {
  DocumentStatement s;
  const auto pair = j.at("pair").get<std::vector<std::string>>();
  if (pair.size() != 2) throw std::invalid_argument("a statement's \"pair\" has two models");
  s.first = pair[0];
  s.second = pair[1];
  s.says = j.at("says").get<std::string>();
  if (s.says != "a_better" && s.says != "b_better" && s.says != "similar") {
    throw std::invalid_argument("\"says\" must be a_better, b_better or similar");
  }
  s.benchmarks = j.at("benchmarks").get<std::vector<std::string>>();
  s.source = j.at("source").get<std::string>();
  s.line = j.at("line").get<int>();
  s.quote = j.at("quote").get<std::string>();
  s.english = j.value("english", "");
  return s;
}

void AddH2HOptions(CLI::App* c, H2HRequest* r) {
  c->add_option("models", r->pair, "MODEL_A MODEL_B (ids or aliases; names as in --battles)")
      ->expected(0, 2);
  c->add_flag("--all", r->all, "Compare every pair (Holm-corrected p-values)");
  AddClaimsOptions(c, &r->claims, &r->registry, &r->datasets);
  c->add_option("--battles", r->battles, "Compare from battles instead of score claims");
  c->add_option("--on-conflict", r->on_conflict, "Scores: several numbers for one cell")
      ->check(CLI::IsMember({"error", "latest", "mean"}))
      ->capture_default_str();
  c->add_option("--benchmarks", r->benchmarks, "Scores: only these benchmarks")->delimiter(',');
  c->add_option("--models", r->models, "--all: only these models")->delimiter(',');
  c->add_option("--ties", r->ties, "Battles: half, drop or davidson")
      ->check(CLI::IsMember({"half", "drop", "davidson"}))
      ->capture_default_str();
  AddBootstrapOptions(c, &r->rounds, &r->seed, &r->level, &r->threads, 0);  // battles
  c->add_option("--format", r->format, "md, json or html")
      ->check(CLI::IsMember({"md", "json", "html"}))
      ->capture_default_str();
  c->add_option("--out", r->out, "Output file (default: standard output)");
  c->add_option("--title", r->title, "Report heading");
  c->add_option("--statements-of", r->statements_of,
                "Check the documents' statements of this entry of datasets/reports.json");
}

std::optional<std::string> RenderH2H(const H2HRequest& request, Diagnostics* diagnostics) {
  if (request.all != request.pair.empty()) {
    diagnostics->Error(kCommandLine, "MODEL", "",
                       request.all ? "--all compares every pair: give no models"
                                   : "give two models, MODEL_A MODEL_B, or --all");
    return std::nullopt;
  }
  if (!request.all && request.pair.size() != 2) {
    diagnostics->Error(kCommandLine, "MODEL", "", "give two models, MODEL_A MODEL_B");
    return std::nullopt;
  }
  return request.battles.empty() ? RenderScores(request, diagnostics)
                                 : RenderBattles(request, diagnostics);
}

}  // namespace podium
