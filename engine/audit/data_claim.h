// Checks a data claim (kind `data`, written by `podium import`) against the
// file an evaluation tool wrote, exactly where the claim says its number is:
//   - a CSV/TSV file: the cell in the column headed `field` of the row that
//     starts its cell on the cited line must read the claim's value (as a
//     number: "70.50" matches "70.5"), and some cell of that row must be the
//     model's name as written;
//   - a JSON file: the value at JSON Pointer `field` must be on the cited
//     line and be the claim's number; the model's name as written must occur
//     in the file (for HELM's stats.json: or in the run_spec.json beside
//     it, where HELM names the model). Inside a zip archive (an Inspect .eval log) `field` is
//     "<member>#<pointer>" and the line is the member's; in a JSON Lines
//     file (*.jsonl) the pointer is within the record on the cited line.
// A file that cannot be parsed fails every claim that cites it, with the
// parser's reason. Each file is parsed once per audit (DataFileIndex).
#ifndef PODIUM_ENGINE_AUDIT_DATA_CLAIM_H_
#define PODIUM_ENGINE_AUDIT_DATA_CLAIM_H_

#include <map>
#include <memory>
#include <string>

#include "engine/audit/audit_finding.h"
#include "engine/ingest/claims.h"

namespace podium {

// What the audit knows of one data file, built on first use.
class DataFileIndex {
 public:
  virtual ~DataFileIndex() = default;
  virtual ClaimCheck Check(const Claim& claim) const = 0;
};

// Indexes `document` (its bytes: SourceDocument::bytes) as CSV/TSV when it
// has a delimiter, as a zip archive when it starts with "PK\3\4", as JSON
// Lines when its file ends in ".jsonl", else as JSON. `document` must
// outlive the index.
std::unique_ptr<DataFileIndex> IndexDataFile(const SourceDocument& document);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_DATA_CLAIM_H_
