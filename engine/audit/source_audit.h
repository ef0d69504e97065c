// Checks claims against the source documents they cite (`podium audit`).
//
// For a reviewer, a claim is only as good as its citation. The audit reads each
// source document and checks, per claim:
//   - the cited line exists and prints the value (as a whole number token, sign
//     as printed; "1,077" matches 1077);
//   - one of the model's names (id, name, any alias, or the name as written) is
//     on that line or within `context_lines` lines above it (the paragraph or
//     table the number belongs to).
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
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

// One source document, split into lines (line k is lines[k - 1]).
struct SourceDocument {
  std::string id;
  std::string path;    // as shown in reports
  bool found = false;  // false: the file could not be read
  std::string sha256;  // digest of the bytes read
  std::vector<std::string> lines;
};

enum class FindingKind {
  // Errors: the datasets disagree with the sources.
  kDocumentMissing,  // the document named in sources.csv cannot be read
  kDigestMismatch,   // its SHA-256 differs from sources.csv
  kLineOutOfRange,   // the cited line does not exist
  kValueNotOnLine,   // the value is not printed on the cited line
  kModelNotNear,     // no name of the model on the line or just above it
  // Findings about the sources (not errors).
  kConflict,         // same model and benchmark, different values
  kDuplicate,        // the same number quoted more than once
  kAverageChecked,   // a stated average recomputed and matching
  kAverageMismatch,  // a stated average that its columns do not give
  kOrderMismatch,    // a table row out of the table's stated order
  kUncitedNumber,    // a score-like number on a model's line that no claim cites
};

struct AuditFinding {
  FindingKind kind;
  std::vector<std::string> claims;  // claim ids involved (may be empty)
  std::string source;               // source id
  int line = 0;                     // line in the source document (0 = none)
  std::string text;                 // that line's text (trimmed), for the reader
  std::string message;              // what was found, in words
  Location origin;                  // the claims-file row, when one claim is at fault
};

struct AuditOptions {
  int context_lines = 8;  // how far above the cited line a model name may be
};

struct SourceSummary {
  std::string source;
  int claims = 0;    // claims citing this source
  int verified = 0;  // claims that passed every check
  int tables = 0;    // claims of kind table
  int prose = 0;     // claims of kind prose
};

struct AuditResult {
  std::vector<AuditFinding> findings;  // in a stable order: by kind, source, line
  std::vector<SourceSummary> sources;  // in sources.csv order
  int claims = 0;
  int verified = 0;
  int errors = 0;  // findings of the error kinds
};

// Loads every source of the registry from `directory` (file name from
// sources.csv), shown in reports as `display_directory/<file>`.
std::map<std::string, SourceDocument> LoadSourceDocuments(const Registry& registry,
                                                          const std::string& directory,
                                                          const std::string& display_directory);

// Runs every check. Pure function of its inputs.
AuditResult AuditClaims(const std::vector<Claim>& claims, const Registry& registry,
                        const std::map<std::string, SourceDocument>& documents,
                        const AuditOptions& options = {});

// True if `line` prints the number `value_text` as a whole token: not part of
// a longer number, the sign as written (an unsigned value may follow '+'), and
// integers of four or more digits also accepted with thousands separators.
bool LinePrintsNumber(std::string_view line, std::string_view value_text);

bool IsAuditError(FindingKind kind);
const char* FindingKindName(FindingKind kind);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_SOURCE_AUDIT_H_
