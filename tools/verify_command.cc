#include "tools/verify_command.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/base/diagnostic.h"
#include "engine/base/output_file.h"
#include "engine/check/report_check.h"
#include "tools/check_command.h"
#include "tools/cli.h"
#include "tools/dataset_loader.h"
#include "tools/manifest.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The commands whose output is one JSON report (and so can carry a manifest).
bool Reruns(const std::string& command) {
  return command == "leaderboard" || command == "arena" || command == "netwin" ||
         command == "h2h" || command == "audit";
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
    if (old_hashes.count(path) == 0)
      out += fmt::format("- `{}`: read now, not in the manifest\n", path);
  }
  return out;
}

}  // namespace

void AddVerifyOptions(CLI::App* command, VerifyRequest* request) {
  command->add_option("report", request->report, "JSON report with a manifest")
      ->required()
      ->check(CLI::ExistingFile);
  command->add_option("--out", request->out, "Write the result here (default: standard output)");
}

std::vector<std::string> RerunArguments(const std::vector<std::string>& command) {
  std::vector<std::string> out;
  for (size_t k = 0; k < command.size(); ++k) {
    const std::string& a = command[k];
    if (a == "--out") {
      ++k;  // and its value
      continue;
    }
    if (a.rfind("--out=", 0) == 0 || a == "--quiet" || a == "-q" || a == "--verbose" || a == "-v") {
      continue;
    }
    out.push_back(a);
  }
  return out;
}

int RunVerify(const VerifyRequest& request, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  const std::optional<Json> report = ReadJsonFile(request.report, request.report, &diagnostics);
  std::vector<std::string> command;
  if (report) {
    const Json* manifest = report->contains("manifest") ? &(*report)["manifest"] : nullptr;
    if (manifest == nullptr || !(*manifest).contains("command") ||
        !(*manifest)["command"].is_array() || (*manifest)["command"].empty()) {
      diagnostics.Error(Location{request.report}, "manifest", "",
                        "no manifest with a command: not a podium JSON report, or made before "
                        "manifests (re-make it with its command)");
    } else {
      for (const Json& a : (*manifest)["command"]) {
        if (a.is_string()) command.push_back(a.get<std::string>());
      }
      if (command.empty() || !Reruns(command.front())) {
        diagnostics.Error(Location{request.report}, "manifest.command",
                          command.empty() ? "" : command.front(),
                          "the manifest's command is not one that writes a report");
      }
    }
  }
  diagnostics.Print(err);
  if (diagnostics.has_errors()) return 2;

  const std::vector<std::string> args = RerunArguments(command);
  std::ostringstream rerun_out, rerun_err;
  const int code = RunPodium(args, rerun_out, rerun_err);
  std::optional<Json> current;
  if (code == 0 || (code == 1 && command.front() == "audit")) {
    current = Json::parse(rerun_out.str(), nullptr, /*allow_exceptions=*/false);
    if (current->is_discarded()) current.reset();
  }
  if (!current) {
    err << rerun_err.str();
    err << fmt::format("podium verify: could not re-run `{}` (exit {}); nothing compared\n",
                       CommandLine(args), code);
    return 2;
  }
  ReportComparison comparison;
  comparison.name = request.report;
  std::string error;
  if (!CompareReports(*report, *current, CheckOptions{}, &comparison, &error)) {
    err << "podium verify: " << request.report << ": " << error << "\n";
    return 2;
  }
  const std::string inputs = InputChanges((*report)["manifest"], (*current)["manifest"]);
  std::string text = fmt::format("# podium verify\n\n`{}`, re-run as `{}`:\n\n", request.report,
                                 CommandLine(args));
  if (comparison.changes.empty()) {
    text += "**Reproduced**: every number is the same.\n";
  } else {
    text += fmt::format("**Not reproduced**: {} difference{}.\n\n", comparison.changes.size(),
                        comparison.changes.size() == 1 ? "" : "s");
    text += ChangesTable(comparison);
  }
  text += inputs.empty() ? "\nInputs: the same bytes as in the manifest (SHA-256).\n"
                         : "\nInputs that differ from the manifest:\n\n" + inputs;
  if (request.out.empty()) {
    out << text;
  } else if (!WriteOutputFile(request.out, text, &error)) {
    err << "podium verify: error: " << error << "\n";
    return 2;
  }
  return comparison.changes.empty() ? 0 : 1;
}

}  // namespace podium
