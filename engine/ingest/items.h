// Per-item results (design.md §3): `model, benchmark, item, score`, one row
// per model and question. They let the bootstrap resample questions, paired
// across models (the same questions for every model in a round).
//
// Every model of a benchmark must have a score for every item of that
// benchmark (paired resampling compares models on the same questions); a gap
// is an error naming the missing items. Each (model, benchmark) cell becomes
// a claim whose value is the mean item score times the benchmark's `max`
// (scores of 0/1 on a percent benchmark give percent), or the plain mean when
// the registry gives no max.
#ifndef PODIUM_ENGINE_INGEST_ITEMS_H_
#define PODIUM_ENGINE_INGEST_ITEMS_H_

#include <map>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

struct BenchmarkItems {
  std::string benchmark;           // canonical id
  double scale = 1;                // value = scale * mean score
  std::vector<std::string> items;  // item ids, in order of first appearance
  // model id -> score per item (aligned with `items`)
  std::map<std::string, std::vector<double>> scores;
  std::map<std::string, Location> origins;  // model id -> its first row
};

struct ItemData {
  std::string path;                        // as shown to the user
  std::vector<BenchmarkItems> benchmarks;  // in order of first appearance
  int rows = 0;

  const BenchmarkItems* Find(const std::string& benchmark) const;
};

// Reads one items CSV; all problems are diagnostics.
ItemData ReadItems(const std::string& path, const std::string& display_path,
                   const Registry& registry, Diagnostics* diagnostics);

// One claim per (model, benchmark) cell, id "items:<model>:<benchmark>",
// kind table, n = number of items, source empty, origin = the model's first
// row for that benchmark.
std::vector<Claim> ItemClaims(const ItemData& items);

// `more` appended to `items` (paths joined with ", ", rows added). A
// benchmark already in `items` is an error at `more.path`: one benchmark's
// items come from one file.
void MergeItems(ItemData more, ItemData* items, Diagnostics* diagnostics);

// `claims` with the cells covered by `items` replaced by the item means
// (ItemClaims: the finer evidence), renumbered in order; `claims` itself
// when there are no items.
std::vector<Claim> WithItemClaims(const std::vector<Claim>& claims, const ItemData& items);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_ITEMS_H_
