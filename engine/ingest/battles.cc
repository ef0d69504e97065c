#include "engine/ingest/battles.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "engine/base/csv_table.h"
#include "engine/base/file_util.h"
#include "engine/base/json_input.h"
#include "engine/base/number.h"
#include "engine/base/option_names.h"
#include "engine/base/text_position.h"

namespace podium {
namespace {

// Transparent hashing so that looking a name up does not build a string.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// The text of one battle as read, and which field of it a problem is in.
struct BattleText {
  std::string_view a, b, winner, category, tstamp;
};
enum class Role { kModelA, kModelB, kWinner, kTstamp };

// Accumulates battles into cells, interning model names.
class Accumulator {
 public:
  Accumulator(const BattleReadOptions& options, Diagnostics* d)
      : options_(options), diagnostics_(d) {}

  // Adds one battle whose winner is a label of the layout. `at(role)` is
  // where a field starts (a Location), for errors; every problem of the
  // battle is reported.
  template <typename At>
  void Add(const BattleText& t, At at) {
    const bool models_ok = CheckModels(t, at);
    const std::optional<Outcome> outcome = WinnerOutcome(t.winner, options_.layout);
    if (!outcome) {
      diagnostics_->Error(at(Role::kWinner), options_.layout.winner, std::string(t.winner),
                          fmt::format("unknown winner \"{}\" (expected {})", t.winner,
                                      ExpectedWinnerLabels(options_.layout)));
    }
    if (models_ok && outcome) AddOutcome(t, *outcome, at);
  }

  // False (with an error at the field) when a name is empty or a model plays
  // itself.
  template <typename At>
  bool CheckModels(const BattleText& t, At at) {
    const BattleLayout& layout = options_.layout;
    if (t.a.empty() || t.b.empty()) {
      const bool a = t.a.empty();
      diagnostics_->Error(at(a ? Role::kModelA : Role::kModelB),
                          a ? layout.model_a : layout.model_b, "", "model name is empty");
      return false;
    }
    if (t.a == t.b) {
      diagnostics_->Error(at(Role::kModelB), layout.model_b, std::string(t.b),
                          fmt::format("model \"{}\" plays itself", t.a));
      return false;
    }
    return true;
  }

  // Adds one battle with a known outcome and valid names (CheckModels).
  template <typename At>
  void AddOutcome(const BattleText& t, Outcome outcome, At at) {
    if (!options_.category.empty() && t.category != options_.category) {
      ++data_.dropped_category;
      return;
    }
    if (options_.exclude_ties && outcome == Outcome::kTie) {
      ++data_.dropped_ties;
      return;
    }
    // tstamp only orders battles for online Elo: it is read only then.
    double time = 0;
    if (options_.keep_sequence && t.tstamp.empty()) all_tstamps_ = false;
    if (options_.keep_sequence && !t.tstamp.empty()) {
      std::optional<double> time_read = ParseFiniteDouble(t.tstamp);
      if (!time_read) {
        diagnostics_->Error(at(Role::kTstamp), "tstamp", std::string(t.tstamp),
                            "tstamp is not a number");
        return;
      }
      time = *time_read;
    }
    AddCount(Intern(t.a), Intern(t.b), outcome, 1, time);
  }

  void AddCount(int a, int b, Outcome outcome, int64_t count, double time = 0) {
    if (count <= 0) return;
    data_.battles += count;
    if (options_.keep_sequence) {
      for (int64_t k = 0; k < count; ++k) {
        data_.sequence.push_back({a, b, outcome, time});
      }
    }
    int i = a, j = b;
    if (i > j) {  // canonical orientation: outcome relative to the smaller index
      std::swap(i, j);
      if (outcome != Outcome::kTie) {
        outcome = outcome == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
      }
    }
    // Dense per-pair counters: no hashing on the per-battle path.
    if (counts_.size() <= static_cast<size_t>(i)) counts_.resize(i + 1);
    auto& row = counts_[i];
    if (row.size() <= static_cast<size_t>(j)) row.resize(j + 1, {0, 0, 0});
    row[j][static_cast<int>(outcome)] += count;
  }

  int Intern(std::string_view name) {
    auto it = index_.find(name);
    if (it != index_.end()) return it->second;
    const int id = static_cast<int>(names_.size());
    names_.emplace_back(name);
    index_.emplace(names_.back(), id);
    return id;
  }

  // Renumbers models by name (a deterministic order whatever the file order).
  BattleData Finish() {
    std::vector<int> order(names_.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    std::sort(order.begin(), order.end(), [&](int x, int y) { return names_[x] < names_[y]; });
    std::vector<int> rank(names_.size());
    for (size_t k = 0; k < order.size(); ++k) {
      rank[order[k]] = static_cast<int>(k);
      data_.models.push_back(names_[order[k]]);
    }
    for (size_t a = 0; a < counts_.size(); ++a) {
      for (size_t b = 0; b < counts_[a].size(); ++b) {
        for (int k = 0; k < 3; ++k) {
          const int64_t count = counts_[a][b][k];
          if (count == 0) continue;
          int i = rank[a], j = rank[b];
          Outcome outcome = static_cast<Outcome>(k);
          if (i > j) {
            std::swap(i, j);
            if (outcome != Outcome::kTie) {
              outcome = outcome == Outcome::kWinA ? Outcome::kWinB : Outcome::kWinA;
            }
          }
          data_.cells.push_back({i, j, outcome, count});
        }
      }
    }
    std::sort(data_.cells.begin(), data_.cells.end(), [](const PairCell& x, const PairCell& y) {
      return std::tie(x.i, x.j, x.outcome) < std::tie(y.i, y.j, y.outcome);
    });
    for (Battle& b : data_.sequence) {
      b.a = rank[b.a];
      b.b = rank[b.b];
    }
    data_.has_tstamp = all_tstamps_ && data_.battles > 0;
    return std::move(data_);
  }

 private:
  const BattleReadOptions& options_;
  Diagnostics* diagnostics_;
  BattleData data_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, int, NameHash, std::equal_to<>> index_;
  // counts_[i][j][outcome] for interned ids i < j.
  std::vector<std::vector<std::array<int64_t, 3>>> counts_;
  bool all_tstamps_ = true;
};

// Battles CSV (labels or one-hot) and pair-counts CSV, streamed as a table
// (csv_table.h). The header decides which: a `wins_a` column means
// pre-aggregated counts; no winner column but winner_model_a, winner_model_b
// and winner_tie means one-hot winners.
class BattleCsvReader {
 public:
  enum Column {
    kA,
    kB,
    kWinner,
    kCategory,
    kTstamp,
    kWinsA,
    kWinsB,
    kTies,
    kOneHotA,
    kOneHotB,
    kOneHotTie,
    kJudge,
    kPrompt,
    kId,
    kResponseA,
    kResponseB
  };
  enum class Form { kLabels, kOneHot, kCounts };

  BattleCsvReader(Accumulator* acc, const BattleLayout& layout, Diagnostics* diagnostics,
                  const std::string& shown)
      : acc_(acc), layout_(layout), diagnostics_(diagnostics), shown_(shown) {
    for (const char* name : {"model_a", "model_b", "winner", "category", "tstamp", "wins_a",
                             "wins_b", "ties", "winner_model_a", "winner_model_b", "winner_tie",
                             "judge", "prompt", "id", "response_a", "response_b"}) {
      columns_.push_back({name, false});
    }
    columns_[kA].name = layout.model_a;
    columns_[kB].name = layout.model_b;
    columns_[kWinner].name = layout.winner;
  }

  // Every column any form may have, by Column; none is required by the
  // table: ReadHeader checks what the form needs, and says why.
  const std::vector<CsvColumn>& Columns() const { return columns_; }

  CsvTableHandlers Handlers() {
    CsvTableHandlers handlers;
    handlers.header = [this](const CsvRecord& header, const CsvColumnIndex& index) {
      return ReadHeader(header, index);
    };
    handlers.row = [this](const CsvRecord& row, const CsvColumnIndex& index) {
      if (form_ == Form::kCounts) return AddCounts(row, index);
      const BattleText text{row.field(index[kA]), row.field(index[kB]),
                            Optional(row, index, kWinner), Optional(row, index, kCategory),
                            Optional(row, index, kTstamp)};
      const auto at = [&](Role role) { return row.FieldLocation(index[ColumnOf(role)]); };
      if (form_ == Form::kLabels) return acc_->Add(text, at);
      const std::optional<Outcome> outcome = OneHotOutcome(row, index);
      if (acc_->CheckModels(text, at) && outcome) acc_->AddOutcome(text, *outcome, at);
    };
    return handlers;
  }

 private:
  static Column ColumnOf(Role role) {
    constexpr Column kOf[] = {kA, kB, kWinner, kTstamp};
    return kOf[static_cast<int>(role)];
  }

  // Decides the form and checks it has its columns; false (with an error
  // per problem, at the header line) when it does not.
  bool ReadHeader(const CsvRecord& header, const CsvColumnIndex& index) {
    const Location at{shown_, header.line(), 1};
    bool usable = Require(header, index, kA) & Require(header, index, kB);
    const bool one_hot = index[kOneHotA] >= 0 && index[kOneHotB] >= 0 && index[kOneHotTie] >= 0;
    if (index[kWinsA] >= 0) {
      form_ = Form::kCounts;
      usable = Require(header, index, kWinsB) & Require(header, index, kTies) & usable;
    } else if (index[kWinner] < 0 && layout_.winner == "winner" && one_hot) {
      form_ = Form::kOneHot;
    } else {
      form_ = Form::kLabels;
      usable = Require(header, index, kWinner) & usable;
    }
    if (form_ != Form::kLabels && !layout_.labels.empty()) {
      diagnostics_->Error(at, OptionName("winner_labels"), "",
                          form_ == Form::kCounts
                              ? "winner labels do not apply to pair counts (wins_a, wins_b, ties)"
                              : "winner labels do not apply: this file gives the winner as "
                                "one-hot columns winner_model_a, winner_model_b, winner_tie");
      usable = false;
    }
    return usable;
  }

  // False (with an error at the header line) when column `c` is missing.
  bool Require(const CsvRecord& header, const CsvColumnIndex& index, Column c) {
    if (index[c] >= 0) return true;
    constexpr const char* kRole[] = {"model_a", "model_b", "winner"};
    std::string why = "missing required column";
    if (c <= kWinner && columns_[c].name != kRole[c]) {
      why += fmt::format(" (named by {} {}={})", OptionName("columns"), kRole[c], columns_[c].name);
    }
    // Some one-hot columns but not all: say which are missing.
    std::string missing;
    for (Column k : {kOneHotA, kOneHotB, kOneHotTie}) {
      if (index[k] < 0) missing += (missing.empty() ? "" : ", ") + columns_[k].name;
    }
    if (c == kWinner && layout_.winner == "winner" &&
        missing !=
            "winner_model_a, "
            "winner_model_b, winner_tie") {
      why += fmt::format(" (or one-hot winner_model_a, winner_model_b, winner_tie; missing {})",
                         missing);
    }
    diagnostics_->Error(Location{shown_, header.line(), 1}, columns_[c].name, "", why);
    return false;
  }

  static std::string_view Optional(const CsvRecord& row, const CsvColumnIndex& index, Column c) {
    return index[c] >= 0 ? row.field(index[c]) : std::string_view();
  }

  // The one of winner_model_a, winner_model_b, winner_tie that is 1; nullopt
  // (with an error at the cell) for a value other than 0 or 1, no 1 or
  // several.
  std::optional<Outcome> OneHotOutcome(const CsvRecord& row, const CsvColumnIndex& index) {
    const std::vector<CsvColumn>& columns = columns_;
    std::optional<Outcome> outcome;
    bool ok = true;
    for (int k = 0; k < 3; ++k) {
      const Column c = static_cast<Column>(kOneHotA + k);
      const std::string_view value = row.field(index[c]);
      if (value != "0" && value != "1") {
        diagnostics_->Error(row.FieldLocation(index[c]), columns[c].name, std::string(value),
                            fmt::format("\"{}\" is not 0 or 1", value));
        ok = false;
      } else if (value == "1" && outcome && ok) {
        diagnostics_->Error(
            row.FieldLocation(index[c]), columns[c].name, "1",
            fmt::format("a second winner: {} is 1 too (exactly one of winner_model_a, "
                        "winner_model_b, winner_tie is 1)",
                        columns[kOneHotA + static_cast<int>(*outcome)].name));
        ok = false;
      } else if (value == "1") {
        outcome = static_cast<Outcome>(k);
      }
    }
    if (ok && !outcome) {
      diagnostics_->Error(row.FieldLocation(index[kOneHotA]), columns[kOneHotA].name, "0",
                          "no winner: winner_model_a, winner_model_b and winner_tie are all 0 "
                          "(exactly one is 1)");
    }
    return ok ? outcome : std::nullopt;
  }

  void AddCounts(const CsvRecord& record, const CsvColumnIndex& index) {
    const BattleText text{record.field(index[kA]), record.field(index[kB]), {}, {}, {}};
    const auto at = [&](Role role) { return record.FieldLocation(index[ColumnOf(role)]); };
    bool ok = acc_->CheckModels(text, at);
    const std::vector<CsvColumn>& columns = columns_;
    int64_t counts[3];
    for (int k = 0; k < 3; ++k) {
      const Column c = static_cast<Column>(kWinsA + k);
      const std::string value(record.field(index[c]));
      std::optional<long long> v =
          value == "0" ? std::optional<long long>(0) : ParsePositiveInteger(value);
      if (!v) {
        diagnostics_->Error(record.FieldLocation(index[c]), columns[c].name, value,
                            fmt::format("\"{}\" is not a count (a non-negative integer)", value));
        ok = false;
      } else {
        counts[k] = *v;
      }
    }
    if (!ok) return;
    const int ia = acc_->Intern(text.a), ib = acc_->Intern(text.b);
    acc_->AddCount(ia, ib, Outcome::kWinA, counts[0]);
    acc_->AddCount(ia, ib, Outcome::kWinB, counts[1]);
    acc_->AddCount(ia, ib, Outcome::kTie, counts[2]);
  }

  Accumulator* acc_;
  const BattleLayout& layout_;
  Diagnostics* diagnostics_;
  const std::string& shown_;
  std::vector<CsvColumn> columns_;  // by Column
  Form form_ = Form::kLabels;
};

std::string JsonText(const nlohmann::json& record, const std::string& key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return fmt::format("{}", it->get<double>());
  return it->dump();
}

// Where the value of top-level member `key` of the JSON object starting at
// text[begin] starts, or npos (no such member, or not an object). Keys are
// compared as written (an escaped key does not match).
size_t FindMemberValue(std::string_view text, size_t begin, std::string_view key) {
  int depth = 0;
  for (size_t k = begin; k < text.size(); ++k) {
    const char c = text[k];
    if (c == '"') {
      const size_t start = k + 1;
      for (++k; k < text.size() && text[k] != '"'; ++k) {
        if (text[k] == '\\') ++k;
      }
      if (depth != 1 || text.substr(start, k - start) != key) continue;
      const size_t colon = text.find_first_not_of(" \t\r\n", k + 1);
      if (colon == std::string_view::npos || text[colon] != ':') continue;
      return text.find_first_not_of(" \t\r\n", colon + 1);
    }
    if (c == '{' || c == '[') ++depth;
    if ((c == '}' || c == ']') && --depth <= 0) return std::string_view::npos;
  }
  return std::string_view::npos;
}

// Where a JSON record's text is, to locate its problems.
struct JsonPlace {
  const std::string& shown;
  std::string_view text;  // the file (list form) or the line (JSON Lines)
  size_t begin = 0;       // the record's first byte in `text`
  int line = 1;           // the line of text[line_start]
  size_t line_start = 0;  // where the record's first line starts in `text`

  // The location of the value of `key`, or of the record when it has none.
  Location Of(std::string_view key) const {
    size_t offset = FindMemberValue(text, begin, key);
    if (offset == std::string_view::npos) offset = begin;
    const TextPosition pos = PositionOf(text.substr(line_start), offset - line_start);
    return Location{shown, line + pos.line - 1, pos.column};
  }
};

void AddJsonRecord(const nlohmann::json& record, const JsonPlace& place, const BattleLayout& layout,
                   Accumulator* acc, Diagnostics* diagnostics) {
  if (!record.is_object()) {
    diagnostics->Error(place.Of(""), "", "",
                       fmt::format("expected a JSON object with {}, {}, {}", layout.model_a,
                                   layout.model_b, layout.winner));
    return;
  }
  const std::string a = JsonText(record, layout.model_a), b = JsonText(record, layout.model_b),
                    winner = JsonText(record, layout.winner),
                    category = JsonText(record, "category"), tstamp = JsonText(record, "tstamp");
  const auto at = [&](Role role) {
    const std::string* keys[] = {&layout.model_a, &layout.model_b, &layout.winner};
    return place.Of(role == Role::kTstamp ? std::string_view("tstamp")
                                          : std::string_view(*keys[static_cast<int>(role)]));
  };
  acc->Add(BattleText{a, b, winner, category, tstamp}, at);
}

// A JSON text's nesting and syntax, checked before its records are used:
// false (with a located error) when it is too deep or not JSON.
bool ParseJsonChecked(std::string_view text, const std::string& shown, int line_offset,
                      Diagnostics* diagnostics, nlohmann::json* out) {
  const auto error_at = [&](size_t offset, const std::string& message) {
    const TextPosition pos = PositionOf(text, offset);
    diagnostics->Error(Location{shown, line_offset + pos.line, pos.column}, "", "", message);
  };
  const size_t deep = FindJsonTooDeep(text);
  if (deep != std::string_view::npos) {
    error_at(deep, fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    return false;
  }
  try {
    *out = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    error_at(e.byte > 0 ? e.byte - 1 : 0, "invalid JSON: " + JsonErrorReason(e.what()));
    return false;
  } catch (const nlohmann::json::exception& e) {  // e.g. a number beyond a double: 1e309
    error_at(LocateJsonToken(text, e.what()), "invalid JSON: " + JsonErrorReason(e.what()));
    return false;
  }
  return true;
}

void ReadJsonLines(const std::string& path, const std::string& shown, const BattleLayout& layout,
                   Accumulator* acc, Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return;
  }
  const std::vector<std::string_view> lines = SplitLines(*text);
  for (size_t k = 0; k < lines.size(); ++k) {
    const size_t begin = lines[k].find_first_not_of(" \t\r");
    if (begin == std::string::npos) continue;
    nlohmann::json record;
    if (ParseJsonChecked(lines[k], shown, static_cast<int>(k), diagnostics, &record)) {
      const JsonPlace place{shown, lines[k], begin, static_cast<int>(k) + 1, 0};
      AddJsonRecord(record, place, layout, acc, diagnostics);
    }
  }
}

// The Arena list-of-records form: the whole text is parsed once, and each
// record's line found by a scan of the top-level array.
void ReadJsonArray(const std::string& path, const std::string& shown, const BattleLayout& layout,
                   Accumulator* acc, Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return;
  }
  nlohmann::json doc;
  if (!ParseJsonChecked(*text, shown, 0, diagnostics, &doc)) return;
  if (!doc.is_array()) {
    const TextPosition pos = PositionOf(*text, text->find_first_not_of(" \t\r\n"));
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       "expected a JSON array of battle records (the Arena clean_battle form), "
                       "or name the file .jsonl for one record per line");
    return;
  }
  // Element k of the array starts where the scan meets its first character
  // at depth 1; its errors are located from there.
  int line = 1, depth = 0;
  size_t element = 0, line_start = 0;
  bool in_string = false, element_open = false;
  for (size_t k = 0; k < text->size() && element < doc.size(); ++k) {
    const char c = (*text)[k];
    if (c == '\n') {
      ++line;
      line_start = k + 1;
    }
    if (in_string) {
      if (c == '\\') {
        ++k;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (depth == 1 && !element_open && c != ',' && c != ']' && c != ' ' && c != '\t' && c != '\r' &&
        c != '\n') {
      element_open = true;
      AddJsonRecord(doc[element], JsonPlace{shown, *text, k, line, line_start}, layout, acc,
                    diagnostics);
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') --depth;
    if (depth == 1 && c == ',') {
      element_open = false;
      ++element;
    }
  }
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

BattleData ReadBattles(const std::string& path, const std::string& display_path,
                       const BattleReadOptions& options, Diagnostics* diagnostics) {
  const std::string shown = display_path.empty() ? path : display_path;
  Accumulator acc(options, diagnostics);
  const int errors_before = diagnostics->error_count();
  try {
    if (EndsWith(path, ".jsonl")) {
      ReadJsonLines(path, shown, options.layout, &acc, diagnostics);
    } else if (EndsWith(path, ".json")) {
      ReadJsonArray(path, shown, options.layout, &acc, diagnostics);
    } else {
      BattleCsvReader reader(&acc, options.layout, diagnostics, shown);
      StreamCsvTable(path, shown, reader.Columns(), diagnostics, reader.Handlers(),
                     EndsWith(path, ".tsv") ? '\t' : ',');
    }
  } catch (const std::bad_alloc&) {
    diagnostics->Error(Location{shown}, "", "", "out of memory while reading the file");
  }
  BattleData data = acc.Finish();
  if (data.battles == 0 && diagnostics->error_count() == errors_before) {
    std::string why;
    if (data.dropped_category > 0) {
      why = fmt::format(": all {} are of other categories than \"{}\"", data.dropped_category,
                        options.category);
    } else if (data.dropped_ties > 0) {
      why = fmt::format(": all {} are ties, and ties are excluded", data.dropped_ties);
    }
    diagnostics->Error(Location{shown}, "", "", "no battles to rate in this file" + why);
  }
  if (options.keep_sequence && data.has_tstamp) {
    std::stable_sort(data.sequence.begin(), data.sequence.end(),
                     [](const Battle& x, const Battle& y) { return x.tstamp < y.tstamp; });
  }
  return data;
}

}  // namespace podium
