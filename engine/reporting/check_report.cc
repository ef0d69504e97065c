#include "engine/reporting/check_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>

#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// "3 worse, 1 better, 2 changed".
std::string Counts(int worse, int better, int changed) {
  return fmt::format("{} worse, {} better, {} changed", worse, better, changed);
}

std::string Plural(size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string Digest(const std::string& sha256) { return sha256.substr(0, 12) + "…"; }

// A value as JSON text, cut at 60 characters; "—" when there is none.
std::string Cell(const std::optional<Json>& value) {
  if (!value) return "—";
  const std::string text = value->dump();
  return MarkdownCell(text.size() > 60 ? text.substr(0, 57) + "…" : text);
}

// JSON null when there is no value.
Json OrNull(const std::optional<Json>& value) { return value ? *value : Json(nullptr); }

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
    } else if (c.baseline) {
      out += fmt::format(" ({} → {})", Cell(c.baseline), Cell(c.current));
    }
  }
  return out + ".\n\n";
}

// "Moved 2 reports: a.json (4 differences), b.json (1 difference); 3 other
// reports read it and did not move."
std::string MovedLine(const ChangeCause& cause, const std::vector<const CheckedReport*>& compared) {
  std::string out;
  if (!cause.moved.empty()) {
    out = fmt::format("Moved {}: ", Plural(cause.moved.size(), "report", "reports"));
    for (size_t k = 0; k < cause.moved.size(); ++k) {
      const CheckedReport& e = *compared[cause.moved[k]];
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

std::string ReportSection(const CheckedReport& e, const std::string& full_list) {
  const ReportComparison& c = e.comparison;
  return fmt::format("\n### {} ({}): {}: {}\n\n", MarkdownCell(e.name), c.schema,
                     Plural(c.changes.size(), "difference", "differences"),
                     Counts(c.worse, c.better, c.changed)) +
         ChangesTable(c, full_list);
}

std::string Summary(const CheckResult& result) {
  const CheckOptions& o = result.options;
  std::string allowed;
  if (o.allow_better) allowed += "; better allowed";
  if (o.allow_within_interval) allowed += "; changes within the baseline interval allowed";
  return fmt::format(
      "Baseline `{}`, current `{}`: {} compared, {} differ. **{}: {}** (abs tol {:g}, rel tol "
      "{:g}{}).\n",
      result.baseline, result.current, Plural(result.compared.size(), "report", "reports"),
      result.differing, Plural(result.differences(), "difference", "differences"),
      Counts(result.worse, result.better, result.changed), o.abs_tol, o.rel_tol, allowed);
}

std::string InputsLine(const std::vector<const CheckedReport*>& compared) {
  std::set<InputChange> changed;
  bool known = false, unknown = false, relocated = false;
  for (const CheckedReport* e : compared) {
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

// Under each cause, the sections of the reports it moved.
std::string CausesMarkdown(const CheckResult& result, const std::string& full_list) {
  std::string out;
  for (const ChangeCause& cause : result.causes) {
    out += "\n## " + CauseHeading(cause) + "\n\n" + ClaimsLine(cause.claims) +
           MovedLine(cause, result.compared);
    for (size_t k : cause.moved) out += ReportSection(*result.compared[k], full_list);
  }
  return out;
}

std::string OnlyInOneMarkdown(const CheckResult& result) {
  std::string only_one;
  for (const CheckedReport& e : result.reports) {
    if (e.compared()) continue;
    only_one += fmt::format(
        "- `{}`: {} ({})\n", e.name, e.status,
        e.status == "added" ? "only in the current folder" : "only in the baseline folder");
  }
  return only_one.empty() ? "" : "\n## Reports in one folder only\n\n" + only_one;
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
          {"baseline", OrNull(c.baseline)},
          {"current", OrNull(c.current)},
          {"delta", std::isnan(c.delta) ? Json(nullptr) : Json(c.delta)},
          {"interval", c.interval.empty() ? Json(nullptr) : Json(c.interval)},
          {"fails", c.fails}};
}

Json ReportJson(const CheckedReport& e) {
  const ReportComparison& c = e.comparison;
  Json changes = Json::array(), inputs = Json::array();
  for (const ReportChange& change : c.changes) changes.push_back(ChangeJson(change));
  for (const InputChange& i : c.inputs.changes) inputs.push_back(InputJson(i));
  return {{"name", e.name},
          {"status", e.status},
          {"schema", e.compared() ? Json(c.schema) : Json(nullptr)},
          {"inputs",
           {{"known", c.inputs.known},
            {"same", c.inputs.same},
            {"relocated", c.inputs.relocated},
            {"changes", std::move(inputs)}}},
          {"worse", c.worse},
          {"better", c.better},
          {"changed", c.changed},
          {"failures", c.failures},
          {"changes", std::move(changes)}};
}

Json CausesJson(const CheckResult& result) {
  const std::vector<const CheckedReport*>& compared = result.compared;
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
                        {"baseline", OrNull(c.baseline)},
                        {"current", OrNull(c.current)}});
    }
    causes.push_back({{"inputs_known", cause.inputs_known},
                      {"inputs", std::move(inputs)},
                      {"moved", std::move(moved)},
                      {"unmoved", std::move(unmoved)},
                      {"claims", std::move(claims)}});
  }
  return causes;
}

}  // namespace

std::string ChangesTable(const ReportComparison& comparison, const std::string& full_list) {
  std::string out = "| Where | Change | Baseline | Current | Δ | Interval | Fails |\n";
  out += "|---|---|---:|---:|---:|---|---|\n";
  for (size_t k = 0; k < comparison.changes.size() && k < kChangesShown; ++k) {
    const ReportChange& c = comparison.changes[k];
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", MarkdownCell(c.path),
                       c.kind == "changed" ? DirectionName(c.direction) : c.kind, Cell(c.baseline),
                       Cell(c.current), std::isnan(c.delta) ? "—" : fmt::format("{:+.6g}", c.delta),
                       c.interval.empty() ? "—" : c.interval, c.fails ? "yes" : "no");
  }
  if (comparison.changes.size() > kChangesShown) {
    out += fmt::format("\n… and {} more (all in {}).\n", comparison.changes.size() - kChangesShown,
                       full_list);
  }
  return out;
}

std::string CheckMarkdown(const CheckResult& result, const std::string& full_list) {
  return "# podium check\n\n" + Summary(result) + InputsLine(result.compared) +
         CausesMarkdown(result, full_list) + OnlyInOneMarkdown(result) + Verdict(result);
}

std::string CheckJson(const CheckResult& result) {
  const CheckOptions& o = result.options;
  Json doc;
  doc["schema"] = "podium.check/2";
  doc["baseline"] = result.baseline;
  doc["current"] = result.current;
  doc["options"] = {{"abs_tol", o.abs_tol},
                    {"rel_tol", o.rel_tol},
                    {"allow_within_interval", o.allow_within_interval},
                    {"allow_better", o.allow_better},
                    {"ignore", o.ignore}};
  doc["summary"] = {{"reports", result.reports.size()},
                    {"differing", result.differing},
                    {"differences", result.differences()},
                    {"worse", result.worse},
                    {"better", result.better},
                    {"changed", result.changed},
                    {"failures", result.failures}};
  doc["causes"] = CausesJson(result);
  Json reports = Json::array();
  for (const CheckedReport& e : result.reports) reports.push_back(ReportJson(e));
  doc["reports"] = std::move(reports);
  doc["failures"] = result.failures;
  return doc.dump(2) + "\n";
}

}  // namespace podium
