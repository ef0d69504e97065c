// Compiler-style diagnostics that point at the offending part of the input.
//
// Every problem found in an input file becomes one Diagnostic; readers collect
// all of them before giving up, so a user sees every problem of a file at once:
//
//   datasets/claims/x.csv:14:25: error: field 'value': "n/a" is not a finite number
//
// Lines are 1-based; columns are 1-based byte offsets into the line (as GCC
// prints them by default). A line or column of 0 means "not applicable" (for
// example an option given on the command line) and is left out of the text.
#ifndef PODIUM_ENGINE_BASE_DIAGNOSTIC_H_
#define PODIUM_ENGINE_BASE_DIAGNOSTIC_H_

#include <iosfwd>
#include <map>
#include <string>
#include <vector>

namespace podium {

enum class Severity { kError, kWarning, kNote };

// Where a piece of input came from. Copied into every record read from a file
// so that later stages (conflict detection, audit) can still point at it.
struct Location {
  std::string path;  // as given by the user, e.g. "datasets/claims/x.csv"
  int line = 0;      // 1-based; 0 = unknown / not a file
  int column = 0;    // 1-based byte column; 0 = whole line
};

struct Diagnostic {
  Severity severity = Severity::kError;
  Location location;
  std::string field;    // column or option name, e.g. "value"; may be empty
  std::string text;     // the offending text as found in the input
  std::string message;  // what is wrong, without the location prefix
};

// "path:line:col: error: field 'f': message" (parts that are unknown omitted).
std::string FormatDiagnostic(const Diagnostic& diagnostic);

// An ordered collection of diagnostics. Order is the order of discovery, which
// for file readers is file order, so output is deterministic.
//
// At most kMaxDiagnosticsOfAKind diagnostics of one kind (same file, severity,
// field and message once the offending text is taken out) are kept; the next
// place of the list then holds one summary of the same severity, "... and N
// more like this", so one bad label repeated on 5,000 lines prints 21 lines.
// Counts (error_count) include every diagnostic, kept or not.
inline constexpr int kMaxDiagnosticsOfAKind = 20;

class Diagnostics {
 public:
  void Add(Diagnostic diagnostic);
  void Error(const Location& location, std::string field, std::string text, std::string message);
  void Warning(const Location& location, std::string field, std::string text, std::string message);

  bool has_errors() const { return error_count_ > 0; }
  int error_count() const { return error_count_; }
  bool empty() const { return list_.empty(); }
  const std::vector<Diagnostic>& all() const { return list_; }

  // Appends every diagnostic of `other`, keeping their order.
  void Merge(const Diagnostics& other);

  // Writes one formatted diagnostic per line; with `errors_only` (--quiet)
  // warnings and notes are left out.
  void Print(std::ostream& out, bool errors_only = false) const;

 private:
  std::vector<Diagnostic> list_;
  int error_count_ = 0;
  // Per kind: how many were added, and where its summary sits in list_.
  struct KindCount {
    int added = 0;
    size_t summary = 0;
  };
  std::map<std::string, KindCount> kinds_;
};

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_DIAGNOSTIC_H_
