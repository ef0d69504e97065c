#include "engine/audit/claim_check.h"

#include <fmt/format.h>

#include <optional>

#include "engine/audit/number_tokens.h"
#include "engine/audit/prose_claim.h"
#include "engine/audit/table_claim.h"

namespace podium {

ClaimCheck CheckClaimOnLine(const Claim& claim, const std::vector<const Claim*>& same_line,
                            const Registry& registry, DocumentReading* document,
                            const AuditOptions& options) {
  if (claim.kind == ClaimKind::kTable) {
    if (std::optional<ClaimCheck> cell = CheckTableClaim(claim, registry, document, options)) {
      return *cell;
    }
  }
  if (!LinePrintsNumber(document->document().lines[claim.line - 1], claim.value_text)) {
    return {FindingKind::kValueNotOnLine,
            fmt::format("claim {}: the value {} is not printed on line {}", claim.id,
                        claim.value_text, claim.line)};
  }
  if (!ModelNamedNear(claim, registry, document->document(), claim.line, options.context_lines)) {
    return {FindingKind::kModelNotNear,
            fmt::format("claim {}: no name of model '{}' on line {} or the {} lines above",
                        claim.id, claim.model, claim.line, options.context_lines)};
  }
  return CheckProseClaim(claim, same_line, document, options);
}

}  // namespace podium
