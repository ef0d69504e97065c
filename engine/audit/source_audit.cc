#include "engine/audit/source_audit.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

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

bool TokenAt(std::string_view line, size_t pos, size_t length, bool signed_value) {
  if (pos > 0) {
    const char before = line[pos - 1];
    if (IsDigit(before) || before == '.' || before == ',') return false;
    if (!signed_value && before == '-' && (pos < 2 || !IsDigit(line[pos - 2]))) return false;
  }
  const size_t end = pos + length;
  if (end < line.size()) {
    const char after = line[end];
    if (IsDigit(after)) return false;
    if ((after == '.' || after == ',') && end + 1 < line.size() && IsDigit(line[end + 1])) {
      return false;
    }
  }
  return true;
}

// Every name a model goes by, normalized.
std::vector<std::string> ModelNames(const Registry& registry, const Claim& claim) {
  std::vector<std::string> names = {NormalizeName(claim.model_as_written)};
  if (const Model* m = registry.FindModel(claim.model)) {
    names.push_back(NormalizeName(m->id));
    names.push_back(NormalizeName(m->name));
    for (const std::string& a : m->aliases) names.push_back(NormalizeName(a));
  }
  names.erase(std::remove(names.begin(), names.end(), ""), names.end());
  return names;
}

class Auditor {
 public:
  Auditor(const std::vector<Claim>& claims, const Registry& registry,
          const std::map<std::string, SourceDocument>& documents, const AuditOptions& options)
      : claims_(claims), registry_(registry), documents_(documents), options_(options) {}

  AuditResult Run() {
    CheckDocuments();
    std::map<std::string, SourceSummary> summaries;
    for (const Claim& c : claims_) {
      SourceSummary& s = summaries[c.source];
      ++s.claims;
      ++(c.kind == ClaimKind::kTable ? s.tables : s.prose);
      ++result_.claims;
      if (CheckClaim(c)) {
        ++s.verified;
        ++result_.verified;
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

  // Returns true when the claim passes every check.
  bool CheckClaim(const Claim& c) {
    auto doc = documents_.find(c.source);
    if (doc == documents_.end() || !doc->second.found) return false;  // reported once
    const std::string* text = LineOf(c.source, c.line);
    if (text == nullptr) {
      Add(FindingKind::kLineOutOfRange, {c.id}, c.source, 0,
          fmt::format("claim {} cites line {}, but {} has {} lines", c.id, c.line, doc->second.path,
                      doc->second.lines.size()),
          c.origin);
      return false;
    }
    bool ok = true;
    if (!LinePrintsNumber(*text, c.value_text)) {
      Add(FindingKind::kValueNotOnLine, {c.id}, c.source, c.line,
          fmt::format("claim {}: the value {} is not printed on line {}", c.id, c.value_text,
                      c.line),
          c.origin);
      ok = false;
    }
    std::string window;
    for (int l = std::max(1, c.line - options_.context_lines); l <= c.line; ++l) {
      window += NormalizeName(*LineOf(c.source, l)) + "\n";
    }
    const std::vector<std::string> names = ModelNames(registry_, c);
    const bool named = std::any_of(names.begin(), names.end(), [&](const std::string& n) {
      return window.find(n) != std::string::npos;
    });
    if (!named) {
      Add(FindingKind::kModelNotNear, {c.id}, c.source, c.line,
          fmt::format("claim {}: no name of model '{}' on line {} or the {} lines above", c.id,
                      c.model, c.line, options_.context_lines),
          c.origin);
      ok = false;
    }
    return ok;
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
    std::map<std::pair<std::string, int>, std::vector<const Claim*>> cited;
    for (const Claim& c : claims_) cited[{c.source, c.line}].push_back(&c);
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
          const auto& on_line = cited[{id, l}];
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
};

}  // namespace

bool LinePrintsNumber(std::string_view line, std::string_view value_text) {
  if (value_text.empty()) return false;
  const bool signed_value = value_text.front() == '+' || value_text.front() == '-';
  std::vector<std::string> forms = {std::string(value_text)};
  const std::string_view unsigned_text = signed_value ? value_text.substr(1) : value_text;
  const std::string_view integer = unsigned_text.substr(0, unsigned_text.find('.'));
  if (integer.size() >= 4 && std::all_of(integer.begin(), integer.end(), IsDigit)) {
    forms.push_back((signed_value ? std::string(1, value_text.front()) : std::string()) +
                    WithThousandsSeparators(integer) +
                    std::string(unsigned_text.substr(integer.size())));
  }
  for (const std::string& form : forms) {
    for (size_t pos = line.find(form); pos != std::string_view::npos;
         pos = line.find(form, pos + 1)) {
      if (TokenAt(line, pos, form.size(), signed_value)) return true;
    }
  }
  return false;
}

bool IsAuditError(FindingKind kind) { return kind <= FindingKind::kModelNotNear; }

const char* FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kDocumentMissing:
      return "document_missing";
    case FindingKind::kDigestMismatch:
      return "digest_mismatch";
    case FindingKind::kLineOutOfRange:
      return "line_out_of_range";
    case FindingKind::kValueNotOnLine:
      return "value_not_on_line";
    case FindingKind::kModelNotNear:
      return "model_not_near";
    case FindingKind::kConflict:
      return "conflict";
    case FindingKind::kDuplicate:
      return "duplicate";
    case FindingKind::kAverageChecked:
      return "average_checked";
    case FindingKind::kAverageMismatch:
      return "average_mismatch";
    case FindingKind::kOrderMismatch:
      return "order_mismatch";
    case FindingKind::kUncitedNumber:
      return "uncited_number";
  }
  return "unknown";
}

std::map<std::string, SourceDocument> LoadSourceDocuments(const Registry& registry,
                                                          const std::string& directory,
                                                          const std::string& display_directory) {
  std::map<std::string, SourceDocument> documents;
  for (const Source& s : registry.sources()) {
    SourceDocument doc;
    doc.id = s.id;
    doc.path = display_directory + "/" + s.file;
    if (std::optional<std::string> bytes = ReadFile(directory + "/" + s.file)) {
      doc.found = true;
      doc.sha256 = Sha256Hex(*bytes);
      for (std::string_view line : SplitLines(*bytes)) doc.lines.emplace_back(line);
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
