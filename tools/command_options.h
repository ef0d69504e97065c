// What the commands share: where podium's files are, the options several
// commands declare (claims inputs, bootstrap), loading a dataset into a run's
// log, and the options in force for a report's manifest.
#ifndef PODIUM_TOOLS_COMMAND_OPTIONS_H_
#define PODIUM_TOOLS_COMMAND_OPTIONS_H_

#include <CLI/CLI.hpp>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/base/enum_names.h"
#include "engine/inference/bootstrap.h"
#include "engine/ingest/dataset.h"
#include "engine/matrix/score_matrix.h"
#include "engine/provenance/run_log.h"

namespace podium {

// The project folder podium reads and writes (datasets/, reports/), the first
// of: the folder given with the global --project option (SetProjectFolder),
// $PODIUM_HOME, the working folder ".".
std::string PodiumHome();

// Makes PodiumHome() return `folder` (the global --project DIR, cli.cc) for
// the rest of the process; an empty `folder` goes back to $PODIUM_HOME or ".".
void SetProjectFolder(const std::string& folder);

// PodiumHome()/datasets.
std::string DefaultDatasets();

// LoadClaims (engine/ingest/dataset.h) with an empty `datasets` meaning
// DefaultDatasets(); every file read is recorded on `log` (may be null).
LoadedClaims LoadDataset(const std::vector<std::string>& claims, const std::string& registry,
                         const std::string& datasets, Diagnostics* diagnostics, RunLog* log);

// Declares --claims, --registry and --datasets (the inputs of LoadDataset).
void AddClaimsOptions(CLI::App* command, std::vector<std::string>* claims, std::string* registry,
                      std::string* datasets);

// Declares --rounds (at least `min_rounds`), --seed, --level and --threads,
// the options every bootstrapping command shares, into `options`.
void AddBootstrapOptions(CLI::App* command, BootstrapOptions* options, int min_rounds);

// Declares an option taking one of the names of an enum's name table
// (engine/base/enum_names.h); the value stays text for the manifest and is
// parsed with ParseName, which cannot fail after this check.
template <typename Enum, size_t N>
CLI::Option* AddEnumOption(CLI::App* command, const std::string& flag, std::string* value,
                           const EnumName<Enum> (&names)[N], const std::string& help) {
  return command->add_option(flag, *value, help)
      ->check(CLI::IsMember(NamesOf(names)))
      ->capture_default_str();
}

// The one default of --on-conflict for every command that reads claims:
// "error" (several different numbers for one cell are never chosen between
// silently; --on-conflict latest or mean chooses).
inline constexpr const char* kDefaultOnConflict = "error";

// Declares --on-conflict (error|latest|mean, default kDefaultOnConflict).
void AddConflictOption(CLI::App* command, std::string* on_conflict);

// The command line's spelling of the engine's option fields, for engine
// messages (engine/base/option_names.h): "min_battles" -> "--min-battles".
std::map<std::string, std::string, std::less<>> CommandLineSpelling();

// Every option of `command` (help excluded) by its long name with the value in
// force: the one given, else the default; flags as true/false, options that
// take several values as arrays, everything else as the string given.
nlohmann::ordered_json OptionsInForce(const CLI::App& command);

}  // namespace podium

#endif  // PODIUM_TOOLS_COMMAND_OPTIONS_H_
