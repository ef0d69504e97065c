#include "engine/base/option_names.h"
#include "engine/matrix/score_matrix.h"

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace podium {
namespace {

// Orders `wanted` ids by their position in the registry list `records`.
template <typename Record>
std::vector<std::string> InRegistryOrder(const std::vector<Record>& records,
                                         const std::set<std::string>& wanted) {
  std::vector<std::string> out;
  for (const Record& r : records) {
    if (wanted.count(r.id) > 0) out.push_back(r.id);
  }
  return out;
}

std::map<std::string, int> IndexOf(const std::vector<std::string>& ids) {
  std::map<std::string, int> index;
  for (int i = 0; i < static_cast<int>(ids.size()); ++i) index[ids[i]] = i;
  return index;
}

// Resolves the claims of one cell to a number; returns false on an unresolved
// conflict (reported).
bool ResolveCell(const std::vector<const Claim*>& cell, const Registry& registry,
                 ConflictPolicy policy, double* value, std::vector<std::string>* ids,
                 Diagnostics* diagnostics) {
  const Claim* first = cell.front();
  const auto differs = std::find_if(cell.begin(), cell.end(),
                                    [&](const Claim* c) { return c->value != first->value; });
  for (const Claim* c : cell) ids->push_back(c->id);
  if (differs == cell.end()) {
    *value = first->value;
    return true;
  }
  switch (policy) {
    case ConflictPolicy::kError: {
      const Claim* other = *differs;
      diagnostics->Error(
          other->origin, "value", other->value_text,
          fmt::format("conflicting claims for model '{}' on benchmark '{}': {} = {} ({} "
                      "line {}) and {} = {} ({} line {}); choose {} latest|mean "
                      "or leave the benchmark out",
                      first->model, first->benchmark, first->id, first->value_text, first->source,
                      first->line, other->id, other->value_text, other->source, other->line,
                      OptionName("on_conflict")));
      return false;
    }
    case ConflictPolicy::kLatest: {
      auto date = [&](const Claim* c) {
        const Source* s = registry.FindSource(c->source);
        return s == nullptr ? std::string() : s->date;
      };
      const Claim* latest = first;
      for (const Claim* c : cell) {
        if (date(c) >= date(latest)) latest = c;  // equal dates: the later-read wins
      }
      *value = latest->value;
      ids->clear();
      ids->push_back(latest->id);
      for (const Claim* c : cell) {
        if (c != latest) ids->push_back(c->id);
      }
      return true;
    }
    case ConflictPolicy::kMean: {
      double sum = 0;
      for (const Claim* c : cell) sum += c->value;
      *value = sum / static_cast<double>(cell.size());
      return true;
    }
  }
  return false;
}

}  // namespace

const char* ConflictPolicyName(ConflictPolicy policy) { return NameOf(kConflictPolicyNames, policy); }

ScoreMatrix BuildScoreMatrix(const std::vector<Claim>& claims, const Registry& registry,
                             const ScoreMatrixOptions& options, Diagnostics* diagnostics) {
  const std::set<std::string> keep_benchmarks(options.benchmarks.begin(), options.benchmarks.end());
  const std::set<std::string> keep_models(options.models.begin(), options.models.end());
  auto kept = [&](const Claim& c) {
    return (keep_benchmarks.empty() || keep_benchmarks.count(c.benchmark) > 0) &&
           (keep_models.empty() || keep_models.count(c.model) > 0);
  };
  std::set<std::string> model_ids, benchmark_ids;
  for (const Claim& c : claims) {
    if (!kept(c)) continue;
    model_ids.insert(c.model);
    benchmark_ids.insert(c.benchmark);
  }
  ScoreMatrix m;
  m.models = InRegistryOrder(registry.models(), model_ids);
  m.benchmarks = options.benchmarks.empty() ? InRegistryOrder(registry.benchmarks(), benchmark_ids)
                                            : options.benchmarks;
  const int rows = m.num_models(), cols = m.num_benchmarks();
  m.values = Eigen::MatrixXd::Constant(rows, cols, std::numeric_limits<double>::quiet_NaN());
  m.present = BoolMatrix::Constant(rows, cols, false);
  m.claim_ids.assign(rows, std::vector<std::vector<std::string>>(cols));

  std::vector<std::vector<std::vector<const Claim*>>> cells(
      rows, std::vector<std::vector<const Claim*>>(cols));
  const auto model_index = IndexOf(m.models);
  const auto benchmark_index = IndexOf(m.benchmarks);
  for (const Claim& c : claims) {
    if (!kept(c)) continue;
    cells[model_index.at(c.model)][benchmark_index.at(c.benchmark)].push_back(&c);
  }
  for (int i = 0; i < rows; ++i) {
    for (int j = 0; j < cols; ++j) {
      if (cells[i][j].empty()) continue;
      double value = 0;
      if (ResolveCell(cells[i][j], registry, options.on_conflict, &value, &m.claim_ids[i][j],
                      diagnostics)) {
        m.values(i, j) = value;
        m.present(i, j) = true;
      }
    }
  }
  return m;
}

}  // namespace podium
