#include "tools/verify_command.h"

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/base/diagnostic.h"
#include "engine/base/json_file.h"
#include "engine/provenance/manifest.h"
#include "engine/reporting/verify_report.h"
#include "tools/check_command.h"
#include "tools/cli.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The commands whose output is one JSON report (and so can carry a manifest).
bool Reruns(const std::string& command) {
  return command == "leaderboard" || command == "arena" || command == "netwin" ||
         command == "h2h" || command == "audit";
}

// Runs `args` in this process; the report it printed, or nullopt (with what
// it printed on stderr and why on `err`). Audit's exit 1 (a claim disagrees)
// still gives a report.
std::optional<Json> Rerun(const std::vector<std::string>& args, std::ostream& err) {
  std::ostringstream rerun_out, rerun_err;
  const int code = RunPodium(args, rerun_out, rerun_err);
  std::optional<Json> current;
  if (code == 0 || (code == 1 && args.front() == "audit")) {
    current = Json::parse(rerun_out.str(), nullptr, /*allow_exceptions=*/false);
    if (current->is_discarded()) current.reset();
  }
  if (!current) {
    err << rerun_err.str();
    err << fmt::format("podium verify: could not re-run `{}` (exit {}); nothing compared\n",
                       CommandLine(args), code);
  }
  return current;
}

}  // namespace

Command VerifyCommand() {
  return PlainCommand("verify",
                      "Re-run a JSON report from its manifest: are the numbers reproduced?",
                      AddVerifyOptions, RunVerify);
}

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
  std::optional<std::vector<std::string>> command;
  if (report) command = ManifestCommand(*report, request.report, &diagnostics);
  if (command && (command->empty() || !Reruns(command->front()))) {
    diagnostics.Error(Location{request.report}, "manifest.command",
                      command->empty() ? "" : command->front(),
                      "the manifest's command is not one that writes a report");
  }
  diagnostics.Print(err);
  if (diagnostics.has_errors()) return 2;

  const std::vector<std::string> args = RerunArguments(*command);
  const std::optional<Json> current = Rerun(args, err);
  if (!current) return 2;
  std::string error;
  const std::optional<Verification> verification =
      VerifyReport(request.report, CommandLine(args), *report, *current, "--json", &error);
  if (!verification) {
    err << "podium verify: " << request.report << ": " << error << "\n";
    return 2;
  }
  if (WriteOutput(verification->markdown, request.out, out, err, "verify") != 0) return 2;
  return verification->reproduced() ? 0 : 1;
}

}  // namespace podium
