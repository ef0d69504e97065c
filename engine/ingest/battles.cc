#include "engine/ingest/battles.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "engine/base/file_util.h"
#include "engine/base/json_input.h"
#include "engine/base/number.h"
#include "engine/base/text_position.h"
#include "engine/base/csv_table.h"

namespace podium {
namespace {

// Transparent hashing so that looking a name up does not build a string.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// Accumulates battles into cells, interning model names.
class Accumulator {
 public:
  Accumulator(const BattleReadOptions& options, const std::string& path, Diagnostics* d)
      : options_(options), path_(path), diagnostics_(d) {}

  // Adds one battle; `line` locates errors.
  void Add(std::string_view a, std::string_view b, std::string_view winner,
           std::string_view category, std::string_view tstamp, int line) {
    Outcome outcome;
    if (a.empty() || b.empty()) {
      Error(line, a.empty() ? "model_a" : "model_b", "", "model name is empty");
      return;
    }
    if (a == b) {
      Error(line, "model_b", std::string(b),
            fmt::format("model \"{}\" plays itself", std::string(a)));
      return;
    }
    if (!ParseWinner(winner, &outcome)) {
      Error(line, "winner", std::string(winner),
            fmt::format("unknown winner \"{}\" (expected model_a, model_b, tie or "
                        "tie (bothbad))",
                        std::string(winner)));
      return;
    }
    if (!options_.category.empty() && category != options_.category) {
      ++data_.dropped_category;
      return;
    }
    if (options_.exclude_ties && outcome == Outcome::kTie) {
      ++data_.dropped_ties;
      return;
    }
    // tstamp only orders battles for online Elo: it is read only then.
    double time = 0;
    if (options_.keep_sequence && tstamp.empty()) all_tstamps_ = false;
    if (options_.keep_sequence && !tstamp.empty()) {
      std::optional<double> t = ParseFiniteDouble(tstamp);
      if (!t) {
        Error(line, "tstamp", std::string(tstamp), "tstamp is not a number");
        return;
      }
      time = *t;
    }
    AddCount(Intern(a), Intern(b), outcome, 1, time);
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

  void Error(int line, const std::string& field, const std::string& text,
             const std::string& message) {
    diagnostics_->Error(Location{path_, line, 0}, field, text, message);
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
  std::string path_;
  Diagnostics* diagnostics_;
  BattleData data_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, int, NameHash, std::equal_to<>> index_;
  // counts_[i][j][outcome] for interned ids i < j.
  std::vector<std::vector<std::array<int64_t, 3>>> counts_;
  bool all_tstamps_ = true;
};

// Battles CSV and pair-counts CSV, streamed as a table (csv_table.h). The
// header decides which: a `wins_a` column means pre-aggregated counts.
class BattleCsvReader {
 public:
  enum Column { kA, kB, kWinner, kCategory, kTstamp, kWinsA, kWinsB, kTies, kJudge, kPrompt };
  // Every column either form may have; which are required depends on the form.
  static std::vector<CsvColumn> Columns() {
    return {{"model_a"},       {"model_b"},       {"winner", false}, {"category", false},
            {"tstamp", false}, {"wins_a", false}, {"wins_b", false}, {"ties", false},
            {"judge", false},  {"prompt", false}};
  }

  BattleCsvReader(Accumulator* acc, Diagnostics* diagnostics, const std::string& shown)
      : acc_(acc), diagnostics_(diagnostics), shown_(shown) {}

  CsvTableHandlers Handlers() {
    CsvTableHandlers handlers;
    handlers.header = [this](const CsvRecord& header, const CsvColumnIndex& index) {
      return ReadHeader(header, index);
    };
    handlers.row = [this](const CsvRecord& row, const CsvColumnIndex& index) {
      if (counts_) {
        AddCounts(row, index);
      } else {
        acc_->Add(row.field(index[kA]), row.field(index[kB]), row.field(index[kWinner]),
                  Optional(row, index, kCategory), Optional(row, index, kTstamp), row.line());
      }
    };
    return handlers;
  }

 private:
  // The form's required columns; false (with errors) when one is missing.
  bool ReadHeader(const CsvRecord& header, const CsvColumnIndex& index) {
    counts_ = index[kWinsA] >= 0;
    const std::vector<Column> required =
        counts_ ? std::vector<Column>{kWinsB, kTies} : std::vector<Column>{kWinner};
    bool usable = true;
    for (Column c : required) {
      if (index[c] >= 0) continue;
      diagnostics_->Error(Location{shown_, header.line(), 1}, Columns()[c].name, "",
                          "missing required column");
      usable = false;
    }
    return usable;
  }

  static std::string_view Optional(const CsvRecord& row, const CsvColumnIndex& index, Column c) {
    return index[c] >= 0 ? row.field(index[c]) : std::string_view();
  }

  void AddCounts(const CsvRecord& record, const CsvColumnIndex& index) {
    const std::string_view a = record.field(index[kA]), b = record.field(index[kB]);
    if (a.empty() || b.empty() || a == b) {
      const Column c = a.empty() ? kA : kB;
      diagnostics_->Error(record.FieldLocation(index[c]), Columns()[c].name, std::string(b),
                          a.empty() || b.empty()
                              ? std::string("model name is empty")
                              : fmt::format("model \"{}\" plays itself", std::string(a)));
      return;
    }
    int64_t counts[3];
    bool ok = true;
    for (int k = 0; k < 3; ++k) {
      const Column c = static_cast<Column>(kWinsA + k);
      const std::string text(record.field(index[c]));
      std::optional<long long> v =
          text == "0" ? std::optional<long long>(0) : ParsePositiveInteger(text);
      if (!v) {
        diagnostics_->Error(record.FieldLocation(index[c]), Columns()[c].name, text,
                            fmt::format("\"{}\" is not a count (a non-negative integer)", text));
        ok = false;
      } else {
        counts[k] = *v;
      }
    }
    if (!ok) return;
    const int ia = acc_->Intern(a), ib = acc_->Intern(b);
    acc_->AddCount(ia, ib, Outcome::kWinA, counts[0]);
    acc_->AddCount(ia, ib, Outcome::kWinB, counts[1]);
    acc_->AddCount(ia, ib, Outcome::kTie, counts[2]);
  }

  Accumulator* acc_;
  Diagnostics* diagnostics_;
  const std::string& shown_;
  bool counts_ = false;
};

std::string JsonText(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return fmt::format("{}", it->get<double>());
  return it->dump();
}

void AddJsonRecord(const nlohmann::json& record, int line, Accumulator* acc) {
  if (!record.is_object()) {
    acc->Error(line, "", "", "expected a JSON object with model_a, model_b, winner");
    return;
  }
  acc->Add(JsonText(record, "model_a"), JsonText(record, "model_b"), JsonText(record, "winner"),
           JsonText(record, "category"), JsonText(record, "tstamp"), line);
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

void ReadJsonLines(const std::string& path, const std::string& shown, Accumulator* acc,
                   Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", path, "cannot read file: " + error);
    return;
  }
  const std::vector<std::string_view> lines = SplitLines(*text);
  for (size_t k = 0; k < lines.size(); ++k) {
    if (lines[k].find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json record;
    if (ParseJsonChecked(lines[k], shown, static_cast<int>(k), diagnostics, &record)) {
      AddJsonRecord(record, static_cast<int>(k) + 1, acc);
    }
  }
}

// The Arena list-of-records form: the whole text is parsed once, and each
// record's line found by a scan of the top-level array.
void ReadJsonArray(const std::string& path, const std::string& shown, Accumulator* acc,
                   Diagnostics* diagnostics) {
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
  // at depth 1; its line locates the record's errors.
  int line = 1, depth = 0;
  size_t element = 0;
  bool in_string = false, element_open = false;
  for (size_t k = 0; k < text->size() && element < doc.size(); ++k) {
    const char c = (*text)[k];
    if (c == '\n') ++line;
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
      AddJsonRecord(doc[element], line, acc);
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

bool ParseWinner(std::string_view label, Outcome* outcome) {
  if (label == "model_a") {
    *outcome = Outcome::kWinA;
  } else if (label == "model_b") {
    *outcome = Outcome::kWinB;
  } else if (label == "tie" || label == "tie (bothbad)") {
    *outcome = Outcome::kTie;
  } else {
    return false;
  }
  return true;
}

BattleData ReadBattles(const std::string& path, const std::string& display_path,
                       const BattleReadOptions& options, Diagnostics* diagnostics) {
  const std::string shown = display_path.empty() ? path : display_path;
  Accumulator acc(options, shown, diagnostics);
  const int errors_before = diagnostics->error_count();
  try {
    if (EndsWith(path, ".jsonl")) {
      ReadJsonLines(path, shown, &acc, diagnostics);
    } else if (EndsWith(path, ".json")) {
      ReadJsonArray(path, shown, &acc, diagnostics);
    } else {
      BattleCsvReader reader(&acc, diagnostics, shown);
      StreamCsvTable(path, shown, BattleCsvReader::Columns(), diagnostics, reader.Handlers());
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
