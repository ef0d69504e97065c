#include "tools/command_options.h"

#include <cstdlib>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

Json OptionValue(const CLI::Option& option) {
  const bool given = option.count() > 0;
  if (option.get_type_size() == 0) return Json(given);  // a flag
  std::vector<std::string> values = option.results();
  if (!given) {
    const std::string fallback = option.get_default_str();
    values = fallback.empty() ? std::vector<std::string>{} : std::vector<std::string>{fallback};
  }
  if (option.get_items_expected_max() > 1) return Json(values);
  return values.empty() ? Json(nullptr) : Json(values.back());
}

// The --project folder of this run; empty = none.
std::string& ProjectFolder() {
  static std::string* const folder = new std::string;
  return *folder;
}

}  // namespace

std::string PodiumHome() {
  if (!ProjectFolder().empty()) return ProjectFolder();
  const char* home = std::getenv("PODIUM_HOME");
  return home != nullptr && home[0] != '\0' ? home : ".";
}

void SetProjectFolder(const std::string& folder) { ProjectFolder() = folder; }

std::string DefaultDatasets() { return PodiumHome() + "/datasets"; }

LoadedClaims LoadDataset(const std::vector<std::string>& claims, const std::string& registry,
                         const std::string& datasets, Diagnostics* diagnostics, RunLog* log) {
  LoadedClaims loaded =
      LoadClaims(claims, registry, datasets.empty() ? DefaultDatasets() : datasets, diagnostics);
  if (log != nullptr) {
    for (const DatasetFile& f : loaded.files) log->AddInput(f.path, f.shown, f.kind, f.rows);
  }
  return loaded;
}

void AddClaimsOptions(CLI::App* command, std::vector<std::string>* claims, std::string* registry,
                      std::string* datasets) {
  command->add_option("--claims", *claims, "Claims CSV files (default: datasets/claims/*.csv)");
  command->add_option("--registry", *registry,
                      "Registry folder with models.csv, benchmarks.csv, sources.csv "
                      "(default: datasets/registry)");
  command->add_option("--datasets", *datasets, "Datasets folder (default: $PODIUM_HOME/datasets)");
}

void AddBootstrapOptions(CLI::App* c, BootstrapOptions* o, int min_rounds) {
  c->add_option(
       "--rounds", o->rounds,
       min_rounds == 0 ? "Bootstrap rounds (0 = point estimates only)" : "Bootstrap rounds")
      ->check(CLI::Range(min_rounds, 10'000'000))
      ->capture_default_str();
  c->add_option("--seed", o->seed, "Bootstrap seed")->capture_default_str();
  c->add_option("--level", o->level, "Confidence level of intervals")
      ->check(CLI::Range(0.5, 0.9999))
      ->capture_default_str();
  c->add_option("--threads", o->threads, "Threads (the output does not depend on it)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
}

void AddConflictOption(CLI::App* command, std::string* on_conflict) {
  *on_conflict = kDefaultOnConflict;
  AddEnumOption(command, "--on-conflict", on_conflict, kConflictPolicyNames,
                "Several different numbers for one model and benchmark");
}

Json OptionsInForce(const CLI::App& command) {
  Json out = Json::object();
  for (const CLI::Option* option : command.get_options()) {
    if (option == command.get_help_ptr()) continue;
    out[option->get_name()] = OptionValue(*option);
  }
  return out;
}

std::map<std::string, std::string, std::less<>> CommandLineSpelling() {
  return {{"aggregate", "--aggregate"},
          {"anchor_model", "--anchor"},
          {"anony_only", "--anony-only"},
          {"category", "--category"},
          {"ci", "--ci"},
          {"claims", "--claims"},
          {"columns", "--columns"},
          {"control", "--control"},
          {"dedup", "--dedup"},
          {"drop_outlier_judges", "--drop-outlier-judges"},
          {"exclude_ties", "--exclude-ties"},
          {"fit", "--fit"},
          {"folds", "--folds"},
          {"items", "--items"},
          {"kind", "--bootstrap"},
          {"language", "--language"},
          {"loo", "--loo"},
          {"max_drop", "--max-drop"},
          {"max_votes_per_judge_per_day", "--max-votes-per-judge-per-day"},
          {"method", "--method"},
          {"min_battles", "--min-battles"},
          {"min_coverage", "--min-coverage"},
          {"normalization", "--normalize"},
          {"on_conflict", "--on-conflict"},
          {"per_component", "--per-component"},
          {"rank_all", "--rank-all"},
          {"reweight", "--reweight"},
          {"robustness", "--robustness"},
          {"ridge", "--ridge"},
          {"rounds", "--rounds"},
          {"top_k", "--top-k"},
          {"ties", "--ties"},
          {"winner_labels", "--winner-labels"}};
}

}  // namespace podium
