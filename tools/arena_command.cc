#include "tools/arena_command.h"

#include <fmt/format.h>

#include <memory>
#include <tuple>

#include "engine/inference/net_win_rate.h"
#include "engine/ingest/judgments.h"
#include "engine/reporting/arena_fragility.h"
#include "engine/reporting/arena_report.h"
#include "tools/battle_options.h"
#include "tools/command_options.h"

namespace podium {
namespace {

const Location kCommandLine{"<command line>"};

struct ArenaRequest {
  std::string battles, method = "bt", ties = "half", anchor;
  std::string ci = "bootstrap";
  bool per_component = false, rank_all = false, reweight = false;
  BattleReadFlags read;  // layout and vote cleaning (docs/methods.md "Vote cleaning")
  int64_t min_battles = 0;
  int draws = 10000;
  std::vector<std::string> control;  // style features
  double control_l2 = 1.0;
  bool control_unweighted = false;
  bool fit = false;  // --fit; --ties auto implies it
  int folds = 5;
  double ridge = 0;
  // How fragile the board is (ArenaOptions::robustness, loo).
  bool robustness = false;
  int top_k = 1;
  double max_drop = 0.01;
  std::string loo;
  BootstrapOptions resampling;
  // Whether these were given (an option that does not apply is an error).
  const CLI::Option *rounds_flag = nullptr, *draws_flag = nullptr, *control_l2_flag = nullptr,
                    *control_unweighted_flag = nullptr, *top_k_flag = nullptr,
                    *max_drop_flag = nullptr, *folds_flag = nullptr;
  OutputOptions output;
};

// --max-drop, shared by `podium arena --robustness` and `podium robustness`.
CLI::Option* AddMaxDropOption(CLI::App* c, double* max_drop) {
  return c->add_option("--max-drop", *max_drop,
                       "Vote dropping: the largest fraction of battles to try removing")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
}

void AddFragilityOptions(CLI::App* c, ArenaRequest* r) {
  c->add_flag("--robustness", r->robustness,
              "Find the fewest battles whose removal changes #1 (or the top k): influence "
              "approximation, verified by refitting; lists the battles");
  r->top_k_flag = c->add_option("--top-k", r->top_k,
                                "--robustness: change the top K set instead of #1")
                      ->check(CLI::Range(1, 1'000'000))
                      ->capture_default_str();
  r->max_drop_flag = AddMaxDropOption(c, &r->max_drop);
  c->add_option("--loo", r->loo,
                "Leave each judge, prompt or category out in turn and report each model's "
                "largest rating and rank change (the field must be in the battles)")
      ->check(CLI::IsMember({"judge", "prompt", "category"}));
}

void AddArenaOptions(CLI::App* c, ArenaRequest* r) {
  c->add_option("battles", r->battles,
                "Battles: CSV or TSV (model_a,model_b,winner, or one-hot winner_model_a,"
                "winner_model_b,winner_tie), Arena JSON, JSON Lines, or pair counts "
                "(model_a,model_b,wins_a,wins_b,ties[,category])")
      ->required();
  AddBattleLayoutOptions(c, &r->read);
  AddEnumOption(c, "--method", &r->method, kArenaMethodNames,
                "bt (Bradley-Terry) or elo (online, FastChat)");
  std::vector<std::string> ties = NamesOf(kTieModelNames);
  ties.push_back("auto");
  c->add_option("--ties", r->ties,
                "Ties: half, drop, davidson, rao-kupper (Bradley-Terry only), or auto (the one "
                "with the lowest held-out log-loss, as --fit shows)")
      ->check(CLI::IsMember(ties))
      ->capture_default_str();
  c->add_option("--anchor", r->anchor, "MODEL=RATING (default: ratings centred on a mean of 1000)");
  AddVoteCleaningOptions(c, &r->read);
  c->add_option("--min-battles", r->min_battles, "Leave out models with fewer battles")
      ->capture_default_str();
  c->add_flag("--per-component", r->per_component,
              "One leaderboard per connected component instead of refusing a disconnected graph");
  c->add_flag("--rank-all", r->rank_all,
              "Rank models with only wins or only losses too (their rating comes from a ridge; "
              "by default they are marked and not ranked)");
  c->add_option("--ridge", r->ridge, "Ridge penalty on natural-log strengths (default 0)")
      ->check(CLI::NonNegativeNumber);
  AddEnumOption(c, "--ci", &r->ci, kArenaIntervalsNames,
                "Intervals: bootstrap (FastChat; with --rounds N) or sandwich (arena-rank's "
                "robust covariance, the Arena's default since July 2025; no refits)");
  r->draws_flag = c->add_option("--draws", r->draws,
                "--ci sandwich: Monte-Carlo draws for rank sets and rank intervals")
      ->check(CLI::Range(1, 10'000'000))
      ->capture_default_str();
  c->add_flag("--reweight", r->reweight,
              "Weigh each battle 1/max(battles of its pair, 50), as arena-rank's reweighted=True "
              "(fit and intervals)");
  c->add_option("--control", r->control,
                "Style control: features read per battle (CSV F_a,F_b columns, or Arena JSON "
                "conv_metadata: sum_assistant_tokens, header_count, list_count, bold_count); adds "
                "a style-controlled board")
      ->delimiter(',');
  r->control_l2_flag = c->add_option("--control-l2", r->control_l2,
                "Style control: L2 penalty on the coefficients over the mean log-likelihood "
                "(arena-rank's default 1.0; 0 = none)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  r->control_unweighted_flag = c->add_flag("--control-unweighted", r->control_unweighted,
              "Style control without arena-rank's pair reweighting (on by default)");
  c->add_flag("--fit", r->fit,
              "Goodness of fit: held-out log-loss of every tie model (k-fold over battles, "
              "--seed), log-likelihood, AIC, BIC, and calibration (Bradley-Terry only)");
  r->folds_flag = c->add_option("--folds", r->folds,
                                "--fit, --ties auto: folds of the cross-validation (default 5)")
                      ->check(CLI::Range(2, 255));
  AddFragilityOptions(c, r);
  AddBootstrapOptions(c, &r->resampling, 0);
  r->rounds_flag = c->get_option("--rounds");
  AddOutputOptions(c, &r->output, {"md", "csv", "json", "html"});
}

// The engine's options from the flags; nullopt with a diagnostic when they
// contradict each other or --anchor is not MODEL=RATING.
std::optional<ArenaOptions> ArenaOptionsOf(const ArenaRequest& r, Diagnostics* diagnostics) {
  ArenaOptions o;
  static_cast<BootstrapOptions&>(o) = r.resampling;
  o.method = *ParseName(kArenaMethodNames, r.method);
  o.ties_auto = r.ties == "auto";
  o.ties = o.ties_auto ? TieModel::kHalf : *ParseName(kTieModelNames, r.ties);
  if (!r.anchor.empty()) {
    const auto anchor = ParseAnchor(r.anchor);
    if (!anchor) {
      diagnostics->Error(kCommandLine, "--anchor", r.anchor,
                         "expected MODEL=RATING, e.g. mixtral-8x7b-instruct-v0.1=1114");
      return std::nullopt;
    }
    std::tie(o.anchor_model, o.anchor_rating) = *anchor;
  }
  if (o.method == ArenaMethod::kElo && ModelsTies(o.ties)) {
    diagnostics->Error(kCommandLine, "--ties", r.ties,
                       fmt::format("the {} tie model applies to --method bt only", r.ties));
    return std::nullopt;
  }
  o.ci = *ParseName(kArenaIntervalsNames, r.ci);
  // --rounds' default (1000) is the bootstrap's; with the sandwich only an
  // explicit --rounds is a contradiction (an error in BuildArena).
  if (o.ci == ArenaIntervals::kSandwich && r.rounds_flag->count() == 0) o.rounds = 0;
  // Options given for something not asked for would be silently ignored.
  const auto needs = [&](const CLI::Option* given, bool applies, const char* what) {
    if (given->count() == 0 || applies) return true;
    diagnostics->Error(kCommandLine, given->get_name(), "", fmt::format("applies to {}", what));
    return false;
  };
  if (!needs(r.draws_flag, o.ci == ArenaIntervals::kSandwich, "--ci sandwich") ||
      !needs(r.control_l2_flag, !r.control.empty(), "--control") ||
      !needs(r.control_unweighted_flag, !r.control.empty(), "--control") ||
      !needs(r.top_k_flag, r.robustness, "--robustness") ||
      !needs(r.max_drop_flag, r.robustness, "--robustness") ||
      !needs(r.folds_flag, r.fit || o.ties_auto, "--fit or --ties auto")) {
    return std::nullopt;
  }
  o.draws = r.draws;
  o.reweight = r.reweight;
  o.style.features = r.control;
  o.style.l2 = r.control_l2;
  o.style.reweight = !r.control_unweighted;
  o.min_battles = r.min_battles;
  o.per_component = r.per_component;
  o.rank_all = r.rank_all;
  o.ridge = r.ridge;
  o.fit = r.fit;
  o.folds = r.folds;
  o.robustness = r.robustness;
  o.top_k = r.top_k;
  o.max_drop = r.max_drop;
  o.loo = r.loo;
  return o;
}

// The set-up `podium arena` and `podium robustness` share: the battles at
// `path` read with `read` (layout included, BattleReadOptionsOf) and rated
// with `options`, and the report's input; nullopt after a diagnostic.
std::optional<std::pair<ArenaResult, ArenaInput>> ReadAndRate(const std::string& path,
                                                              const std::string& title,
                                                              const BattleReadOptions& read,
                                                              const ArenaOptions& options,
                                                              Session& session,
                                                              Diagnostics* diagnostics) {
  std::optional<RatedBattles> rated = RateBattles(path, read, options, session.log, diagnostics);
  if (!rated) return std::nullopt;
  ArenaInput input{title, path, rated->dropped_category, rated->dropped_ties, rated->cleaning};
  return std::make_pair(std::move(rated->result), std::move(input));
}

std::optional<std::string> RenderArena(const ArenaRequest& r, const std::string& format,
                                       Session& session, Diagnostics* diagnostics) {
  const std::optional<ArenaOptions> options = ArenaOptionsOf(r, diagnostics);
  std::optional<BattleReadOptions> read_options = BattleReadOptionsOf(r.read, diagnostics);
  if (!options || !read_options) return std::nullopt;
  BattleReadOptions& read = *read_options;
  read.keep_sequence = options->method == ArenaMethod::kElo || options->robustness;
  read.features = r.control;
  read.group_by = r.loo;
  const auto rated = ReadAndRate(r.battles, r.output.title, read, *options, session, diagnostics);
  if (!rated) return std::nullopt;
  const auto& [result, input] = *rated;
  if (format == "json") return ArenaJson(result, input);
  if (format == "csv") return ArenaCsv(result);
  return ArenaMarkdown(result, input);
}

// `podium robustness BATTLES A B`: how many battles decide the pair's order.
struct RobustnessRequest {
  std::string battles, model_a, model_b, ties = "half", columns, winner_labels, category;
  bool exclude_ties = false;
  int64_t min_battles = 0;
  double max_drop = 0.01;
  OutputOptions output;
};

void AddRobustnessOptions(CLI::App* c, RobustnessRequest* r) {
  c->add_option("battles", r->battles, "Battles (as for podium arena)")->required();
  c->add_option("model_a", r->model_a, "One model of the pair")->required();
  c->add_option("model_b", r->model_b, "The other model")->required();
  c->add_option("--columns", r->columns, "Columns (or JSON keys) of the roles, as podium arena");
  c->add_option("--winner-labels", r->winner_labels, "Winner labels, as podium arena");
  AddEnumOption(c, "--ties", &r->ties, kTieModelNames, "Ties: half or drop");
  c->add_option("--category", r->category, "Keep only battles of this category");
  c->add_flag("--exclude-ties", r->exclude_ties, "Drop tied battles");
  c->add_option("--min-battles", r->min_battles, "Leave out models with fewer battles")
      ->capture_default_str();
  AddMaxDropOption(c, &r->max_drop);
  AddOutputOptions(c, &r->output, {"md", "csv", "json", "html"});
}

std::optional<std::string> RenderRobustness(const RobustnessRequest& r, const std::string& format,
                                            Session& session, Diagnostics* diagnostics) {
  if (r.model_a == r.model_b) {
    diagnostics->Error(kCommandLine, "model_b", r.model_b, "the two models are the same");
    return std::nullopt;
  }
  ArenaOptions options;
  options.rounds = 0;
  options.ties = *ParseName(kTieModelNames, r.ties);
  options.min_battles = r.min_battles;
  options.robustness = true;
  options.pair_a = r.model_a;
  options.pair_b = r.model_b;
  options.max_drop = r.max_drop;
  BattleReadFlags flags;
  flags.columns = r.columns;
  flags.winner_labels = r.winner_labels;
  flags.read.category = r.category;
  flags.read.exclude_ties = r.exclude_ties;
  std::optional<BattleReadOptions> read = BattleReadOptionsOf(flags, diagnostics);
  if (!read) return std::nullopt;
  read->keep_sequence = true;
  const auto rated = ReadAndRate(r.battles, r.output.title, *read, options, session, diagnostics);
  if (!rated) return std::nullopt;
  const auto& [result, input] = *rated;
  if (format == "json") return RobustnessJson(result, input);
  if (format == "csv") return DroppedBattlesCsv(result, r.battles);
  return RobustnessMarkdown(result, input);
}

struct NetWinRequest {
  std::string judgments, reported, datasets;
  BootstrapOptions resampling;
  OutputOptions output;
};

void AddNetWinOptions(CLI::App* c, NetWinRequest* r) {
  c->add_option("--judgments", r->judgments,
                "Judgments CSV: prompt,rater,model_a,model_b,preference (+1/0/-1)");
  c->add_option("--reported", r->reported,
                "Reported net win rates (default: datasets/pairwise/movie_gen_net_win_rates.csv)");
  c->add_option("--datasets", r->datasets, "Datasets folder (default: $PODIUM_HOME/datasets)");
  AddBootstrapOptions(c, &r->resampling, 0);  // over prompts
  AddOutputOptions(c, &r->output, {"md", "json", "html"});
}

std::optional<std::string> RenderNetWin(const NetWinRequest& r, const std::string& format,
                                        Session& session, Diagnostics* diagnostics) {
  NetWinReport report;
  report.title = r.output.title;
  report.rounds = r.resampling.rounds;
  report.seed = r.resampling.seed;
  report.level = r.resampling.level;
  if (!r.judgments.empty()) {
    report.judgments_path = r.judgments;
    const std::vector<Judgment> judgments = ReadJudgments(r.judgments, r.judgments, diagnostics);
    if (diagnostics->has_errors()) return std::nullopt;
    session.log.AddInput(r.judgments, r.judgments, "judgments",
                         static_cast<int64_t>(judgments.size()));
    const BootstrapOptions& b = r.resampling;
    report.computed = ComputeNetWinRates(judgments, b.rounds, b.seed, b.level, b.threads);
  }
  std::string reported = r.reported, shown = r.reported;
  if (reported.empty() && r.judgments.empty()) {
    reported = (r.datasets.empty() ? DefaultDatasets() : r.datasets) +
               "/pairwise/movie_gen_net_win_rates.csv";
    shown = "datasets/pairwise/movie_gen_net_win_rates.csv";
  }
  if (!reported.empty()) {
    ReportedNetWinRates rates = ReadReportedNetWinRates(reported, shown, diagnostics);
    session.log.AddInput(reported, shown, "pairwise", rates.rows);
    report.reported = std::move(rates.rates);
  }
  if (diagnostics->has_errors()) return std::nullopt;
  return format == "json" ? NetWinJson(report) : NetWinMarkdown(report);
}

}  // namespace

std::optional<RatedBattles> RateBattles(const std::string& path, const BattleReadOptions& read,
                                        ArenaOptions options, RunLog& log,
                                        Diagnostics* diagnostics) {
  const std::optional<BattleData> data = ReadBattlesLogged(path, read, log, diagnostics);
  if (!data) return std::nullopt;
  std::unique_ptr<Progress> progress =
      options.rounds > 0 ? log.StartProgress("bootstrap", "rounds", options.rounds) : nullptr;
  options.progress = progress.get();
  std::optional<ArenaResult> result = BuildArena(*data, options, diagnostics);
  if (!result) return std::nullopt;
  log.Drop("models", fmt::format("fewer than --min-battles {} battles", options.min_battles),
           static_cast<int64_t>(result->dropped_models.size()));
  return RatedBattles{std::move(*result), data->dropped_category, data->dropped_ties,
                      data->cleaning};
}

Command ArenaCommand() {
  return ReportCommand("arena", "Rate models from pairwise battles (Bradley-Terry or Elo)",
                       AddArenaOptions, RenderArena);
}

Command RobustnessCommand() {
  return ReportCommand("robustness",
                       "The fewest battles whose removal reverses the order of two models",
                       AddRobustnessOptions, RenderRobustness);
}

Command NetWinCommand() {
  return ReportCommand("netwin",
                       "Net win rates from judgments, and reported ones converted to p and Elo gap",
                       AddNetWinOptions, RenderNetWin);
}

}  // namespace podium
