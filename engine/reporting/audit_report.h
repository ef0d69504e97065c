// Audit result -> Markdown (for a reviewer) and JSON ("schema": "podium.audit/1").
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
  int context_lines = 8;
};

std::string AuditMarkdown(const AuditResult& result, const AuditContext& context);
std::string AuditJson(const AuditResult& result, const AuditContext& context);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_AUDIT_REPORT_H_
