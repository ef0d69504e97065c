// A dataset folder read the way every command reads it: the registry
// (models.csv, benchmarks.csv, sources.csv) and the claims files.
#ifndef PODIUM_ENGINE_INGEST_DATASET_H_
#define PODIUM_ENGINE_INGEST_DATASET_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

// One file a load read, for the provenance record.
struct DatasetFile {
  std::string path;   // as opened
  std::string shown;  // as reports name it ("datasets/claims/x.csv")
  std::string kind;   // "registry" or "claims"
  int64_t rows = 0;   // data rows read (the header not counted)
};

struct LoadedClaims {
  Registry registry;
  std::vector<Claim> claims;
  std::vector<std::string> inputs;  // claims files as shown ("datasets/claims/x.csv")
  std::string registry_shown;       // the registry folder as shown
  std::vector<DatasetFile> files;   // every file read, registry first, in reading order
};

// Empty `claims` = every <datasets>/claims/*.csv in name order; empty
// `registry` = <datasets>/registry. Files from the datasets folder are shown
// as "datasets/...". A claims file with a header and no rows is an error when
// it is the only source of claims, a warning otherwise.
LoadedClaims LoadClaims(const std::vector<std::string>& claims, const std::string& registry,
                        const std::string& datasets, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_DATASET_H_
