#include "tools/dataset_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "engine/base/file_util.h"
#include "engine/base/json_input.h"
#include "engine/base/text_position.h"

namespace podium {

namespace fs = std::filesystem;

std::string PodiumHome() {
  const char* home = std::getenv("PODIUM_HOME");
  return home != nullptr && home[0] != '\0' ? home : ".";
}

std::string DefaultDatasets() { return PodiumHome() + "/datasets"; }

std::vector<std::string> ResolveNames(const std::vector<std::string>& names, const char* option,
                                      NameKind kind, const Registry& registry,
                                      Diagnostics* diagnostics) {
  const bool model = kind == NameKind::kModel;
  std::vector<std::string> ids;
  for (const std::string& name : names) {
    if (auto id = model ? registry.ResolveModel(name) : registry.ResolveBenchmark(name)) {
      if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    } else {
      diagnostics->Error(
          Location{"<command line>"}, option, name,
          fmt::format("unknown {} \"{}\" (not an id or alias in the registry){}",
                      model ? "model" : "benchmark", name,
                      model ? registry.SuggestModel(name) : registry.SuggestBenchmark(name)));
    }
  }
  return ids;
}

void AddBootstrapOptions(CLI::App* c, int* rounds, uint64_t* seed, double* level, int* threads,
                         int min_rounds) {
  c->add_option(
       "--rounds", *rounds,
       min_rounds == 0 ? "Bootstrap rounds (0 = point estimates only)" : "Bootstrap rounds")
      ->check(CLI::Range(min_rounds, 10'000'000))
      ->capture_default_str();
  c->add_option("--seed", *seed, "Bootstrap seed")->capture_default_str();
  c->add_option("--level", *level, "Confidence level of intervals")
      ->check(CLI::Range(0.5, 0.9999))
      ->capture_default_str();
  c->add_option("--threads", *threads, "Threads (the output does not depend on it)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
}

std::optional<nlohmann::ordered_json> ReadJsonFile(const std::string& path,
                                                   const std::string& shown,
                                                   Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", "", "cannot read file: " + error);
    return std::nullopt;
  }
  // Reports and reports.json are small: a limit keeps a wrong file (a
  // battles dump given as a report) from taking all memory.
  constexpr size_t kMaxReportBytes = size_t{256} << 20;
  if (text->size() > kMaxReportBytes) {
    diagnostics->Error(Location{shown}, "", "",
                       fmt::format("file too large for a report ({} bytes; the limit is {} MiB)",
                                   text->size(), kMaxReportBytes >> 20));
    return std::nullopt;
  }
  const size_t deep = FindJsonTooDeep(*text);
  if (deep != std::string::npos) {
    const TextPosition pos = PositionOf(*text, deep);
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    return std::nullopt;
  }
  try {
    return nlohmann::ordered_json::parse(*text);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    const TextPosition pos = PositionOf(*text, e.byte > 0 ? e.byte - 1 : 0);
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       "invalid JSON: " + JsonErrorReason(e.what()));
    return std::nullopt;
  } catch (const nlohmann::ordered_json::exception& e) {  // e.g. 1e309: no offset
    const TextPosition pos = PositionOf(*text, LocateJsonToken(*text, e.what()));
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       "invalid JSON: " + JsonErrorReason(e.what()));
    return std::nullopt;
  }
}

void AddClaimsOptions(CLI::App* command, std::vector<std::string>* claims, std::string* registry,
                      std::string* datasets) {
  command->add_option("--claims", *claims, "Claims CSV files (default: datasets/claims/*.csv)");
  command->add_option("--registry", *registry,
                      "Registry folder with models.csv, benchmarks.csv, sources.csv "
                      "(default: datasets/registry)");
  command->add_option("--datasets", *datasets, "Datasets folder (default: $PODIUM_HOME/datasets)");
}

LoadedClaims LoadClaims(const std::vector<std::string>& claims, const std::string& registry,
                        const std::string& datasets_arg, Diagnostics* diagnostics, RunLog* log) {
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
  if (log != nullptr) {
    const Registry& r = loaded.registry;
    const std::pair<const char*, size_t> tables[] = {{"models.csv", r.models().size()},
                                                     {"benchmarks.csv", r.benchmarks().size()},
                                                     {"sources.csv", r.sources().size()}};
    for (const auto& [name, rows] : tables) {
      log->AddInput(JoinPath(registry_dir, name), JoinPath(loaded.registry_shown, name), "registry",
                    static_cast<int64_t>(rows));
    }
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
    if (log != nullptr) {
      log->AddInput(path, shown, "claims", static_cast<int64_t>(loaded.claims.size() - before));
    }
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
