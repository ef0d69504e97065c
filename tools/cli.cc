#include "tools/cli.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "engine/base/diagnostic.h"
#include "engine/base/output_file.h"
#include "engine/base/utf8.h"
#include "engine/reporting/html_report.h"
#include "tools/arena_command.h"
#include "tools/audit_command.h"
#include "tools/check_command.h"
#include "tools/h2h_command.h"
#include "tools/leaderboard_command.h"
#include "tools/manifest.h"
#include "tools/regenerate_command.h"
#include "tools/run_log.h"
#include "tools/verify_command.h"

namespace podium {
namespace {

// Writes a rendered report to --out (atomically) or to `out`.
int Emit(const std::string& text, const std::string& path, std::ostream& out, std::ostream& err) {
  if (path.empty()) {
    out << text;
    return 0;
  }
  std::string error;
  if (!WriteOutputFile(path, text, &error)) {
    err << "podium: error: " << error << "\n";
    return 2;
  }
  return 0;
}

// What every report command shares: the arguments as run (for the
// manifest), the run's log, and the global flags.
struct Run {
  std::vector<std::string> args;
  RunLog log;
  bool quiet = false;
  bool reproducible = false;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
};

// Adds the manifest to a JSON report (to nothing else).
std::optional<std::string> WithManifest(std::optional<std::string> text, const std::string& format,
                                        const CLI::App& command, const Run& run, double seconds,
                                        Diagnostics* diagnostics) {
  if (!text || format != "json") return text;
  const ManifestInput manifest{run.args, OptionsInForce(command), &run.log, run.reproducible,
                               seconds};
  return AttachManifest(*text, manifest, diagnostics);
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Renders a report, adds the manifest to JSON, prints every diagnostic, and
// writes the report only when there was no error (exit 2 otherwise). HTML is
// a view of the JSON report, manifest included: `render` is asked for JSON.
template <typename Request, typename Render>
int Report(const char* name, const CLI::App& command, Request request, Run& run, Render render) {
  const auto start = std::chrono::steady_clock::now();
  const bool html = request.format == "html";
  if (html) request.format = "json";
  Diagnostics diagnostics;
  std::optional<std::string> text = render(request, &diagnostics);
  text = WithManifest(std::move(text), request.format, command, run, SecondsSince(start),
                      &diagnostics);
  if (text && html) text = ReportHtml(nlohmann::ordered_json::parse(*text));
  diagnostics.Print(*run.err, run.quiet);
  if (!text) {
    *run.err << "podium " << name << ": " << diagnostics.error_count()
             << " errors; no report written\n";
    return 2;
  }
  run.log.Note(fmt::format("{} done in {:.3f} s", name, SecondsSince(start)));
  return Emit(*text, request.out, *run.out, *run.err);
}

}  // namespace

int RunPodium(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  // Arguments end up in reports (names, paths, the manifest's command line),
  // which are UTF-8: other bytes are refused here, never met by a writer.
  for (size_t k = 0; k < args.size(); ++k) {
    const size_t bad = FindInvalidUtf8(args[k]);
    if (bad == std::string::npos) continue;
    err << fmt::format("podium: error: argument {} (\"{}\") is not UTF-8 text: {} at byte {}\n",
                       k + 1, ReplaceInvalidUtf8(args[k]), DescribeInvalidUtf8(args[k], bad),
                       bad + 1);
    return 2;
  }
  CLI::App app("podium: leaderboards with provenance from published evaluation results", "podium");
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("podium ") + PodiumVersion());
  app.fallthrough();  // the flags below may also follow the subcommand
  Run run;
  run.args = args;
  run.out = &out;
  run.err = &err;
  bool verbose = false;
  app.add_flag("--quiet,-q", run.quiet, "Errors only on stderr: no warnings, notes or progress");
  app.add_flag("--verbose,-v", verbose,
               "Say on stderr what was read, what was left out and why, and how long it took");
  app.add_flag("--reproducible", run.reproducible,
               "Leave the git commit and the time out of JSON manifests (same inputs, same bytes)");

  LeaderboardRequest leaderboard;
  CLI::App* leaderboard_cmd = app.add_subcommand("leaderboard", "Rank models from score claims");
  AddLeaderboardOptions(leaderboard_cmd, &leaderboard);

  ArenaRequest arena;
  CLI::App* arena_cmd =
      app.add_subcommand("arena", "Rate models from pairwise battles (Bradley-Terry or Elo)");
  AddArenaOptions(arena_cmd, &arena);

  NetWinRequest netwin;
  CLI::App* netwin_cmd = app.add_subcommand(
      "netwin", "Net win rates from judgments, and reported ones converted to p and Elo gap");
  AddNetWinOptions(netwin_cmd, &netwin);

  H2HRequest h2h;
  CLI::App* h2h_cmd = app.add_subcommand(
      "h2h", "Head-to-head: which differences between two models are real (or --all pairs)");
  AddH2HOptions(h2h_cmd, &h2h);

  AuditRequest audit;
  CLI::App* audit_cmd =
      app.add_subcommand("audit", "Check every claim against the source document it cites");
  AddAuditOptions(audit_cmd, &audit);

  VerifyRequest verify;
  CLI::App* verify_cmd = app.add_subcommand(
      "verify", "Re-run a JSON report from its manifest: are the numbers reproduced?");
  AddVerifyOptions(verify_cmd, &verify);

  CheckRequest check;
  CLI::App* check_cmd = app.add_subcommand(
      "check", "Compare two reports (or folders of reports): exit 1 when a number moved");
  AddCheckOptions(check_cmd, &check);

  RegenerateRequest regenerate;
  CLI::App* regenerate_cmd =
      app.add_subcommand("regenerate", "Rebuild every report listed in datasets/reports.json");
  regenerate_cmd->add_option("--datasets", regenerate.datasets, "Datasets folder");
  regenerate_cmd->add_option("--reports", regenerate.reports, "Reports folder to write");
  regenerate_cmd->add_option("--sources", regenerate.sources,
                             "Source documents for the audit (default: ../shared/seeds; the "
                             "audit is skipped when the folder is absent)");

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);  // prints the help of the chosen subcommand
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "podium: error: " << e.what() << "\n";
    err << "Run 'podium --help' for usage.\n";
    return 2;
  }

  run.log.err = &err;
  run.log.verbose = verbose && !run.quiet;
  run.log.progress = !run.quiet && &err == &std::cerr && isatty(STDERR_FILENO) == 1;
  leaderboard.log = arena.log = netwin.log = h2h.log = audit.log = &run.log;
  if (*leaderboard_cmd)
    return Report("leaderboard", *leaderboard_cmd, leaderboard, run, RenderLeaderboard);
  if (*arena_cmd) return Report("arena", *arena_cmd, arena, run, RenderArena);
  if (*netwin_cmd) return Report("netwin", *netwin_cmd, netwin, run, RenderNetWin);
  if (*h2h_cmd) return Report("h2h", *h2h_cmd, h2h, run, RenderH2H);
  if (*audit_cmd) {
    int disagreements = 0, undecided = 0;
    const int code =
        Report("audit", *audit_cmd, audit, run,
               [&](const AuditRequest& r, Diagnostics* d) -> std::optional<std::string> {
                 std::optional<AuditOutput> report = RenderAudit(r, d);
                 if (!report) return std::nullopt;
                 disagreements = report->errors;
                 undecided = report->warnings;
                 return std::move(report->text);
               });
    if (code == 0 && undecided > 0 && !run.quiet) {
      err << "podium audit: " << undecided
          << " claims could not be decided (warnings in the report, not counted as verified)\n";
    }
    if (code != 0 || disagreements == 0) return code;
    err << "podium audit: " << disagreements << " claims or documents disagree with the sources\n";
    return 1;
  }
  if (*regenerate_cmd) return RunRegenerate(regenerate, out, err);
  if (*verify_cmd) return RunVerify(verify, out, err);
  if (*check_cmd) return RunCheck(check, out, err);
  return 2;
}

}  // namespace podium
