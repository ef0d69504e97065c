// What the source audit reads and reports: the documents, the options, and
// the findings (errors, warnings, and findings about the sources themselves).
//
// Shared by the per-claim checks (table_claim.h, prose_claim.h) and the audit
// that runs them over every claim (source_audit.h).
#ifndef PODIUM_ENGINE_AUDIT_AUDIT_FINDING_H_
#define PODIUM_ENGINE_AUDIT_AUDIT_FINDING_H_

#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

// One source document, split into lines (line k is lines[k - 1]).
struct SourceDocument {
  std::string id;
  std::string path;    // as shown in reports
  bool found = false;  // false: the file could not be read
  std::string sha256;  // digest of the bytes read
  std::vector<std::string> lines;
  // ',' for a .csv document, '\t' for a .tsv one: every line is a row split by
  // it (a number after the delimiter is a cell, never a thousands group).
  // 0 for a text document, whose table rows are recognised line by line.
  char delimiter = 0;
  std::string file;   // as opened
  std::string bytes;  // the file as read (data claims are checked in it)
};

struct AuditOptions {
  int context_lines = 8;    // how far above the cited line (or a table's header)
                            // the model may be named
  int benchmark_lines = 3;  // how far above a prose sentence its benchmark may be
                            // named
};

enum class FindingKind {
  // Errors: the datasets disagree with the sources (exit code 1).
  kDocumentMissing,   // the document named in sources.csv cannot be read
  kDigestMismatch,    // its SHA-256 differs from sources.csv
  kLineOutOfRange,    // the cited line does not exist
  kValueNotOnLine,    // the value is not printed on the cited line (or row)
  kWrongCell,         // table: the value is in another column of the row
  kRowLabelMismatch,  // table: the row's label names another model
  kWrongNumber,       // prose: the value is another model's number, or the
                      // model's number for the benchmark is another
  kOtherBenchmark,    // prose: the value follows another benchmark's name
  kBenchmarkNotNear,  // prose: the benchmark is not named in the sentence or
                      // just above
  kNumberCitedTwice,  // claims of one model and benchmark cite one number of a
                      // line more often than the line prints it
  kModelNotNear,      // no name of the model on the line or just above it
  // Warnings: the audit cannot decide (the claim is not counted as verified,
  // but does not fail the audit).
  kUndecided,
  // Findings about the sources (neither errors nor warnings).
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

// The outcome of checking one claim against its document: verified when
// `problem` is empty; otherwise an error or warning kind and what was found,
// in words that name the claim and the place where the value is.
struct ClaimCheck {
  std::optional<FindingKind> problem;
  std::string message;

  static ClaimCheck Verified() { return {}; }
};

bool IsAuditError(FindingKind kind);
bool IsAuditWarning(FindingKind kind);
// snake_case name used in JSON reports ("wrong_cell").
const char* FindingKindName(FindingKind kind);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_AUDIT_FINDING_H_
