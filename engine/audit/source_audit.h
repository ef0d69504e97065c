// Checks claims against the source documents they cite (`podium audit`).
//
// For a reviewer, a claim is only as good as its citation. The audit reads each
// source document and checks, per claim, that the cited line exists and that
// the value is where the claim says:
//   - table claims: the cell in the column headed by the claim's benchmark, in
//     a row whose label names the model (table_claim.h);
//   - prose claims, and table claims whose benchmark heads no column: the
//     number the sentence attaches to the model's name, said of the claim's
//     benchmark (prose_claim.h); where that cannot be decided the claim gets a
//     warning, never a silent pass;
//   - and, for prose, that a name of the model is on the line or within
//     `context_lines` above it.
// It also reports what the sources themselves get wrong or repeat:
//   - conflicts: one model and benchmark with different values (both sources);
//   - duplicates: the same number quoted in several places;
//   - table averages: a row's value on an `aggregate` benchmark (e.g. the Open
//     LLM Leaderboard "Average") recomputed from the row's other table cells;
//   - table order: rows of a table with an aggregate column should be sorted by
//     it, best first;
//   - candidates: numbers followed by 점 or % on a line that names a model but
//     that no claim cites (to help check completeness; many are not scores).
// Documents are identified by sources.csv; a document's SHA-256 must match.
#ifndef PODIUM_ENGINE_AUDIT_SOURCE_AUDIT_H_
#define PODIUM_ENGINE_AUDIT_SOURCE_AUDIT_H_

#include <map>
#include <string>
#include <vector>

#include "engine/audit/audit_finding.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

struct SourceSummary {
  std::string source;
  int claims = 0;    // claims citing this source
  int verified = 0;  // claims that passed every check
  int warnings = 0;  // claims the audit could not decide
  int tables = 0;    // claims of kind table or data (a cell or value of a data file)
  int prose = 0;     // claims of kind prose
};

struct AuditResult {
  std::vector<AuditFinding> findings;  // in a stable order: by kind, source, line
  std::vector<SourceSummary> sources;  // in sources.csv order
  int claims = 0;
  int verified = 0;  // claims that passed every check
  int warnings = 0;  // claims the audit could not decide (kUndecided)
  int failed = 0;    // claims with an error
  int errors = 0;    // findings of the error kinds (claims and documents)
};

// Loads every source of the registry: a bare file name from sources.csv is
// read from `directory` (the documents folder, shown in reports as
// `display_directory/<file>`); a path starting "./", "../" or "/" (what
// `podium import` writes) is read from the dataset folder `dataset` (shown
// as `display_dataset/<path>`), or as is when absolute. A .csv or .tsv
// file is read as a table split by its delimiter (SourceDocument::delimiter).
std::map<std::string, SourceDocument> LoadSourceDocuments(const Registry& registry,
                                                          const std::string& directory,
                                                          const std::string& display_directory,
                                                          const std::string& dataset = ".",
                                                          const std::string& display_dataset = ".");

// True for a sources.csv `file` that is a path from the dataset folder.
bool IsPathFromDataset(const std::string& file);

// Runs every check. Pure function of its inputs.
AuditResult AuditClaims(const std::vector<Claim>& claims, const Registry& registry,
                        const std::map<std::string, SourceDocument>& documents,
                        const AuditOptions& options = {});

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_SOURCE_AUDIT_H_
