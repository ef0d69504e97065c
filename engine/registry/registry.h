// The canonical models, benchmarks and sources, and their aliases.
//
// Published documents name the same model many ways ("Llama 3.1 8B",
// "라마 3.1 8B", "llama-3.1-8b"); every record podium reads is resolved to one
// canonical id here. An alias is matched after NormalizeName(), so case (ASCII)
// and runs of whitespace do not matter; Korean text is matched as written.
//
// Files (docs/formats.md): models.csv (id, name, organization, aliases),
// benchmarks.csv (id, name, aliases, category, metric, higher_is_better,
// n_items, chance, max), sources.csv (id, file, title, publisher, date, sha256).
#ifndef PODIUM_ENGINE_REGISTRY_REGISTRY_H_
#define PODIUM_ENGINE_REGISTRY_REGISTRY_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

struct Model {
  std::string id;                    // canonical id, e.g. "llama-3.1-8b"
  std::string name;                  // display name, e.g. "Llama 3.1 8B"
  std::string organization;          // e.g. "Meta"; may be empty
  std::vector<std::string> aliases;  // every other spelling, as written
  Location origin;                   // the registry row
};

struct Benchmark {
  std::string id;    // e.g. "mmlu"
  std::string name;  // e.g. "MMLU"
  std::vector<std::string> aliases;
  std::string category;  // knowledge, code, math, ... ; may be empty
  std::string metric;    // accuracy, pass@1, ... ; may be empty
  bool higher_is_better = true;
  std::optional<long long> n_items;  // number of test items, when known
  std::optional<double> chance;      // random-guess score on the claims' scale
  std::optional<double> max;         // best possible score on that scale
  Location origin;
};

struct Source {
  std::string id;    // e.g. "000_43fd87e1ab347223"
  std::string file;  // file name of the document, e.g. "000_43fd87e1ab347223.txt"
  std::string title;
  std::string publisher;
  std::string date;    // ISO 8601 prefix: YYYY, YYYY-MM or YYYY-MM-DD
  std::string sha256;  // lowercase hex digest of the document
  Location origin;
};

// Lowercases ASCII letters, trims, and collapses runs of spaces/tabs to one
// space. Non-ASCII bytes (Korean) are kept unchanged.
std::string NormalizeName(std::string_view name);

class Registry {
 public:
  // Reads models.csv, benchmarks.csv and sources.csv from `directory`.
  // Duplicate ids, an alias shared by two ids, a bad boolean or number: each is
  // an error diagnostic pointing at the field. `display_directory` is how the
  // folder is named in diagnostics (defaults to `directory`).
  static Registry Read(const std::string& directory, Diagnostics* diagnostics,
                       const std::string& display_directory = "");

  // Builds a registry from records (tests; conflicts are reported the same way).
  static Registry FromRecords(std::vector<Model> models, std::vector<Benchmark> benchmarks,
                              std::vector<Source> sources, Diagnostics* diagnostics);

  // Canonical id for an id or any alias, or nullopt when unknown.
  std::optional<std::string> ResolveModel(std::string_view name) const;
  std::optional<std::string> ResolveBenchmark(std::string_view name) const;

  // Records by canonical id; nullptr when unknown.
  const Model* FindModel(std::string_view id) const;
  const Benchmark* FindBenchmark(std::string_view id) const;
  const Source* FindSource(std::string_view id) const;

  // For an unknown name: " (did you mean \"Llama 3.1 8B\" (llama-3.1-8b)?)",
  // naming up to three known models whose id, name or alias is a plausible
  // misspelling of `name` (edit_distance.h, after NormalizeName); "" when
  // none is close. Appended to "unknown model" messages.
  std::string SuggestModel(std::string_view name) const;
  std::string SuggestBenchmark(std::string_view name) const;

  // Display names: the record's name, or the id itself when unknown.
  std::string ModelName(std::string_view id) const;
  std::string BenchmarkName(std::string_view id) const;

  // In file order.
  const std::vector<Model>& models() const { return models_; }
  const std::vector<Benchmark>& benchmarks() const { return benchmarks_; }
  const std::vector<Source>& sources() const { return sources_; }

 private:
  template <typename Record>
  static void IndexRecords(const std::vector<Record>& records, const char* kind,
                           std::map<std::string, size_t>* by_id,
                           std::map<std::string, size_t>* by_alias, Diagnostics* diagnostics);

  std::vector<Model> models_;
  std::vector<Benchmark> benchmarks_;
  std::vector<Source> sources_;
  std::map<std::string, size_t> model_by_id_, model_by_alias_;
  std::map<std::string, size_t> benchmark_by_id_, benchmark_by_alias_;
  std::map<std::string, size_t> source_by_id_;
};

enum class NameKind { kModel, kBenchmark };

// Resolves model or benchmark names (ids, names or aliases) to canonical ids,
// duplicates kept once, in order. An unknown name is an error diagnostic at
// "<command line>" naming `option` (the option or argument that gave it),
// with the nearest known names as a suggestion.
std::vector<std::string> ResolveNames(const std::vector<std::string>& names, const char* option,
                                      NameKind kind, const Registry& registry,
                                      Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_REGISTRY_REGISTRY_H_
