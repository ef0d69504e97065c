// Test helpers: temporary files, a small registry, claims built in code.
#ifndef PODIUM_TESTS_TESTING_H_
#define PODIUM_TESTS_TESTING_H_

#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium::testing {

// A fresh folder under $TEST_TMPDIR (or /tmp), unique per call.
std::string TempDir();

// Writes `content` to `dir/name` (creating folders) and returns the path.
std::string WriteFile(const std::string& dir, const std::string& name, const std::string& content);

// Every diagnostic, formatted as the CLI prints it.
std::vector<std::string> Formatted(const Diagnostics& diagnostics);

// A registry with models m1..m4 ("Model One".. plus Korean aliases 모델1..),
// benchmarks b1 (higher-is-better, chance 25, max 100, 1000 items), b2
// (higher-is-better, chance 0, max 100), low (lower-is-better, no chance/max),
// and sources s1 (2024-01) and s2 (2024-05).
Registry SmallRegistry();

// The same registry as CSV files in a folder (models.csv, benchmarks.csv, sources.csv).
std::string WriteSmallRegistry(const std::string& dir);

// A claim with the given id, model, benchmark and value (source s1, line 1).
Claim MakeClaim(const std::string& id, const std::string& model, const std::string& benchmark,
                double value, const std::string& source = "s1");

// What the podium binary did when run by RunPodium.
struct PodiumRun {
  int exit_code = -1;      // as the shell reports it: 128 + N when killed by signal N
  bool signalled = false;  // killed by a signal (a crash)
  std::string out, err;
};

// Runs the real binary (a data dependency, //tools:podium_bin) with `args`,
// already shell-quoted, in folder `dir`, capturing stdout and stderr.
PodiumRun RunPodium(const std::string& dir, const std::string& args);

// Runfiles-relative path of a file in this workspace (for data dependencies).
std::string Runfile(const std::string& workspace_path);

// The shared folder (../shared of the repository), from $PODIUM_SHARED, or ""
// when it is not available (tests then skip with a message).
std::string SharedDir();

}  // namespace podium::testing

#endif  // PODIUM_TESTS_TESTING_H_
