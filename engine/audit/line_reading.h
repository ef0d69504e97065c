// A document line as the audit reads it: where models and benchmarks are
// named on it, its numbers outside those names, and its sentences.
//
// Names are those of the registry (name and every alias) and those the claims
// of the document give as written (`model_as_written`, `benchmark_as_written`).
// They are matched ignoring ASCII case and runs of spaces, with a Markdown
// escape in the text skipped ("MMLU\*" names "MMLU*") and a trailing footnote
// mark '*' of the name optional. At each position the longest name wins
// ("GPT-4o-미니" over "GPT-4o", "라마 3.1 8B" over "3B"); a name that starts or
// ends with an ASCII letter or digit must not continue an ASCII word ("o1" is
// not in "o10").
#ifndef PODIUM_ENGINE_AUDIT_LINE_READING_H_
#define PODIUM_ENGINE_AUDIT_LINE_READING_H_

#include <array>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "engine/audit/audit_finding.h"
#include "engine/audit/number_tokens.h"
#include "engine/ingest/claims.h"
#include "engine/registry/registry.h"

namespace podium {

// A name a document may use, with the ids it stands for.
struct KnownName {
  std::string key;               // NameKey of the name
  bool model = true;             // false: a benchmark's name
  std::vector<std::string> ids;  // model or benchmark ids it names (sorted)
};

// The comparison form of a name: NormalizeName (ASCII lower case, single
// spaces), without Markdown escapes and without trailing '*' footnote marks.
std::string NameKey(std::string_view name);

// Every name of the registry's models and benchmarks plus the names as written
// by `claims` (those of one document).
class NameIndex {
 public:
  NameIndex(const Registry& registry, const std::vector<const Claim*>& claims);

  // The longest known name starting at byte `pos` of `text` and its length in
  // `text`; null when none starts there.
  const KnownName* LongestAt(std::string_view text, size_t pos, size_t* length) const;

 private:
  std::vector<KnownName> names_;
  std::array<std::vector<int>, 256> by_first_byte_;  // indices into names_
};

// Length of `text` from `pos` that spells `key` (a NameKey), or 0.
size_t MatchName(std::string_view text, size_t pos, std::string_view key);

// One place where a name is written.
struct Mention {
  size_t begin = 0;  // byte offsets, [begin, end)
  size_t end = 0;
  const KnownName* name = nullptr;

  bool Names(std::string_view id) const;  // the name stands for this id
};

struct LineReading {
  std::string_view text;
  std::vector<Mention> models;       // in order
  std::vector<Mention> benchmarks;   // in order
  std::vector<NumberToken> numbers;  // outside every name, in order
  // Sentence boundaries: a '.' (not between digits), '?', '!', a tab, or the
  // document's delimiter; sentence k ends at boundaries[k].
  std::vector<size_t> boundaries;

  int SentenceAt(size_t pos) const;  // index of the sentence holding byte pos
  // The text of `mention` as written in the line.
  std::string_view Written(const Mention& mention) const;
};

// Reads `text` with the names of `names`. `delimiter` is the document's cell
// delimiter (0 for a text document); cells are then also sentences.
LineReading ReadLine(std::string_view text, const NameIndex& names, char delimiter = 0);

// The lines of one document, each read once when first asked for.
class DocumentReading {
 public:
  // REQUIRES: `document` and `names` outlive this object.
  DocumentReading(const SourceDocument& document, const NameIndex& names)
      : document_(document), names_(names) {}

  const SourceDocument& document() const { return document_; }
  const NameIndex& names() const { return names_; }
  int line_count() const { return static_cast<int>(document_.lines.size()); }
  // REQUIRES: 1 <= line <= line_count().
  const LineReading& Line(int line);

 private:
  const SourceDocument& document_;
  const NameIndex& names_;
  std::map<int, LineReading> lines_;
};

// True if a name of the claim's model (the name as written, or the registry's
// id, name or an alias; ignoring ASCII case and extra spaces) is written on
// line `last_line` of `document` or within `context_lines` lines above it.
bool ModelNamedNear(const Claim& claim, const Registry& registry, const SourceDocument& document,
                    int last_line, int context_lines);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_LINE_READING_H_
