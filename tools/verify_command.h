// `podium verify REPORT.json`: re-runs a JSON report from the command line in
// its manifest and says whether every number is reproduced
// (engine/reporting/verify_report.h).
//
// The inputs are compared too: a file whose SHA-256 differs from the one in
// the manifest (or that is gone) is named, since it explains a difference.
// Exit codes: 0 every number reproduced; 1 some number differs; 2 the report
// has no usable manifest, or the command could not be re-run (an input is
// missing, say).
#ifndef PODIUM_TOOLS_VERIFY_COMMAND_H_
#define PODIUM_TOOLS_VERIFY_COMMAND_H_

#include <CLI/CLI.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "tools/command.h"

namespace podium {

struct VerifyRequest {
  std::string report;  // the JSON report to verify
  std::string out;     // Markdown result; empty = stdout
};

// {"verify", help, options}: declares the options below and runs RunVerify.
Command VerifyCommand();

void AddVerifyOptions(CLI::App* command, VerifyRequest* request);

int RunVerify(const VerifyRequest& request, std::ostream& out, std::ostream& err);

// The manifest's command made ready to re-run: --out, --quiet and --verbose
// removed (the report goes to memory, diagnostics stay as they were asked).
std::vector<std::string> RerunArguments(const std::vector<std::string>& command);

}  // namespace podium

#endif  // PODIUM_TOOLS_VERIFY_COMMAND_H_
