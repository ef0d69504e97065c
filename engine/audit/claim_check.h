// One claim checked against the line of the document it cites: as a table
// cell when the line is a table row under a header naming the benchmark
// (table_claim.h), else as a number in prose (prose_claim.h), after checking
// that the value is printed on the line at all and that the model is named on
// the line or within `context_lines` above it.
#ifndef PODIUM_ENGINE_AUDIT_CLAIM_CHECK_H_
#define PODIUM_ENGINE_AUDIT_CLAIM_CHECK_H_

#include <vector>

#include "engine/audit/audit_finding.h"
#include "engine/audit/line_reading.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

// Checks `claim` against `document` (read with the names of the document's
// claims). `same_line`: every claim citing the same line, the claim included.
// REQUIRES: the cited line exists.
ClaimCheck CheckClaimOnLine(const Claim& claim, const std::vector<const Claim*>& same_line,
                            const Registry& registry, DocumentReading* document,
                            const AuditOptions& options);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_CLAIM_CHECK_H_
