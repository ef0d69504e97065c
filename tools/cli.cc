#include "tools/cli.h"

#include <CLI/CLI.hpp>
#include <ostream>

#include "engine/base/diagnostic.h"
#include "engine/base/file_util.h"
#include "tools/arena_command.h"
#include "tools/audit_command.h"
#include "tools/check_command.h"
#include "tools/h2h_command.h"
#include "tools/leaderboard_command.h"
#include "tools/regenerate_command.h"

namespace podium {
namespace {

// Writes a rendered report to --out (atomically) or to `out`.
int Emit(const std::string& text, const std::string& path, std::ostream& out, std::ostream& err) {
  if (path.empty()) {
    out << text;
    return 0;
  }
  std::string error;
  if (!WriteFileAtomically(path, text, &error)) {
    err << "podium: error: " << error << "\n";
    return 2;
  }
  return 0;
}

// Renders a report, prints every diagnostic, and writes the report only when
// there was no error (exit 2 otherwise).
template <typename Render>
int Report(const char* command, const std::string& path, std::ostream& out, std::ostream& err,
           Render render) {
  Diagnostics diagnostics;
  std::optional<std::string> text = render(&diagnostics);
  diagnostics.Print(err);
  if (!text) {
    err << "podium " << command << ": " << diagnostics.error_count()
        << " errors; no report written\n";
    return 2;
  }
  return Emit(*text, path, out, err);
}

}  // namespace

int RunPodium(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CLI::App app("podium: leaderboards with provenance from published evaluation results", "podium");
  app.require_subcommand(1);
  app.set_version_flag("--version", "podium 0.1.0");

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

  if (*leaderboard_cmd) {
    return Report("leaderboard", leaderboard.out, out, err,
                  [&](Diagnostics* d) { return RenderLeaderboard(leaderboard, d); });
  }
  if (*arena_cmd) {
    return Report("arena", arena.out, out, err,
                  [&](Diagnostics* d) { return RenderArena(arena, d); });
  }
  if (*netwin_cmd) {
    return Report("netwin", netwin.out, out, err,
                  [&](Diagnostics* d) { return RenderNetWin(netwin, d); });
  }
  if (*h2h_cmd) {
    return Report("h2h", h2h.out, out, err, [&](Diagnostics* d) { return RenderH2H(h2h, d); });
  }
  if (*audit_cmd) {
    Diagnostics diagnostics;
    std::optional<AuditOutput> report = RenderAudit(audit, &diagnostics);
    diagnostics.Print(err);
    if (!report) {
      err << "podium audit: " << diagnostics.error_count() << " errors; no report written\n";
      return 2;
    }
    if (const int code = Emit(report->text, audit.out, out, err); code != 0) return code;
    if (report->errors > 0) {
      err << "podium audit: " << report->errors
          << " claims or documents disagree with the sources\n";
      return 1;
    }
    return 0;
  }
  if (*regenerate_cmd) return RunRegenerate(regenerate, out, err);
  if (*check_cmd) return RunCheck(check, out, err);
  return 2;
}

}  // namespace podium
