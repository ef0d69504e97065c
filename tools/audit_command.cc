#include "tools/audit_command.h"

#include <filesystem>

#include "engine/audit/source_audit.h"
#include "engine/base/file_util.h"
#include "engine/reporting/audit_report.h"
#include "tools/dataset_loader.h"

namespace podium {

std::string DefaultSources() { return PodiumHome() + "/../shared/seeds"; }

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
  command->add_option("--format", r->format, "Output format")
      ->check(CLI::IsMember({"md", "json"}))
      ->capture_default_str();
  command->add_option("--out", r->out, "Output file (default: standard output)");
}

std::optional<AuditOutput> RenderAudit(const AuditRequest& request, Diagnostics* diagnostics) {
  LoadedClaims loaded =
      LoadClaims(request.claims, request.registry, request.datasets, diagnostics, request.log);
  const std::string sources = request.sources.empty() ? DefaultSources() : request.sources;
  const std::string shown = !request.sources_shown.empty() ? request.sources_shown
                            : request.sources.empty()      ? "../shared/seeds"
                                                           : request.sources;
  if (!std::filesystem::is_directory(sources)) {
    diagnostics->Error(Location{shown}, "--sources", sources,
                       "the source documents folder does not exist");
  }
  if (diagnostics->has_errors()) return std::nullopt;
  const auto documents = LoadSourceDocuments(loaded.registry, sources, shown);
  for (const Source& source : loaded.registry.sources()) {
    auto it = documents.find(source.id);
    if (request.log == nullptr || it == documents.end() || !it->second.found) continue;
    request.log->AddInput(JoinPath(sources, source.file), it->second.path, "document",
                          static_cast<int64_t>(it->second.lines.size()));
  }
  AuditOptions options;
  options.context_lines = request.context;
  const AuditResult result = AuditClaims(loaded.claims, loaded.registry, documents, options);
  const AuditContext context{&loaded.registry, &documents, shown, options.context_lines,
                             options.benchmark_lines};
  return AuditOutput{
      request.format == "json" ? AuditJson(result, context) : AuditMarkdown(result, context),
      result.errors, result.warnings};
}

}  // namespace podium
