// The result of `podium check` (engine/check/folder_check.h) as Markdown, for
// a person reading a CI log, and as JSON ("schema": "podium.check/2",
// docs/formats.md), for tools.
//
// The Markdown opens with a summary of counts ("3 worse, 1 better, 2
// changed") and the inputs compared by SHA-256; then one section per cause
// (change_causes.h): an edited input with the claims whose entry changed and
// the reports it moved, each moved report with a table of its differences;
// then the reports only one folder has, and the verdict (fails or passes, and
// why). The JSON holds the same: options, summary, causes, and every report
// with all its differences (values as in the reports, not as text).
//
// Neither names a command-line option: where the Markdown points at the full
// list of a long table, the caller says where that is.
#ifndef PODIUM_ENGINE_REPORTING_CHECK_REPORT_H_
#define PODIUM_ENGINE_REPORTING_CHECK_REPORT_H_

#include <cstddef>
#include <string>

#include "engine/check/folder_check.h"
#include "engine/check/report_check.h"

namespace podium {

// Rows of one report's table of differences; the rest are counted.
inline constexpr size_t kChangesShown = 200;

// The Markdown table of `comparison`'s differences (where, which way,
// baseline, current, Δ, interval verdict, fails), the first kChangesShown of
// them, then "… and N more (all in FULL_LIST)." naming `full_list`
// ("--json"). Values longer than 60 characters are cut with "…".
std::string ChangesTable(const ReportComparison& comparison, const std::string& full_list);

// The whole check as Markdown; `full_list` as for ChangesTable.
std::string CheckMarkdown(const CheckResult& result, const std::string& full_list);

// The whole check as JSON (two-space indent, final newline).
std::string CheckJson(const CheckResult& result);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_CHECK_REPORT_H_
