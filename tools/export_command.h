// `podium export eee --out FOLDER|FILE.json|FILE.jsonl`: the claims of a
// dataset as Every Eval Ever records (engine/reporting/eee_export.h), for
// the leaderboards and tools that read that format.
//
// Inputs as every command reads claims (--claims, --registry, --datasets).
// --out decides the shape: a folder gets one <model id>.json per model; a
// name ending in .json one JSON array; .jsonl one record per line; "-" a JSON
// array on standard output. Every file goes through the output writer
// (WriteOutput: a device, a pipe or a link's target is never destroyed).
// Exit codes: 0 written; 2 the claims did not read cleanly (nothing is
// written) or a file could not be written.
#ifndef PODIUM_TOOLS_EXPORT_COMMAND_H_
#define PODIUM_TOOLS_EXPORT_COMMAND_H_

#include <string>
#include <vector>

#include "tools/command.h"

namespace podium {

struct ExportRequest {
  std::string format = "eee";       // the only format so far
  std::vector<std::string> claims;  // --claims; empty = datasets/claims/*.csv
  std::string registry;             // --registry; empty = datasets/registry
  std::string datasets;             // --datasets; empty = DefaultDatasets()
  std::string out;                  // --out (required)
  // --timestamp: the records' retrieved_timestamp, Unix seconds; empty = now
  // ("0" under --reproducible).
  std::string timestamp;
};

// {"export", help, options}: `podium export eee ...`.
Command ExportCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_EXPORT_COMMAND_H_
