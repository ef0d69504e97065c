#include "tools/audit_command.h"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <vector>

#include "engine/audit/source_audit.h"
#include "engine/base/file_util.h"
#include "engine/reporting/audit_report.h"
#include "tools/command_options.h"

namespace podium {

std::string DefaultSources() { return PodiumHome() + "/../shared/seeds"; }

namespace {

struct AuditRequest {
  std::vector<std::string> claims;  // default: <datasets>/claims/*.csv
  std::string registry;             // default: <datasets>/registry
  std::string datasets;             // default: $PODIUM_HOME/datasets
  std::string sources;              // default: $PODIUM_HOME/../shared/seeds
  int context = 8;                  // lines above the cited one where the model may be named
  OutputOptions output;             // --format md|json, --out (no --title)
  RunLog* log = nullptr;            // inputs, dropped rows, progress and notes; null = none
};

// The audit report and its counts.
struct AuditOutput {
  std::string text;  // the report
  int errors = 0;    // claims or documents that disagree (exit code 1)
  int warnings = 0;  // claims the audit cannot decide (listed in the report)
};

void AddAuditOptions(CLI::App* command, AuditRequest* r) {
  AddClaimsOptions(command, &r->claims, &r->registry, &r->datasets);
  command->add_option("--sources", r->sources,
                      "Folder of the source documents (default: ../shared/seeds)");
  command
      ->add_option("--context", r->context,
                   "Lines above the cited line (or a table's header) where the model may be "
                   "named")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  AddOutputOptions(command, &r->output, {"md", "json"}, /*title=*/false);
}

// Runs the audit; nullopt (with diagnostics) when the inputs cannot be read.
std::optional<AuditOutput> RenderAudit(const AuditRequest& request, Diagnostics* diagnostics) {
  LoadedClaims loaded =
      LoadDataset(request.claims, request.registry, request.datasets, diagnostics, request.log);
  const std::string sources = request.sources.empty() ? DefaultSources() : request.sources;
  const std::string shown = request.sources.empty() ? "../shared/seeds" : request.sources;
  // Sources named by a bare file name are documents in the --sources folder;
  // imported ones are paths from the dataset folder.
  const bool documents_needed =
      std::any_of(loaded.registry.sources().begin(), loaded.registry.sources().end(),
                  [](const Source& s) { return !IsPathFromDataset(s.file); });
  if (documents_needed && !std::filesystem::is_directory(sources)) {
    diagnostics->Error(Location{shown}, "--sources", sources,
                       "the source documents folder does not exist");
  }
  if (diagnostics->has_errors()) return std::nullopt;
  std::string dataset = request.datasets.empty() ? DefaultDatasets() : request.datasets;
  std::string dataset_shown = request.datasets.empty() ? "datasets" : request.datasets;
  if (request.datasets.empty() && !request.registry.empty()) {
    dataset = std::filesystem::path(request.registry).parent_path().string();
    dataset_shown = dataset.empty() ? "." : dataset;
    if (dataset.empty()) dataset = ".";
  }
  const auto documents =
      LoadSourceDocuments(loaded.registry, sources, shown, dataset, dataset_shown);
  for (const Source& source : loaded.registry.sources()) {
    auto it = documents.find(source.id);
    if (request.log == nullptr || it == documents.end() || !it->second.found) continue;
    request.log->AddInput(it->second.file, it->second.path, "document",
                          static_cast<int64_t>(it->second.lines.size()));
  }
  AuditOptions options;
  options.context_lines = request.context;
  const AuditResult result = AuditClaims(loaded.claims, loaded.registry, documents, options);
  const AuditContext context{&loaded.registry, &documents, shown, options.context_lines,
                             options.benchmark_lines};
  return AuditOutput{
      request.output.format == "json" ? AuditJson(result, context) : AuditMarkdown(result, context),
      result.errors, result.warnings};
}

// The audit as a report (EmitReport), then its counts on stderr.
int RunAudit(const CLI::App& app, AuditRequest request, Session& session) {
  request.log = &session.log;
  int disagreements = 0, undecided = 0;
  const int code =
      EmitReport("audit", app, request.output, session,
                 [&](const std::string& format, Diagnostics* d) -> std::optional<std::string> {
                   request.output.format = format;
                   std::optional<AuditOutput> report = RenderAudit(request, d);
                   if (!report) return std::nullopt;
                   disagreements = report->errors;
                   undecided = report->warnings;
                   return std::move(report->text);
                 });
  if (code == 0 && undecided > 0 && !session.quiet) {
    *session.err << "podium audit: " << undecided
                 << " claims could not be decided (warnings in the report, not counted as "
                    "verified)\n";
  }
  session.findings = disagreements;
  if (code != 0 || disagreements == 0) return code;
  *session.err << "podium audit: " << disagreements
               << " claims or documents disagree with the sources\n";
  return 1;
}

}  // namespace

Command AuditCommand() {
  return {"audit", "Check every claim against the source document it cites",
          [](CLI::App* app) -> CommandRun {
            auto request = std::make_shared<AuditRequest>();
            AddAuditOptions(app, request.get());
            return [request](const CLI::App& app, Session& session) {
              return RunAudit(app, *request, session);
            };
          }};
}

}  // namespace podium
