#include "tools/arena_command.h"

#include <fmt/format.h>

#include <memory>

#include "engine/base/number.h"
#include "engine/inference/arena.h"
#include "engine/inference/net_win_rate.h"
#include "engine/ingest/battles.h"
#include "engine/ingest/csv_table.h"
#include "engine/reporting/arena_report.h"
#include "tools/dataset_loader.h"

namespace podium {

void AddArenaOptions(CLI::App* c, ArenaRequest* r) {
  c->add_option("battles", r->battles,
                "Battles: CSV (model_a,model_b,winner), Arena JSON, JSON Lines, or pair counts "
                "(model_a,model_b,wins_a,wins_b,ties)")
      ->required();
  c->add_option("--method", r->method, "bt (Bradley-Terry) or elo (online, FastChat)")
      ->check(CLI::IsMember({"bt", "elo"}))
      ->capture_default_str();
  c->add_option("--ties", r->ties, "Ties: half, drop, or davidson (Bradley-Terry only)")
      ->check(CLI::IsMember({"half", "drop", "davidson"}))
      ->capture_default_str();
  c->add_option("--anchor", r->anchor, "MODEL=RATING (default: ratings centred on a mean of 1000)");
  c->add_option("--category", r->category, "Keep only battles of this category");
  c->add_flag("--exclude-ties", r->exclude_ties, "Drop tied battles");
  c->add_option("--min-battles", r->min_battles, "Leave out models with fewer battles")
      ->capture_default_str();
  c->add_flag("--per-component", r->per_component,
              "One leaderboard per connected component instead of refusing a disconnected graph");
  c->add_flag("--rank-all", r->rank_all,
              "Rank models with only wins or only losses too (their rating comes from a ridge; "
              "by default they are marked and not ranked)");
  c->add_option("--ridge", r->ridge, "Ridge penalty on natural-log strengths (default 0)")
      ->check(CLI::NonNegativeNumber);
  AddBootstrapOptions(c, &r->rounds, &r->seed, &r->level, &r->threads, 0);
  c->add_option("--format", r->format, "md, csv or json")
      ->check(CLI::IsMember({"md", "csv", "json", "html"}))
      ->capture_default_str();
  c->add_option("--out", r->out, "Output file (default: standard output)");
  c->add_option("--title", r->title, "Report heading");
}

std::optional<ArenaRun> RunArena(const ArenaRequest& request, Diagnostics* diagnostics) {
  ArenaOptions o;
  o.method = request.method == "elo" ? ArenaMethod::kElo : ArenaMethod::kBradleyTerry;
  o.ties = request.ties == "drop"       ? TieModel::kDrop
           : request.ties == "davidson" ? TieModel::kDavidson
                                        : TieModel::kHalf;
  if (!request.anchor.empty()) {
    const size_t eq = request.anchor.rfind('=');
    std::optional<double> rating =
        eq == std::string::npos ? std::nullopt : ParseFiniteDouble(request.anchor.substr(eq + 1));
    if (!rating || eq == 0) {
      diagnostics->Error(Location{"<command line>"}, "--anchor", request.anchor,
                         "expected MODEL=RATING, e.g. mixtral-8x7b-instruct-v0.1=1114");
      return std::nullopt;
    }
    o.anchor_model = request.anchor.substr(0, eq);
    o.anchor_rating = *rating;
  }
  if (o.method == ArenaMethod::kElo && o.ties == TieModel::kDavidson) {
    diagnostics->Error(Location{"<command line>"}, "--ties", "davidson",
                       "the Davidson tie model applies to --method bt only");
    return std::nullopt;
  }
  o.min_battles = request.min_battles;
  o.per_component = request.per_component;
  o.rank_all = request.rank_all;
  o.ridge = request.ridge;
  o.rounds = request.rounds;
  o.seed = request.seed;
  o.level = request.level;
  o.threads = request.threads;
  BattleReadOptions read;
  read.category = request.category;
  read.exclude_ties = request.exclude_ties;
  read.keep_sequence = o.method == ArenaMethod::kElo;
  const BattleData data = ReadBattles(request.battles, request.battles, read, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  RunLog scratch;
  RunLog& log = request.log != nullptr ? *request.log : scratch;
  log.AddInput(request.battles, request.battles, "battles",
               data.battles + data.dropped_category + data.dropped_ties);
  log.Drop("battles", fmt::format("not of --category {}", request.category), data.dropped_category);
  log.Drop("battles", "ties removed by --exclude-ties", data.dropped_ties);
  std::unique_ptr<Progress> progress =
      o.rounds > 0 ? log.StartProgress("bootstrap", "rounds", o.rounds) : nullptr;
  o.progress = progress.get();
  std::optional<ArenaResult> result = BuildArena(data, o, diagnostics);
  if (!result) return std::nullopt;
  log.Drop("models", fmt::format("fewer than --min-battles {} battles", request.min_battles),
           static_cast<int64_t>(result->dropped_models.size()));
  return ArenaRun{std::move(*result), data.dropped_category, data.dropped_ties};
}

std::optional<std::string> RenderArena(const ArenaRequest& request, Diagnostics* diagnostics) {
  std::optional<ArenaRun> run = RunArena(request, diagnostics);
  if (!run) return std::nullopt;
  const ArenaInput input{request.title, request.battles, run->dropped_category, run->dropped_ties};
  if (request.format == "json") return ArenaJson(run->result, input);
  if (request.format == "csv") return ArenaCsv(run->result);
  return ArenaMarkdown(run->result, input);
}

void AddNetWinOptions(CLI::App* c, NetWinRequest* r) {
  c->add_option("--judgments", r->judgments,
                "Judgments CSV: prompt,rater,model_a,model_b,preference (+1/0/-1)");
  c->add_option("--reported", r->reported,
                "Reported net win rates (default: datasets/pairwise/movie_gen_net_win_rates.csv)");
  c->add_option("--datasets", r->datasets, "Datasets folder (default: $PODIUM_HOME/datasets)");
  AddBootstrapOptions(c, &r->rounds, &r->seed, &r->level, &r->threads, 0);  // over prompts
  c->add_option("--format", r->format, "md, json or html")
      ->check(CLI::IsMember({"md", "json", "html"}));
  c->add_option("--out", r->out, "Output file (default: standard output)");
  c->add_option("--title", r->title, "Report heading");
}

std::optional<std::string> RenderNetWin(const NetWinRequest& request, Diagnostics* diagnostics) {
  NetWinReport report;
  report.title = request.title;
  report.rounds = request.rounds;
  report.seed = request.seed;
  report.level = request.level;
  if (!request.judgments.empty()) {
    report.judgments_path = request.judgments;
    std::vector<Judgment> judgments =
        ReadJudgments(request.judgments, request.judgments, diagnostics);
    if (diagnostics->has_errors()) return std::nullopt;
    if (request.log != nullptr) {
      request.log->AddInput(request.judgments, request.judgments, "judgments",
                            static_cast<int64_t>(judgments.size()));
    }
    report.computed =
        ComputeNetWinRates(judgments, request.rounds, request.seed, request.level, request.threads);
  }
  std::string reported = request.reported, shown = request.reported;
  if (reported.empty() && request.judgments.empty()) {
    reported = (request.datasets.empty() ? DefaultDatasets() : request.datasets) +
               "/pairwise/movie_gen_net_win_rates.csv";
    shown = "datasets/pairwise/movie_gen_net_win_rates.csv";
  }
  if (!reported.empty()) {
    enum { kClaim, kA, kB, kTask, kRate, kSource, kLine };
    CsvTable table = ReadCsvTable(reported,
                                  {{"claim_id"},
                                   {"model_a"},
                                   {"model_b"},
                                   {"task"},
                                   {"net_win_rate"},
                                   {"source"},
                                   {"line"},
                                   {"model_a_as_written", false},
                                   {"model_b_as_written", false},
                                   {"task_as_written", false},
                                   {"notes", false}},
                                  diagnostics, shown);
    if (request.log != nullptr) {
      request.log->AddInput(reported, shown, "pairwise", static_cast<int64_t>(table.rows.size()));
    }
    for (const CsvRow& row : table.rows) {
      std::optional<double> nwr = ParseFiniteDouble(row.fields[kRate]);
      std::optional<long long> line = ParsePositiveInteger(row.fields[kLine]);
      if (!nwr || *nwr < -100 || *nwr > 100) {
        diagnostics->Error(
            table.At(row, kRate), "net_win_rate", row.fields[kRate],
            fmt::format("\"{}\" is not a net win rate in [-100, 100]", row.fields[kRate]));
        continue;
      }
      report.reported.push_back({row.fields[kClaim], row.fields[kA], row.fields[kB],
                                 row.fields[kTask], row.fields[kRate], row.fields[kSource],
                                 line ? static_cast<int>(*line) : 0, *nwr});
    }
  }
  if (diagnostics->has_errors()) return std::nullopt;
  return request.format == "json" ? NetWinJson(report) : NetWinMarkdown(report);
}

}  // namespace podium
