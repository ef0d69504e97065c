#include "engine/reporting/verify_report.h"

#include <fmt/format.h>

#include <map>

#include "engine/reporting/check_report.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

const Json& ManifestOf(const Json& report) {
  static const Json kNone;
  return report.is_object() && report.contains("manifest") ? report["manifest"] : kNone;
}

// "path: sha256" of the manifest's inputs.
std::map<std::string, std::string> InputHashes(const Json& manifest) {
  std::map<std::string, std::string> out;
  if (!manifest.contains("inputs") || !manifest["inputs"].is_array()) return out;
  for (const Json& input : manifest["inputs"]) {
    if (input.is_object() && input.contains("path") && input["path"].is_string() &&
        input.contains("sha256") && input["sha256"].is_string()) {
      out[input["path"].get<std::string>()] = input["sha256"].get<std::string>();
    }
  }
  return out;
}

// Lines naming the inputs that changed, appeared or disappeared.
std::string InputChanges(const Json& before, const Json& after) {
  const auto old_hashes = InputHashes(before), new_hashes = InputHashes(after);
  std::string out;
  for (const auto& [path, hash] : old_hashes) {
    auto it = new_hashes.find(path);
    if (it == new_hashes.end()) {
      out += fmt::format("- `{}`: in the manifest, not read by the re-run\n", path);
    } else if (it->second != hash) {
      out += fmt::format("- `{}`: changed (SHA-256 {}… in the manifest, {}… now)\n", path,
                         hash.substr(0, 12), it->second.substr(0, 12));
    }
  }
  for (const auto& [path, hash] : new_hashes) {
    if (old_hashes.count(path) == 0) {
      out += fmt::format("- `{}`: read now, not in the manifest\n", path);
    }
  }
  return out;
}

}  // namespace

std::optional<std::vector<std::string>> ManifestCommand(const Json& report,
                                                        const std::string& shown,
                                                        Diagnostics* diagnostics) {
  const Json& manifest = ManifestOf(report);
  if (!manifest.is_object() || !manifest.contains("command") || !manifest["command"].is_array() ||
      manifest["command"].empty()) {
    diagnostics->Error(Location{shown}, "manifest", "",
                       "no manifest with a command: not a podium JSON report, or made before "
                       "manifests (re-make it with its command)");
    return std::nullopt;
  }
  std::vector<std::string> command;
  for (const Json& a : manifest["command"]) {
    if (a.is_string()) command.push_back(a.get<std::string>());
  }
  return command;
}

std::optional<Verification> VerifyReport(const std::string& shown, const std::string& command_line,
                                         const Json& report, const Json& rerun,
                                         const std::string& full_list, std::string* error) {
  Verification out;
  out.comparison.name = shown;
  if (!CompareReports(report, rerun, CheckOptions{}, &out.comparison, error)) return std::nullopt;
  const std::vector<ReportChange>& changes = out.comparison.changes;
  std::string& text = out.markdown;
  text = fmt::format("# podium verify\n\n`{}`, re-run as `{}`:\n\n", shown, command_line);
  if (changes.empty()) {
    text += "**Reproduced**: every number is the same.\n";
  } else {
    text += fmt::format("**Not reproduced**: {} difference{}.\n\n", changes.size(),
                        changes.size() == 1 ? "" : "s");
    text += ChangesTable(out.comparison, full_list);
  }
  const std::string inputs = InputChanges(ManifestOf(report), ManifestOf(rerun));
  text += inputs.empty() ? "\nInputs: the same bytes as in the manifest (SHA-256).\n"
                         : "\nInputs that differ from the manifest:\n\n" + inputs;
  return out;
}

}  // namespace podium
