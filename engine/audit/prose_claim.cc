#include "engine/audit/prose_claim.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace podium {
namespace {

// Where a model is named: a line and the index of the mention in its models.
struct Place {
  int line = 0;  // 0: nowhere
  int mention = -1;
  explicit operator bool() const { return line > 0; }
};

struct Owner {
  Place place;
  bool strong = false;  // rules 1, 3 and rule 2 with a subject in the sentence
};

bool StartsWith(std::string_view text, size_t pos, std::string_view prefix) {
  return text.substr(pos, prefix.size()) == prefix;
}

// Skips closing quotes and brackets after a name ("‘GPT-4o’(", "(Sora)").
size_t SkipClosers(std::string_view text, size_t pos) {
  for (bool more = true; more;) {
    more = false;
    for (std::string_view closer : {"’", "'", "”", "\"", "」", "』", " "}) {
      if (StartsWith(text, pos, closer)) {
        pos += closer.size();
        more = true;
      }
    }
  }
  return pos;
}

// "몰모-72B는", "‘o1’의", "o1-프리뷰 모델은": the name is a subject.
bool SubjectMarked(const LineReading& r, const Mention& m) {
  size_t pos = SkipClosers(r.text, m.end);
  if (StartsWith(r.text, pos, "모델")) pos += std::string_view("모델").size();
  for (std::string_view particle : {"은", "는", "이", "가", "의", "도"}) {
    if (StartsWith(r.text, pos, particle)) return true;
  }
  return false;
}

// True if only closing quotes, spaces and one '(' stand between the name and
// the number: "GPT-4(67%)", "‘GPT-4o’(78.5점)".
bool InParenthesesAfter(const LineReading& r, const Mention& m, const NumberToken& n) {
  size_t pos = SkipClosers(r.text, m.end);
  if (pos >= r.text.size() || r.text[pos] != '(') return false;
  ++pos;
  while (pos < r.text.size() && r.text[pos] == ' ') ++pos;
  return pos == n.begin;
}

// "GPT-4(67%)", "‘GPT-4o’(78.5점)": a competitor quoted with its number in
// parentheses, never the subject of the clause.
bool Parenthetical(const LineReading& r, const Mention& m) {
  size_t pos = SkipClosers(r.text, m.end);
  if (pos >= r.text.size() || r.text[pos] != '(') return false;
  ++pos;
  while (pos < r.text.size() && (r.text[pos] == ' ' || r.text[pos] == '+' || r.text[pos] == '-')) {
    ++pos;
  }
  return pos < r.text.size() && r.text[pos] >= '0' && r.text[pos] <= '9';
}

// True if `text` only joins names of a list: spaces, bullets (▲ △ ·), commas,
// slashes, quotes and the particles 와 과 및 나 ("A와 B", "▲A ▲B").
bool ListGap(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    bool joined = false;
    for (std::string_view joiner :
         {" ", ",", "/", "'", "‘", "’", "▲", "△", "·", "와", "과", "및", "나"}) {
      if (StartsWith(text, pos, joiner)) {
        pos += joiner.size();
        joined = true;
        break;
      }
    }
    if (!joined) return false;
  }
  return true;
}

// True if a number stands right before the benchmark name `b`, as in "90%의
// 명령 수행 성공률": the name follows its number and opens no clause.
bool AfterItsNumber(const LineReading& r, const Mention& b) {
  std::string_view before = r.text.substr(0, b.begin);
  auto strip = [&](std::string_view suffix) {
    if (before.size() >= suffix.size() && before.substr(before.size() - suffix.size()) == suffix) {
      before.remove_suffix(suffix.size());
    }
  };
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  strip("의");
  strip("%");
  strip("점");
  return std::any_of(r.numbers.begin(), r.numbers.end(),
                     [&](const NumberToken& n) { return n.end == before.size(); });
}

// "75.4%에서 88.7%로": the number is the start of a change, whose states may
// belong to different models (before and after training), so a clause's
// subject does not get it.
bool StartsChange(const LineReading& r, int n) {
  size_t pos = r.numbers[n].end;
  for (std::string_view unit : {"%", "점"}) {
    if (StartsWith(r.text, pos, unit)) pos += unit.size();
  }
  if (!StartsWith(r.text, pos, "에서")) return false;
  pos += std::string_view("에서").size();
  while (pos < r.text.size() && r.text[pos] == ' ') ++pos;
  return n + 1 < static_cast<int>(r.numbers.size()) && r.numbers[n + 1].begin == pos;
}

bool NameStartsBetween(const std::vector<Mention>& mentions, size_t from, size_t to) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [&](const Mention& m) { return m.begin >= from && m.begin < to; });
}

// The first number after byte `from` in the same sentence, with no name of the
// given lists starting before it; -1 if none.
int FirstNumberAfter(const LineReading& r, size_t from, int sentence,
                     const std::vector<const std::vector<Mention>*>& stops) {
  for (size_t i = 0; i < r.numbers.size(); ++i) {
    const NumberToken& n = r.numbers[i];
    if (n.begin < from) continue;
    if (r.SentenceAt(n.begin) != sentence) return -1;
    for (const std::vector<Mention>* s : stops) {
      if (NameStartsBetween(*s, from, n.begin)) return -1;
    }
    return static_cast<int>(i);
  }
  return -1;
}

class ProseCheck {
 public:
  ProseCheck(const Claim& claim, const std::vector<const Claim*>& same_line,
             DocumentReading* document, const AuditOptions& options)
      : c_(claim),
        same_line_(same_line),
        doc_(*document),
        options_(options),
        r_(document->Line(claim.line)),
        written_(NameKey(claim.model_as_written)) {}

  ClaimCheck Run() {
    FindOwners();
    written_on_line_ = std::any_of(r_.models.begin(), r_.models.end(), [&](const Mention& m) {
      return m.Names(c_.model) && Contains(m);
    });
    std::vector<int> values;
    for (size_t i = 0; i < r_.numbers.size(); ++i) {
      if (PrintsValue(r_.numbers[i], c_.value_text)) values.push_back(static_cast<int>(i));
    }
    if (values.empty()) return NotPrinted();
    std::optional<ClaimCheck> first_problem;
    for (int i : values) {
      if (!owners_[i].place || !Belongs(owners_[i].place)) continue;
      ClaimCheck check = CheckBenchmark(r_.numbers[i]);
      if (!check.problem) return check;
      if (!first_problem) first_problem = std::move(check);
    }
    if (first_problem) return *first_problem;
    return NotOwned(values);
  }

 private:
  bool Contains(const Mention& m) const {
    return !written_.empty() && m.name->key.find(written_) != std::string::npos;
  }

  const Mention& At(Place p) { return doc_.Line(p.line).models[p.mention]; }

  // The place names the claim's model: by the name as written when that is on
  // the line, else by any name of the model.
  bool Belongs(Place p) {
    const Mention& m = At(p);
    return m.Names(c_.model) && (!written_on_line_ || Contains(m));
  }

  std::string Written(Place p) { return std::string(doc_.Line(p.line).Written(At(p))); }

  void FindOwners() {
    owners_.assign(r_.numbers.size(), {});
    for (size_t k = 0; k < r_.models.size(); ++k) {  // rule 1: parentheses
      const int n = FirstNumberAfter(r_, r_.models[k].end, r_.SentenceAt(r_.models[k].begin),
                                     {&r_.models, &r_.benchmarks});
      if (n >= 0 && InParenthesesAfter(r_, r_.models[k], r_.numbers[n])) {
        owners_[n] = {{c_.line, static_cast<int>(k)}, true};
      }
    }
    for (const Mention& b : r_.benchmarks) {  // rule 2: benchmark clause
      if (AfterItsNumber(r_, b)) continue;
      const int n =
          FirstNumberAfter(r_, b.end, r_.SentenceAt(b.begin), {&r_.models, &r_.benchmarks});
      if (n >= 0 && !owners_[n].place && !StartsChange(r_, n)) owners_[n] = SubjectBefore(b);
    }
    for (size_t k = 0; k < r_.models.size(); ++k) {  // rule 3: first number after the name
      const int n =
          FirstNumberAfter(r_, r_.models[k].end, r_.SentenceAt(r_.models[k].begin), {&r_.models});
      if (n >= 0 && !owners_[n].place) owners_[n] = {{c_.line, static_cast<int>(k)}, true};
    }
  }

  // The subject of the clause that starts with benchmark name `b` (rule 2).
  Owner SubjectBefore(const Mention& b) {
    const int sentence = r_.SentenceAt(b.begin);
    int last = -1, last_subject = -1;
    bool one_model = true;
    for (size_t k = 0; k < r_.models.size() && r_.models[k].end <= b.begin; ++k) {
      if (r_.SentenceAt(r_.models[k].begin) != sentence || Parenthetical(r_, r_.models[k])) {
        continue;
      }
      if (last >= 0 && r_.models[k].name->ids != r_.models[last].name->ids) one_model = false;
      last = static_cast<int>(k);
      if (SubjectMarked(r_, r_.models[k])) last_subject = last;
    }
    if (last_subject >= 0) return {{c_.line, last_subject}, true};
    if (last >= 0) return one_model ? Owner{{c_.line, last}, true} : Owner{};
    for (int line = c_.line; line >= std::max(1, c_.line - options_.context_lines); --line) {
      const LineReading& r = doc_.Line(line);
      for (int k = static_cast<int>(r.models.size()) - 1; k >= 0; --k) {
        if (line == c_.line && r.models[k].end > b.begin) continue;
        if (SubjectMarked(r, r.models[k])) return {{line, k}, false};
      }
    }
    return {};
  }

  // The nearest benchmark name before byte `pos` in its sentence, or null.
  const Mention* BenchmarkBefore(size_t pos) const {
    const Mention* found = nullptr;
    for (const Mention& b : r_.benchmarks) {
      if (b.end <= pos && r_.SentenceAt(b.begin) == r_.SentenceAt(pos)) found = &b;
    }
    return found;
  }

  bool BenchmarkNamedNear(const NumberToken& n) {
    for (const Mention& b : r_.benchmarks) {
      if (b.Names(c_.benchmark) &&
          (b.begin < n.begin || r_.SentenceAt(b.begin) == r_.SentenceAt(n.begin))) {
        return true;
      }
    }
    for (int line = c_.line - 1; line >= std::max(1, c_.line - options_.benchmark_lines); --line) {
      const LineReading& r = doc_.Line(line);
      if (std::any_of(r.benchmarks.begin(), r.benchmarks.end(),
                      [&](const Mention& b) { return b.Names(c_.benchmark); })) {
        return true;
      }
    }
    return false;
  }

  // True if `b`, or a name listed with it ("▲A ▲B … 모두 1위"), is the claim's
  // benchmark.
  bool ListNamesBenchmark(const Mention* b) const {
    for (auto it = r_.benchmarks.begin(); it != r_.benchmarks.end(); ++it) {
      if (&*it != b) continue;
      for (auto m = std::make_reverse_iterator(it + 1); m != r_.benchmarks.rend(); ++m) {
        if (m->Names(c_.benchmark)) return true;
        if (m + 1 == r_.benchmarks.rend() ||
            !ListGap(r_.text.substr((m + 1)->end, m->begin - (m + 1)->end))) {
          return false;
        }
      }
    }
    return false;
  }

  ClaimCheck CheckBenchmark(const NumberToken& n) {
    if (const Mention* b = BenchmarkBefore(n.begin)) {
      if (ListNamesBenchmark(b)) return ClaimCheck::Verified();
      return {FindingKind::kOtherBenchmark,
              fmt::format("claim {}: {} on line {} follows '{}' ({}), not the claim's benchmark "
                          "'{}'",
                          c_.id, n.text, c_.line, r_.Written(*b), fmt::join(b->name->ids, ", "),
                          c_.benchmark_as_written)};
    }
    if (BenchmarkNamedNear(n)) return ClaimCheck::Verified();
    return {FindingKind::kBenchmarkNotNear,
            fmt::format("claim {}: the benchmark '{}' is not named in the sentence of {} on line "
                        "{}, earlier on that line, or in the {} lines above",
                        c_.id, c_.benchmark_as_written, n.text, c_.line, options_.benchmark_lines)};
  }

  ClaimCheck NotPrinted() {
    const bool in_name = LinePrintsNumber(r_.text, c_.value_text);
    return {FindingKind::kValueNotOnLine,
            fmt::format("claim {}: the value {} is not printed on line {}{}", c_.id, c_.value_text,
                        c_.line, in_name ? " (only as part of a name)" : "")};
  }

  // The numbers the model owns (strong owners only when `strong`), in order.
  std::vector<int> OwnNumbers(bool strong) {
    std::vector<int> own;
    for (size_t i = 0; i < owners_.size(); ++i) {
      if (owners_[i].place && Belongs(owners_[i].place) && (!strong || owners_[i].strong)) {
        own.push_back(static_cast<int>(i));
      }
    }
    return own;
  }

  // Claims of this line that expect a number of this model and benchmark.
  int Expected() const {
    return static_cast<int>(
        std::count_if(same_line_.begin(), same_line_.end(), [&](const Claim* o) {
          return o->model == c_.model &&
                 (o->benchmark == c_.benchmark ||
                  NameKey(o->benchmark_as_written) == NameKey(c_.benchmark_as_written));
        }));
  }

  std::string OwnNumberText(const std::vector<int>& own) {
    if (own.empty()) {
      return fmt::format("no number on the line is attached to '{}'", c_.model_as_written);
    }
    std::vector<std::string> texts;
    for (int i : own) texts.push_back(r_.numbers[i].text);
    return fmt::format("the number{} attached to '{}' {} {}", own.size() > 1 ? "s" : "",
                       c_.model_as_written, own.size() > 1 ? "are" : "is", fmt::join(texts, ", "));
  }

  // No v on the line is the model's: each is another model's, or nobody's
  // (a weak owner, rule 2 with a subject lines above, counts as nobody).
  ClaimCheck NotOwned(const std::vector<int>& values) {
    const std::vector<int> own = OwnNumbers(false);
    const auto free = std::find_if(values.begin(), values.end(),
                                   [&](int i) { return !owners_[i].place || !owners_[i].strong; });
    if (free == values.end()) {
      const Place other = owners_[values.front()].place;
      return {FindingKind::kWrongNumber,
              fmt::format("claim {}: {} on line {} is the number of '{}'{}; {}", c_.id,
                          r_.numbers[values.front()].text, c_.line, Written(other),
                          other.line != c_.line ? fmt::format(" (line {})", other.line) : "",
                          OwnNumberText(own))};
    }
    const NumberToken& v = r_.numbers[*free];
    if (Expected() == 1) {
      for (int i : OwnNumbers(true)) {
        const Mention* b = BenchmarkBefore(r_.numbers[i].begin);
        if (b == nullptr || !b->Names(c_.benchmark)) continue;
        return {FindingKind::kWrongNumber,
                fmt::format("claim {}: the number attached to '{}' after '{}' on line {} is {}, "
                            "not {} ({} is printed there but not attached to '{}')",
                            c_.id, c_.model_as_written, r_.Written(*b), c_.line, r_.numbers[i].text,
                            v.text, v.text, c_.model_as_written)};
      }
    }
    return {FindingKind::kUndecided,
            fmt::format("claim {}: {} is printed on line {} but is not the first number after "
                        "'{}' nor in parentheses after it ({}); cannot decide whose number it is",
                        c_.id, v.text, c_.line, c_.model_as_written, OwnNumberText(own))};
  }

  const Claim& c_;
  const std::vector<const Claim*>& same_line_;
  DocumentReading& doc_;
  const AuditOptions& options_;
  const LineReading& r_;
  const std::string written_;
  bool written_on_line_ = false;
  std::vector<Owner> owners_;  // per number of the cited line
};

}  // namespace

ClaimCheck CheckProseClaim(const Claim& claim, const std::vector<const Claim*>& same_line,
                           DocumentReading* document, const AuditOptions& options) {
  return ProseCheck(claim, same_line, document, options).Run();
}

}  // namespace podium
