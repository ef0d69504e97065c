#include "tools/regenerate_command.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <stdexcept>

#include "engine/base/diagnostic.h"
#include "engine/base/file_util.h"
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
    } catch (const std::exception& e) {
      diagnostics->Error(Location{shown}, "reports", spec.name,
                         fmt::format("report \"{}\": {}", spec.name, e.what()));
      continue;
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

// Parses a spec's arguments with the command's own options.
bool ParseArgs(const ReportSpec& spec, CLI::App* app, Diagnostics* diagnostics) {
  try {
    std::vector<std::string> args(spec.args.rbegin(), spec.args.rend());
    app->parse(args);
    return true;
  } catch (const CLI::ParseError& e) {
    diagnostics->Error(Location{"datasets/reports.json"}, "args", spec.name,
                       fmt::format("report \"{}\": {}", spec.name, e.what()));
    return false;
  }
}

// Parses the spec's arguments into `request` (declared by `add`), sets what
// regenerate decides (datasets, format, title) and renders with `render`.
template <typename Request, typename Add, typename Render>
std::optional<std::string> RenderWith(const ReportSpec& spec, Request request, Add add,
                                      Render render, const std::string& datasets,
                                      const std::string& format, Diagnostics* diagnostics) {
  CLI::App app(spec.command);
  add(&app, &request);
  if (!ParseArgs(spec, &app, diagnostics)) return std::nullopt;
  request.datasets = datasets;
  request.format = format;
  request.title = spec.title;
  RunLog log;
  request.log = &log;
  std::optional<std::string> text = render(request, diagnostics);
  if (!text || format != "json") return text;
  // The manifest names the command that makes this file on its own.
  std::vector<std::string> argv = {spec.command};
  argv.insert(argv.end(), spec.args.begin(), spec.args.end());
  argv.insert(argv.end(), {"--title", spec.title, "--format", "json"});
  app.parse(std::vector<std::string>(argv.rbegin(), argv.rend() - 1));
  return AttachManifest(*text, ManifestInput{argv, OptionsInForce(app), &log, true, 0},
                        diagnostics);
}

// Renders one report in one format with the command the spec names.
std::optional<std::string> RenderOne(const ReportSpec& spec, const std::string& datasets,
                                     const std::string& format, Diagnostics* diagnostics) {
  if (spec.command == "h2h") {
    return RenderWith(spec, H2HRequest{}, AddH2HOptions, RenderH2H, datasets, format, diagnostics);
  }
  if (spec.command == "netwin") {
    return RenderWith(spec, NetWinRequest{}, AddNetWinOptions, RenderNetWin, datasets, format,
                      diagnostics);
  }
  return RenderWith(spec, LeaderboardRequest{}, AddLeaderboardOptions, RenderLeaderboard, datasets,
                    format, diagnostics);
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
    std::string files, command = "tools/podium " + spec.command;
    for (const std::string& f : spec.formats) {
      files += fmt::format("{}[{}]({}.{})", files.empty() ? "" : ", ", f, spec.name, f);
    }
    for (const std::string& a : spec.args) command += " " + ShellQuote(a);
    command += fmt::format(" --title {} --format {} --out reports/{}.{}", ShellQuote(spec.title),
                           spec.formats.front(), spec.name, spec.formats.front());
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
  for (const ReportSpec& spec : specs) RenderSpec(spec, datasets, &files, &diagnostics);
  int audit_errors = 0;
  const bool audit = std::filesystem::is_directory(sources);
  if (audit) {
    for (const char* format : {"md", "json"}) {
      AuditRequest request;
      request.datasets = datasets;
      request.sources = sources;
      request.sources_shown = "../shared/seeds";
      request.format = format;
      RunLog log;
      request.log = &log;
      if (std::optional<AuditOutput> report = RenderAudit(request, &diagnostics)) {
        if (request.format == "json") {
          AuditRequest parsed;
          CLI::App app("audit");
          AddAuditOptions(&app, &parsed);
          const std::vector<std::string> argv = {"audit", "--format", "json"};
          app.parse(std::vector<std::string>(argv.rbegin(), argv.rend() - 1));
          std::optional<std::string> text = AttachManifest(
              report->text, ManifestInput{argv, OptionsInForce(app), &log, true, 0}, &diagnostics);
          if (!text) continue;
          report->text = std::move(*text);
        }
        files.push_back({std::string("audit.") + format, report->text});
        audit_errors = report->errors;
      }
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
    if (!WriteFileAtomically(reports + "/" + f.name, f.content, &error)) {
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
