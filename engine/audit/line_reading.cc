#include "engine/audit/line_reading.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "engine/audit/table_cells.h"

namespace podium {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// True for a name worth looking for: one with a letter, so that no number is
// taken for a name.
bool HasLetter(std::string_view key) {
  return std::any_of(key.begin(), key.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || (Lower(c) >= 'a' && Lower(c) <= 'z');
  });
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string cleaned;
  for (char c : name) {
    if (c != '\\') cleaned += c;
  }
  std::string key = NormalizeName(cleaned);
  while (!key.empty() && (key.back() == '*' || key.back() == ' ')) key.pop_back();
  return key;
}

NameIndex::NameIndex(const Registry& registry, const std::vector<const Claim*>& claims) {
  std::map<std::pair<bool, std::string>, std::set<std::string>> ids;
  auto add = [&](bool model, std::string_view name, const std::string& id) {
    std::string key = NameKey(name);
    if (HasLetter(key)) ids[{model, std::move(key)}].insert(id);
  };
  for (const Model& m : registry.models()) {
    add(true, m.name, m.id);
    for (const std::string& a : m.aliases) add(true, a, m.id);
  }
  for (const Benchmark& b : registry.benchmarks()) {
    add(false, b.name, b.id);
    for (const std::string& a : b.aliases) add(false, a, b.id);
  }
  for (const Claim* c : claims) {
    add(true, c->model_as_written, c->model);
    add(false, c->benchmark_as_written, c->benchmark);
  }
  for (auto& [key, set] : ids) {
    by_first_byte_[static_cast<unsigned char>(key.second[0])].push_back(
        static_cast<int>(names_.size()));
    names_.push_back({key.second, key.first, {set.begin(), set.end()}});
  }
}

size_t MatchName(std::string_view text, size_t pos, std::string_view key) {
  size_t i = pos;
  for (size_t k = 0; k < key.size(); ++k) {
    if (key[k] == ' ') {
      if (i >= text.size() || text[i] != ' ') return 0;
      while (i < text.size() && text[i] == ' ') ++i;
      continue;
    }
    if (i + 1 < text.size() && text[i] == '\\' && Lower(text[i + 1]) == key[k]) ++i;
    if (i >= text.size() || Lower(text[i]) != key[k]) return 0;
    ++i;
  }
  if (IsAsciiAlnum(key.front()) && pos > 0 && IsAsciiAlnum(text[pos - 1])) return 0;
  if (IsAsciiAlnum(key.back()) && i < text.size() && IsAsciiAlnum(text[i])) return 0;
  return i - pos;
}

const KnownName* NameIndex::LongestAt(std::string_view text, size_t pos, size_t* length) const {
  const KnownName* best = nullptr;
  *length = 0;
  for (int index : by_first_byte_[static_cast<unsigned char>(Lower(text[pos]))]) {
    const size_t n = MatchName(text, pos, names_[index].key);
    // Longest first; on equal length a model's name before a benchmark's.
    if (n > *length || (n == *length && n > 0 && names_[index].model && !best->model)) {
      *length = n;
      best = &names_[index];
    }
  }
  return best;
}

bool Mention::Names(std::string_view id) const {
  return std::binary_search(name->ids.begin(), name->ids.end(), id);
}

int LineReading::SentenceAt(size_t pos) const {
  return static_cast<int>(std::lower_bound(boundaries.begin(), boundaries.end(), pos) -
                          boundaries.begin());
}

std::string_view LineReading::Written(const Mention& mention) const {
  return text.substr(mention.begin, mention.end - mention.begin);
}

LineReading ReadLine(std::string_view text, const NameIndex& names, char delimiter) {
  LineReading r;
  r.text = text;
  std::vector<TextSpan> spans;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 0;
    const KnownName* name = names.LongestAt(text, pos, &length);
    if (name == nullptr) {
      ++pos;
      continue;
    }
    (name->model ? r.models : r.benchmarks).push_back({pos, pos + length, name});
    spans.push_back({pos, pos + length});
    pos += length;
  }
  // Numbers are read cell by cell: a delimiter never joins two numbers.
  const std::vector<TextSpan> cells =
      delimiter != 0 ? CellSpans(text, delimiter) : std::vector<TextSpan>{{0, text.size()}};
  for (const TextSpan& cell : cells) {
    std::vector<TextSpan> skip;
    for (const TextSpan& s : spans) {
      if (s.end > cell.begin && s.begin < cell.end) {
        skip.push_back(
            {std::max(s.begin, cell.begin) - cell.begin, std::min(s.end, cell.end) - cell.begin});
      }
    }
    for (NumberToken& t : ProseNumbers(text.substr(cell.begin, cell.end - cell.begin), skip)) {
      t.begin += cell.begin;
      t.end += cell.begin;
      r.numbers.push_back(std::move(t));
    }
    if (cell.end < text.size()) r.boundaries.push_back(cell.end);
  }
  auto inside_name = [&](size_t pos) {
    return std::any_of(spans.begin(), spans.end(),
                       [&](const TextSpan& s) { return s.begin <= pos && pos < s.end; });
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool boundary = c == '\t' || c == '?' || c == '!';
    if (c == '.') {
      boundary = !(i > 0 && IsDigit(text[i - 1])) && !(i + 1 < text.size() && IsDigit(text[i + 1]));
    }
    if (boundary && !inside_name(i)) r.boundaries.push_back(i);
  }
  std::sort(r.boundaries.begin(), r.boundaries.end());
  r.boundaries.erase(std::unique(r.boundaries.begin(), r.boundaries.end()), r.boundaries.end());
  return r;
}

const LineReading& DocumentReading::Line(int line) {
  auto it = lines_.find(line);
  if (it == lines_.end()) {
    it = lines_.emplace(line, ReadLine(document_.lines[line - 1], names_, document_.delimiter))
             .first;
  }
  return it->second;
}

bool ModelNamedNear(const Claim& claim, const Registry& registry, const SourceDocument& document,
                    int last_line, int context_lines) {
  std::vector<std::string> names = {NameKey(claim.model_as_written)};
  if (const Model* m = registry.FindModel(claim.model)) {
    names.push_back(NameKey(m->id));
    names.push_back(NameKey(m->name));
    for (const std::string& a : m->aliases) names.push_back(NameKey(a));
  }
  names.erase(std::remove(names.begin(), names.end(), ""), names.end());
  const int last = std::min(last_line, static_cast<int>(document.lines.size()));
  for (int line = last; line >= std::max(1, last_line - context_lines); --line) {
    const std::string text = NameKey(document.lines[line - 1]);
    for (const std::string& name : names) {
      if (text.find(name) != std::string::npos) return true;
    }
  }
  return false;
}

}  // namespace podium
