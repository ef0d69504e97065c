#include "engine/reporting/audit_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>

#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

bool DigestOk(const AuditContext& context, const Source& s) {
  auto it = context.documents->find(s.id);
  return it != context.documents->end() && it->second.found &&
         (s.sha256.empty() || s.sha256 == it->second.sha256);
}

// The findings `shown` accepts, in the result's order, as a Markdown list.
std::string Section(const AuditResult& result, const std::function<bool(FindingKind)>& shown,
                    bool quote_line) {
  std::string out;
  for (const AuditFinding& f : result.findings) {
    if (!shown(f.kind)) continue;
    out += fmt::format("- {}", MarkdownCell(f.message));
    if (f.line > 0) out += fmt::format(" — {} line {}", f.source, f.line);
    if (!f.origin.path.empty() && f.origin.line > 0) {
      out += fmt::format(" (claims row {}:{})", f.origin.path, f.origin.line);
    }
    out += "\n";
    if (quote_line && !f.text.empty()) out += fmt::format("  > {}\n", f.text);
  }
  return out.empty() ? "None.\n" : out;
}

std::function<bool(FindingKind)> Is(FindingKind kind) {
  return [kind](FindingKind k) { return k == kind; };
}

int Count(const AuditResult& result, FindingKind kind) {
  return static_cast<int>(std::count_if(result.findings.begin(), result.findings.end(),
                                        [&](const AuditFinding& f) { return f.kind == kind; }));
}

// For a dataset with imported files (`podium import`): what a data claim must
// be, and where those files are read from. Empty otherwise.
std::string ImportedSourcesNote(const Registry& registry) {
  const bool imported = std::any_of(registry.sources().begin(), registry.sources().end(),
                                    [](const Source& s) { return IsPathFromDataset(s.file); });
  if (!imported) return "";
  return " A data claim (from `podium import`) must be the value at its field (the column, or "
         "the JSON Pointer) on its line of the file it cites; imported files are read from the "
         "paths in sources.csv, relative to the dataset folder. Data claims are counted as "
         "table claims below.";
}

}  // namespace

// Long on purpose: the page's sections in reading order (summary, errors,
// warnings, verified claims).
std::string AuditMarkdown(const AuditResult& result, const AuditContext& context) {
  std::string out = "# Source audit\n\n";
  out += fmt::format(
      "Every claim in `datasets/claims/` checked against the document it cites (in `{}`; "
      "rules in docs/methods.md, \"Source audit\"). A table claim must be the cell in its "
      "benchmark's column of the cited row, and the row's label (or, if it names no model, the "
      "table's caption within {} lines above the header) must name the model. A prose claim "
      "must be the number the sentence attaches to the model's name (the first number after "
      "it, or in parentheses after it, or the subject's number after the benchmark's name), "
      "said of the claim's benchmark (named before it in the sentence, or in the sentence, "
      "earlier on the line or within {} lines above); the model must be named on the line or "
      "within {} lines above. A claim the rules cannot decide is a warning, not a pass.{}\n\n"
      "**{} of {} claims verified; {} undecided (warnings); {} failed; {} errors.**\n\n",
      context.sources_directory, context.context_lines, context.benchmark_lines,
      context.context_lines, ImportedSourcesNote(*context.registry), result.verified, result.claims,
      result.warnings, result.failed, result.errors);
  out +=
      "| Source | Title | Date | SHA-256 | Claims | Table | Prose | Verified | Undecided |\n"
      "|---|---|---|---|---:|---:|---:|---:|---:|\n";
  for (const SourceSummary& s : result.sources) {
    const Source* source = context.registry->FindSource(s.source);
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", s.source,
                       MarkdownCell(source->title), source->date,
                       DigestOk(context, *source) ? "matches" : "**differs or missing**", s.claims,
                       s.tables, s.prose, s.verified, s.warnings);
  }
  out += "\n## Errors: the datasets disagree with the sources\n\n";
  out += Section(result, IsAuditError, true);
  out += fmt::format(
      "\n## Warnings: claims the audit cannot decide ({})\n\nThe value is printed on the cited "
      "line, but the rules cannot tell that it is the model's (a number written before the "
      "model's name, the second of \"from A to B\", a table column the setting does not "
      "name). Not counted as verified; a reviewer reads the line.\n\n",
      Count(result, FindingKind::kUndecided));
  out += Section(result, Is(FindingKind::kUndecided), true);
  out += fmt::format("\n## Conflicts: one model and benchmark, different numbers ({})\n\n",
                     Count(result, FindingKind::kConflict));
  out += Section(result, Is(FindingKind::kConflict), false);
  out += fmt::format("\n## The same number quoted more than once ({})\n\n",
                     Count(result, FindingKind::kDuplicate));
  out += Section(result, Is(FindingKind::kDuplicate), false);
  out += fmt::format(
      "\n## Table checks\n\nStated averages recomputed from their rows ({} match, {} do not); "
      "rows of tables with an average column checked to be sorted by it ({} out of order).\n\n",
      Count(result, FindingKind::kAverageChecked), Count(result, FindingKind::kAverageMismatch),
      Count(result, FindingKind::kOrderMismatch));
  out += Section(
      result,
      [](FindingKind k) {
        return k == FindingKind::kAverageMismatch || k == FindingKind::kOrderMismatch ||
               k == FindingKind::kAverageChecked;
      },
      true);
  out += fmt::format(
      "\n## Numbers no claim cites ({})\n\nNumbers printed with 점 or % on a line that names a "
      "model, but cited by no claim. Most are not evaluation results (survey shares, prices, "
      "growth); each was read and left out on purpose. Listed so a reviewer can check.\n\n",
      Count(result, FindingKind::kUncitedNumber));
  out += Section(result, Is(FindingKind::kUncitedNumber), true);
  return out;
}

std::string AuditJson(const AuditResult& result, const AuditContext& context) {
  Json doc;
  doc["schema"] = "podium.audit/1";
  doc["sources_directory"] = context.sources_directory;
  doc["context_lines"] = context.context_lines;
  doc["benchmark_lines"] = context.benchmark_lines;
  doc["summary"] = {{"claims", result.claims},
                    {"verified", result.verified},
                    {"warnings", result.warnings},
                    {"failed", result.failed},
                    {"errors", result.errors}};
  Json sources = Json::array();
  for (const SourceSummary& s : result.sources) {
    const Source* source = context.registry->FindSource(s.source);
    sources.push_back({{"id", s.source},
                       {"title", source->title},
                       {"date", source->date},
                       {"sha256", source->sha256},
                       {"sha256_matches", DigestOk(context, *source)},
                       {"claims", s.claims},
                       {"table", s.tables},
                       {"prose", s.prose},
                       {"verified", s.verified},
                       {"warnings", s.warnings}});
  }
  doc["sources"] = std::move(sources);
  Json findings = Json::array();
  for (const AuditFinding& f : result.findings) {
    Json entry = {{"kind", FindingKindName(f.kind)},
                  {"severity", IsAuditError(f.kind)     ? "error"
                               : IsAuditWarning(f.kind) ? "warning"
                                                        : "finding"},
                  {"claims", f.claims},
                  {"source", f.source},
                  {"line", f.line},
                  {"text", f.text},
                  {"message", f.message}};
    if (!f.origin.path.empty()) {
      entry["claims_row"] = fmt::format("{}:{}", f.origin.path, f.origin.line);
    }
    findings.push_back(std::move(entry));
  }
  doc["findings"] = std::move(findings);
  return doc.dump(2) + "\n";
}

}  // namespace podium
