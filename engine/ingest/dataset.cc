#include "engine/ingest/dataset.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <utility>

#include "engine/base/option_names.h"
#include "engine/base/file_util.h"

namespace podium {

namespace fs = std::filesystem;

LoadedClaims LoadClaims(const std::vector<std::string>& claims, const std::string& registry,
                        const std::string& datasets, Diagnostics* diagnostics) {
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
                         fmt::format("no claims files (*.csv) found; pass {} FILE...",
                                     OptionName("claims")));
    }
  } else {
    for (const std::string& f : claims) files.emplace_back(f, f);
  }
  loaded.registry = Registry::Read(registry_dir, diagnostics, loaded.registry_shown);
  const Registry& r = loaded.registry;
  const std::pair<const char*, size_t> tables[] = {{"models.csv", r.models().size()},
                                                   {"benchmarks.csv", r.benchmarks().size()},
                                                   {"sources.csv", r.sources().size()}};
  for (const auto& [name, rows] : tables) {
    loaded.files.push_back({JoinPath(registry_dir, name), JoinPath(loaded.registry_shown, name),
                            "registry", static_cast<int64_t>(rows)});
  }
  std::vector<std::string> header_only;  // files that read cleanly, with no rows
  for (const auto& [path, shown] : files) {
    const size_t before = loaded.claims.size();
    const int errors_before = diagnostics->error_count();
    ReadClaimsFile(path, shown, loaded.registry, &loaded.claims, diagnostics);
    loaded.inputs.push_back(shown);
    if (loaded.claims.size() == before && diagnostics->error_count() == errors_before) {
      header_only.push_back(shown);
    }
    loaded.files.push_back(
        {path, shown, "claims", static_cast<int64_t>(loaded.claims.size() - before)});
  }
  // A file with a header and no rows is a mistake when it is all there is
  // (an empty board with exit 0 would pass CI); among others, a warning.
  for (const std::string& shown : header_only) {
    if (loaded.claims.empty() && !diagnostics->has_errors()) {
      diagnostics->Error(Location{shown, 2, 1}, "", "",
                         "no claims: the file has a header and no rows");
    } else {
      diagnostics->Warning(Location{shown, 2, 1}, "", "",
                           "no claims: the file has a header and no rows");
    }
  }
  return loaded;
}

}  // namespace podium
