// What a `podium` subcommand is: a row of the command table in cli.cc.
//
// A command file is flags -> one engine call -> write the result -> exit
// code. It declares its options on the CLI11 subcommand it is given
// (`add_options`), keeping the values in a request it owns, and returns the
// function that runs it once the line is parsed.
#ifndef PODIUM_TOOLS_COMMAND_H_
#define PODIUM_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/provenance/run_log.h"

namespace podium {

// What every command run shares: the arguments as run (for the manifest),
// the run's log, the global flags and the two streams.
struct Session {
  std::vector<std::string> args;  // after "podium", as run
  RunLog log;                     // inputs, dropped rows, notes, progress
  bool quiet = false;             // --quiet: errors only on stderr
  bool reproducible = false;      // --reproducible: no git commit or time in manifests
  std::ostream* out = nullptr;    // reports without --out
  std::ostream* err = nullptr;    // diagnostics, notes, summaries
  // In memory (RunPodiumInMemory: regenerate): a report goes to `captured`
  // instead of --out or `out`, and its diagnostics are added to `collected`
  // instead of being printed. Null = a normal run.
  std::string* captured = nullptr;
  Diagnostics* collected = nullptr;
  // In memory, when set: the run's manifest (JSON) of a report in another
  // format than JSON (a JSON report carries its own), for the Python module.
  std::string* captured_manifest = nullptr;
  int findings = 0;  // what a checking command found wrong (audit: claims that disagree)
};

// Runs the parsed command `app`; returns the exit code (0 ok, 1 a check
// found a problem, 2 bad input or usage).
using CommandRun = std::function<int(const CLI::App& app, Session& session)>;

struct Command {
  const char* name;  // "leaderboard"
  const char* help;  // one line for `podium --help`
  // Declares the command's options on `app` and returns its runner.
  std::function<CommandRun(CLI::App* app)> add_options;
};

// Where a report goes and what it is called: --format, --out, --title.
struct OutputOptions {
  std::string format = "md";  // one of the formats given to AddOutputOptions
  std::string out;            // file; empty or "-" = standard output
  std::string title;          // report heading; empty = the command's default
};

// Declares --format (one of `formats`, the first being the default), --out
// and, when `title` is set, --title.
void AddOutputOptions(CLI::App* app, OutputOptions* output, const std::vector<std::string>& formats,
                      bool title = true);

// The one output writer: `text` to `path` (WriteOutputFile: never destroys a
// device, a pipe or a link's target) or, when `path` is empty, to `out`.
// Returns 0, or 2 after "podium: error: ..." on `err` ("podium NAME: error:
// ..." when `name` is given, as check, verify and regenerate say it).
int WriteOutput(const std::string& text, const std::string& path, std::ostream& out,
                std::ostream& err, const char* name = nullptr);

// Renders a report with `render` (asked for JSON when the format is html),
// attaches the manifest to JSON, turns it into a page for html, prints every
// diagnostic, and writes the report only when there was no error (exit 2
// otherwise, with "podium NAME: N errors; no report written"). In memory
// (session.captured set) nothing is printed or written: see Session.
int EmitReport(const char* name, const CLI::App& app, OutputOptions output, Session& session,
               const std::function<std::optional<std::string>(const std::string& format,
                                                              Diagnostics*)>& render);

// The Command of a report-writing subcommand: `add` declares the options
// into a Request (which has an `OutputOptions output`), `render` makes the
// report text in the format asked (never "html": EmitReport asks for JSON
// and makes the page), and EmitReport does the rest.
template <typename Request>
Command ReportCommand(const char* name, const char* help, void (*add)(CLI::App*, Request*),
                      std::optional<std::string> (*render)(const Request&, const std::string&,
                                                           Session&, Diagnostics*)) {
  return {name, help, [name, add, render](CLI::App* app) -> CommandRun {
            auto request = std::make_shared<Request>();
            add(app, request.get());
            return [name, render, request](const CLI::App& app, Session& session) {
              return EmitReport(name, app, request->output, session,
                                [&](const std::string& format, Diagnostics* d) {
                                  return render(*request, format, session, d);
                                });
            };
          }};
}

// The Command of a subcommand that is not a report (check, verify,
// regenerate): `add` declares the options into a Request, `run` runs it with
// the two streams and returns the exit code.
template <typename Request>
Command PlainCommand(const char* name, const char* help, void (*add)(CLI::App*, Request*),
                     int (*run)(const Request&, std::ostream& out, std::ostream& err)) {
  return {name, help, [add, run](CLI::App* app) -> CommandRun {
            auto request = std::make_shared<Request>();
            add(app, request.get());
            return [run, request](const CLI::App&, Session& session) {
              return run(*request, *session.out, *session.err);
            };
          }};
}

}  // namespace podium

#endif  // PODIUM_TOOLS_COMMAND_H_
