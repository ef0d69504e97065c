#include "tools/command.h"

#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "engine/base/output_file.h"
#include "engine/provenance/manifest.h"
#include "engine/reporting/html_report.h"
#include "tools/command_options.h"

namespace podium {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string FormatList(const std::vector<std::string>& formats) {
  std::string out;
  for (size_t i = 0; i < formats.size(); ++i) {
    if (i > 0) out += i + 1 == formats.size() ? " or " : ", ";
    out += formats[i];
  }
  return out;
}

}  // namespace

void AddOutputOptions(CLI::App* app, OutputOptions* output, const std::vector<std::string>& formats,
                      bool title) {
  output->format = formats.front();
  app->add_option("--format", output->format, FormatList(formats))
      ->check(CLI::IsMember(formats))
      ->capture_default_str();
  app->add_option("--out", output->out, "Output file (default: standard output)");
  if (title) app->add_option("--title", output->title, "Report heading");
}

int WriteOutput(const std::string& text, const std::string& path, std::ostream& out,
                std::ostream& err, const char* name) {
  if (path.empty()) {
    out << text;
    return 0;
  }
  std::string error;
  if (!WriteOutputFile(path, text, &error)) {
    err << "podium" << (name == nullptr ? "" : std::string(" ") + name) << ": error: " << error
        << "\n";
    return 2;
  }
  return 0;
}

int EmitReport(const char* name, const CLI::App& app, OutputOptions output, Session& session,
               const std::function<std::optional<std::string>(const std::string& format,
                                                              Diagnostics*)>& render) {
  const auto start = std::chrono::steady_clock::now();
  // HTML is a view of the JSON report, manifest included.
  const bool html = output.format == "html";
  const std::string format = html ? "json" : output.format;
  Diagnostics diagnostics;
  std::optional<std::string> text = render(format, &diagnostics);
  const ManifestInput manifest{session.args, OptionsInForce(app),  PodiumHome(),
                               &session.log, session.reproducible, SecondsSince(start)};
  if (text && format == "json") text = AttachManifest(*text, manifest, &diagnostics);
  if (text && html) text = ReportHtml(nlohmann::ordered_json::parse(*text));
  if (text && format != "json" && session.captured_manifest != nullptr) {
    if (std::optional<nlohmann::ordered_json> built = BuildManifest(manifest, &diagnostics)) {
      *session.captured_manifest = built->dump(2);
    }
  }
  if (session.collected != nullptr) {
    session.collected->Merge(diagnostics);
    if (!text) return 2;
    *session.captured = std::move(*text);
    return 0;
  }
  diagnostics.Print(*session.err, session.quiet);
  if (!text) {
    *session.err << "podium " << name << ": " << diagnostics.error_count()
                 << " errors; no report written\n";
    return 2;
  }
  session.log.Note(fmt::format("{} done in {:.3f} s", name, SecondsSince(start)));
  return WriteOutput(*text, output.out, *session.out, *session.err);
}

}  // namespace podium
