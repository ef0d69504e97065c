#include "tools/check_command.h"

#include <fmt/format.h>

#include <memory>
#include <set>

#include "engine/base/diagnostic.h"
#include "engine/check/folder_check.h"
#include "engine/reporting/check_report.h"

namespace podium {
namespace {

// Where the Markdown says the full list of a long table is.
constexpr char kFullList[] = "--json";

// Warns about --ignore patterns that left out no field of any report (a typo).
void WarnUnusedIgnores(const CheckResult& result, std::ostream& err) {
  if (result.compared.empty()) return;
  const std::vector<std::string>& ignore = result.options.ignore;
  for (size_t k = 0; k < ignore.size(); ++k) {
    if (result.ignore_used.count(k) > 0) continue;
    err << fmt::format("podium check: warning: --ignore '{}' matched no field of any report\n",
                       ignore[k]);
  }
}

}  // namespace

Command CheckCommand() {
  return PlainCommand("check",
                      "Compare two reports (or folders of reports): exit 1 when a number moved",
                      AddCheckOptions, RunCheck);
}

void AddCheckOptions(CLI::App* c, CheckRequest* r) {
  c->add_option("baseline", r->baseline, "Baseline report (JSON) or folder of reports")->required();
  c->add_option("current", r->current, "Current report (JSON) or folder of reports")->required();
  c->add_option("--abs-tol", r->abs_tol, "Ignore numeric changes up to this size")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  c->add_option("--rel-tol", r->rel_tol,
                "Ignore numeric changes up to this fraction of the baseline")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  c->add_flag("--allow-within-interval", r->allow_within_interval,
              "A moved score whose rows carry intervals does not fail while the change stays "
              "within the baseline interval's half-width");
  c->add_flag("--allow-better", r->allow_better,
              "An improvement (a higher score, a better rank) is listed but does not fail");
  c->add_option("--ignore", r->ignore,
                "Leave out a field: a key at any depth (ci_low_mcse) or a path from the top "
                "(rows[*].tier, options.uncertainty); repeatable or comma-separated")
      ->allow_extra_args(false)
      ->delimiter(',');
  c->add_option("--json", r->json, "Also write the comparison as JSON (schema podium.check/2)");
  c->add_option("--out", r->out, "Write the Markdown diff here instead of standard output");
}

int RunCheck(const CheckRequest& r, std::ostream& out, std::ostream& err) {
  const CheckOptions options{.abs_tol = r.abs_tol,
                             .rel_tol = r.rel_tol,
                             .allow_within_interval = r.allow_within_interval,
                             .allow_better = r.allow_better,
                             .ignore = r.ignore};
  Diagnostics diagnostics;
  const std::optional<CheckResult> result =
      CheckReportPaths(r.baseline, r.current, options, &diagnostics);
  diagnostics.Print(err);
  if (!result) {
    const int n = diagnostics.error_count();
    err << fmt::format("podium check: {} {}; nothing compared\n", n, n == 1 ? "error" : "errors");
    return 2;
  }
  WarnUnusedIgnores(*result, err);
  // A --json path is never empty: `out` is not written to there.
  if (!r.json.empty() && WriteOutput(CheckJson(*result), r.json, out, err, "check") != 0) {
    return 2;
  }
  if (WriteOutput(CheckMarkdown(*result, kFullList), r.out, out, err, "check") != 0) return 2;
  return result->failures > 0 ? 1 : 0;
}

}  // namespace podium
