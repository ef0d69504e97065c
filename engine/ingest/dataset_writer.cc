#include "engine/ingest/dataset_writer.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "engine/base/csv_stream.h"
#include "engine/base/csv_write.h"
#include "engine/base/file_util.h"
#include "engine/base/output_file.h"
#include "engine/base/sha256.h"
#include "engine/registry/registry.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

// A registry file as rows of text, so rows podium does not touch keep their
// bytes: new rows are appended to the original text.
struct RawTable {
  std::string path;
  std::string text;  // the file as read ("" when new)
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::string>> added;
  bool rewrite = false;  // an existing row changed: write every row again

  int Column(const std::string& name) const {
    for (size_t k = 0; k < header.size(); ++k) {
      if (header[k] == name) return static_cast<int>(k);
    }
    return -1;
  }
  std::string Get(const std::vector<std::string>& row, const std::string& name) const {
    const int k = Column(name);
    return k < 0 || k >= static_cast<int>(row.size()) ? "" : row[k];
  }
  // A row in this table's column order from (column, value) pairs; columns
  // the header lacks are dropped.
  void Add(const std::map<std::string, std::string>& values) {
    std::vector<std::string> row(header.size());
    for (size_t k = 0; k < header.size(); ++k) {
      auto it = values.find(header[k]);
      if (it != values.end()) row[k] = it->second;
    }
    rows.push_back(row);
    added.push_back(std::move(row));
  }
  std::string Bytes() const {
    if (rewrite || text.empty()) {
      std::string out = CsvLine(header);
      for (const auto& row : rows) out += CsvLine(row);
      return out;
    }
    std::string out = text;
    if (!out.empty() && out.back() != '\n') out += '\n';
    for (const auto& row : added) out += CsvLine(row);
    return out;
  }
};

RawTable ReadRawTable(const std::string& path, const std::string& shown,
                      std::vector<std::string> default_header, Diagnostics* diagnostics) {
  RawTable table;
  table.path = path;
  if (!fs::exists(path)) {
    table.header = std::move(default_header);
    return table;
  }
  table.text = ReadFile(path).value_or("");
  CsvStream::ReadText(table.text, shown, diagnostics, [&](const CsvRecord& record) {
    std::vector<std::string> fields;
    for (size_t k = 0; k < record.size(); ++k) fields.emplace_back(record.field(k));
    if (table.header.empty()) {
      table.header = std::move(fields);
    } else {
      fields.resize(table.header.size());
      table.rows.push_back(std::move(fields));
    }
  });
  if (table.header.empty()) table.header = std::move(default_header);
  return table;
}

// Names (ids, names, aliases; after NormalizeName) -> id, for one registry
// table, kept up to date as rows are added.
class NameIndex {
 public:
  void AddRow(const RawTable& table, const std::vector<std::string>& row) {
    const std::string id = table.Get(row, "id");
    ids_.insert(id);
    Index(id, id);
    Index(table.Get(row, "name"), id);
    std::string aliases = table.Get(row, "aliases");
    size_t start = 0;
    while (start <= aliases.size()) {
      size_t end = aliases.find('|', start);
      if (end == std::string::npos) end = aliases.size();
      Index(aliases.substr(start, end - start), id);
      start = end + 1;
    }
  }
  std::optional<std::string> Find(std::string_view name) const {
    auto it = names_.find(NormalizeName(name));
    if (it == names_.end()) return std::nullopt;
    return it->second;
  }
  // `base`, or base-2, base-3...: the first that is neither an id nor a name.
  std::string FreeId(const std::string& base) const {
    std::string id = base;
    for (int k = 2; ids_.count(id) > 0 || names_.count(NormalizeName(id)) > 0; ++k) {
      id = fmt::format("{}-{}", base, k);
    }
    return id;
  }

 private:
  void Index(const std::string& name, const std::string& id) {
    if (!NormalizeName(name).empty()) names_.emplace(NormalizeName(name), id);
  }
  std::map<std::string, std::string> names_;
  std::set<std::string> ids_;
};

NameIndex IndexTable(const RawTable& table) {
  NameIndex index;
  for (const auto& row : table.rows) index.AddRow(table, row);
  return index;
}

std::string NumberText(double value) { return fmt::format("{}", value); }

// "acc,none" -> "acc"; "exact_match,strict-match" -> "exact_match strict-match".
std::string MetricShown(const std::string& metric) {
  std::string shown = metric;
  if (shown.size() > 5 && shown.compare(shown.size() - 5, 5, ",none") == 0) {
    shown.resize(shown.size() - 5);
  }
  for (char& c : shown) {
    if (c == ',') c = ' ';
  }
  return shown;
}

// The path of `file` relative to `directory`, starting "./" or "../" (or
// absolute when no relative path exists), so the audit knows it is a path
// from the dataset folder and not a file name in the documents folder.
std::string PathFromDataset(const std::string& file, const std::string& directory) {
  std::error_code error;
  const fs::path folder = fs::weakly_canonical(fs::absolute(directory), error);
  const fs::path target = fs::weakly_canonical(fs::absolute(file), error);
  fs::path relative = target.lexically_relative(folder);
  // A path that climbs to the root shares nothing with the dataset: it
  // stays absolute (moving the project then does not break it).
  int climbs = 0;
  for (const fs::path& part : relative) climbs += part == ".." ? 1 : 0;
  int depth = 0;
  for (const fs::path& part : folder.relative_path()) depth += part.empty() ? 0 : 1;
  if (error || relative.empty() || (climbs > 0 && climbs >= depth)) {
    return target.lexically_normal().generic_string();
  }
  std::string text = relative.generic_string();
  if (text.rfind("../", 0) != 0 && text != "..") text = "./" + text;
  return text;
}

// Within one file, two spellings that make the same id ("Qwen/X" and
// "qwen/x", "GPT 4" and "GPT-4") are rows about different models (the
// registry would read them as one): the later spelling is imported as
// "qwen/x #2", with its name as written kept, and a warning.
class FileNames {
 public:
  ImportedScore Distinct(ImportedScore score, const ImportedResults& input,
                         Diagnostics* diagnostics) {
    const std::string& written = score.model;
    auto known = renamed_.find(written);
    if (known == renamed_.end()) {
      std::vector<std::string>& spellings = by_key_[IdFromName(written)];
      std::string name = written;
      if (!spellings.empty()) {
        name = fmt::format("{} #{}", written, spellings.size() + 1);
        diagnostics->Warning(Location{input.path, score.line, 0}, "model", written,
                             fmt::format("model \"{}\" and \"{}\" make the same id: imported "
                                         "as a model of its own, \"{}\"",
                                         written, spellings.front(), name));
      }
      spellings.push_back(written);
      known = renamed_.emplace(written, name).first;
    }
    if (known->second != written) {
      if (score.model_as_written.empty()) score.model_as_written = written;
      score.model = known->second;
    }
    return score;
  }
  // The name a model of this file was imported under.
  std::string Of(const std::string& written) const {
    auto it = renamed_.find(written);
    return it == renamed_.end() ? written : it->second;
  }

 private:
  std::map<std::string, std::vector<std::string>> by_key_;  // IdFromName -> spellings
  std::map<std::string, std::string> renamed_;              // as written -> imported as
};

class ImportWriter {
 public:
  ImportWriter(const ImportSettings& settings, const std::string& directory,
               const std::string& shown, Diagnostics* diagnostics)
      : settings_(settings), directory_(directory), shown_(shown), diagnostics_(diagnostics) {
    auto read = [&](const std::string& name, std::vector<std::string> header) {
      return ReadRawTable(JoinPath(directory, "registry/" + name), shown + "/registry/" + name,
                          std::move(header), diagnostics);
    };
    models_ = read("models.csv", {"id", "name", "organization", "aliases", "notes"});
    benchmarks_ = read("benchmarks.csv", {"id", "name", "aliases", "category", "metric",
                                          "higher_is_better", "n_items", "chance", "max", "notes"});
    sources_ = read("sources.csv", {"id", "file", "title", "publisher", "date", "sha256"});
    model_names_ = IndexTable(models_);
    benchmark_names_ = IndexTable(benchmarks_);
    for (const auto& row : sources_.rows) source_ids_.insert(sources_.Get(row, "id"));
  }

  void Add(const ImportedResults& input) {
    const std::string source = SourceId(input);
    if (source.empty()) return;
    std::string claims =
        CsvLine({"claim_id", "model", "benchmark", "value", "unit", "metric", "setting", "source",
                 "line", "model_as_written", "benchmark_as_written", "kind", "notes", "stderr", "n",
                 "ci_low", "ci_high", "field"});
    int k = 0;
    FileNames names;
    for (const ImportedScore& written : input.scores) {
      const ImportedScore score = names.Distinct(written, input, diagnostics_);
      const std::string model = ModelId(score.model, input);
      const std::string benchmark = BenchmarkId(score.benchmark, score.metric, input);
      const std::string max = benchmarks_.Get(*FindRow(benchmarks_, benchmark), "max");
      claims += CsvLine(
          {fmt::format("{}-{}", source, ++k), model, benchmark, score.value_text,
           max == "100" ? "%" : "", score.metric, score.setting, source, std::to_string(score.line),
           score.model_as_written.empty() ? score.model : score.model_as_written, score.benchmark,
           "data", score.notes, score.stderr_ ? NumberText(*score.stderr_) : "",
           score.n ? std::to_string(*score.n) : "", score.ci_low ? NumberText(*score.ci_low) : "",
           score.ci_high ? NumberText(*score.ci_high) : "", score.field});
    }
    summary_.claims += k;
    files_[JoinPath(directory_, "claims/" + source + ".csv")] = claims;
    if (input.items.empty()) return;
    std::string items = CsvLine({"model", "benchmark", "item", "score"});
    for (const ImportedItem& item : input.items) {
      items += CsvLine({ModelId(names.Of(item.model), input),
                        BenchmarkId(item.benchmark, item.metric, input), item.item,
                        NumberText(item.score)});
    }
    summary_.items += static_cast<int>(input.items.size());
    files_[JoinPath(directory_, "items/" + source + ".csv")] = items;
  }

  ImportSummary Write() {
    if (diagnostics_->has_errors()) return summary_;
    for (const RawTable* table : {&models_, &benchmarks_, &sources_}) {
      if (!table->added.empty() || table->rewrite || table->text.empty()) {
        files_[table->path] = table->Bytes();
      }
    }
    for (const auto& [path, bytes] : files_) {
      std::string shown = shown_ + path.substr(directory_.size());
      if (ReadFile(path) == bytes) {
        summary_.unchanged.push_back(shown);
        continue;
      }
      std::string error;
      if (!WriteOutputFile(path, bytes, &error)) {
        diagnostics_->Error(Location{shown}, "", "", error);
        continue;
      }
      summary_.written.push_back(shown);
    }
    return summary_;
  }

 private:
  static const std::vector<std::string>* FindRow(const RawTable& table, const std::string& id) {
    for (const auto& row : table.rows) {
      if (table.Get(row, "id") == id) return &row;
    }
    return nullptr;
  }

  std::string SourceId(const ImportedResults& input) {
    int64_t bytes = 0;
    std::string error;
    std::optional<std::string> sha = Sha256File(input.path, &bytes, &error);
    if (!sha) {
      diagnostics_->Error(Location{input.path}, "", "", error);
      return "";
    }
    const std::string file = PathFromDataset(input.path, directory_);
    const int file_column = sources_.Column("file");
    const int sha_column = sources_.Column("sha256");
    for (auto& row : sources_.rows) {
      if (file_column < 0 || row[file_column] != file) continue;
      if (sha_column >= 0 && row[sha_column] != *sha) {
        row[sha_column] = *sha;
        sources_.rewrite = true;
        ++summary_.sources_updated;
      }
      return sources_.Get(row, "id");
    }
    // A HELM run's numbers are in its folder's stats.json: the folder names it.
    const fs::path cited(input.path);
    std::string base = IdFromName(input.format == "helm" ? cited.parent_path().filename().string()
                                                         : cited.stem().string());
    std::string id = base;
    for (int k = 2; source_ids_.count(id) > 0; ++k) id = fmt::format("{}-{}", base, k);
    source_ids_.insert(id);
    sources_.Add({{"id", id},
                  {"file", file},
                  {"title", fs::path(input.path).filename().string()},
                  {"publisher", input.tool},
                  {"sha256", *sha}});
    ++summary_.sources_added;
    return id;
  }

  std::string ModelId(const std::string& name, const ImportedResults& input) {
    if (auto id = model_names_.Find(name)) return *id;
    const std::string base = IdFromName(name);
    const std::string id = model_names_.FreeId(base);
    if (id != base) {
      diagnostics_->Warning(Location{input.path}, "model", name,
                            fmt::format("model \"{}\" gets id '{}': '{}' already names another "
                                        "model",
                                        name, id, base));
    }
    const size_t slash = name.find('/');
    models_.Add({{"id", id},
                 {"name", name},
                 {"organization", slash == std::string::npos ? "" : name.substr(0, slash)},
                 {"notes", fmt::format("imported from {}", input.path)}});
    model_names_.AddRow(models_, models_.rows.back());
    ++summary_.models_added;
    return id;
  }

  const BenchmarkSettings* SettingsFor(const std::string& id, const std::string& written) const {
    for (const std::string& key : {id, written}) {
      auto it = settings_.benchmarks.find(key);
      if (it != settings_.benchmarks.end()) return &it->second;
    }
    return nullptr;
  }

  std::string BenchmarkId(const std::string& written, const std::string& metric,
                          const ImportedResults& input) {
    const std::string name =
        metric.empty() ? written : fmt::format("{} ({})", written, MetricShown(metric));
    std::string wanted;
    if (auto given = settings_.benchmark_ids.find(written);
        given != settings_.benchmark_ids.end()) {
      wanted = given->second;
      if (auto id = benchmark_names_.Find(wanted)) return *id;
    } else if (auto id = benchmark_names_.Find(name)) {
      return *id;
    }
    const std::string base = wanted.empty() ? IdFromName(name) : wanted;
    const std::string id = benchmark_names_.FreeId(base);
    if (id != base) {
      diagnostics_->Warning(Location{input.path}, "benchmark", name,
                            fmt::format("benchmark \"{}\" gets id '{}': '{}' already names "
                                        "another benchmark",
                                        name, id, base));
    }
    std::optional<double> max = settings_.scale;
    std::optional<long long> n_items;
    std::optional<bool> higher;
    for (const auto& facts : input.benchmarks) {
      if (facts.benchmark != written) continue;
      if (facts.max) max = facts.max;
      if (facts.n_items) n_items = facts.n_items;
      if (facts.higher_is_better) higher = facts.higher_is_better;
    }
    std::optional<double> chance;
    if (const BenchmarkSettings* s = SettingsFor(id, written)) {
      if (s->max) max = s->max;
      if (s->n_items) n_items = s->n_items;
      if (s->lower_is_better) higher = false;
      chance = s->chance;
    }
    benchmarks_.Add({{"id", id},
                     {"name", wanted.empty() ? name : wanted},
                     {"aliases", wanted.empty() || benchmark_names_.Find(name) ? "" : name},
                     {"metric", MetricShown(metric)},
                     {"higher_is_better", higher.value_or(true) ? "true" : "false"},
                     {"n_items", n_items ? std::to_string(*n_items) : ""},
                     {"chance", chance ? NumberText(*chance) : ""},
                     {"max", max ? NumberText(*max) : ""},
                     {"notes", fmt::format("imported from {}", input.path)}});
    benchmark_names_.AddRow(benchmarks_, benchmarks_.rows.back());
    ++summary_.benchmarks_added;
    return id;
  }

  const ImportSettings& settings_;
  std::string directory_;
  std::string shown_;
  Diagnostics* diagnostics_;
  RawTable models_, benchmarks_, sources_;
  NameIndex model_names_, benchmark_names_;
  std::set<std::string> source_ids_;
  std::map<std::string, std::string> files_;  // path -> bytes to write
  ImportSummary summary_;
};

}  // namespace

std::string IdFromName(std::string_view name) {
  std::string id;
  bool gap = false;
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                      c == '-' || (c >= 'A' && c <= 'Z');
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !id.empty()) id += '-';
    gap = false;
    id += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  while (!id.empty() && id.front() == '-') id.erase(id.begin());
  return id.empty() ? "x" : id;
}

ImportSummary WriteImport(const std::vector<ImportedResults>& inputs,
                          const ImportSettings& settings, const std::string& directory,
                          const std::string& shown, Diagnostics* diagnostics) {
  ImportWriter writer(settings, directory, shown, diagnostics);
  if (diagnostics->has_errors()) return {};
  for (const ImportedResults& input : inputs) writer.Add(input);
  return writer.Write();
}

}  // namespace podium
