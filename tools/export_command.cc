#include "tools/export_command.h"

#include <fmt/format.h>

#include <ctime>
#include <memory>
#include <nlohmann/json.hpp>

#include "engine/reporting/eee_export.h"
#include "tools/command_options.h"

namespace podium {
namespace {

void AddExportOptions(CLI::App* command, ExportRequest* request) {
  command->add_option("format", request->format, "Output format: eee (Every Eval Ever)")
      ->required()
      ->check(CLI::IsMember({"eee"}));
  AddClaimsOptions(command, &request->claims, &request->registry, &request->datasets);
  command
      ->add_option("--out", request->out,
                   "A folder (one <model>.json per model), FILE.json (an array), FILE.jsonl, or -")
      ->required();
  command->add_option("--timestamp", request->timestamp,
                      "retrieved_timestamp of the records, Unix seconds (default: now)");
}

int RunExport(const ExportRequest& request, Session& session) {
  Diagnostics diagnostics;
  const LoadedClaims loaded =
      LoadDataset(request.claims, request.registry, request.datasets, &diagnostics, &session.log);
  if (session.collected != nullptr) {
    session.collected->Merge(diagnostics);
  } else {
    diagnostics.Print(*session.err, session.quiet);
  }
  if (diagnostics.has_errors()) {
    *session.err << fmt::format("podium export: {} errors; nothing written\n",
                                diagnostics.error_count());
    return 2;
  }
  EeeExportOptions options;
  options.retrieved_timestamp = request.timestamp;
  if (options.retrieved_timestamp.empty()) {
    options.retrieved_timestamp =
        session.reproducible ? "0" : std::to_string(static_cast<long long>(std::time(nullptr)));
  }
  const std::vector<nlohmann::ordered_json> records =
      EeeRecords(loaded.claims, loaded.registry, options);
  if (request.out == "-") {
    return WriteOutput(nlohmann::ordered_json(records).dump(2) + "\n", "", *session.out,
                       *session.err, "export");
  }
  for (const auto& [path, text] : EeeOutputs(records, request.out)) {
    if (const int code = WriteOutput(text, path, *session.out, *session.err, "export")) return code;
  }
  session.log.Note(
      fmt::format("export: {} records, {} claims", records.size(), loaded.claims.size()));
  return 0;
}

}  // namespace

Command ExportCommand() {
  return {"export", "Write the claims in another tool's format (eee: Every Eval Ever records)",
          [](CLI::App* app) -> CommandRun {
            auto request = std::make_shared<ExportRequest>();
            AddExportOptions(app, request.get());
            return [request](const CLI::App&, Session& session) {
              return RunExport(*request, session);
            };
          }};
}

}  // namespace podium
