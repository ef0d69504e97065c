#include "tools/regenerate_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

#include "engine/audit/source_audit.h"
#include "engine/base/diagnostic.h"
#include "engine/ingest/report_spec.h"
#include "engine/provenance/manifest.h"
#include "engine/registry/registry.h"
#include "engine/reporting/reports_index.h"
#include "tools/audit_command.h"
#include "tools/cli.h"
#include "tools/command_options.h"

namespace podium {
namespace {

// What regenerate says on stderr, in the order found: printed at the end,
// before anything is written.
struct Messages {
  std::string text;
  int errors = 0;

  void Add(const Diagnostics& diagnostics) {
    std::ostringstream printed;
    diagnostics.Print(printed);
    text += printed.str();
    errors += diagnostics.error_count();
  }
};

// The command line (after "podium") that makes one file of a spec on its
// own: the spec's arguments, its statements, its title and format, and
// --datasets when regenerate was given one. It is what the manifest and
// reports/README.md show.
std::vector<std::string> SpecArgv(const ReportSpec& spec, const std::string& format,
                                  const std::string& datasets) {
  std::vector<std::string> argv = {spec.command};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  if (spec.has_statements) argv.insert(argv.end(), {"--statements-of", spec.name});
  argv.insert(argv.end(), {"--title", spec.title, "--format", format});
  // arena reads only the battles files its arguments name.
  if (!datasets.empty() && spec.command != "arena") {
    argv.insert(argv.end(), {"--datasets", datasets});
  }
  return argv;
}

// Relative paths in reports.json (battles files) are from the project
// folder: regenerate works there, and puts the caller's folder back after.
class InFolder {
 public:
  explicit InFolder(const std::string& folder) {
    std::error_code error;
    before_ = std::filesystem::current_path(error);
    if (!error) std::filesystem::current_path(folder, error);
  }
  ~InFolder() {
    std::error_code error;
    if (!before_.empty()) std::filesystem::current_path(before_, error);
  }
  InFolder(const InFolder&) = delete;
  InFolder& operator=(const InFolder&) = delete;

 private:
  std::filesystem::path before_;
};

// `path` made absolute from the current folder; "" stays "".
std::string Absolute(const std::string& path) {
  if (path.empty()) return path;
  std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  while (absolute.size() > 1 && absolute.back() == '/') absolute.pop_back();
  return absolute;
}

// Whether the audit runs, and if not, why (the README and the summary say it).
struct AuditPlan {
  bool run = false;
  std::string skipped;  // why not, in a sentence
  // The README lists the audit: it runs, or its documents folder (bare file
  // names, podium's own ../shared/seeds) is absent on this machine, where the
  // committed audit.md stays the one to read.
  bool listed = false;
};

AuditPlan PlanAudit(const std::string& datasets, const std::string& sources) {
  Diagnostics ignored;  // a broken registry fails the reports themselves
  const Registry registry = Registry::Read(datasets + "/registry", &ignored);
  if (registry.sources().empty()) {
    return {false,
            "No source audit: `datasets/registry/sources.csv` lists no source (`podium "
            "import` adds one per imported file)."};
  }
  const bool documents_needed =
      std::any_of(registry.sources().begin(), registry.sources().end(),
                  [](const Source& s) { return !IsPathFromDataset(s.file); });
  if (documents_needed && !std::filesystem::is_directory(sources)) {
    return {false, fmt::format("no source audit: the source documents are not at {}", sources),
            true};
  }
  return {true, "", true};
}

// One file made in memory by `argv` (a spec's command line, or the audit's):
// its text, or nullopt when the command failed; what it found wrong (the
// audit's disagreements) is added to `findings`.
std::optional<std::string> RenderFile(const std::string& name, const std::vector<std::string>& argv,
                                      Messages* messages, int* findings = nullptr) {
  std::string text, usage_error;
  Diagnostics diagnostics;
  int found = 0;
  const int code = RunPodiumInMemory(argv, &text, &diagnostics, &usage_error, &found);
  if (!usage_error.empty()) {
    diagnostics.Error(Location{"datasets/reports.json"}, "args", name,
                      fmt::format("report \"{}\": {}", name, usage_error));
  }
  messages->Add(diagnostics);
  if (findings != nullptr) *findings = found;
  if (code != 0 && !(code == 1 && found > 0)) return std::nullopt;
  return text;
}

// Renders every spec in every format it asks for (stopping a spec at its
// first failure); the reports get regenerate's --datasets as given (empty:
// the default), so that their manifests name no folder of this machine.
std::vector<ReportFile> RenderSpecs(const std::vector<ReportSpec>& specs,
                                    const std::string& datasets, Messages* messages) {
  std::vector<ReportFile> files;
  for (const ReportSpec& spec : specs) {
    for (const std::string& format : spec.formats) {
      std::optional<std::string> text =
          RenderFile(spec.name, SpecArgv(spec, format, datasets), messages);
      if (!text) break;
      files.push_back({spec.name + "." + format, std::move(*text)});
    }
  }
  return files;
}

// audit.md and audit.json; the claims or documents that disagree.
int AuditFiles(const RegenerateRequest& request, std::vector<ReportFile>* files,
               Messages* messages) {
  int audit_errors = 0;
  for (const std::string format : {"md", "json"}) {
    std::vector<std::string> argv = {"audit", "--format", format};
    if (!request.datasets.empty()) argv.insert(argv.end(), {"--datasets", request.datasets});
    if (!request.sources.empty()) argv.insert(argv.end(), {"--sources", request.sources});
    std::optional<std::string> text = RenderFile("audit", argv, messages, &audit_errors);
    if (text) files->push_back({"audit." + format, std::move(*text)});
  }
  return audit_errors;
}

// reports/README.md, with the command that rebuilds each report, as the
// reader runs podium.
std::string Readme(const std::vector<ReportSpec>& specs, const AuditPlan& audit,
                   const ReadmeAudience& audience) {
  std::vector<std::string> commands;
  for (const ReportSpec& spec : specs) {
    std::vector<std::string> argv = SpecArgv(spec, spec.formats.front(), "");
    argv.insert(argv.end(),
                {"--out", fmt::format("reports/{}.{}", spec.name, spec.formats.front())});
    commands.push_back(CommandLine(argv, audience.program));
  }
  const std::string audit_command =
      audit.listed
          ? CommandLine({"audit", "--format", "md", "--out", "reports/audit.md"}, audience.program)
          : "";
  return ReportsReadme(specs, commands, audit_command, audit.listed ? "" : audit.skipped, audience);
}

void PrintSummary(const std::vector<ReportSpec>& specs, size_t files, const std::string& reports,
                  const AuditPlan& audit, const std::string& sources, std::ostream& out) {
  out << fmt::format("regenerated {} reports ({} files) in {}/\n", specs.size(), files, reports);
  for (const ReportSpec& spec : specs) {
    out << fmt::format("  {:<28} {}\n", spec.name, spec.title);
  }
  out << (audit.run ? fmt::format("  {:<28} every claim checked against its source\n", "audit")
                    : fmt::format("  ({})\n", audit.skipped));
}

}  // namespace

namespace {

void AddRegenerateOptions(CLI::App* app, RegenerateRequest* request) {
  app->add_option("--datasets", request->datasets, "Datasets folder");
  app->add_option("--reports", request->reports, "Reports folder to write");
  app->add_option("--sources", request->sources,
                  "Source documents for the audit (default: ../shared/seeds; the audit is "
                  "skipped when the folder is absent)");
}

}  // namespace

Command RegenerateCommand() {
  return PlainCommand("regenerate", "Rebuild every report listed in datasets/reports.json",
                      AddRegenerateOptions, RunRegenerate);
}

int RunRegenerate(const RegenerateRequest& given, std::ostream& out, std::ostream& err) {
  const std::string home = Absolute(PodiumHome());
  // The reports are made after a change of folder (InFolder): a relative
  // --project must not be read from there.
  SetProjectFolder(home);
  // The paths of the command line are from the caller's folder.
  RegenerateRequest request = given;
  request.datasets = Absolute(given.datasets);
  request.sources = Absolute(given.sources);
  const std::string datasets = request.datasets.empty() ? home + "/datasets" : request.datasets;
  const std::string reports =
      request.reports.empty() ? home + "/reports" : Absolute(request.reports);
  const std::string sources = request.sources.empty() ? home + "/../shared/seeds" : request.sources;
  const bool repository = std::filesystem::exists(home + "/tools/podium");
  const ReadmeAudience audience{repository ? "tools/podium" : "podium", repository};
  InFolder in_home(home);
  Messages messages;
  Diagnostics spec_diagnostics;
  const std::vector<ReportSpec> specs =
      ReadReportSpecs(datasets + "/reports.json", "datasets/reports.json", &spec_diagnostics);
  messages.Add(spec_diagnostics);
  std::vector<ReportFile> files =
      RenderSpecs(specs, given.datasets.empty() ? "" : datasets, &messages);
  const AuditPlan audit = PlanAudit(datasets, sources);
  const int audit_errors = audit.run ? AuditFiles(request, &files, &messages) : 0;
  err << messages.text;
  if (messages.errors > 0) {
    err << "podium regenerate: nothing written (" << messages.errors << " errors)\n";
    return 2;
  }
  files.push_back({"README.md", Readme(specs, audit, audience)});
  files.push_back({"index.html", ReportsIndexPage(specs, audience.program, files)});
  for (const ReportFile& f : files) {  // to files: nothing goes to `out`
    if (WriteOutput(f.content, reports + "/" + f.name, out, err, "regenerate") != 0) {
      return 2;
    }
  }
  PrintSummary(specs, files.size(), reports, audit, sources, out);
  if (audit_errors > 0) {
    err << fmt::format(
        "podium regenerate: the audit found {} claims or documents that disagree with their "
        "sources: see {}/audit.md\n",
        audit_errors, reports);
    return 1;
  }
  return 0;
}

}  // namespace podium
