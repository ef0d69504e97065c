// Reads a registry and claims files the way every command does: explicit
// --claims/--registry, or the datasets folder (claims/*.csv, registry/).
#ifndef PODIUM_TOOLS_DATASET_LOADER_H_
#define PODIUM_TOOLS_DATASET_LOADER_H_

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

struct LoadedClaims {
  Registry registry;
  std::vector<Claim> claims;
  std::vector<std::string> inputs;  // claims files as shown ("datasets/claims/x.csv")
  std::string registry_shown;       // the registry folder as shown
};

// Empty `claims` = every <datasets>/claims/*.csv in name order; empty
// `registry` = <datasets>/registry; empty `datasets` = DefaultDatasets().
// Files from the datasets folder are shown as "datasets/...".
LoadedClaims LoadClaims(const std::vector<std::string>& claims, const std::string& registry,
                        const std::string& datasets, Diagnostics* diagnostics);

// Declares --claims, --registry and --datasets (the inputs of LoadClaims).
void AddClaimsOptions(CLI::App* command, std::vector<std::string>* claims, std::string* registry,
                      std::string* datasets);

// $PODIUM_HOME/datasets, or ./datasets when PODIUM_HOME is unset.
std::string DefaultDatasets();

// $PODIUM_HOME, or "." when unset.
std::string PodiumHome();

}  // namespace podium

#endif  // PODIUM_TOOLS_DATASET_LOADER_H_
