// datasets/reports.json: the list of reports `podium regenerate` makes
// (docs/formats.md, "Report list"), read and checked before anything is
// rendered, so a bad entry fails the whole run with nothing written.
//
//   {"reports": [{"name": "small-models", "command": "leaderboard",
//                 "title": "…", "description": "…", "args": ["--models", "…"],
//                 "formats": ["md", "json"], "statements": [ … ]}]}
#ifndef PODIUM_ENGINE_INGEST_REPORT_SPEC_H_
#define PODIUM_ENGINE_INGEST_REPORT_SPEC_H_

#include <string>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

// One entry of "reports".
struct ReportSpec {
  std::string name;                     // required; the files are reports/<name>.<format>
  std::string command = "leaderboard";  // leaderboard | arena | netwin | h2h
  std::string title;                    // default: the name
  std::string description;              // default: ""
  std::vector<std::string> args;        // required: the command's arguments
  std::vector<std::string> formats = {"md", "json"};  // never empty
  // An h2h entry with a non-empty "statements" array (each checked here with
  // ParseStatement, engine/ingest/statements.h): the report checks them.
  bool has_statements = false;
};

// The entries of the reports.json at `path`, shown in diagnostics as `shown`.
// A file that cannot be read or parsed (ReadJsonFile), or has no "reports"
// array, is an error and gives no entry. A malformed entry (no string "name",
// no "args" list of strings, an unknown "command", a malformed statement, an
// empty "formats") is an error at `shown`, field "reports", naming the entry
// ("report \"NAME\": ..."); it is left out and the others are read.
std::vector<ReportSpec> ReadReportSpecs(const std::string& path, const std::string& shown,
                                        Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_REPORT_SPEC_H_
