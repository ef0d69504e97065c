#include "tools/cli.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <ostream>
#include <sstream>

#include "engine/base/option_names.h"
#include "engine/base/utf8.h"
#include "engine/provenance/manifest.h"
#include "tools/arena_command.h"
#include "tools/audit_command.h"
#include "tools/check_command.h"
#include "tools/command.h"
#include "tools/command_options.h"
#include "tools/counts_command.h"
#include "tools/export_command.h"
#include "tools/h2h_command.h"
#include "tools/import_command.h"
#include "tools/init_command.h"
#include "tools/leaderboard_command.h"
#include "tools/plan_command.h"
#include "tools/regenerate_command.h"
#include "tools/verify_command.h"

namespace podium {
namespace {

// The subcommands, in the order `podium --help` lists them.
std::vector<Command> CommandTable() {
  return {LeaderboardCommand(), ArenaCommand(), CountsCommand(),     RobustnessCommand(),
          NetWinCommand(),      H2HCommand(),   PlanCommand(),       AuditCommand(),
          VerifyCommand(),      CheckCommand(), RegenerateCommand(), ImportCommand(),
          InitCommand(),        ExportCommand()};
}

// Arguments end up in reports (names, paths, the manifest's command line),
// which are UTF-8: other bytes are refused here, never met by a writer.
bool CheckUtf8(const std::vector<std::string>& args, std::ostream& err) {
  for (size_t k = 0; k < args.size(); ++k) {
    const size_t bad = FindInvalidUtf8(args[k]);
    if (bad == std::string::npos) continue;
    err << fmt::format("podium: error: argument {} (\"{}\") is not UTF-8 text: {} at byte {}\n",
                       k + 1, ReplaceInvalidUtf8(args[k]), DescribeInvalidUtf8(args[k], bad),
                       bad + 1);
    return false;
  }
  return true;
}

// The podium command line: the global flags bound to `session` and one
// subcommand per row of the command table, each with its runner.
struct App {
  CLI::App app{"podium: leaderboards with provenance from published evaluation results", "podium"};
  bool verbose = false;
  std::string project;  // --project DIR: the project folder (PodiumHome)
  std::vector<std::pair<CLI::App*, CommandRun>> commands;

  explicit App(Session* session) {
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("podium ") + PodiumVersion());
    app.fallthrough();  // the flags below may also follow the subcommand
    app.add_flag("--quiet,-q", session->quiet,
                 "Errors only on stderr: no warnings, notes or progress");
    app.add_flag("--verbose,-v", verbose,
                 "Say on stderr what was read, what was left out and why, and how long it took");
    app.add_option("--project", project,
                   "Project folder with datasets/ and reports/ (default: $PODIUM_HOME, else the "
                   "current folder)")
        ->type_name("DIR")
        ->check(CLI::ExistingDirectory.description(""));
    app.add_flag("--reproducible", session->reproducible,
                 "Leave the git commit and the time out of JSON manifests (same inputs, same "
                 "bytes)");
    for (const Command& command : CommandTable()) {
      CLI::App* sub = app.add_subcommand(command.name, command.help);
      commands.emplace_back(sub, command.add_options(sub));
    }
  }

  void Parse(const std::vector<std::string>& args) {
    app.parse(std::vector<std::string>(args.rbegin(), args.rend()));
  }

  int Run(Session& session) const {
    for (const auto& [sub, run] : commands) {
      if (*sub) return run(*sub, session);
    }
    return 2;
  }
};

}  // namespace

int RunPodium(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (!CheckUtf8(args, err)) return 2;
  SetOptionSpelling(CommandLineSpelling());
  Session session;
  session.args = args;
  session.out = &out;
  session.err = &err;
  App podium(&session);
  try {
    podium.Parse(args);
  } catch (const CLI::CallForHelp& e) {
    return podium.app.exit(e, out, err);  // prints the help of the chosen subcommand
  } catch (const CLI::CallForVersion& e) {
    return podium.app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "podium: error: " << e.what() << "\n";
    err << "Run 'podium --help' for usage.\n";
    return 2;
  }
  SetProjectFolder(podium.project);  // every run starts from $PODIUM_HOME or "."
  session.log.err = &err;
  session.log.verbose = podium.verbose && !session.quiet;
  session.log.progress = !session.quiet && &err == &std::cerr && isatty(STDERR_FILENO) == 1;
  return podium.Run(session);
}

int RunPodiumInMemory(const std::vector<std::string>& args, std::string* report,
                      Diagnostics* diagnostics, std::string* usage_error, int* findings,
                      std::string* manifest) {
  SetOptionSpelling(CommandLineSpelling());
  std::ostringstream dropped;
  Session session;
  session.args = args;
  session.out = session.err = &dropped;
  session.captured = report;
  session.collected = diagnostics;
  session.captured_manifest = manifest;
  App podium(&session);
  try {
    podium.Parse(args);
  } catch (const CLI::ParseError& e) {
    *usage_error = e.what();
    return 2;
  }
  // A nested run (regenerate's reports) keeps the project of the outer one.
  if (!podium.project.empty()) SetProjectFolder(podium.project);
  session.reproducible = true;
  const int code = podium.Run(session);
  if (findings != nullptr) *findings = session.findings;
  return code;
}

}  // namespace podium
