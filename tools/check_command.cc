#include "tools/check_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "engine/base/diagnostic.h"
#include "engine/base/file_util.h"
#include "engine/base/output_file.h"
#include "engine/check/change_causes.h"
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
  std::string status;  // compared | added | removed (a report only one folder has)
  ReportComparison comparison;
};

// The whole check: every report compared, the causes, and the totals.
struct CheckResult {
  CheckResult() = default;
  CheckResult(const CheckResult&) = delete;  // `compared` points into `entries`
  CheckResult(CheckResult&&) = default;

  std::vector<Entry> entries;
  std::vector<const Entry*> compared;      // the entries with status "compared"
  std::vector<ChangeCause> causes;         // indexes into `compared`
  int differing = 0;                       // reports with a difference (or only in one folder)
  int better = 0, worse = 0, changed = 0;  // differences by direction
  int failures = 0;                        // differences that fail the check
  int differences() const { return better + worse + changed; }
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

std::set<std::string> JsonFiles(const std::string& dir, Diagnostics* diagnostics) {
  std::set<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".json") {
      names.insert(it->path().filename().string());
    }
  }
  if (error) diagnostics->Error(Location{dir}, "", "", "cannot list folder: " + error.message());
  return names;
}

void CompareFolders(const CheckRequest& r, const CheckOptions& options, std::vector<Entry>* entries,
                    Diagnostics* diagnostics) {
  const std::set<std::string> before = JsonFiles(r.baseline, diagnostics),
                              after = JsonFiles(r.current, diagnostics);
  std::set<std::string> all = before;
  all.insert(after.begin(), after.end());
  for (const std::string& name : all) {
    if (before.count(name) == 0 || after.count(name) == 0) {
      entries->push_back({name, before.count(name) == 0 ? "added" : "removed", {}});
      continue;
    }
    CompareFiles(name, JoinPath(r.baseline, name), JoinPath(r.current, name), options, entries,
                 diagnostics);
  }
}

// Both paths exist and are both files or both folders; else errors.
void CheckPaths(const CheckRequest& r, Diagnostics* diagnostics) {
  std::error_code error;
  bool missing = false;
  for (const std::string& path : {r.baseline, r.current}) {
    if (!fs::exists(path, error)) {
      diagnostics->Error(Location{path}, "", "", "no such file or directory");
      missing = true;
    }
  }
  if (missing) return;
  const bool dir_b = fs::is_directory(r.baseline, error),
             dir_c = fs::is_directory(r.current, error);
  if (dir_b != dir_c) {
    diagnostics->Error(
        Location{r.current}, "", "",
        fmt::format("a {} compared with the {} `{}`: compare a file with a file "
                    "or a folder with a folder",
                    dir_c ? "folder" : "file", dir_b ? "folder" : "file", r.baseline));
  }
}

CheckResult Result(std::vector<Entry> entries) {
  CheckResult result;
  result.entries = std::move(entries);
  std::vector<const ReportComparison*> comparisons;
  for (const Entry& e : result.entries) {
    if (e.status != "compared") {  // a whole report added or removed: one change
      ++result.differing;
      ++result.changed;
      ++result.failures;
      continue;
    }
    const ReportComparison& c = e.comparison;
    result.differing += c.changes.empty() ? 0 : 1;
    result.better += c.better;
    result.worse += c.worse;
    result.changed += c.changed;
    result.failures += c.failures;
    result.compared.push_back(&e);
    comparisons.push_back(&c);
  }
  result.causes = GroupByCause(comparisons);
  return result;
}

// "3 worse, 1 better, 2 changed".
std::string Counts(int worse, int better, int changed) {
  return fmt::format("{} worse, {} better, {} changed", worse, better, changed);
}

std::string Plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string Digest(const std::string& sha256) { return sha256.substr(0, 12) + "…"; }

std::string Cell(const std::string& json_text) {
  if (json_text.empty()) return "—";
  return MarkdownCell(json_text.size() > 60 ? json_text.substr(0, 57) + "…" : json_text);
}

// "`datasets/claims/x.csv` changed (SHA-256 eacb291eada9… → f6580eb2488c…)".
std::string InputText(const InputChange& i) {
  if (i.status == "added") {
    return fmt::format("`{}` read now, not by the baseline (SHA-256 {})", i.current_path,
                       Digest(i.current_sha256));
  }
  if (i.status == "removed") {
    return fmt::format("`{}` no longer read (SHA-256 {} in the baseline)", i.baseline_path,
                       Digest(i.baseline_sha256));
  }
  const std::string elsewhere =
      i.baseline_path == i.current_path ? "" : fmt::format("baseline `{}`, ", i.baseline_path);
  return fmt::format("`{}` changed ({}SHA-256 {} → {})", i.current_path, elsewhere,
                     Digest(i.baseline_sha256), Digest(i.current_sha256));
}

std::string CauseHeading(const ChangeCause& cause) {
  if (!cause.inputs_known) return "Reports without manifest inputs (inputs unknown)";
  if (cause.inputs.empty()) {
    return "Same inputs (same SHA-256), other numbers: the code or the options changed";
  }
  if (cause.inputs.size() == 1) return InputText(cause.inputs[0]);
  std::string out = fmt::format("{} inputs changed: ", cause.inputs.size());
  for (size_t k = 0; k < cause.inputs.size(); ++k) {
    out += (k > 0 ? "; " : "") + InputText(cause.inputs[k]);
  }
  return out;
}

// "Claims whose entry changed: 000-0297-4 ("65.0" → "66.0"), 000-0310-2 (added)."
std::string ClaimsLine(const std::vector<ClaimEdit>& claims) {
  if (claims.empty()) return "";
  std::string out = "Claims whose entry changed: ";
  for (size_t k = 0; k < claims.size(); ++k) {
    const ClaimEdit& c = claims[k];
    out += (k > 0 ? ", " : "") + MarkdownCell(c.id);
    if (c.kind != "changed") {
      out += " (" + c.kind + ")";
    } else if (!c.baseline.empty()) {
      out += fmt::format(" ({} → {})", Cell(c.baseline), Cell(c.current));
    }
  }
  return out + ".\n\n";
}

// "Moved 2 reports: a.json (4 differences), b.json (1 difference); 3 other
// reports read it and did not move."
std::string MovedLine(const ChangeCause& cause, const std::vector<const Entry*>& compared) {
  std::string out;
  if (!cause.moved.empty()) {
    out = fmt::format("Moved {}: ", Plural(cause.moved.size(), "report", "reports"));
    for (size_t k = 0; k < cause.moved.size(); ++k) {
      const Entry& e = *compared[cause.moved[k]];
      out += fmt::format("{}{} ({})", k > 0 ? ", " : "", MarkdownCell(e.name),
                         Plural(e.comparison.changes.size(), "difference", "differences"));
    }
  }
  if (!cause.unmoved.empty()) {
    const std::string who = cause.inputs.size() == 1 ? "it" : "them";
    out += cause.moved.empty()
               ? fmt::format("No number moved: {} read {}",
                             Plural(cause.unmoved.size(), "report", "reports"), who)
               : fmt::format("; {} read {} and did not move",
                             Plural(cause.unmoved.size(), "other report", "other reports"), who);
  }
  return out + ".\n";
}

std::string ReportSection(const Entry& e) {
  const ReportComparison& c = e.comparison;
  return fmt::format("\n### {} ({}): {}: {}\n\n", MarkdownCell(e.name), c.schema,
                     Plural(c.changes.size(), "difference", "differences"),
                     Counts(c.worse, c.better, c.changed)) +
         ChangesTable(c);
}

std::string Summary(const CheckRequest& r, const CheckResult& result) {
  std::string allowed;
  if (r.allow_better) allowed += "; better allowed";
  if (r.allow_within_interval) allowed += "; changes within the baseline interval allowed";
  return fmt::format(
      "Baseline `{}`, current `{}`: {} compared, {} differ. **{}: {}** (abs tol {:g}, rel tol "
      "{:g}{}).\n",
      r.baseline, r.current, Plural(result.compared.size(), "report", "reports"), result.differing,
      Plural(result.differences(), "difference", "differences"),
      Counts(result.worse, result.better, result.changed), r.abs_tol, r.rel_tol, allowed);
}

std::string InputsLine(const std::vector<const Entry*>& compared) {
  std::set<InputChange> changed;
  bool known = false, unknown = false, relocated = false;
  for (const Entry* e : compared) {
    const InputComparison& in = e->comparison.inputs;
    (in.known ? known : unknown) = true;
    relocated = relocated || in.relocated > 0;
    changed.insert(in.changes.begin(), in.changes.end());
  }
  if (!known && unknown) {
    return "\nInputs: unknown (no manifest inputs); only the reports' fields are compared.\n";
  }
  if (!known) return "";
  return fmt::format("\nInputs, by SHA-256 from the manifests: {}; {}{}.\n",
                     changed.empty() ? "none changed" : fmt::format("{} changed", changed.size()),
                     changed.empty() ? "all the same bytes" : "the others the same bytes",
                     relocated ? " (some read from another path, which is no difference)" : "");
}

std::string Verdict(const CheckResult& result) {
  if (result.failures > 0) {
    return fmt::format(
        "\n**Fails** (exit 1): {} {} the check. If the change is intended, regenerate the "
        "baseline and commit it with the change.\n",
        result.failures, result.failures == 1 ? "difference fails" : "differences fail");
  }
  if (result.differences() > 0) {
    return fmt::format(
        "\n**Passes**: the {} listed {} allowed; the baseline is out of date, regenerate it.\n",
        Plural(result.differences(), "difference", "differences"),
        result.differences() == 1 ? "is" : "are");
  }
  return "\n**Passes**: nothing moved beyond the tolerance.\n";
}

std::string Markdown(const CheckRequest& r, const CheckResult& result) {
  std::string out = "# podium check\n\n" + Summary(r, result) + InputsLine(result.compared);
  for (const ChangeCause& cause : result.causes) {
    out += "\n## " + CauseHeading(cause) + "\n\n" + ClaimsLine(cause.claims) +
           MovedLine(cause, result.compared);
    for (size_t k : cause.moved) out += ReportSection(*result.compared[k]);
  }
  std::string only_one;
  for (const Entry& e : result.entries) {
    if (e.status == "compared") continue;
    only_one += fmt::format(
        "- `{}`: {} ({})\n", e.name, e.status,
        e.status == "added" ? "only in the current folder" : "only in the baseline folder");
  }
  if (!only_one.empty()) out += "\n## Reports in one folder only\n\n" + only_one;
  return out + Verdict(result);
}

Json InputJson(const InputChange& i) {
  auto text = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return {{"status", i.status},
          {"kind", i.kind},
          {"baseline_path", text(i.baseline_path)},
          {"current_path", text(i.current_path)},
          {"baseline_sha256", text(i.baseline_sha256)},
          {"current_sha256", text(i.current_sha256)}};
}

Json ChangeJson(const ReportChange& c) {
  return {{"path", c.path},
          {"kind", c.kind},
          {"direction", DirectionName(c.direction)},
          {"baseline", c.baseline.empty() ? Json(nullptr) : Json::parse(c.baseline)},
          {"current", c.current.empty() ? Json(nullptr) : Json::parse(c.current)},
          {"delta", std::isnan(c.delta) ? Json(nullptr) : Json(c.delta)},
          {"interval", c.interval.empty() ? Json(nullptr) : Json(c.interval)},
          {"fails", c.fails}};
}

Json EntryJson(const Entry& e) {
  const ReportComparison& c = e.comparison;
  Json changes = Json::array(), inputs = Json::array();
  for (const ReportChange& change : c.changes) changes.push_back(ChangeJson(change));
  for (const InputChange& i : c.inputs.changes) inputs.push_back(InputJson(i));
  const bool compared = e.status == "compared";
  return {{"name", e.name},
          {"status", e.status},
          {"schema", compared ? Json(c.schema) : Json(nullptr)},
          {"inputs",
           {{"known", c.inputs.known},
            {"same", c.inputs.same},
            {"relocated", c.inputs.relocated},
            {"changes", std::move(inputs)}}},
          {"worse", c.worse},
          {"better", c.better},
          {"changed", compared ? c.changed : 1},
          {"failures", compared ? c.failures : 1},
          {"changes", std::move(changes)}};
}

Json CausesJson(const CheckResult& result) {
  const std::vector<const Entry*>& compared = result.compared;
  Json causes = Json::array();
  for (const ChangeCause& cause : result.causes) {
    Json inputs = Json::array(), moved = Json::array(), unmoved = Json::array(),
         claims = Json::array();
    for (const InputChange& i : cause.inputs) inputs.push_back(InputJson(i));
    for (size_t k : cause.moved) moved.push_back(compared[k]->name);
    for (size_t k : cause.unmoved) unmoved.push_back(compared[k]->name);
    for (const ClaimEdit& c : cause.claims) {
      claims.push_back({{"id", c.id},
                        {"kind", c.kind},
                        {"baseline", c.baseline.empty() ? Json(nullptr) : Json::parse(c.baseline)},
                        {"current", c.current.empty() ? Json(nullptr) : Json::parse(c.current)}});
    }
    causes.push_back({{"inputs_known", cause.inputs_known},
                      {"inputs", std::move(inputs)},
                      {"moved", std::move(moved)},
                      {"unmoved", std::move(unmoved)},
                      {"claims", std::move(claims)}});
  }
  return causes;
}

Json ToJson(const CheckRequest& r, const CheckResult& result) {
  Json doc;
  doc["schema"] = "podium.check/2";
  doc["baseline"] = r.baseline;
  doc["current"] = r.current;
  doc["options"] = {{"abs_tol", r.abs_tol},
                    {"rel_tol", r.rel_tol},
                    {"allow_within_interval", r.allow_within_interval},
                    {"allow_better", r.allow_better},
                    {"ignore", r.ignore}};
  doc["summary"] = {{"reports", result.entries.size()},
                    {"differing", result.differing},
                    {"differences", result.differences()},
                    {"worse", result.worse},
                    {"better", result.better},
                    {"changed", result.changed},
                    {"failures", result.failures}};
  doc["causes"] = CausesJson(result);
  Json reports = Json::array();
  for (const Entry& e : result.entries) reports.push_back(EntryJson(e));
  doc["reports"] = std::move(reports);
  doc["failures"] = result.failures;
  return doc;
}

// Warns about --ignore patterns that left out no field of any report (a typo).
void WarnUnusedIgnores(const CheckRequest& r, const CheckResult& result, std::ostream& err) {
  std::set<size_t> used;
  for (const Entry* e : result.compared) {
    used.insert(e->comparison.ignore_used.begin(), e->comparison.ignore_used.end());
  }
  for (size_t k = 0; !result.compared.empty() && k < r.ignore.size(); ++k) {
    if (used.count(k) == 0) {
      err << fmt::format("podium check: warning: --ignore '{}' matched no field of any report\n",
                         r.ignore[k]);
    }
  }
}

}  // namespace

std::string ChangesTable(const ReportComparison& comparison) {
  std::string out = "| Where | Change | Baseline | Current | Δ | Interval | Fails |\n";
  out += "|---|---|---:|---:|---:|---|---|\n";
  for (size_t k = 0; k < comparison.changes.size() && k < kShownPerReport; ++k) {
    const ReportChange& c = comparison.changes[k];
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", MarkdownCell(c.path),
                       c.kind == "changed" ? DirectionName(c.direction) : c.kind, Cell(c.baseline),
                       Cell(c.current), std::isnan(c.delta) ? "—" : fmt::format("{:+.6g}", c.delta),
                       c.interval.empty() ? "—" : c.interval, c.fails ? "yes" : "no");
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
              "A moved score whose rows carry intervals does not fail while the change stays "
              "within the baseline interval's half-width");
  c->add_flag("--allow-better", r->allow_better,
              "An improvement (a higher score, a better rank) is listed but does not fail");
  c->add_option("--ignore", r->ignore,
                "Leave out a field: a key at any depth (ci_low_mcse) or a path from the top "
                "(rows[*].tier, options.uncertainty); repeatable or comma-separated")
      ->allow_extra_args(false)
      ->delimiter(',');
  c->add_option("--json", r->json, "Also write the comparison as JSON (schema podium.check/2)");
  c->add_option("--out", r->out, "Write the Markdown diff here instead of standard output");
}

int RunCheck(const CheckRequest& r, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  CheckOptions options;
  options.abs_tol = r.abs_tol;
  options.rel_tol = r.rel_tol;
  options.allow_within_interval = r.allow_within_interval;
  options.allow_better = r.allow_better;
  for (const std::string& field : r.ignore) options.ignore.push_back(ParsePath(field));
  std::vector<Entry> entries;
  CheckPaths(r, &diagnostics);
  if (!diagnostics.has_errors() && fs::is_directory(r.baseline)) {
    CompareFolders(r, options, &entries, &diagnostics);
  } else if (!diagnostics.has_errors()) {
    CompareFiles(fs::path(r.current).filename().string(), r.baseline, r.current, options, &entries,
                 &diagnostics);
  }
  diagnostics.Print(err);
  if (diagnostics.has_errors()) {
    err << "podium check: " << Plural(diagnostics.error_count(), "error", "errors")
        << "; nothing compared\n";
    return 2;
  }
  const CheckResult result = Result(std::move(entries));
  WarnUnusedIgnores(r, result, err);
  std::string error;
  if (!r.json.empty() && !WriteOutputFile(r.json, ToJson(r, result).dump(2) + "\n", &error)) {
    err << "podium check: error: " << error << "\n";
    return 2;
  }
  const std::string text = Markdown(r, result);
  if (r.out.empty()) {
    out << text;
  } else if (!WriteOutputFile(r.out, text, &error)) {
    err << "podium check: error: " << error << "\n";
    return 2;
  }
  return result.failures > 0 ? 1 : 0;
}

}  // namespace podium
