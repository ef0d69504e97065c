#include "engine/base/diagnostic.h"

#include <fmt/format.h>

#include <ostream>

namespace podium {
namespace {

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

}  // namespace

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.location.path.empty()) {
    out += d.location.path;
    if (d.location.line > 0) out += fmt::format(":{}", d.location.line);
    if (d.location.line > 0 && d.location.column > 0) {
      out += fmt::format(":{}", d.location.column);
    }
    out += ": ";
  }
  out += SeverityName(d.severity);
  out += ": ";
  if (!d.field.empty()) out += fmt::format("field '{}': ", d.field);
  out += d.message;
  return out;
}

void Diagnostics::Add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::kError) ++error_count_;
  list_.push_back(std::move(diagnostic));
}

void Diagnostics::Error(const Location& location, std::string field, std::string text,
                        std::string message) {
  Add({Severity::kError, location, std::move(field), std::move(text), std::move(message)});
}

void Diagnostics::Warning(const Location& location, std::string field, std::string text,
                          std::string message) {
  Add({Severity::kWarning, location, std::move(field), std::move(text), std::move(message)});
}

void Diagnostics::Merge(const Diagnostics& other) {
  for (const Diagnostic& d : other.list_) Add(d);
}

void Diagnostics::Print(std::ostream& out, bool errors_only) const {
  for (const Diagnostic& d : list_) {
    if (errors_only && d.severity != Severity::kError) continue;
    out << FormatDiagnostic(d) << '\n';
  }
}

}  // namespace podium
