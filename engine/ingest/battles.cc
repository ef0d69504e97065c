#include "engine/ingest/battles.h"

#include <fmt/format.h>
#include <libfccp/csv.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "engine/base/file_util.h"
#include "engine/base/number.h"
#include "engine/base/text_position.h"
#include "engine/ingest/csv_table.h"

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

// Battles CSV, streamed through libfccp.
void ReadBattleCsv(const std::string& path, Accumulator* acc, Diagnostics* diagnostics,
                   const std::string& shown) {
  io::CSVReader<5, io::trim_chars<' ', '\t'>, io::double_quote_escape<',', '"'>> in(path);
  in.read_header(io::ignore_extra_column | io::ignore_missing_column, "model_a", "model_b",
                 "winner", "category", "tstamp");
  for (const char* column : {"model_a", "model_b", "winner"}) {
    if (!in.has_column(column)) {
      diagnostics->Error(Location{shown, 1, 1}, column, "", "missing required column");
    }
  }
  if (diagnostics->has_errors()) return;
  char *a = nullptr, *b = nullptr, *winner = nullptr, *category = nullptr, *tstamp = nullptr;
  for (;;) {
    try {
      if (!in.read_row(a, b, winner, category, tstamp)) break;
    } catch (const io::error::with_file_line& e) {
      diagnostics->Error(Location{shown, e.file_line, 0}, "", "",
                         "malformed row (wrong number of fields or an unclosed quote)");
      continue;
    }
    acc->Add(a, b, winner, category != nullptr ? category : "", tstamp != nullptr ? tstamp : "",
             static_cast<int>(in.get_file_line()));
  }
}

void ReadPairCountsCsv(const std::string& path, const std::string& shown, Accumulator* acc,
                       Diagnostics* diagnostics) {
  enum { kA, kB, kWinsA, kWinsB, kTies };
  CsvTable table = ReadCsvTable(path, {{"model_a"}, {"model_b"}, {"wins_a"}, {"wins_b"}, {"ties"}},
                                diagnostics, shown);
  for (const CsvRow& row : table.rows) {
    const std::string &a = row.fields[kA], &b = row.fields[kB];
    if (a.empty() || b.empty() || a == b) {
      diagnostics->Error(table.At(row, a.empty() ? kA : kB), a.empty() ? "model_a" : "model_b", b,
                         a.empty() || b.empty() ? "model name is empty"
                                                : fmt::format("model \"{}\" plays itself", a));
      continue;
    }
    int64_t counts[3];
    bool ok = true;
    for (int k = 0; k < 3; ++k) {
      const std::string& text = row.fields[kWinsA + k];
      std::optional<long long> v =
          text == "0" ? std::optional<long long>(0) : ParsePositiveInteger(text);
      if (!v) {
        diagnostics->Error(table.At(row, kWinsA + k), table.columns[kWinsA + k].name, text,
                           fmt::format("\"{}\" is not a count (a non-negative integer)", text));
        ok = false;
      } else {
        counts[k] = *v;
      }
    }
    if (!ok) continue;
    const int ia = acc->Intern(a), ib = acc->Intern(b);
    acc->AddCount(ia, ib, Outcome::kWinA, counts[0]);
    acc->AddCount(ia, ib, Outcome::kWinB, counts[1]);
    acc->AddCount(ia, ib, Outcome::kTie, counts[2]);
  }
}

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

void ReadJsonLines(const std::string& path, const std::string& shown, Accumulator* acc,
                   Diagnostics* diagnostics) {
  std::ifstream in(path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      AddJsonRecord(nlohmann::json::parse(line), number, acc);
    } catch (const nlohmann::json::parse_error& e) {
      diagnostics->Error(Location{shown, number, static_cast<int>(e.byte)}, "", "", "invalid JSON");
    }
  }
}

// The Arena list-of-records form. Records are parsed one at a time through
// nlohmann's SAX interface would be leaner; the whole array is parsed here and
// each record's line found from its position, which is simple and exact.
void ReadJsonArray(const std::string& path, const std::string& shown, Accumulator* acc,
                   Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", "", "cannot read file: " + error);
    return;
  }
  int line = 1, depth = 0;
  size_t record_start = std::string::npos;
  bool in_string = false;
  // Split the top-level array into records, tracking lines, then parse each.
  for (size_t k = 0; k < text->size(); ++k) {
    const char c = (*text)[k];
    if (in_string) {
      if (c == '\\')
        ++k;
      else if (c == '"')
        in_string = false;
      if (c == '\n') ++line;
      continue;
    }
    if (c == '\n') ++line;
    if (c == '"') in_string = true;
    if (c == '{' && ++depth == 1) record_start = k;
    if (c == '}' && --depth == 0 && record_start != std::string::npos) {
      const int record_line = line - static_cast<int>(std::count(text->begin() + record_start,
                                                                 text->begin() + k, '\n'));
      try {
        AddJsonRecord(nlohmann::json::parse(text->substr(record_start, k - record_start + 1)),
                      record_line, acc);
      } catch (const nlohmann::json::parse_error& e) {
        diagnostics->Error(Location{shown, record_line, 0}, "", "", "invalid JSON record");
      }
      record_start = std::string::npos;
    }
  }
  try {  // the overall structure must be valid JSON too
    (void)nlohmann::json::parse(*text, nullptr, true);
  } catch (const nlohmann::json::parse_error& e) {
    const TextPosition pos = PositionOf(*text, e.byte > 0 ? e.byte - 1 : 0);
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "", "invalid JSON");
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
  try {
    if (EndsWith(path, ".jsonl")) {
      ReadJsonLines(path, shown, &acc, diagnostics);
    } else if (EndsWith(path, ".json")) {
      ReadJsonArray(path, shown, &acc, diagnostics);
    } else {
      std::ifstream probe(path);
      std::string header;
      std::getline(probe, header);
      if (!probe && header.empty()) {
        diagnostics->Error(Location{shown}, "", "", "cannot read file");
      } else if (header.find("wins_a") != std::string::npos) {
        ReadPairCountsCsv(path, shown, &acc, diagnostics);
      } else {
        ReadBattleCsv(path, &acc, diagnostics, shown);
      }
    }
  } catch (const io::error::base& e) {
    diagnostics->Error(Location{shown, 1, 1}, "", "", e.what());
  }
  BattleData data = acc.Finish();
  if (options.keep_sequence && data.has_tstamp) {
    std::stable_sort(data.sequence.begin(), data.sequence.end(),
                     [](const Battle& x, const Battle& y) { return x.tstamp < y.tstamp; });
  }
  return data;
}

}  // namespace podium
