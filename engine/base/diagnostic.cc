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
  // The kind: the message with the offending text taken out, so the same
  // problem with different offending text ("unknown winner \"x\"", "... \"y\"")
  // is one kind.
  std::string message = diagnostic.message;
  if (!diagnostic.text.empty()) {
    for (size_t at = message.find(diagnostic.text); at != std::string::npos;
         at = message.find(diagnostic.text, at)) {
      message.erase(at, diagnostic.text.size());
    }
  }
  const std::string key =
      fmt::format("{}\x1f{}\x1f{}\x1f{}", diagnostic.location.path,
                  static_cast<int>(diagnostic.severity), diagnostic.field, message);
  KindCount& kind = kinds_[key];
  ++kind.added;
  if (kind.added <= kMaxDiagnosticsOfAKind) {
    list_.push_back(std::move(diagnostic));
    return;
  }
  const int more = kind.added - kMaxDiagnosticsOfAKind;
  if (more == 1) {
    kind.summary = list_.size();
    Diagnostic summary{diagnostic.severity, Location{diagnostic.location.path}, diagnostic.field,
                       "", ""};
    list_.push_back(std::move(summary));
  }
  list_[kind.summary].message = fmt::format("... and {} more like this", more);
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
  // `other` has capped its own kinds already: its summaries are kept as they are.
  list_.insert(list_.end(), other.list_.begin(), other.list_.end());
  error_count_ += other.error_count_;
}

void Diagnostics::Print(std::ostream& out, bool errors_only) const {
  for (const Diagnostic& d : list_) {
    if (errors_only && d.severity != Severity::kError) continue;
    out << FormatDiagnostic(d) << '\n';
  }
}

}  // namespace podium
