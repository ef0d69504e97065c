// Claims: one published number each, with its provenance (design.md §3).
//
// A claim says "document S, line L, prints value V for model M on benchmark B".
// Reading resolves the model and benchmark names through the registry (ids or
// any alias), checks every field, and keeps the location of each row so that
// conflicts and audits can point back at it.
#ifndef PODIUM_ENGINE_INGEST_CLAIMS_H_
#define PODIUM_ENGINE_INGEST_CLAIMS_H_

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/registry/registry.h"

namespace podium {

// table: a cell of a table in a document; prose: a number in a sentence;
// data: a value in a file an evaluation tool wrote (imported by `podium
// import`), found at `field` on the cited line.
enum class ClaimKind { kTable, kProse, kData };

struct Claim {
  std::string id;                // unique across every claims file read together
  std::string model;             // canonical model id
  std::string benchmark;         // canonical benchmark id
  double value = 0;              // the number as printed, parsed
  std::string value_text;        // the number exactly as in the file ("+35.0")
  std::string unit;              // "%", "points", "elo", "rank", ...
  std::string metric;            // "pass@1", "maj@8", ... ; may be empty
  std::string setting;           // "5-shot", ... ; may be empty
  std::string source;            // source id (registry)
  int line = 0;                  // 1-based line in the source document
  std::string model_as_written;  // the names as printed in the document
  std::string benchmark_as_written;
  ClaimKind kind = ClaimKind::kTable;
  std::string notes;
  std::optional<double> stderr_;  // published standard error, same scale as value
  std::optional<long long> n;     // number of items behind the value
  std::optional<double> ci_low;   // published interval, same scale as value
  std::optional<double> ci_high;
  // Where on the cited line the value is, for data claims: the column header
  // of a CSV/TSV file, or the JSON Pointer of a JSON file ("/results/x/acc,none";
  // "<member>#<pointer>" inside a zip archive). Optional for other kinds.
  std::string field;
  Location origin;  // the claims-file row (column: the value field)
  int order = 0;    // position among all claims read (file order)
};

// Reads one claims CSV. Unknown models, benchmarks or sources, non-finite
// values, a line that is not a positive integer, a bad kind, an interval with
// low > high: each is an error at its field; rows with errors are dropped and
// reading continues. Claim ids must be unique within `claims` and across files
// appended to the same vector (the caller passes the vector of earlier files).
void ReadClaimsFile(const std::string& path, const std::string& display_path,
                    const Registry& registry, std::vector<Claim>* claims, Diagnostics* diagnostics);

const char* ClaimKindName(ClaimKind kind);

// Claims by id (pointers into `claims`, which must outlive the index).
using ClaimIndex = std::unordered_map<std::string, const Claim*>;
ClaimIndex IndexClaims(const std::vector<Claim>& claims);
// The same; null (a report made without claim details) gives an empty index.
ClaimIndex IndexClaims(const std::vector<Claim>* claims);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_CLAIMS_H_
