#include "tools/check_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/base/diagnostic.h"
#include "engine/base/file_util.h"
#include "engine/check/report_check.h"
#include "engine/reporting/text_format.h"
#include "tools/dataset_loader.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

constexpr size_t kShownPerReport = 200;

struct Entry {
  std::string name;
  std::string status;  // compared | added | removed
  ReportComparison comparison;
};

void CompareFiles(const std::string& name, const std::string& baseline, const std::string& current,
                  const CheckOptions& options, std::vector<Entry>* entries,
                  Diagnostics* diagnostics) {
  const std::optional<Json> b = ReadJsonFile(baseline, baseline, diagnostics);
  const std::optional<Json> c = ReadJsonFile(current, current, diagnostics);
  if (!b || !c) return;
  Entry entry{name, "compared", {}};
  entry.comparison.name = name;
  std::string error;
  if (!CompareReports(*b, *c, options, &entry.comparison, &error)) {
    diagnostics->Error(Location{current}, "", "", error);
    return;
  }
  entries->push_back(std::move(entry));
}

std::set<std::string> JsonFiles(const std::string& dir) {
  std::set<std::string> names;
  for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".json") {
      names.insert(e.path().filename().string());
    }
  }
  return names;
}

std::string Cell(const std::string& json_text) {
  if (json_text.empty()) return "—";
  return MarkdownCell(json_text.size() > 60 ? json_text.substr(0, 57) + "…" : json_text);
}

std::string Markdown(const CheckRequest& r, const std::vector<Entry>& entries, int regressions) {
  size_t changes = 0;
  for (const Entry& e : entries) changes += e.comparison.changes.size();
  std::string out = "# podium check\n\n";
  out += fmt::format(
      "Baseline `{}`, current `{}`: {} reports; {} changes, **{} regressions** (abs tol {:g}, "
      "rel tol {:g}{}).\n",
      r.baseline, r.current, entries.size(), changes, regressions, r.abs_tol, r.rel_tol,
      r.allow_within_interval ? "; changes within the baseline interval allowed" : "");
  for (const Entry& e : entries) {
    if (e.status != "compared") {
      out += fmt::format("\n## {}: report {} (regression)\n", e.name, e.status);
      continue;
    }
    if (e.comparison.changes.empty()) continue;
    out += fmt::format("\n## {} ({}): {} changes, {} regressions\n\n", e.name, e.comparison.schema,
                       e.comparison.changes.size(), e.comparison.regressions);
    out += ChangesTable(e.comparison);
  }
  if (regressions == 0) out += "\nNo regressions.\n";
  return out;
}

Json ToJson(const CheckRequest& r, const std::vector<Entry>& entries, int regressions) {
  Json doc;
  doc["schema"] = "podium.check/1";
  doc["baseline"] = r.baseline;
  doc["current"] = r.current;
  doc["options"] = {{"abs_tol", r.abs_tol},
                    {"rel_tol", r.rel_tol},
                    {"allow_within_interval", r.allow_within_interval}};
  Json reports = Json::array();
  for (const Entry& e : entries) {
    Json changes = Json::array();
    for (const ReportChange& c : e.comparison.changes) {
      changes.push_back({{"path", c.path},
                         {"kind", c.kind},
                         {"baseline", c.baseline.empty() ? Json(nullptr) : Json::parse(c.baseline)},
                         {"current", c.current.empty() ? Json(nullptr) : Json::parse(c.current)},
                         {"delta", std::isnan(c.delta) ? Json(nullptr) : Json(c.delta)},
                         {"interval", c.interval.empty() ? Json(nullptr) : Json(c.interval)},
                         {"regression", c.regression}});
    }
    reports.push_back({{"name", e.name},
                       {"status", e.status},
                       {"schema", e.comparison.schema},
                       {"regressions", e.status == "compared" ? e.comparison.regressions : 1},
                       {"changes", std::move(changes)}});
  }
  doc["reports"] = std::move(reports);
  doc["regressions"] = regressions;
  return doc;
}

}  // namespace

std::string ChangesTable(const ReportComparison& comparison) {
  std::string out = "| Where | Change | Baseline | Current | Δ | Interval | Regression |\n";
  out += "|---|---|---:|---:|---:|---|---|\n";
  for (size_t k = 0; k < comparison.changes.size() && k < kShownPerReport; ++k) {
    const ReportChange& c = comparison.changes[k];
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", MarkdownCell(c.path), c.kind,
                       Cell(c.baseline), Cell(c.current),
                       std::isnan(c.delta) ? "—" : fmt::format("{:+.6g}", c.delta),
                       c.interval.empty() ? "—" : c.interval, c.regression ? "yes" : "no");
  }
  if (comparison.changes.size() > kShownPerReport) {
    out += fmt::format("\n… and {} more (all in --json).\n",
                       comparison.changes.size() - kShownPerReport);
  }
  return out;
}

void AddCheckOptions(CLI::App* c, CheckRequest* r) {
  c->add_option("baseline", r->baseline, "Baseline report (JSON) or folder of reports")->required();
  c->add_option("current", r->current, "Current report (JSON) or folder of reports")->required();
  c->add_option("--abs-tol", r->abs_tol, "Ignore numeric changes up to this size")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  c->add_option("--rel-tol", r->rel_tol,
                "Ignore numeric changes up to this fraction of the baseline")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  c->add_flag("--allow-within-interval", r->allow_within_interval,
              "A moved score whose rows carry intervals is not a regression while the change "
              "stays within the baseline interval's half-width");
  c->add_option("--json", r->json, "Also write the comparison as JSON (schema podium.check/1)");
  c->add_option("--out", r->out, "Write the Markdown diff here instead of standard output");
}

int RunCheck(const CheckRequest& r, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  CheckOptions options{r.abs_tol, r.rel_tol, r.allow_within_interval};
  std::vector<Entry> entries;
  const bool dir_b = fs::is_directory(r.baseline), dir_c = fs::is_directory(r.current);
  if (dir_b != dir_c) {
    diagnostics.Error(Location{dir_b ? r.current : r.baseline}, "", "",
                      "compare a file with a file or a folder with a folder");
  } else if (dir_b) {
    const std::set<std::string> before = JsonFiles(r.baseline), after = JsonFiles(r.current);
    std::set<std::string> all = before;
    all.insert(after.begin(), after.end());
    for (const std::string& name : all) {
      if (before.count(name) == 0 || after.count(name) == 0) {
        entries.push_back({name, before.count(name) == 0 ? "added" : "removed", {}});
        continue;
      }
      CompareFiles(name, r.baseline + "/" + name, r.current + "/" + name, options, &entries,
                   &diagnostics);
    }
  } else {
    CompareFiles(fs::path(r.current).filename().string(), r.baseline, r.current, options, &entries,
                 &diagnostics);
  }
  diagnostics.Print(err);
  if (diagnostics.has_errors()) {
    err << "podium check: " << diagnostics.error_count() << " errors; nothing compared\n";
    return 2;
  }
  int regressions = 0;
  for (const Entry& e : entries) {
    regressions += e.status == "compared" ? e.comparison.regressions : 1;
  }
  std::string error;
  if (!r.json.empty() &&
      !WriteFileAtomically(r.json, ToJson(r, entries, regressions).dump(2) + "\n", &error)) {
    err << "podium check: error: " << error << "\n";
    return 2;
  }
  const std::string text = Markdown(r, entries, regressions);
  if (r.out.empty()) {
    out << text;
  } else if (!WriteFileAtomically(r.out, text, &error)) {
    err << "podium check: error: " << error << "\n";
    return 2;
  }
  return regressions > 0 ? 1 : 0;
}

}  // namespace podium
