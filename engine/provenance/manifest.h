// The "manifest" every JSON report carries: what made it (podium version, git
// commit, the command line and every option in force, seed and rounds), what
// it was made from (each input file with its SHA-256 and the rows read), what
// was left out and why, and how long it took. `podium verify` re-runs a
// report from its manifest; `podium check` compares the inputs of two
// manifests by SHA-256 (never by path) and otherwise leaves the manifest out.
//
// Under --reproducible (and in `podium regenerate`) the git commit and the
// time are left out, so the same inputs give the same bytes.
#ifndef PODIUM_ENGINE_PROVENANCE_MANIFEST_H_
#define PODIUM_ENGINE_PROVENANCE_MANIFEST_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/provenance/run_log.h"

namespace podium {

struct ManifestInput {
  std::vector<std::string> argv;   // the command after "podium", as run
  nlohmann::ordered_json options;  // every option in force, by long name ("--seed": "7")
  std::string home;                // podium's work tree, for its git commit
  const RunLog* log = nullptr;     // inputs and dropped rows; null = none
  bool reproducible = false;       // leave out the git commit and the time
  double seconds = 0;              // wall time of the run
};

// The manifest object. Each input is hashed here (SHA-256 of its bytes); an
// input that cannot be read is an error diagnostic at its path.
std::optional<nlohmann::ordered_json> BuildManifest(const ManifestInput& input,
                                                    Diagnostics* diagnostics);

// `report_json` (a JSON object as Json::dump(2) writes it, without a
// manifest) with "manifest" as its last key; the bytes are those dump(2)
// would give. nullopt with a diagnostic when the report is not such an
// object or an input is unreadable.
std::optional<std::string> AttachManifest(const std::string& report_json,
                                          const ManifestInput& input, Diagnostics* diagnostics);

// podium's version ("0.1.0").
const char* PodiumVersion();

// The commit checked out in the git work tree at `home` ("<sha>", with
// "-dirty" when tracked files differ from it); nullopt outside a work tree or
// without git.
std::optional<std::string> GitCommit(const std::string& home);

// `arg` quoted for a POSIX shell when it needs it.
std::string ShellQuote(const std::string& arg);

// `program` + the arguments shell-quoted.
std::string CommandLine(const std::vector<std::string>& argv,
                        const std::string& program = "podium");

}  // namespace podium

#endif  // PODIUM_ENGINE_PROVENANCE_MANIFEST_H_
