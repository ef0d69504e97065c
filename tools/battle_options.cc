#include "tools/battle_options.h"

#include <fmt/format.h>

namespace podium {
namespace {

// Why a cleaning step dropped battles, for the manifest.
std::string CleaningReason(const CleaningStep& step, const BattleReadOptions& read) {
  if (step.field == "anony_only") return "not anonymous (" + step.name + ")";
  if (step.field == "dedup") return "dedup_tag not sampled (" + step.name + ")";
  if (step.field == "language") return fmt::format("not in {} {}", step.name, read.language);
  if (step.field == "category") return fmt::format("not of {} {}", step.name, read.category);
  if (step.field == "exclude_ties") return "ties removed by " + step.name;
  if (step.field == "max_votes_per_judge_per_day") {
    return fmt::format("beyond {} {}: later votes of a judge on a UTC day", step.name,
                       read.max_votes_per_judge_per_day);
  }
  return "judge failed the sequential outlier test (" + step.name + ")";
}

}  // namespace

void AddBattleLayoutOptions(CLI::App* c, BattleReadFlags* f) {
  c->add_option("--columns", f->columns,
                "Columns (or JSON keys) of the roles, e.g. model_a=left,model_b=right "
                "(roles: model_a, model_b, winner; unnamed roles keep their names)");
  c->add_option("--winner-labels", f->winner_labels,
                "The winner labels the file uses and their roles, e.g. "
                "left=model_a,right=model_b,tie=tie (roles: model_a, model_b, tie, "
                "tie (bothbad)); only these labels are then accepted");
}

void AddVoteCleaningOptions(CLI::App* c, BattleReadFlags* f) {
  BattleReadOptions& r = f->read;
  c->add_flag("--anony-only", r.anony_only,
              "Keep only anonymous battles (the `anony` field; FastChat's leaderboard votes)");
  c->add_flag("--dedup", r.dedup,
              "Drop battles whose dedup_tag is not \"sampled\" (FastChat's de-duplication of "
              "over-frequent prompts)");
  c->add_option("--language", r.language,
                "Keep only battles in this language (the `language` field, e.g. English)");
  c->add_option("--category", r.category,
                "Keep only battles of this category: a `category` value, or a nested tag of "
                "Arena JSON's category_tag (e.g. math_v0.1.math) that is true");
  c->add_flag("--exclude-ties", r.exclude_ties, "Drop tied battles");
  c->add_option("--max-votes-per-judge-per-day", r.max_votes_per_judge_per_day,
                "Keep each judge's first N battles (tstamp order) of each UTC day (needs judge "
                "and tstamp; 0 = no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  c->add_flag("--drop-outlier-judges", r.drop_outlier_judges,
              "Drop judges failing FastChat's sequential outlier test (significance 0.05, at most "
              "100 votes read per judge; needs judge)");
}

std::optional<BattleReadOptions> BattleReadOptionsOf(const BattleReadFlags& flags,
                                                     Diagnostics* diagnostics) {
  std::optional<BattleLayout> layout =
      ParseBattleLayout(flags.columns, flags.winner_labels, diagnostics);
  if (!layout) return std::nullopt;
  BattleReadOptions read = flags.read;
  read.layout = std::move(*layout);
  return read;
}

std::optional<BattleData> ReadBattlesLogged(const std::string& path, const BattleReadOptions& read,
                                            RunLog& log, Diagnostics* diagnostics) {
  BattleData data = ReadBattles(path, path, read, diagnostics);
  if (diagnostics->has_errors()) return std::nullopt;
  int64_t rows = data.battles;
  for (const CleaningStep& step : data.cleaning) rows += step.dropped;
  log.AddInput(path, path, "battles", rows);
  for (const CleaningStep& step : data.cleaning) {
    log.Drop("battles", CleaningReason(step, read), step.dropped);
  }
  return data;
}

}  // namespace podium
