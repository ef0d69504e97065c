// The two files that present the reports folder: README.md (a table of every
// report with its files, what it is and the command that rebuilds it) and
// index.html (every report with a JSON form on one page, HtmlSection in
// html_page.h), both in the order of datasets/reports.json.
//
// The commands are given by the caller: this file names no command-line
// option, except in the README's closing note on the other formats.
#ifndef PODIUM_ENGINE_REPORTING_REPORTS_INDEX_H_
#define PODIUM_ENGINE_REPORTING_REPORTS_INDEX_H_

#include <string>
#include <vector>

#include "engine/ingest/report_spec.h"

namespace podium {

// A file of the reports folder, rendered.
struct ReportFile {
  std::string name;     // file name inside the folder: "mmlu.json"
  std::string content;  // its bytes
};

// Who reads reports/README.md and how they run podium.
struct ReadmeAudience {
  std::string program = "tools/podium";  // "podium" for a project of the installed podium
  bool repository = true;                // podium's own checkout: its tests check the reports
};

// reports/README.md: one row per spec (title, links to its files, description,
// `commands[k]`, the command line that rebuilds the first format of
// `specs[k]`), then the source audit's row with `audit_command`, or, when
// it is empty (no audit was written), a line saying why: `audit_note`.
// Every link is to a file regenerate writes. REQUIRES: commands.size() ==
// specs.size().
std::string ReportsReadme(const std::vector<ReportSpec>& specs,
                          const std::vector<std::string>& commands,
                          const std::string& audit_command, const std::string& audit_note = "",
                          const ReadmeAudience& audience = {});

// reports/index.html: for each spec, the section (HtmlSection) of every file
// of `files` named "<spec name>.json". REQUIRES: those files hold JSON.
std::string ReportsIndexPage(const std::vector<ReportSpec>& specs, const std::string& program,
                             const std::vector<ReportFile>& files);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_REPORTS_INDEX_H_
