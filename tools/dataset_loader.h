// Reads a registry and claims files the way every command does: explicit
// --claims/--registry, or the datasets folder (claims/*.csv, registry/); and
// the command-line pieces the commands share.
#ifndef PODIUM_TOOLS_DATASET_LOADER_H_
#define PODIUM_TOOLS_DATASET_LOADER_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"
#include "tools/run_log.h"

namespace podium {

struct LoadedClaims {
  Registry registry;
  std::vector<Claim> claims;
  std::vector<std::string> inputs;  // claims files as shown ("datasets/claims/x.csv")
  std::string registry_shown;       // the registry folder as shown
};

// Empty `claims` = every <datasets>/claims/*.csv in name order; empty
// `registry` = <datasets>/registry; empty `datasets` = DefaultDatasets().
// Files from the datasets folder are shown as "datasets/...". Every file read
// is recorded on `log` (may be null) with its row count.
LoadedClaims LoadClaims(const std::vector<std::string>& claims, const std::string& registry,
                        const std::string& datasets, Diagnostics* diagnostics,
                        RunLog* log = nullptr);

// Declares --claims, --registry and --datasets (the inputs of LoadClaims).
void AddClaimsOptions(CLI::App* command, std::vector<std::string>* claims, std::string* registry,
                      std::string* datasets);

enum class NameKind { kModel, kBenchmark };

// Resolves model or benchmark names given on the command line to canonical
// ids (duplicates kept once, in order); unknown names are errors naming
// `option`, with the nearest known names as a suggestion.
std::vector<std::string> ResolveNames(const std::vector<std::string>& names, const char* option,
                                      NameKind kind, const Registry& registry,
                                      Diagnostics* diagnostics);

// Declares --rounds (at least `min_rounds`), --seed, --level and --threads,
// the options every bootstrapping command shares.
void AddBootstrapOptions(CLI::App* command, int* rounds, uint64_t* seed, double* level,
                         int* threads, int min_rounds);

// Reads and parses a JSON file; a read or parse problem is a diagnostic at
// `shown` (with line and column for a parse error).
std::optional<nlohmann::ordered_json> ReadJsonFile(const std::string& path,
                                                   const std::string& shown,
                                                   Diagnostics* diagnostics);

// $PODIUM_HOME/datasets, or ./datasets when PODIUM_HOME is unset.
std::string DefaultDatasets();

// $PODIUM_HOME, or "." when unset.
std::string PodiumHome();

}  // namespace podium

#endif  // PODIUM_TOOLS_DATASET_LOADER_H_
