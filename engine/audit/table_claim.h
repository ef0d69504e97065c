// Checks a claim quoted from a table: is the value the cell in the claim's
// benchmark column of the cited row, and does the row's label name the model?
//
// The cited line is a row when the document is a CSV or TSV file, or when the
// line has a tab or two pipes (table_cells.h). Its table is the block of
// consecutive non-blank rows around it; the header is the nearest row above
// the cited one that has the claim's `benchmark_as_written` as a whole cell
// (else one of the registry's names of the benchmark). An empty header cell
// after a named one belongs to it (a merged cell: "Video Generation" over three
// columns). When the benchmark heads several columns, rows between the header
// and the cited row that hold no number are sub-headers, and the column whose
// sub-header the claim's `setting` names (the longest such name: "vs Runway
// Gen3 Style" picks "Runway Gen3 Style" over "Runway Gen3") is the claim's.
//
// Then, in order:
//   - the row's label (its cells before the first number) must name the model;
//     a label that names another model is an error, a label that names no model
//     ("Overall Net Win Rate") passes when a line up to `context_lines` above
//     the header (the table's caption) names the model;
//   - the cell in the benchmark's column must be the value (a unit such as %
//     after it is allowed: "61.32%"); when it is not, the error says which
//     column holds the value, if any;
//   - when several columns remain (no sub-header named), a value in one of
//     them is a warning (undecided), not a pass.
#ifndef PODIUM_ENGINE_AUDIT_TABLE_CLAIM_H_
#define PODIUM_ENGINE_AUDIT_TABLE_CLAIM_H_

#include <optional>

#include "engine/audit/audit_finding.h"
#include "engine/audit/line_reading.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

// The check of `claim` as a table cell; nullopt when the cited line is not a
// table row or no header above it names the benchmark (the number is then in
// running text, even inside a cell, and prose_claim.h checks it).
// REQUIRES: the cited line exists.
std::optional<ClaimCheck> CheckTableClaim(const Claim& claim, const Registry& registry,
                                          DocumentReading* document, const AuditOptions& options);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_TABLE_CLAIM_H_
