#include "engine/registry/registry.h"

#include <fmt/format.h>

#include <algorithm>
#include <type_traits>

#include "engine/base/edit_distance.h"
#include "engine/base/file_util.h"
#include "engine/base/number.h"
#include "engine/base/csv_table.h"

namespace podium {
namespace {

std::vector<std::string> SplitAliases(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('|', start);
    if (end == std::string::npos) end = text.size();
    std::string alias = text.substr(start, end - start);
    if (!NormalizeName(alias).empty()) out.push_back(alias);
    start = end + 1;
  }
  return out;
}

// Checks that a required text field is not empty.
bool RequireText(const CsvTable& table, const CsvRow& row, int column, Diagnostics* diagnostics) {
  if (!row.fields[column].empty()) return true;
  diagnostics->Error(table.At(row, column), table.columns[column].name, "", "must not be empty");
  return false;
}

std::optional<double> OptionalNumber(const CsvTable& table, const CsvRow& row, int column,
                                     Diagnostics* diagnostics) {
  const std::string& text = row.fields[column];
  if (text.empty()) return std::nullopt;
  std::optional<double> value = ParseFiniteDouble(text);
  if (!value) {
    diagnostics->Error(table.At(row, column), table.columns[column].name, text,
                       fmt::format("\"{}\" is not a finite number", text));
  }
  return value;
}

std::vector<Model> ReadModels(const std::string& path, const std::string& shown,
                              Diagnostics* diagnostics) {
  enum { kId, kName, kOrganization, kAliases };
  CsvTable table = ReadCsvTable(
      path, {{"id"}, {"name"}, {"organization", false}, {"aliases", false}, {"notes", false}},
      diagnostics, shown);
  std::vector<Model> models;
  for (const CsvRow& row : table.rows) {
    if (!RequireText(table, row, kId, diagnostics)) continue;
    Model model;
    model.id = row.fields[kId];
    model.name = row.fields[kName].empty() ? model.id : row.fields[kName];
    model.organization = row.fields[kOrganization];
    model.aliases = SplitAliases(row.fields[kAliases]);
    model.origin = table.At(row, kId);
    models.push_back(std::move(model));
  }
  return models;
}

std::vector<Benchmark> ReadBenchmarks(const std::string& path, const std::string& shown,
                                      Diagnostics* diagnostics) {
  enum { kId, kName, kAliases, kCategory, kMetric, kHigher, kItems, kChance, kMax };
  CsvTable table = ReadCsvTable(path,
                                {{"id"},
                                 {"name"},
                                 {"aliases", false},
                                 {"category", false},
                                 {"metric", false},
                                 {"higher_is_better"},
                                 {"n_items", false},
                                 {"chance", false},
                                 {"max", false},
                                 {"notes", false}},
                                diagnostics, shown);
  std::vector<Benchmark> benchmarks;
  for (const CsvRow& row : table.rows) {
    if (!RequireText(table, row, kId, diagnostics)) continue;
    Benchmark b;
    b.id = row.fields[kId];
    b.name = row.fields[kName].empty() ? b.id : row.fields[kName];
    b.aliases = SplitAliases(row.fields[kAliases]);
    b.category = row.fields[kCategory];
    b.metric = row.fields[kMetric];
    const std::string& higher = row.fields[kHigher];
    if (higher == "true" || higher == "false") {
      b.higher_is_better = higher == "true";
    } else {
      diagnostics->Error(table.At(row, kHigher), "higher_is_better", higher,
                         fmt::format("\"{}\" is not true or false", higher));
    }
    if (!row.fields[kItems].empty()) {
      b.n_items = ParsePositiveInteger(row.fields[kItems]);
      if (!b.n_items) {
        diagnostics->Error(table.At(row, kItems), "n_items", row.fields[kItems],
                           fmt::format("\"{}\" is not a positive integer", row.fields[kItems]));
      }
    }
    b.chance = OptionalNumber(table, row, kChance, diagnostics);
    b.max = OptionalNumber(table, row, kMax, diagnostics);
    if (b.chance && b.max && *b.chance == *b.max) {
      diagnostics->Error(table.At(row, kMax), "max", row.fields[kMax],
                         "chance and max must differ");
    }
    b.origin = table.At(row, kId);
    benchmarks.push_back(std::move(b));
  }
  return benchmarks;
}

std::vector<Source> ReadSources(const std::string& path, const std::string& shown,
                                Diagnostics* diagnostics) {
  enum { kId, kFile, kTitle, kPublisher, kDate, kSha };
  CsvTable table = ReadCsvTable(path,
                                {{"id"},
                                 {"file"},
                                 {"title", false},
                                 {"publisher", false},
                                 {"date", false},
                                 {"sha256", false}},
                                diagnostics, shown);
  std::vector<Source> sources;
  for (const CsvRow& row : table.rows) {
    if (!RequireText(table, row, kId, diagnostics)) continue;
    Source s{row.fields[kId],   row.fields[kFile], row.fields[kTitle], row.fields[kPublisher],
             row.fields[kDate], row.fields[kSha],  table.At(row, kId)};
    if (!s.sha256.empty() &&
        (s.sha256.size() != 64 ||
         s.sha256.find_first_not_of("0123456789abcdef") != std::string::npos)) {
      diagnostics->Error(table.At(row, kSha), "sha256", s.sha256,
                         "expected 64 lowercase hex digits");
    }
    sources.push_back(std::move(s));
  }
  return sources;
}

// Maps the id, name and every alias of record `i` to it; an alias that already
// names another record is an error at the later record's row.
template <typename Record>
void IndexAliases(const Record& r, size_t i, const std::vector<Record>& records, const char* kind,
                  std::map<std::string, size_t>* by_alias, Diagnostics* diagnostics) {
  std::vector<std::string> names = {r.id, r.name};
  names.insert(names.end(), r.aliases.begin(), r.aliases.end());
  for (const std::string& name : names) {
    auto [at, fresh] = by_alias->emplace(NormalizeName(name), i);
    if (!fresh && at->second != i) {
      diagnostics->Error(r.origin, "aliases", name,
                         fmt::format("alias \"{}\" of {} '{}' already names '{}'", name, kind, r.id,
                                     records[at->second].id));
    }
  }
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  bool pending_space = false;
  for (char c : name) {
    if (c == ' ' || c == '\t') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

template <typename Record>
void Registry::IndexRecords(const std::vector<Record>& records, const char* kind,
                            std::map<std::string, size_t>* by_id,
                            std::map<std::string, size_t>* by_alias, Diagnostics* diagnostics) {
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    auto [it, inserted] = by_id->emplace(r.id, i);
    if (!inserted) {
      diagnostics->Error(r.origin, "id", r.id,
                         fmt::format("duplicate {} id '{}' (first defined at line {})", kind, r.id,
                                     records[it->second].origin.line));
      continue;
    }
    if constexpr (!std::is_same_v<Record, Source>) {  // sources have ids only
      IndexAliases(r, i, records, kind, by_alias, diagnostics);
    }
  }
}

Registry Registry::FromRecords(std::vector<Model> models, std::vector<Benchmark> benchmarks,
                               std::vector<Source> sources, Diagnostics* diagnostics) {
  Registry registry;
  registry.models_ = std::move(models);
  registry.benchmarks_ = std::move(benchmarks);
  registry.sources_ = std::move(sources);
  IndexRecords(registry.models_, "model", &registry.model_by_id_, &registry.model_by_alias_,
               diagnostics);
  IndexRecords(registry.benchmarks_, "benchmark", &registry.benchmark_by_id_,
               &registry.benchmark_by_alias_, diagnostics);
  IndexRecords(registry.sources_, "source", &registry.source_by_id_, nullptr, diagnostics);
  return registry;
}

Registry Registry::Read(const std::string& directory, Diagnostics* diagnostics,
                        const std::string& display_directory) {
  const std::string shown = display_directory.empty() ? directory : display_directory;
  auto models =
      ReadModels(JoinPath(directory, "models.csv"), JoinPath(shown, "models.csv"), diagnostics);
  auto benchmarks = ReadBenchmarks(JoinPath(directory, "benchmarks.csv"),
                                   JoinPath(shown, "benchmarks.csv"), diagnostics);
  auto sources =
      ReadSources(JoinPath(directory, "sources.csv"), JoinPath(shown, "sources.csv"), diagnostics);
  return FromRecords(std::move(models), std::move(benchmarks), std::move(sources), diagnostics);
}

std::optional<std::string> Registry::ResolveModel(std::string_view name) const {
  auto it = model_by_alias_.find(NormalizeName(name));
  if (it == model_by_alias_.end()) return std::nullopt;
  return models_[it->second].id;
}

std::optional<std::string> Registry::ResolveBenchmark(std::string_view name) const {
  auto it = benchmark_by_alias_.find(NormalizeName(name));
  if (it == benchmark_by_alias_.end()) return std::nullopt;
  return benchmarks_[it->second].id;
}

std::string Registry::ModelName(std::string_view id) const {
  const Model* m = FindModel(id);
  return m == nullptr ? std::string(id) : m->name;
}

std::string Registry::BenchmarkName(std::string_view id) const {
  const Benchmark* b = FindBenchmark(id);
  return b == nullptr ? std::string(id) : b->name;
}

const Model* Registry::FindModel(std::string_view id) const {
  auto it = model_by_id_.find(std::string(id));
  return it == model_by_id_.end() ? nullptr : &models_[it->second];
}

const Benchmark* Registry::FindBenchmark(std::string_view id) const {
  auto it = benchmark_by_id_.find(std::string(id));
  return it == benchmark_by_id_.end() ? nullptr : &benchmarks_[it->second];
}

const Source* Registry::FindSource(std::string_view id) const {
  auto it = source_by_id_.find(std::string(id));
  return it == source_by_id_.end() ? nullptr : &sources_[it->second];
}

namespace {

// Every spelling of every record (normalized), with the record it names, and
// the nearest few rendered as a suggestion.
template <typename Record>
std::string Suggest(std::string_view name, const std::vector<Record>& records) {
  std::vector<std::string> spellings;
  std::vector<size_t> owner;
  for (size_t r = 0; r < records.size(); ++r) {
    spellings.push_back(NormalizeName(records[r].id));
    owner.push_back(r);
    spellings.push_back(NormalizeName(records[r].name));
    owner.push_back(r);
    for (const std::string& alias : records[r].aliases) {
      spellings.push_back(NormalizeName(alias));
      owner.push_back(r);
    }
  }
  std::vector<size_t> named;  // records, nearest first, each once
  for (size_t k : NearestNames(NormalizeName(name), spellings, 3 * 4)) {
    if (std::find(named.begin(), named.end(), owner[k]) == named.end()) named.push_back(owner[k]);
  }
  if (named.size() > 3) named.resize(3);
  std::string out;
  for (size_t i = 0; i < named.size(); ++i) {
    const Record& r = records[named[i]];
    out += i == 0 ? " (did you mean " : i + 1 == named.size() ? " or " : ", ";
    out += fmt::format("\"{}\"", r.name.empty() ? r.id : r.name);
    if (!r.name.empty() && r.name != r.id) out += fmt::format(" ({})", r.id);
  }
  return out.empty() ? out : out + "?)";
}

}  // namespace

std::string Registry::SuggestModel(std::string_view name) const { return Suggest(name, models_); }

std::string Registry::SuggestBenchmark(std::string_view name) const {
  return Suggest(name, benchmarks_);
}

std::vector<std::string> ResolveNames(const std::vector<std::string>& names, const char* option,
                                      NameKind kind, const Registry& registry,
                                      Diagnostics* diagnostics) {
  const bool model = kind == NameKind::kModel;
  std::vector<std::string> ids;
  for (const std::string& name : names) {
    if (auto id = model ? registry.ResolveModel(name) : registry.ResolveBenchmark(name)) {
      if (std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
    } else {
      diagnostics->Error(
          Location{"<command line>"}, option, name,
          fmt::format("unknown {} \"{}\" (not an id or alias in the registry){}",
                      model ? "model" : "benchmark", name,
                      model ? registry.SuggestModel(name) : registry.SuggestBenchmark(name)));
    }
  }
  return ids;
}

}  // namespace podium
