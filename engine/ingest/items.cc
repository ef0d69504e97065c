#include "engine/ingest/items.h"

#include <fmt/format.h>

#include <unordered_map>

#include "engine/base/number.h"
#include "engine/base/csv_table.h"

namespace podium {

const BenchmarkItems* ItemData::Find(const std::string& benchmark) const {
  for (const BenchmarkItems& b : benchmarks) {
    if (b.benchmark == benchmark) return &b;
  }
  return nullptr;
}

// Long on purpose: one pass over the rows with every check of a row (model,
// benchmark, item id, score, duplicates) reported at its cell, in column order.
ItemData ReadItems(const std::string& path, const std::string& display_path,
                   const Registry& registry, Diagnostics* diagnostics) {
  enum { kModel, kBenchmark, kItem, kScore };
  const CsvTable table = ReadCsvTable(path, {{"model"}, {"benchmark"}, {"item"}, {"score"}},
                                      diagnostics, display_path);
  ItemData data;
  data.path = display_path.empty() ? path : display_path;
  // benchmark -> item id -> position; (benchmark, model) -> item position -> score
  std::unordered_map<std::string, std::unordered_map<std::string, int>> positions;
  std::map<std::pair<std::string, std::string>, std::map<int, double>> cells;
  std::map<std::pair<std::string, std::string>, Location> first_row;
  std::map<std::string, size_t> order;  // benchmark -> index in data.benchmarks
  for (const CsvRow& row : table.rows) {
    const int errors = diagnostics->error_count();
    auto error = [&](int column, const std::string& message) {
      diagnostics->Error(table.At(row, column), table.columns[column].name, row.fields[column],
                         message);
    };
    const auto model = registry.ResolveModel(row.fields[kModel]);
    if (!model) {
      error(kModel, fmt::format("unknown model \"{}\"{}", row.fields[kModel],
                                registry.SuggestModel(row.fields[kModel])));
    }
    const auto benchmark = registry.ResolveBenchmark(row.fields[kBenchmark]);
    if (!benchmark) {
      error(kBenchmark, fmt::format("unknown benchmark \"{}\"{}", row.fields[kBenchmark],
                                    registry.SuggestBenchmark(row.fields[kBenchmark])));
    }
    if (row.fields[kItem].empty()) error(kItem, "must not be empty");
    const auto score = ParseFiniteDouble(row.fields[kScore]);
    if (!score) error(kScore, fmt::format("\"{}\" is not a finite number", row.fields[kScore]));
    if (diagnostics->error_count() != errors) continue;
    ++data.rows;
    if (order.emplace(*benchmark, data.benchmarks.size()).second) {
      BenchmarkItems b;
      b.benchmark = *benchmark;
      const Benchmark* info = registry.FindBenchmark(*benchmark);
      if (info != nullptr && info->max) b.scale = *info->max;
      data.benchmarks.push_back(b);
    }
    BenchmarkItems& b = data.benchmarks[order[*benchmark]];
    auto [it, added] = positions[*benchmark].emplace(row.fields[kItem], b.items.size());
    if (added) b.items.push_back(row.fields[kItem]);
    const auto key = std::make_pair(*benchmark, *model);
    first_row.emplace(key, table.At(row, kModel));
    if (!cells[key].emplace(it->second, *score).second) {
      error(kItem, fmt::format("second score for model '{}' on item \"{}\" of '{}'", *model,
                               row.fields[kItem], *benchmark));
    }
  }
  for (const auto& [key, scores] : cells) {
    BenchmarkItems& b = data.benchmarks[order[key.first]];
    std::vector<std::string> missing;
    std::vector<double> aligned(b.items.size());
    for (size_t k = 0; k < b.items.size(); ++k) {
      auto it = scores.find(static_cast<int>(k));
      if (it == scores.end()) {
        missing.push_back(b.items[k]);
      } else {
        aligned[k] = it->second;
      }
    }
    if (!missing.empty()) {
      const size_t shown = std::min<size_t>(missing.size(), 3);
      diagnostics->Error(
          first_row[key], "item", "",
          fmt::format("model '{}' has {} of the {} items of '{}' (missing \"{}\"{}); paired "
                      "resampling needs every model on the same items",
                      key.second, b.items.size() - missing.size(), b.items.size(), key.first,
                      fmt::join(missing.begin(), missing.begin() + shown, "\", \""),
                      missing.size() > shown ? ", …" : ""));
      continue;
    }
    b.scores[key.second] = std::move(aligned);
    b.origins[key.second] = first_row[key];
  }
  return data;
}

std::vector<Claim> ItemClaims(const ItemData& items) {
  std::vector<Claim> claims;
  for (const BenchmarkItems& b : items.benchmarks) {
    for (const auto& [model, scores] : b.scores) {
      double sum = 0;
      for (double s : scores) sum += s;
      Claim c;
      c.id = fmt::format("items:{}:{}", model, b.benchmark);
      c.model = model;
      c.benchmark = b.benchmark;
      c.value = b.scale * sum / static_cast<double>(scores.size());
      c.value_text = fmt::format("{:.2f}", c.value);
      c.unit = "items";
      c.n = static_cast<long long>(scores.size());
      c.notes = fmt::format("mean of {} item scores in {}", scores.size(), items.path);
      c.origin = b.origins.at(model);
      claims.push_back(std::move(c));
    }
  }
  return claims;
}

void MergeItems(ItemData more, ItemData* items, Diagnostics* diagnostics) {
  items->path += (items->path.empty() ? "" : ", ") + more.path;
  items->rows += more.rows;
  for (BenchmarkItems& b : more.benchmarks) {
    if (items->Find(b.benchmark) != nullptr) {
      diagnostics->Error(
          Location{more.path}, "benchmark", b.benchmark,
          fmt::format("items of '{}' are also in another --items file", b.benchmark));
    }
    items->benchmarks.push_back(std::move(b));
  }
}

std::vector<Claim> WithItemClaims(const std::vector<Claim>& claims, const ItemData& items) {
  if (items.benchmarks.empty()) return claims;
  std::vector<Claim> out;
  for (const Claim& c : claims) {
    const BenchmarkItems* b = items.Find(c.benchmark);
    if (b == nullptr || b->scores.count(c.model) == 0) out.push_back(c);
  }
  for (Claim& c : ItemClaims(items)) {
    c.order = static_cast<int>(out.size());
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace podium
