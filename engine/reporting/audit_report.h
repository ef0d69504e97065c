// Audit result -> Markdown (for a reviewer) and JSON ("schema": "podium.audit/1").
//
// Both list the summary (claims verified, undecided, failed), one row per
// source document, then the findings: errors (the datasets disagree with the
// sources), warnings (claims the audit cannot decide), and findings about the
// sources themselves (conflicts, repeated quotes, table arithmetic, uncited
// numbers). Messages name the claim and where its value was found.
#ifndef PODIUM_ENGINE_REPORTING_AUDIT_REPORT_H_
#define PODIUM_ENGINE_REPORTING_AUDIT_REPORT_H_

#include <map>
#include <string>

#include "engine/audit/source_audit.h"
#include "engine/registry/registry.h"

namespace podium {

struct AuditContext {
  const Registry* registry = nullptr;
  const std::map<std::string, SourceDocument>* documents = nullptr;
  std::string sources_directory;  // as shown, e.g. "../shared/seeds"
  int context_lines = 8;          // AuditOptions::context_lines in force
  int benchmark_lines = 3;        // AuditOptions::benchmark_lines in force
};

std::string AuditMarkdown(const AuditResult& result, const AuditContext& context);
std::string AuditJson(const AuditResult& result, const AuditContext& context);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_AUDIT_REPORT_H_
