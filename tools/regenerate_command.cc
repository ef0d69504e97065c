#include "tools/regenerate_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

#include "engine/base/diagnostic.h"
#include "engine/base/output_file.h"
#include "engine/reporting/html_report.h"
#include "tools/arena_command.h"
#include "tools/audit_command.h"
#include "tools/dataset_loader.h"
#include "tools/h2h_command.h"
#include "tools/leaderboard_command.h"
#include "tools/manifest.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

struct RenderedFile {
  std::string name;  // file name inside the reports folder
  std::string content;
};

struct ReportSpec {
  std::string command = "leaderboard";  // leaderboard | netwin | h2h
  std::string name, title, description;
  std::vector<std::string> args, formats;
};

// Reads and checks datasets/reports.json; problems become diagnostics.
std::vector<ReportSpec> ReadSpecs(const std::string& path, const std::string& shown,
                                  Diagnostics* diagnostics) {
  const std::optional<Json> parsed = ReadJsonFile(path, shown, diagnostics);
  if (!parsed) return {};
  const Json& doc = *parsed;
  std::vector<ReportSpec> specs;
  if (!doc.contains("reports") || !doc["reports"].is_array()) {
    diagnostics->Error(Location{shown, 1, 1}, "reports", "", "expected an array \"reports\"");
    return specs;
  }
  for (const Json& r : doc["reports"]) {
    ReportSpec spec;
    try {
      spec.name = r.at("name").get<std::string>();
      spec.command = r.value("command", spec.command);
      if (spec.command != "leaderboard" && spec.command != "netwin" && spec.command != "h2h") {
        throw std::invalid_argument("command must be leaderboard, netwin or h2h");
      }
      for (const Json& statement : r.value("statements", Json::array())) {
        ParseStatement(statement);  // checked here too, so regenerate fails before rendering
      }
      spec.title = r.value("title", spec.name);
      spec.description = r.value("description", "");
      spec.args = r.at("args").get<std::vector<std::string>>();
      if (spec.command == "h2h" && !r.value("statements", Json::array()).empty()) {
        spec.args.insert(spec.args.end(), {"--statements-of", spec.name});
      }
      spec.formats = r.value("formats", std::vector<std::string>{"md", "json"});
      if (spec.formats.empty()) throw std::invalid_argument("\"formats\" lists no format");
    } catch (const std::exception& e) {
      diagnostics->Error(Location{shown}, "reports", spec.name,
                         fmt::format("report \"{}\": {}", spec.name, e.what()));
      continue;
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

// The command line (after "podium") that makes one file of a spec on its
// own: the spec's arguments, its title and format, and --datasets when
// regenerate was given one. It is what the manifest and reports/README.md show.
std::vector<std::string> SpecArgv(const ReportSpec& spec, const std::string& format,
                                  const std::string& datasets) {
  std::vector<std::string> argv = {spec.command};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  argv.insert(argv.end(), {"--title", spec.title, "--format", format});
  if (!datasets.empty()) argv.insert(argv.end(), {"--datasets", datasets});
  return argv;
}

// Parses `argv` (SpecArgv) into `request` with the command's own options
// (declared by `add`), renders with `render`, and gives JSON its manifest.
template <typename Request, typename Add, typename Render>
std::optional<std::string> RenderWith(const ReportSpec& spec, Request request, Add add,
                                      Render render, const std::vector<std::string>& argv,
                                      Diagnostics* diagnostics) {
  CLI::App app(spec.command);
  add(&app, &request);
  try {
    app.parse(std::vector<std::string>(argv.rbegin(), argv.rend() - 1));
  } catch (const CLI::ParseError& e) {
    diagnostics->Error(Location{"datasets/reports.json"}, "args", spec.name,
                       fmt::format("report \"{}\": {}", spec.name, e.what()));
    return std::nullopt;
  }
  RunLog log;
  request.log = &log;
  std::optional<std::string> text = render(request, diagnostics);
  if (!text || request.format != "json") return text;
  return AttachManifest(*text, ManifestInput{argv, OptionsInForce(app), &log, true, 0},
                        diagnostics);
}

// Renders one report in one format with the command the spec names.
std::optional<std::string> RenderOne(const ReportSpec& spec, const std::string& datasets,
                                     const std::string& format, Diagnostics* diagnostics) {
  const std::vector<std::string> argv = SpecArgv(spec, format, datasets);
  if (spec.command == "h2h") {
    return RenderWith(spec, H2HRequest{}, AddH2HOptions, RenderH2H, argv, diagnostics);
  }
  if (spec.command == "netwin") {
    return RenderWith(spec, NetWinRequest{}, AddNetWinOptions, RenderNetWin, argv, diagnostics);
  }
  return RenderWith(spec, LeaderboardRequest{}, AddLeaderboardOptions, RenderLeaderboard, argv,
                    diagnostics);
}

// Renders one report in every format it asks for.
bool RenderSpec(const ReportSpec& spec, const std::string& datasets,
                std::vector<RenderedFile>* files, Diagnostics* diagnostics) {
  for (const std::string& format : spec.formats) {
    std::optional<std::string> text = RenderOne(spec, datasets, format, diagnostics);
    if (!text) return false;
    files->push_back({spec.name + "." + format, std::move(*text)});
  }
  return true;
}

std::string ReportsReadme(const std::vector<ReportSpec>& specs) {
  std::string out =
      "# Reports\n\n"
      "Generated by podium from `datasets/`; do not edit by hand. Rebuild everything with\n\n"
      "    tools/podium regenerate\n\n"
      "which reads `datasets/reports.json`. `tools/test` rebuilds the reports in a temporary\n"
      "folder and fails when they differ from the files committed here.\n\n"
      "| Report | Files | What it is | The command that rebuilds it |\n"
      "|---|---|---|---|\n";
  for (const ReportSpec& spec : specs) {
    std::string files;
    for (const std::string& f : spec.formats) {
      files += fmt::format("{}[{}]({}.{})", files.empty() ? "" : ", ", f, spec.name, f);
    }
    std::vector<std::string> argv = SpecArgv(spec, spec.formats.front(), "");
    argv.insert(argv.end(),
                {"--out", fmt::format("reports/{}.{}", spec.name, spec.formats.front())});
    const std::string command = CommandLine(argv, "tools/podium");
    out += fmt::format("| {} | {} | {} | `{}` |\n", spec.title, files, spec.description, command);
  }
  out +=
      "| Source audit | [md](audit.md), [json](audit.json) | Every claim checked against "
      "the line of the document it cites; conflicts, repeated quotes, table averages and "
      "order. Written when the documents are present (`../shared/seeds`). | `tools/podium "
      "audit --format md --out reports/audit.md` |\n";
  out +=
      "\nEach command is shown for its first format; `--format json --out "
      "reports/NAME.json` gives the other, `--format html` a page of its own. "
      "[index.html](index.html) shows every report on one page (tables, forest plots of the "
      "intervals, heat maps of win probabilities, provenance on hover).\n";
  return out;
}

// One page with every report that has a JSON form, in the order of
// datasets/reports.json: the tables, forest plots, heat maps and provenance.
std::string IndexPage(const std::vector<ReportSpec>& specs,
                      const std::vector<RenderedFile>& files) {
  std::vector<std::string> sections;
  for (const ReportSpec& spec : specs) {
    for (const RenderedFile& f : files) {
      if (f.name != spec.name + ".json") continue;
      sections.push_back(HtmlSection(nlohmann::ordered_json::parse(f.content), spec.name));
    }
  }
  const std::string intro =
      "<p>Every leaderboard, net-win-rate table and head-to-head in this folder, rebuilt by "
      "<code>tools/podium regenerate</code> from <code>datasets/</code>. Hover a number (or open "
      "its details) for the claims behind it: the source document, the line, and the names as "
      "written there. Click a column header to sort. Each report's JSON file carries the same "
      "numbers and a manifest (inputs with SHA-256, options, seed); <code>podium verify</code> "
      "re-runs it.</p>";
  return HtmlPage("podium reports", intro, sections);
}

}  // namespace

int RunRegenerate(const RegenerateRequest& request, std::ostream& out, std::ostream& err) {
  const std::string datasets = request.datasets.empty() ? DefaultDatasets() : request.datasets;
  const std::string reports = request.reports.empty() ? PodiumHome() + "/reports" : request.reports;
  const std::string sources = request.sources.empty() ? DefaultSources() : request.sources;

  Diagnostics diagnostics;
  const std::vector<ReportSpec> specs =
      ReadSpecs(datasets + "/reports.json", "datasets/reports.json", &diagnostics);
  std::vector<RenderedFile> files;
  // The reports get regenerate's --datasets as given (empty: the default),
  // so that their manifests name no folder of this machine.
  for (const ReportSpec& spec : specs) RenderSpec(spec, request.datasets, &files, &diagnostics);
  int audit_errors = 0;
  const bool audit = std::filesystem::is_directory(sources);
  if (audit) {
    for (const std::string format : {"md", "json"}) {
      std::vector<std::string> argv = {"audit", "--format", format};
      if (!request.datasets.empty()) argv.insert(argv.end(), {"--datasets", request.datasets});
      if (!request.sources.empty()) argv.insert(argv.end(), {"--sources", request.sources});
      ReportSpec spec;
      spec.command = spec.name = "audit";
      auto render = [&](const AuditRequest& r, Diagnostics* d) -> std::optional<std::string> {
        std::optional<AuditOutput> report = RenderAudit(r, d);
        if (!report) return std::nullopt;
        audit_errors = report->errors;
        return std::move(report->text);
      };
      std::optional<std::string> text =
          RenderWith(spec, AuditRequest{}, AddAuditOptions, render, argv, &diagnostics);
      if (text) files.push_back({"audit." + format, std::move(*text)});
    }
  }
  diagnostics.Print(err);
  if (diagnostics.has_errors() || audit_errors > 0) {
    err << "podium regenerate: nothing written (" << diagnostics.error_count() << " errors";
    if (audit_errors > 0) err << ", " << audit_errors << " audit errors: run podium audit";
    err << ")\n";
    return diagnostics.has_errors() ? 2 : 1;
  }
  files.push_back({"README.md", ReportsReadme(specs)});
  files.push_back({"index.html", IndexPage(specs, files)});
  for (const RenderedFile& f : files) {
    std::string error;
    if (!WriteOutputFile(reports + "/" + f.name, f.content, &error)) {
      err << "podium regenerate: error: " << error << "\n";
      return 2;
    }
  }
  out << fmt::format("regenerated {} reports ({} files) in {}/\n", specs.size(), files.size(),
                     reports);
  for (const ReportSpec& spec : specs) {
    out << fmt::format("  {:<28} {}\n", spec.name, spec.title);
  }
  out << (audit ? fmt::format("  {:<28} every claim checked against {}\n", "audit", sources)
                : fmt::format("  (audit skipped: no source documents at {})\n", sources));
  return 0;
}

}  // namespace podium
