#include "engine/audit/source_audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>
#include <tuple>

#include "engine/audit/claim_check.h"
#include "engine/audit/data_claim.h"
#include "engine/audit/line_reading.h"
#include "engine/audit/number_tokens.h"
#include "engine/audit/table_cells.h"
#include "engine/base/file_util.h"
#include "engine/base/number.h"
#include "engine/base/sha256.h"
#include "engine/base/text_position.h"

namespace podium {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string Trim(std::string_view text) {
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(" \t\r");
  return std::string(text.substr(begin, end - begin + 1));
}

class Auditor {
 public:
  Auditor(const std::vector<Claim>& claims, const Registry& registry,
          const std::map<std::string, SourceDocument>& documents, const AuditOptions& options)
      : claims_(claims), registry_(registry), documents_(documents), options_(options) {}

  AuditResult Run() {
    CheckDocuments();
    for (const Claim& c : claims_) claims_on_line_[{c.source, c.line}].push_back(&c);
    std::map<const Claim*, Outcome> outcomes;
    for (const Claim& c : claims_) outcomes[&c] = CheckClaim(c);
    FindNumbersCitedTwice(&outcomes);
    std::map<std::string, SourceSummary> summaries;
    for (const Claim& c : claims_) {
      SourceSummary& s = summaries[c.source];
      ++s.claims;
      ++(c.kind == ClaimKind::kProse ? s.prose : s.tables);  // data: cells of a file
      ++result_.claims;
      switch (outcomes[&c]) {
        case Outcome::kVerified:
          ++s.verified;
          ++result_.verified;
          break;
        case Outcome::kWarning:
          ++s.warnings;
          ++result_.warnings;
          break;
        case Outcome::kFailed:
          ++result_.failed;
          break;
      }
    }
    for (const Source& source : registry_.sources()) {
      SourceSummary s = summaries[source.id];
      s.source = source.id;
      result_.sources.push_back(s);
    }
    FindConflictsAndDuplicates();
    CheckTables();
    FindUncitedNumbers();
    std::stable_sort(result_.findings.begin(), result_.findings.end(),
                     [](const AuditFinding& a, const AuditFinding& b) {
                       return std::tie(a.kind, a.source, a.line) <
                              std::tie(b.kind, b.source, b.line);
                     });
    for (const AuditFinding& f : result_.findings) result_.errors += IsAuditError(f.kind) ? 1 : 0;
    return std::move(result_);
  }

 private:
  const std::string* LineOf(const std::string& source, int line) const {
    auto it = documents_.find(source);
    if (it == documents_.end() || !it->second.found) return nullptr;
    if (line < 1 || line > static_cast<int>(it->second.lines.size())) return nullptr;
    return &it->second.lines[line - 1];
  }

  void Add(FindingKind kind, std::vector<std::string> claims, const std::string& source, int line,
           std::string message, Location origin = {}) {
    const std::string* text = LineOf(source, line);
    result_.findings.push_back({kind, std::move(claims), source, line,
                                text != nullptr ? Trim(*text) : "", std::move(message),
                                std::move(origin)});
  }

  void CheckDocuments() {
    for (const Source& s : registry_.sources()) {
      auto it = documents_.find(s.id);
      if (it == documents_.end() || !it->second.found) {
        Add(FindingKind::kDocumentMissing, {}, s.id, 0,
            fmt::format("document {} of source {} cannot be read",
                        it == documents_.end() ? s.file : it->second.path, s.id),
            s.origin);
      } else if (!s.sha256.empty() && s.sha256 != it->second.sha256) {
        Add(FindingKind::kDigestMismatch, {}, s.id, 0,
            fmt::format("{} has SHA-256 {}, sources.csv says {}", it->second.path,
                        it->second.sha256, s.sha256),
            s.origin);
      }
    }
  }

  enum class Outcome { kVerified, kWarning, kFailed };

  Outcome CheckClaim(const Claim& c) {
    auto doc = documents_.find(c.source);
    if (doc == documents_.end() || !doc->second.found) return Outcome::kFailed;  // reported once
    if (c.kind == ClaimKind::kData) return CheckDataClaim(c, doc->second);
    if (LineOf(c.source, c.line) == nullptr) {
      Add(FindingKind::kLineOutOfRange, {c.id}, c.source, 0,
          fmt::format("claim {} cites line {}, but {} has {} lines", c.id, c.line, doc->second.path,
                      doc->second.lines.size()),
          c.origin);
      return Outcome::kFailed;
    }
    const ClaimCheck check = CheckClaimOnLine(c, claims_on_line_[{c.source, c.line}], registry_,
                                              Reading(doc->second), options_);
    if (!check.problem) return Outcome::kVerified;
    Add(*check.problem, {c.id}, c.source, c.line, check.message, c.origin);
    return IsAuditWarning(*check.problem) ? Outcome::kWarning : Outcome::kFailed;
  }

  // A data claim is checked at its field (data_claim.h); the file is
  // indexed on first use.
  Outcome CheckDataClaim(const Claim& c, const SourceDocument& doc) {
    std::unique_ptr<DataFileIndex>& index = data_files_[doc.id];
    if (index == nullptr) index = IndexDataFile(doc);
    const ClaimCheck check = index->Check(c);
    if (!check.problem) return Outcome::kVerified;
    Add(*check.problem, {c.id}, c.source, c.line, check.message, c.origin);
    return IsAuditWarning(*check.problem) ? Outcome::kWarning : Outcome::kFailed;
  }

  // Two claims of one model and benchmark (say "before" and "after" settings)
  // that cite the same number of a line which prints it once cannot both be
  // right: each fails, since the audit cannot tell which one is.
  void FindNumbersCitedTwice(std::map<const Claim*, Outcome>* outcomes) {
    std::map<std::tuple<std::string, int, std::string, std::string, std::string>,
             std::vector<const Claim*>>
        groups;
    for (const Claim& c : claims_) {
      if ((*outcomes)[&c] == Outcome::kFailed || c.kind == ClaimKind::kData) continue;
      groups[{c.source, c.line, c.model, c.benchmark, c.value_text}].push_back(&c);
    }
    for (const auto& [key, group] : groups) {
      if (group.size() < 2) continue;
      const Claim& first = *group.front();
      const std::vector<NumberToken>& numbers =
          Reading(documents_.at(first.source))->Line(first.line).numbers;
      const size_t printed =
          std::count_if(numbers.begin(), numbers.end(),
                        [&](const NumberToken& n) { return PrintsValue(n, first.value_text); });
      if (printed >= group.size()) continue;
      std::vector<std::string> ids;
      for (const Claim* c : group) {
        ids.push_back(c->id);
        (*outcomes)[c] = Outcome::kFailed;
      }
      Add(FindingKind::kNumberCitedTwice, ids, first.source, first.line,
          fmt::format("claims {} cite {} for model '{}' on benchmark '{}', but line {} prints it "
                      "{} time{}",
                      fmt::join(ids, ", "), first.value_text, first.model, first.benchmark,
                      first.line, printed, printed == 1 ? "" : "s"),
          first.origin);
    }
  }

  // The reading of a document, with the names its claims use; made once.
  DocumentReading* Reading(const SourceDocument& doc) {
    auto it = readings_.find(doc.id);
    if (it == readings_.end()) {
      std::vector<const Claim*> claims;
      for (const Claim& c : claims_) {
        if (c.source == doc.id) claims.push_back(&c);
      }
      const NameIndex& names =
          *names_.emplace(doc.id, std::make_unique<NameIndex>(registry_, claims)).first->second;
      it = readings_.emplace(doc.id, std::make_unique<DocumentReading>(doc, names)).first;
    }
    return it->second.get();
  }

  void FindConflictsAndDuplicates() {
    // Claims under different stated settings (5-shot vs 0-shot, "vs Sora" vs
    // "vs Kling 1.5") measure different things: they neither conflict nor repeat.
    std::map<std::tuple<std::string, std::string, std::string>, std::vector<const Claim*>> cells;
    for (const Claim& c : claims_) cells[{c.model, c.benchmark, c.setting}].push_back(&c);
    for (const auto& [key, group] : cells) {
      const auto& [model, benchmark, setting] = key;
      std::map<double, std::vector<const Claim*>> by_value;
      for (const Claim* c : group) by_value[c->value].push_back(c);
      if (by_value.size() > 1) {
        std::vector<std::string> ids, parts;
        for (const Claim* c : group) {
          ids.push_back(c->id);
          parts.push_back(
              fmt::format("{} = {} ({} line {})", c->id, c->value_text, c->source, c->line));
        }
        Add(FindingKind::kConflict, ids, group.front()->source, group.front()->line,
            fmt::format("model '{}' on benchmark '{}'{} has {} different values: {}", model,
                        benchmark, setting.empty() ? "" : " (" + setting + ")", by_value.size(),
                        fmt::join(parts, "; ")));
      }
      for (const auto& [value, same] : by_value) {
        if (same.size() < 2) continue;
        std::vector<std::string> ids, places;
        for (const Claim* c : same) {
          ids.push_back(c->id);
          places.push_back(fmt::format("{} line {}", c->source, c->line));
        }
        Add(FindingKind::kDuplicate, ids, same.front()->source, same.front()->line,
            fmt::format("model '{}' on benchmark '{}' = {} is quoted {} times: {}", model,
                        benchmark, same.front()->value_text, same.size(), fmt::join(places, ", ")));
      }
    }
  }

  bool IsAggregate(const std::string& benchmark) const {
    const Benchmark* b = registry_.FindBenchmark(benchmark);
    return b != nullptr && b->category == "aggregate";
  }

  static int Decimals(const std::string& text) {
    const size_t dot = text.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
  }

  void CheckTables() {
    // Table rows: (source, line, model) -> its cells.
    std::map<std::tuple<std::string, int, std::string>, std::vector<const Claim*>> rows;
    for (const Claim& c : claims_) {
      if (c.kind == ClaimKind::kTable) rows[{c.source, c.line, c.model}].push_back(&c);
    }
    std::map<std::pair<std::string, std::string>, std::vector<const Claim*>> columns;
    for (const auto& [key, cells] : rows) {
      for (const Claim* avg : cells) {
        if (!IsAggregate(avg->benchmark)) continue;
        columns[{avg->source, avg->benchmark}].push_back(avg);
        std::vector<const Claim*> parts;
        for (const Claim* c : cells) {
          if (!IsAggregate(c->benchmark)) parts.push_back(c);
        }
        if (parts.size() < 2) continue;
        double sum = 0;
        for (const Claim* c : parts) sum += c->value;
        const double mean = sum / parts.size();
        // A printed average with d decimals of columns printed with d decimals
        // is off from their exact mean by at most 10^-d (two roundings).
        const double tolerance = std::pow(10.0, -Decimals(avg->value_text)) + 1e-9;
        const bool ok = std::abs(mean - avg->value) <= tolerance;
        std::vector<std::string> ids = {avg->id};
        for (const Claim* c : parts) ids.push_back(c->id);
        Add(ok ? FindingKind::kAverageChecked : FindingKind::kAverageMismatch, ids, avg->source,
            avg->line,
            fmt::format("'{}' of {}: stated {}, mean of the row's {} other cells {:.4f} "
                        "(difference {:.4f}, tolerance {:g})",
                        avg->benchmark, avg->model, avg->value_text, parts.size(), mean,
                        mean - avg->value, tolerance));
      }
    }
    for (auto& [key, column] : columns) CheckOrder(column);
  }

  // Rows of one aggregate column of one source, in line order: blocks of
  // consecutive lines are one table, expected best first.
  void CheckOrder(std::vector<const Claim*> column) {
    std::sort(column.begin(), column.end(),
              [](const Claim* a, const Claim* b) { return a->line < b->line; });
    const Benchmark* b = registry_.FindBenchmark(column.front()->benchmark);
    for (size_t k = 1; k < column.size(); ++k) {
      const Claim* above = column[k - 1];
      const Claim* below = column[k];
      if (below->line - above->line > 2) continue;  // another table
      const bool out_of_order =
          b->higher_is_better ? below->value > above->value : below->value < above->value;
      if (!out_of_order) continue;
      Add(FindingKind::kOrderMismatch, {above->id, below->id}, below->source, below->line,
          fmt::format("'{}' is listed below '{}' (line {}) although its {} is better: {} vs "
                      "{} (tolerance 0: any inversion is reported)",
                      below->model, above->model, above->line, b->name, below->value_text,
                      above->value_text));
    }
  }

  void FindUncitedNumbers() {
    std::vector<std::string> names;
    for (const Model& m : registry_.models()) {
      for (const std::string& n : m.aliases) {
        if (NormalizeName(n).size() >= 4) names.push_back(NormalizeName(n));
      }
      if (m.name.size() >= 4) names.push_back(NormalizeName(m.name));
    }
    for (const auto& [id, doc] : documents_) {
      if (!doc.found) continue;
      for (int l = 1; l <= static_cast<int>(doc.lines.size()); ++l) {
        const std::string& text = doc.lines[l - 1];
        const std::string normalized = NormalizeName(text);
        if (std::none_of(names.begin(), names.end(), [&](const std::string& n) {
              return normalized.find(n) != std::string::npos;
            })) {
          continue;
        }
        for (const std::string& number : ScoreLikeNumbers(text)) {
          const auto& on_line = claims_on_line_[{id, l}];
          const bool covered = std::any_of(on_line.begin(), on_line.end(), [&](const Claim* c) {
            return ParseFiniteDouble(c->value_text) == ParseFiniteDouble(number);
          });
          if (!covered) {
            Add(FindingKind::kUncitedNumber, {}, id, l,
                fmt::format("{} on line {} names a model but no claim cites it", number, l));
          }
        }
      }
    }
  }

  // Numbers directly followed by 점 (points) or %, e.g. "65.0점", "88.7%".
  static std::vector<std::string> ScoreLikeNumbers(const std::string& text) {
    std::vector<std::string> out;
    for (size_t i = 0; i < text.size();) {
      if (!IsDigit(text[i]) || (i > 0 && (IsDigit(text[i - 1]) || text[i - 1] == '.'))) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < text.size() && (IsDigit(text[j]) || text[j] == '.' || text[j] == ',')) ++j;
      std::string number = text.substr(i, j - i);
      number.erase(std::remove(number.begin(), number.end(), ','), number.end());
      const std::string_view rest(text.c_str() + j, text.size() - j);
      if (rest.rfind("%", 0) == 0 || rest.rfind("점", 0) == 0) out.push_back(number);
      i = j;
    }
    return out;
  }

  const std::vector<Claim>& claims_;
  const Registry& registry_;
  const std::map<std::string, SourceDocument>& documents_;
  const AuditOptions& options_;
  AuditResult result_;
  std::map<std::pair<std::string, int>, std::vector<const Claim*>> claims_on_line_;
  std::map<std::string, std::unique_ptr<NameIndex>> names_;  // by source id
  std::map<std::string, std::unique_ptr<DocumentReading>> readings_;
  std::map<std::string, std::unique_ptr<DataFileIndex>> data_files_;  // by source id
};

}  // namespace

bool IsPathFromDataset(const std::string& file) {
  return file.rfind("./", 0) == 0 || file.rfind("../", 0) == 0 || file.rfind('/', 0) == 0;
}

std::map<std::string, SourceDocument> LoadSourceDocuments(const Registry& registry,
                                                          const std::string& directory,
                                                          const std::string& display_directory,
                                                          const std::string& dataset,
                                                          const std::string& display_dataset) {
  std::map<std::string, SourceDocument> documents;
  for (const Source& s : registry.sources()) {
    SourceDocument doc;
    doc.id = s.id;
    std::string path = directory + "/" + s.file;
    doc.path = display_directory + "/" + s.file;
    if (IsPathFromDataset(s.file)) {
      const bool absolute = s.file.front() == '/';
      path = absolute ? s.file : JoinPath(dataset, s.file);
      doc.path = absolute ? s.file : JoinPath(display_dataset, s.file);
    }
    doc.file = path;
    doc.delimiter = DocumentDelimiter(s.file);
    if (std::optional<std::string> bytes = ReadFile(path)) {
      doc.found = true;
      doc.sha256 = Sha256Hex(*bytes);
      for (std::string_view line : SplitLines(*bytes)) doc.lines.emplace_back(line);
      doc.bytes = std::move(*bytes);
    }
    documents[s.id] = std::move(doc);
  }
  return documents;
}

}  // namespace podium

namespace podium {

AuditResult AuditClaims(const std::vector<Claim>& claims, const Registry& registry,
                        const std::map<std::string, SourceDocument>& documents,
                        const AuditOptions& options) {
  return Auditor(claims, registry, documents, options).Run();
}

}  // namespace podium
