// Claims -> an Eigen score matrix (models x benchmarks) with a missing mask.
//
// Each cell holds one number per (model, benchmark) and the ids of the claims
// behind it. When several claims give different numbers for one cell, the
// ConflictPolicy decides; claims that print the same number (a quote repeated
// in another passage) are not a conflict and all their ids are kept.
#ifndef PODIUM_ENGINE_MATRIX_SCORE_MATRIX_H_
#define PODIUM_ENGINE_MATRIX_SCORE_MATRIX_H_

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/base/enum_names.h"
#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

enum class ConflictPolicy {
  kError,   // different numbers for one cell are an error naming both claims
  kLatest,  // keep the claim from the most recent source (date in sources.csv);
            // on equal dates, the one read last
  kMean,    // the mean of the differing numbers
};

// The names of ConflictPolicy on the command line, in reports and manifests.
inline constexpr EnumName<ConflictPolicy> kConflictPolicyNames[] = {
    {ConflictPolicy::kError, "error"},
    {ConflictPolicy::kLatest, "latest"},
    {ConflictPolicy::kMean, "mean"},
};

using BoolMatrix = Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>;

struct ScoreMatrix {
  std::vector<std::string> models;      // canonical ids, row order
  std::vector<std::string> benchmarks;  // canonical ids, column order
  Eigen::MatrixXd values;               // NaN where !present
  BoolMatrix present;                   // the missing mask: true = a number exists
  // claim_ids[m][b]: the claims behind the cell (used ones first, by file order).
  std::vector<std::vector<std::vector<std::string>>> claim_ids;

  int num_models() const { return static_cast<int>(models.size()); }
  int num_benchmarks() const { return static_cast<int>(benchmarks.size()); }
};

struct ScoreMatrixOptions {
  ConflictPolicy on_conflict = ConflictPolicy::kError;
  // Benchmarks to keep, as canonical ids, in output column order. Empty = every
  // benchmark that has a claim, in registry order.
  std::vector<std::string> benchmarks;
  // Models to keep, as canonical ids. Empty = every model with a claim.
  std::vector<std::string> models;
};

// Builds the matrix. Rows follow the registry order of models, columns the
// options' order (or registry order). Conflicts under kError are diagnostics
// at the later claim's value field; the cell is then left missing.
ScoreMatrix BuildScoreMatrix(const std::vector<Claim>& claims, const Registry& registry,
                             const ScoreMatrixOptions& options, Diagnostics* diagnostics);

const char* ConflictPolicyName(ConflictPolicy policy);

}  // namespace podium

#endif  // PODIUM_ENGINE_MATRIX_SCORE_MATRIX_H_
