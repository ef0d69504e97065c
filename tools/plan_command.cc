#include "tools/plan_command.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/inference/sample_size.h"
#include "engine/reporting/plan_report.h"
#include "tools/arena_command.h"
#include "tools/command_options.h"

namespace podium {
namespace {

const Location kCommandLine{"<command line>"};

struct PlanRequest {
  std::vector<std::string> pair;  // MODEL_A MODEL_B (names as in --battles)
  std::string battles, ties = "half";
  std::optional<double> accuracy, difference;
  std::optional<int64_t> items;
  PowerOptions power;
  OutputOptions output;
};

void AddPlanOptions(CLI::App* c, PlanRequest* r) {
  c->add_option("models", r->pair, "MODEL_A MODEL_B (names as in --battles)")->expected(0, 2);
  c->add_option("--battles", r->battles, "Battles: plan more battles between the two models");
  AddEnumOption(c, "--ties", &r->ties, kTieModelNames, "Battles: ties half or drop");
  c->add_option("--accuracy", r->accuracy, "Scores: accuracy p1, a proportion in [0, 1]")
      ->check(CLI::Range(0.0, 1.0));
  c->add_option("--difference", r->difference,
                "Scores: the difference to detect (p2 = p1 + D); gives the items per model");
  c->add_option("--items", r->items,
                "Scores: items per model; gives the minimum detectable difference")
      ->check(CLI::PositiveNumber);
  c->add_option("--level", r->power.level, "Confidence level of the interval (two-sided)")
      ->check(CLI::Range(0.5, 0.9999))
      ->capture_default_str();
  c->add_option("--power", r->power.power, "Power at the planned difference")
      ->check(CLI::Range(0.5, 0.9999))
      ->capture_default_str();
  AddOutputOptions(c, &r->output, {"md", "json"});
}

// The index of `name` in the arena, or an error naming the battles file.
std::optional<int> ModelIndex(const ArenaResult& arena, const std::string& name,
                              const std::string& battles, Diagnostics* diagnostics) {
  auto it = std::find(arena.models.begin(), arena.models.end(), name);
  if (it != arena.models.end()) return static_cast<int>(it - arena.models.begin());
  diagnostics->Error(kCommandLine, "MODEL", name,
                     fmt::format("no battles for model \"{}\" in {}", name, battles));
  return std::nullopt;
}

int ComponentOf(const ArenaResult& arena, int index) {
  for (const ArenaRow& row : arena.rows) {
    if (row.index == index) return row.component;
  }
  return -1;
}

std::optional<std::string> RenderBattles(const PlanRequest& r, const std::string& format,
                                         Session& session, Diagnostics* diagnostics) {
  if (r.pair.size() != 2 || r.pair[0] == r.pair[1]) {
    diagnostics->Error(kCommandLine, "MODEL", "", "give two different models, MODEL_A MODEL_B");
    return std::nullopt;
  }
  ArenaOptions options;
  options.rounds = 0;
  options.draws = 0;
  options.per_component = true;  // two models of one component are enough
  options.ties = *ParseName(kTieModelNames, r.ties);
  if (options.ties == TieModel::kDavidson) {
    diagnostics->Error(kCommandLine, "--ties", r.ties,
                       "plan needs ties half or drop (Davidson's tie parameter has no "
                       "closed-form information here)");
    return std::nullopt;
  }
  const std::optional<RatedBattles> rated =
      RateBattles(r.battles, BattleReadOptions{}, options, session.log, diagnostics);
  if (!rated) return std::nullopt;
  const ArenaResult& arena = rated->result;
  const std::optional<int> a = ModelIndex(arena, r.pair[0], r.battles, diagnostics);
  const std::optional<int> b = ModelIndex(arena, r.pair[1], r.battles, diagnostics);
  if (!a || !b) return std::nullopt;
  if (ComponentOf(arena, *a) != ComponentOf(arena, *b)) {
    diagnostics->Error(kCommandLine, "MODEL", r.pair[1],
                       fmt::format("\"{}\" and \"{}\" are in different components of the "
                                   "comparison graph: no battle path links them",
                                   r.pair[0], r.pair[1]));
    return std::nullopt;
  }
  const BattlePlan plan = PlanBattles(arena, *a, *b, r.power);
  const PlanContext context{r.output.title, {r.battles}, r.ties};
  if (format == "json") return BattlePlanJson(plan, context);
  return BattlePlanMarkdown(plan, context);
}

std::optional<std::string> RenderScores(const PlanRequest& r, const std::string& format,
                                        Diagnostics* diagnostics) {
  if (!r.difference && !r.items) {
    diagnostics->Error(kCommandLine, "--accuracy", "",
                       "give --difference D (items needed) or --items N (smallest difference "
                       "detectable) with --accuracy");
    return std::nullopt;
  }
  ScorePlan plan;
  plan.p1 = *r.accuracy;
  plan.items = r.items;
  plan.options = r.power;
  if (r.difference) {
    const double p2 = *r.accuracy + *r.difference;
    if (*r.difference == 0 || p2 < 0 || p2 > 1) {
      diagnostics->Error(kCommandLine, "--difference", fmt::format("{:g}", *r.difference),
                         "the difference must be non-zero and keep --accuracy + --difference "
                         "within [0, 1]");
      return std::nullopt;
    }
    plan.p2 = p2;
  }
  const PlanContext context{r.output.title, {}, ""};
  if (format == "json") return ScorePlanJson(plan, context);
  return ScorePlanMarkdown(plan, context);
}

std::optional<std::string> RenderPlan(const PlanRequest& r, const std::string& format,
                                      Session& session, Diagnostics* diagnostics) {
  const bool scores = r.accuracy || r.difference || r.items;
  if (r.battles.empty() == !scores) {
    diagnostics->Error(kCommandLine, r.battles.empty() ? "--battles" : "--accuracy", "",
                       "give --battles FILE MODEL_A MODEL_B, or --accuracy P with --difference "
                       "D or --items N (not both)");
    return std::nullopt;
  }
  if (scores && !r.pair.empty()) {
    diagnostics->Error(kCommandLine, "MODEL", r.pair[0], "models are for --battles only");
    return std::nullopt;
  }
  if (scores && !r.accuracy) {
    diagnostics->Error(kCommandLine, "--accuracy", "", "give --accuracy P (a proportion)");
    return std::nullopt;
  }
  return scores ? RenderScores(r, format, diagnostics)
                : RenderBattles(r, format, session, diagnostics);
}

}  // namespace

Command PlanCommand() {
  return ReportCommand("plan", "Sample size: battles or items needed to tell two models apart",
                       AddPlanOptions, RenderPlan);
}

}  // namespace podium
