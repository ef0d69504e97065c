#include "tools/dataset_loader.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace podium {

namespace fs = std::filesystem;

std::string PodiumHome() {
  const char* home = std::getenv("PODIUM_HOME");
  return home != nullptr && home[0] != '\0' ? home : ".";
}

std::string DefaultDatasets() { return PodiumHome() + "/datasets"; }

void AddClaimsOptions(CLI::App* command, std::vector<std::string>* claims, std::string* registry,
                      std::string* datasets) {
  command->add_option("--claims", *claims, "Claims CSV files (default: datasets/claims/*.csv)");
  command->add_option("--registry", *registry,
                      "Registry folder with models.csv, benchmarks.csv, sources.csv "
                      "(default: datasets/registry)");
  command->add_option("--datasets", *datasets, "Datasets folder (default: $PODIUM_HOME/datasets)");
}

LoadedClaims LoadClaims(const std::vector<std::string>& claims, const std::string& registry,
                        const std::string& datasets_arg, Diagnostics* diagnostics) {
  const std::string datasets = datasets_arg.empty() ? DefaultDatasets() : datasets_arg;
  LoadedClaims loaded;
  std::string registry_dir = registry;
  loaded.registry_shown = registry;
  if (registry_dir.empty()) {
    registry_dir = datasets + "/registry";
    loaded.registry_shown = "datasets/registry";
  }
  std::vector<std::pair<std::string, std::string>> files;  // (path, shown)
  if (claims.empty()) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(datasets) / "claims", ec)) {
      if (entry.path().extension() != ".csv") continue;
      files.emplace_back(entry.path().string(),
                         "datasets/claims/" + entry.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      diagnostics->Error(Location{datasets + "/claims"}, "", "",
                         "no claims files (*.csv) found; pass --claims FILE...");
    }
  } else {
    for (const std::string& f : claims) files.emplace_back(f, f);
  }
  loaded.registry = Registry::Read(registry_dir, diagnostics, loaded.registry_shown);
  for (const auto& [path, shown] : files) {
    ReadClaimsFile(path, shown, loaded.registry, &loaded.claims, diagnostics);
    loaded.inputs.push_back(shown);
  }
  return loaded;
}

}  // namespace podium
