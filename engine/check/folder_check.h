// `podium check` on the command line's two paths: two JSON reports, or two
// folders of them compared report by report (by file name), with the totals
// CI fails on and the inputs that moved the numbers (change_causes.h).
//
// A report that only one folder has is one difference that fails (it is
// "changed", with a count of 1 in its comparison), whatever the options: a
// baseline folder that lacks a report is out of date.
#ifndef PODIUM_ENGINE_CHECK_FOLDER_CHECK_H_
#define PODIUM_ENGINE_CHECK_FOLDER_CHECK_H_

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/check/change_causes.h"
#include "engine/check/report_check.h"

namespace podium {

// One report of the check.
struct CheckedReport {
  std::string name;  // its file name
  // compared | added (only in the current folder) | removed (only in the
  // baseline folder). An added or removed report has no schema, no changes
  // and the counts changed = failures = 1.
  std::string status = "compared";
  ReportComparison comparison;

  bool compared() const { return status == "compared"; }
};

// The whole check: every report, what moved them, and the totals.
struct CheckResult {
  CheckResult() = default;
  CheckResult(const CheckResult&) = delete;  // `compared` points into `reports`
  CheckResult(CheckResult&&) = default;

  std::string baseline, current;               // the two paths, as given
  CheckOptions options;                        // as given
  std::vector<CheckedReport> reports;          // by file name for folders
  std::vector<const CheckedReport*> compared;  // those with status "compared"
  std::vector<ChangeCause> causes;             // indexes into `compared`
  int differing = 0;                           // reports with a difference
  int better = 0, worse = 0, changed = 0;      // differences by direction
  int failures = 0;                            // differences that fail the check
  std::set<size_t> ignore_used;                // indexes of options.ignore that left out a field

  int differences() const { return better + worse + changed; }
};

// Compares `baseline` with `current`: two JSON report files (the report is
// named by the current file's name) or two folders (every *.json file of
// either, by name; other files and subfolders are not read). nullopt, with
// every problem as an error diagnostic, when a path does not exist ("no such
// file or directory"), a file is compared with a folder, a folder cannot be
// listed, a report cannot be read or parsed (ReadJsonFile), or two reports
// are not comparable (CompareReports: no or different schemas).
std::optional<CheckResult> CheckReportPaths(const std::string& baseline, const std::string& current,
                                            const CheckOptions& options, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_FOLDER_CHECK_H_
