#include "engine/ingest/battles.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "engine/base/csv_table.h"
#include "engine/base/file_util.h"
#include "engine/base/json_input.h"
#include "engine/base/number.h"
#include "engine/base/option_names.h"
#include "engine/base/text_position.h"
#include "engine/ingest/battle_fields.h"
#include "engine/ingest/vote_cleaning.h"

namespace podium {
namespace {

// Transparent hashing so that looking a name up does not build a string.
struct NameHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

// The text of one battle's models and winner as read, and which of them a
// problem is in.
struct BattleText {
  std::string_view a, b, winner;
};
enum class Role { kModelA, kModelB, kWinner };

// The cleaning steps in the order they run (BattleReadOptions), by the
// option's field.
enum Step {
  kStepAnony,
  kStepDedup,
  kStepLanguage,
  kStepCategory,
  kStepTies,
  kStepMaxVotes,
  kStepOutliers,
  kNumSteps
};
constexpr const char* kStepField[kNumSteps] = {"anony_only",         "dedup",
                                               "language",           "category",
                                               "exclude_ties",       "max_votes_per_judge_per_day",
                                               "drop_outlier_judges"};

// Whether `options` asks for step `step`.
bool StepRuns(const BattleReadOptions& o, Step step) {
  switch (step) {
    case kStepAnony:
      return o.anony_only;
    case kStepDedup:
      return o.dedup;
    case kStepLanguage:
      return !o.language.empty();
    case kStepCategory:
      return !o.category.empty();
    case kStepTies:
      return o.exclude_ties;
    case kStepMaxVotes:
      return o.max_votes_per_judge_per_day > 0;
    case kStepOutliers:
      return o.drop_outlier_judges;
    default:
      return false;
  }
}

// What a step needs from a battle, for messages: "needed by --anony-only".
std::string NeededBy(Step step) { return "needed by " + OptionName(kStepField[step]); }

// How reading a battle's tstamp went.
enum class TimeRead { kOk, kAbsent, kError };

// One battle's fields beyond its models and winner, as its format holds
// them, read on demand (a step reads a field only for the battles that reach
// it). Each reader reports its own problems at their place and then returns
// nullopt (or false, kError).
class BattleFields {
 public:
  virtual ~BattleFields() = default;
  virtual std::optional<bool> Anony() = 0;    // `anony`
  virtual std::optional<bool> Sampled() = 0;  // dedup_tag: kept by --dedup
  virtual std::optional<bool> InLanguage(const std::string& language) = 0;
  virtual std::optional<bool> OfCategory(const std::string& category) = 0;
  virtual std::optional<std::string> Judge(Step needed_by) = 0;
  // kAbsent for no tstamp, an error when `required_by` is set (not kNumSteps).
  virtual TimeRead Tstamp(Step required_by, double* time) = 0;
  // The _a and _b values of each feature of `names`, into out[0 .. 2 * size).
  virtual bool Features(const std::vector<std::string>& names, double* out) = 0;
  // The battle's group (BattleReadOptions::group_by names the field).
  virtual std::optional<std::string> Group(const std::string& field) = 0;
  // The line the battle starts on.
  virtual int64_t Line() const = 0;
};

// What a group field is needed by, for messages: "needed by --loo judge".
std::string GroupNeededBy(const std::string& field) {
  return "needed by " + OptionName("loo") + " " + field;
}

// Accumulates battles into cells, interning model names; runs the cleaning
// steps on the way (per battle) and at the end (per judge).
class Accumulator {
 public:
  Accumulator(const BattleReadOptions& options, Diagnostics* d)
      : options_(options),
        diagnostics_(d),
        keep_sequence_(options.keep_sequence || !options.features.empty() ||
                       !options.group_by.empty()),
        per_judge_(StepRuns(options, kStepMaxVotes) || StepRuns(options, kStepOutliers)),
        read_time_(keep_sequence_ || per_judge_),
        width_(2 * options.features.size()) {}

  // Adds one battle whose winner is a label of the layout. `at(role)` is
  // where a field starts (a Location), for errors; every problem of the
  // battle is reported.
  template <typename At>
  void Add(const BattleText& t, At at, BattleFields& fields) {
    const bool models_ok = CheckModels(t, at);
    const std::optional<Outcome> outcome = WinnerOutcome(t.winner, options_.layout);
    if (!outcome) {
      diagnostics_->Error(at(Role::kWinner), options_.layout.winner, std::string(t.winner),
                          fmt::format("unknown winner \"{}\" (expected {})", t.winner,
                                      ExpectedWinnerLabels(options_.layout)));
    }
    if (models_ok && outcome) AddOutcome(t, *outcome, fields);
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

  // Adds one battle with a known outcome and valid names (CheckModels), if
  // the per-battle steps keep it; with per-judge steps it waits for Finish.
  void AddOutcome(const BattleText& t, Outcome outcome, BattleFields& fields) {
    if (!PassesBattleSteps(outcome, fields)) return;
    double time = 0;
    if (read_time_) {
      const TimeRead read =
          fields.Tstamp(StepRuns(options_, kStepMaxVotes) ? kStepMaxVotes : kNumSteps, &time);
      if (read == TimeRead::kError) return;
      if (read == TimeRead::kAbsent) all_tstamps_ = false;
    }
    int32_t group = -1;
    if (!options_.group_by.empty()) {
      const std::optional<std::string> name = fields.Group(options_.group_by);
      if (!name) return;
      group = InternIn(*name, &group_names_, &group_index_);
    }
    const int64_t line = keep_sequence_ ? fields.Line() : 0;
    int32_t judge = 0;
    if (per_judge_) {
      const std::optional<std::string> name =
          fields.Judge(StepRuns(options_, kStepMaxVotes) ? kStepMaxVotes : kStepOutliers);
      if (!name) return;
      judge = InternJudge(*name);
    }
    const size_t start = per_judge_ ? pending_features_.size() : data_.features.size();
    std::vector<double>& features = per_judge_ ? pending_features_ : data_.features;
    features.resize(start + width_);
    if (width_ > 0 && !fields.Features(options_.features, features.data() + start)) {
      features.resize(start);
      return;
    }
    const int a = Intern(t.a), b = Intern(t.b);
    if (per_judge_) {
      pending_.push_back({{a, b, outcome, judge, read_time_ ? UtcDay(time) : 0}, time, line, group});
    } else {
      AddCount(a, b, outcome, 1, time, line, group);
    }
  }

  void AddCount(int a, int b, Outcome outcome, int64_t count, double time = 0, int64_t line = 0,
                int32_t group = -1) {
    if (count <= 0) return;
    data_.battles += count;
    if (keep_sequence_) {
      for (int64_t k = 0; k < count; ++k) {
        data_.sequence.push_back({a, b, outcome, time, line, group});
      }
    }
    const PairCell cell = CanonicalCell(a, b, outcome);
    const int i = cell.i, j = cell.j;
    outcome = cell.outcome;
    // Dense per-pair counters: no hashing on the per-battle path.
    if (counts_.size() <= static_cast<size_t>(i)) counts_.resize(i + 1);
    auto& row = counts_[i];
    if (row.size() <= static_cast<size_t>(j)) row.resize(j + 1, {0, 0, 0});
    row[j][static_cast<int>(outcome)] += count;
  }

  // Adds one row of pair counts: wins of a, wins of b, ties, of `category`
  // ("" when the file has no category column). As for battles, the row is
  // dropped (all its battles counted) when --category asks for another
  // category, and its ties under exclude_ties; the category is the row's
  // group when group_by asks for it.
  void AddPairCounts(const BattleText& t, const int64_t counts[3], int64_t line,
                     std::string_view category) {
    if (StepRuns(options_, kStepCategory) && category != options_.category) {
      dropped_[kStepCategory] += counts[0] + counts[1] + counts[2];
      return;
    }
    const int32_t group =
        options_.group_by.empty() ? -1 : InternIn(category, &group_names_, &group_index_);
    const int a = Intern(t.a), b = Intern(t.b);
    AddCount(a, b, Outcome::kWinA, counts[0], 0, line, group);
    AddCount(a, b, Outcome::kWinB, counts[1], 0, line, group);
    if (options_.exclude_ties) {
      dropped_[kStepTies] += counts[2];
    } else {
      AddCount(a, b, Outcome::kTie, counts[2], 0, line, group);
    }
  }

  int Intern(std::string_view name) { return InternIn(name, &names_, &index_); }

  // Runs the per-judge steps, renumbers models by name (a deterministic
  // order whatever the file order) and orders the sequence by tstamp when
  // every battle has one.
  BattleData Finish() {
    if (per_judge_) RunJudgeSteps();
    for (int k = 0; k < kNumSteps; ++k) {
      const Step step = static_cast<Step>(k);
      if (StepRuns(options_, step)) {
        data_.cleaning.push_back({kStepField[k], OptionName(kStepField[k]), dropped_[k]});
      }
    }
    data_.dropped_category = dropped_[kStepCategory];
    data_.dropped_ties = dropped_[kStepTies];
    data_.feature_names = options_.features;
    std::vector<int> rank = RenumberModels();
    const std::vector<int> group_rank = RenumberGroups();
    for (Battle& b : data_.sequence) {
      b.a = rank[b.a];
      b.b = rank[b.b];
      if (b.group >= 0) b.group = group_rank[b.group];
    }
    data_.has_tstamp = all_tstamps_ && data_.battles > 0;
    if (keep_sequence_ && data_.has_tstamp) SortSequenceByTime();
    return std::move(data_);
  }

 private:
  // A battle held for the per-judge steps, with its time.
  struct Pending {
    JudgedBattle battle;
    double time = 0;
    int64_t line = 0;
    int32_t group = -1;
  };

  using NameIndex = std::unordered_map<std::string, int, NameHash, std::equal_to<>>;

  static int InternIn(std::string_view name, std::vector<std::string>* names, NameIndex* index) {
    auto it = index->find(name);
    if (it != index->end()) return it->second;
    const int id = static_cast<int>(names->size());
    names->emplace_back(name);
    index->emplace(names->back(), id);
    return id;
  }

  int InternJudge(std::string_view name) { return InternIn(name, &judge_names_, &judge_index_); }

  // Drops (and counts) a battle when `keep` says no; false on a read error too.
  bool Apply(Step step, std::optional<bool> keep) {
    if (keep && !*keep) ++dropped_[step];
    return keep.value_or(false);
  }

  // The per-battle steps, in order; false when one drops the battle (or a
  // field it reads has an error).
  bool PassesBattleSteps(Outcome outcome, BattleFields& f) {
    const BattleReadOptions& o = options_;
    if (o.anony_only && !Apply(kStepAnony, f.Anony())) return false;
    if (o.dedup && !Apply(kStepDedup, f.Sampled())) return false;
    if (!o.language.empty() && !Apply(kStepLanguage, f.InLanguage(o.language))) return false;
    if (!o.category.empty() && !Apply(kStepCategory, f.OfCategory(o.category))) return false;
    return !o.exclude_ties || Apply(kStepTies, outcome != Outcome::kTie);
  }

  // The per-judge steps over the held battles in time order (file order
  // among equal times, and when some battle has no time), then their
  // aggregation.
  void RunJudgeSteps() {
    std::vector<size_t> order(pending_.size());
    std::iota(order.begin(), order.end(), size_t{0});
    if (all_tstamps_) {
      std::stable_sort(order.begin(), order.end(),
                       [&](size_t x, size_t y) { return pending_[x].time < pending_[y].time; });
    }
    std::vector<JudgedBattle> battles;
    battles.reserve(order.size());
    for (size_t k : order) battles.push_back(pending_[k].battle);
    std::vector<bool> keep(battles.size(), true);
    if (StepRuns(options_, kStepMaxVotes)) {
      dropped_[kStepMaxVotes] =
          LimitVotesPerJudgePerDay(battles, options_.max_votes_per_judge_per_day, &keep);
    }
    if (StepRuns(options_, kStepOutliers))
      dropped_[kStepOutliers] = DropOutlierJudges(battles, {}, &keep);
    for (size_t n = 0; n < order.size(); ++n) {
      if (!keep[n]) continue;
      const Pending& p = pending_[order[n]];
      AddCount(p.battle.a, p.battle.b, p.battle.outcome, 1, p.time, p.line, p.group);
      const auto first = pending_features_.begin() + static_cast<ptrdiff_t>(order[n] * width_);
      data_.features.insert(data_.features.end(), first, first + static_cast<ptrdiff_t>(width_));
    }
  }

  // Fills models and cells with models numbered by name; returns the new
  // number of each interned id.
  std::vector<int> RenumberModels() {
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
          data_.cells.push_back(CanonicalCell(rank[a], rank[b], static_cast<Outcome>(k), count));
        }
      }
    }
    std::sort(data_.cells.begin(), data_.cells.end(), [](const PairCell& x, const PairCell& y) {
      return std::tie(x.i, x.j, x.outcome) < std::tie(y.i, y.j, y.outcome);
    });
    return rank;
  }

  // Fills group_names sorted by name; returns the new number of each
  // interned group.
  std::vector<int> RenumberGroups() {
    std::vector<int> order(group_names_.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int x, int y) { return group_names_[x] < group_names_[y]; });
    std::vector<int> rank(order.size());
    for (size_t k = 0; k < order.size(); ++k) {
      rank[order[k]] = static_cast<int>(k);
      data_.group_names.push_back(group_names_[order[k]]);
    }
    return rank;
  }

  // Orders the sequence by tstamp (stable: file order among equal times),
  // carrying each battle's features along.
  void SortSequenceByTime() {
    std::vector<Battle>& sequence = data_.sequence;
    std::vector<size_t> order(sequence.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return sequence[x].tstamp < sequence[y].tstamp; });
    std::vector<Battle> sorted;
    sorted.reserve(sequence.size());
    std::vector<double> features;
    features.reserve(data_.features.size());
    for (size_t k : order) {
      sorted.push_back(sequence[k]);
      const auto first = data_.features.begin() + static_cast<ptrdiff_t>(k * width_);
      features.insert(features.end(), first, first + static_cast<ptrdiff_t>(width_));
    }
    sequence = std::move(sorted);
    data_.features = std::move(features);
  }

  const BattleReadOptions& options_;
  Diagnostics* diagnostics_;
  const bool keep_sequence_;  // options.keep_sequence, or features asked for
  const bool per_judge_;      // a per-judge step runs: battles wait for Finish
  const bool read_time_;      // tstamp is read (sequence order, per-judge steps)
  const size_t width_;        // feature values per battle
  BattleData data_;
  std::vector<std::string> names_;
  NameIndex index_;
  std::vector<std::string> judge_names_;
  NameIndex judge_index_;
  std::vector<std::string> group_names_;  // group_by values, in order of appearance
  NameIndex group_index_;
  // counts_[i][j][outcome] for interned ids i < j.
  std::vector<std::vector<std::array<int64_t, 3>>> counts_;
  std::vector<Pending> pending_;          // per-judge steps: battles read, in file order
  std::vector<double> pending_features_;  // their features, width_ each
  int64_t dropped_[kNumSteps] = {};
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
    kResponseB,
    kAnony,
    kDedupTag,
    kLanguage,
    kFirstFeature  // then F_a, F_b for each feature F asked for
  };
  enum class Form { kLabels, kOneHot, kCounts };

  BattleCsvReader(Accumulator* acc, const BattleReadOptions& options, Diagnostics* diagnostics,
                  const std::string& shown)
      : acc_(acc),
        options_(options),
        layout_(options.layout),
        diagnostics_(diagnostics),
        shown_(shown) {
    for (const char* name :
         {"model_a", "model_b", "winner", "category", "tstamp", "wins_a", "wins_b", "ties",
          "winner_model_a", "winner_model_b", "winner_tie", "judge", "prompt", "id", "response_a",
          "response_b", "anony", "dedup_tag", "language"}) {
      columns_.push_back({name, false});
    }
    columns_[kA].name = layout_.model_a;
    columns_[kB].name = layout_.model_b;
    columns_[kWinner].name = layout_.winner;
    for (const std::string& feature : options.features) {
      for (const char* side : {"_a", "_b"}) columns_.push_back({feature + side, false});
    }
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
                            Optional(row, index, kWinner)};
      const auto at = [&](Role role) { return row.FieldLocation(index[ColumnOf(role)]); };
      Fields fields(*this, row, index);
      if (form_ == Form::kLabels) return acc_->Add(text, at, fields);
      const std::optional<Outcome> outcome = OneHotOutcome(row, index);
      if (acc_->CheckModels(text, at) && outcome) acc_->AddOutcome(text, *outcome, fields);
    };
    return handlers;
  }

 private:
  // A row's cleaning fields; ReadHeader has checked that the columns the
  // options need are there.
  class Fields : public BattleFields {
   public:
    Fields(const BattleCsvReader& reader, const CsvRecord& row, const CsvColumnIndex& index)
        : r_(reader), row_(row), index_(index) {}

    std::optional<bool> Anony() override {
      const std::optional<bool> anony = ParseBoolText(Text(kAnony));
      if (!anony) Error(kAnony, "is not true or false");
      return anony;
    }
    std::optional<bool> Sampled() override {
      const std::optional<bool> sampled = ParseDedupText(Text(kDedupTag));
      if (!sampled) {
        Error(kDedupTag, "is not a dedup tag (true or false, or an object whose \"sampled\" is)");
      }
      return sampled;
    }
    std::optional<bool> InLanguage(const std::string& language) override {
      return Text(kLanguage) == language;
    }
    std::optional<bool> OfCategory(const std::string& category) override {
      return Text(kCategory) == category;
    }
    std::optional<std::string> Group(const std::string& field) override {
      const int c = GroupColumn(field);
      if (Text(c).empty()) {
        r_.diagnostics_->Error(At(c), field, "",
                               field + " is empty (" + GroupNeededBy(field) + ")");
        return std::nullopt;
      }
      return std::string(Text(c));
    }
    int64_t Line() const override { return row_.line(); }
    std::optional<std::string> Judge(Step needed_by) override {
      if (Text(kJudge).empty()) {
        r_.diagnostics_->Error(At(kJudge), "judge", "",
                               "judge is empty (" + NeededBy(needed_by) + ")");
        return std::nullopt;
      }
      return std::string(Text(kJudge));
    }
    TimeRead Tstamp(Step required_by, double* time) override {
      if (index_[kTstamp] < 0 || Text(kTstamp).empty()) {
        if (required_by == kNumSteps) return TimeRead::kAbsent;
        r_.diagnostics_->Error(
            index_[kTstamp] < 0 ? Location{r_.shown_, row_.line(), 1} : At(kTstamp), "tstamp", "",
            "tstamp is empty (" + NeededBy(required_by) + ")");
        return TimeRead::kError;
      }
      const std::optional<double> read = ParseFiniteDouble(Text(kTstamp));
      if (!read) {
        r_.diagnostics_->Error(At(kTstamp), "tstamp", std::string(Text(kTstamp)),
                               "tstamp is not a number");
        return TimeRead::kError;
      }
      *time = *read;
      return TimeRead::kOk;
    }
    bool Features(const std::vector<std::string>& names, double* out) override {
      bool ok = true;
      for (size_t k = 0; k < 2 * names.size(); ++k) {
        const int c = kFirstFeature + static_cast<int>(k);
        const std::optional<double> value = ParseFiniteDouble(Text(c));
        if (!value) {
          Error(c, "is not a number (feature " + names[k / 2] + ")");
          ok = false;
        } else if (*value < 0) {
          Error(c, "is negative (feature " + names[k / 2] + "): style features are counts");
          ok = false;
        }
        out[k] = value.value_or(0);
      }
      return ok;
    }

   private:
    std::string_view Text(int c) const { return row_.field(index_[c]); }
    Location At(int c) const { return row_.FieldLocation(index_[c]); }
    // An error at column `c`: "\"TEXT\" " + what.
    void Error(int c, const std::string& what) const {
      const std::string text(Text(c));
      r_.diagnostics_->Error(At(c), r_.columns_[c].name, text,
                             fmt::format("\"{}\" {}", text, what));
    }

    const BattleCsvReader& r_;
    const CsvRecord& row_;
    const CsvColumnIndex& index_;
  };

  // The column of a group_by field (judge, prompt, category).
  static Column GroupColumn(const std::string& field) {
    return field == "judge" ? kJudge : field == "prompt" ? kPrompt : kCategory;
  }

  static Column ColumnOf(Role role) {
    constexpr Column kOf[] = {kA, kB, kWinner};
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
    return (form_ == Form::kCounts ? NothingPerBattle(at, index[kCategory] >= 0)
                                   : HasCleaningColumns(header, index)) &
           usable;
  }

  // The columns the cleaning steps and features asked for; false (with an
  // error each, at the header line) when some are missing.
  bool HasCleaningColumns(const CsvRecord& header, const CsvColumnIndex& index) {
    const std::pair<Step, Column> kNeeds[] = {
        {kStepAnony, kAnony},       {kStepDedup, kDedupTag}, {kStepLanguage, kLanguage},
        {kStepCategory, kCategory}, {kStepMaxVotes, kJudge}, {kStepMaxVotes, kTstamp},
        {kStepOutliers, kJudge}};
    bool ok = true;
    std::vector<Column> reported;
    for (const auto& [step, column] : kNeeds) {
      if (!StepRuns(options_, step) || index[column] >= 0) continue;
      if (std::find(reported.begin(), reported.end(), column) != reported.end()) continue;
      reported.push_back(column);
      diagnostics_->Error(Location{shown_, header.line(), 1}, columns_[column].name, "",
                          "missing column (" + NeededBy(step) + ")");
      ok = false;
    }
    if (!options_.group_by.empty() && index[GroupColumn(options_.group_by)] < 0) {
      diagnostics_->Error(Location{shown_, header.line(), 1}, options_.group_by, "",
                          "missing column (" + GroupNeededBy(options_.group_by) + ")");
      ok = false;
    }
    for (size_t c = kFirstFeature; c < columns_.size(); ++c) {
      if (index[c] >= 0) continue;
      diagnostics_->Error(
          Location{shown_, header.line(), 1}, columns_[c].name, "",
          "missing column (feature " + options_.features[(c - kFirstFeature) / 2] + ")");
      ok = false;
    }
    return ok;
  }

  // Pair counts have no battles to clean one by one (ties aside, which
  // they count; and a category when the file has a `category` column), nor
  // features: false (with an error at the header line per option) when some
  // are asked for.
  bool NothingPerBattle(const Location& at, bool has_category) {
    bool ok = true;
    for (int k = 0; k < kNumSteps; ++k) {
      if (k == kStepTies || !StepRuns(options_, static_cast<Step>(k))) continue;
      if (k == kStepCategory && has_category) continue;
      diagnostics_->Error(at, OptionName(kStepField[k]), "",
                          k == kStepCategory
                              ? "does not apply to pair counts (wins_a, wins_b, ties) without a "
                                "category column"
                              : "does not apply to pair counts (wins_a, wins_b, ties): they hold "
                                "no battles to clean one by one");
      ok = false;
    }
    if (!options_.features.empty()) {
      diagnostics_->Error(at, "features", "",
                          "pair counts (wins_a, wins_b, ties) hold no per-battle features");
      ok = false;
    }
    if (!options_.group_by.empty() && !(options_.group_by == "category" && has_category)) {
      diagnostics_->Error(at, OptionName("loo"), options_.group_by,
                          "pair counts (wins_a, wins_b, ties) hold no per-battle " +
                              options_.group_by);
      ok = false;
    }
    return ok;
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
    const BattleText text{record.field(index[kA]), record.field(index[kB]), {}};
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
    if (ok && !options_.group_by.empty()) {  // the header check left only category
      ok = Fields(*this, record, index).Group(options_.group_by).has_value();
    }
    if (ok) acc_->AddPairCounts(text, counts, record.line(), Optional(record, index, kCategory));
  }

  Accumulator* acc_;
  const BattleReadOptions& options_;
  const BattleLayout& layout_;
  Diagnostics* diagnostics_;
  const std::string& shown_;
  std::vector<CsvColumn> columns_;  // by Column
  Form form_ = Form::kLabels;
};

// A JSON value as text: a string as is, a number as fmt prints a double,
// anything else (objects, arrays, booleans) as JSON.
std::string ValueText(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number()) return fmt::format("{}", value.get<double>());
  return value.dump();
}

std::string JsonText(const nlohmann::json& record, const std::string& key) {
  auto it = record.find(key);
  return it == record.end() ? "" : ValueText(*it);
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
  Location Of(std::string_view key) const { return Of(std::vector<std::string_view>{key}); }

  // The location of the value at `path` (each key a member of the object
  // before it), or of the deepest value on the path found, or of the record.
  Location Of(const std::vector<std::string_view>& path) const {
    size_t offset = begin;
    for (std::string_view key : path) {
      if (offset >= text.size() || text[offset] != '{') break;
      const size_t member = FindMemberValue(text, offset, key);
      if (member == std::string_view::npos) break;
      offset = member;
    }
    return At(offset);
  }
  Location OfRecord() const { return At(begin); }

 private:
  Location At(size_t offset) const {
    const TextPosition pos = PositionOf(text.substr(line_start), offset - line_start);
    return Location{shown, line + pos.line - 1, pos.column};
  }
};

// A JSON record's cleaning fields.
class JsonFields : public BattleFields {
 public:
  JsonFields(const nlohmann::json& record, const JsonPlace& place, Diagnostics* diagnostics)
      : record_(record), place_(place), diagnostics_(diagnostics) {}

  std::optional<bool> Anony() override {
    const nlohmann::json* anony = Member("anony", kStepAnony);
    if (anony == nullptr) return std::nullopt;
    if (!anony->is_boolean()) return NotA("anony", *anony, "true or false");
    return anony->get<bool>();
  }
  std::optional<bool> Sampled() override {
    const nlohmann::json* tag = Member("dedup_tag", kStepDedup);
    if (tag == nullptr) return std::nullopt;
    const std::optional<bool> sampled =
        tag->is_string() ? ParseDedupText(tag->get<std::string>()) : SampledOf(*tag);
    if (!sampled) {
      return NotA("dedup_tag", *tag, "a dedup tag (an object whose \"sampled\" is true or false)");
    }
    return sampled;
  }
  std::optional<bool> InLanguage(const std::string& language) override {
    const nlohmann::json* value = Member("language", kStepLanguage);
    if (value == nullptr) return std::nullopt;
    if (!value->is_string()) return NotA("language", *value, "a string");
    return value->get<std::string>() == language;
  }
  std::optional<bool> OfCategory(const std::string& category) override {
    for (const char* key : {"category_tag", "category"}) {
      const auto it = record_.find(key);
      if (it != record_.end() && it->is_object()) return OfTag(key, *it, category);
    }
    const nlohmann::json* value = Member("category", kStepCategory, " or category_tag");
    if (value == nullptr) return std::nullopt;
    return ValueText(*value) == category;
  }
  std::optional<std::string> Judge(Step needed_by) override {
    const nlohmann::json* judge = Member("judge", needed_by);
    if (judge == nullptr) return std::nullopt;
    if (!judge->is_string() && !judge->is_number())
      return NotA("judge", *judge, "a string or a number");
    const std::string name = ValueText(*judge);
    if (name.empty()) {
      diagnostics_->Error(place_.Of("judge"), "judge", "",
                          "judge is empty (" + NeededBy(needed_by) + ")");
      return std::nullopt;
    }
    return name;
  }
  TimeRead Tstamp(Step required_by, double* time) override {
    const auto it = record_.find("tstamp");
    if (it == record_.end() || it->is_null()) {
      if (required_by == kNumSteps) return TimeRead::kAbsent;
      Member("tstamp", required_by);  // the error: no tstamp
      return TimeRead::kError;
    }
    const std::optional<double> read = it->is_number() ? std::optional<double>(it->get<double>())
                                                       : ParseFiniteDouble(ValueText(*it));
    if (!read) {
      diagnostics_->Error(place_.Of("tstamp"), "tstamp", ValueText(*it), "tstamp is not a number");
      return TimeRead::kError;
    }
    *time = *read;
    return TimeRead::kOk;
  }
  bool Features(const std::vector<std::string>& names, double* out) override {
    bool ok = true;
    for (size_t k = 0; k < 2 * names.size(); ++k) {
      const std::optional<double> value = Feature(names[k / 2], k % 2 == 0 ? 'a' : 'b');
      ok = ok && value.has_value();
      out[k] = value.value_or(0);
    }
    return ok;
  }

 private:
  // Member `key` of the record, or null with an error at the record ("no
  // key", saying which step needs it) when it is missing or null.
  std::optional<std::string> Group(const std::string& field) override {
    std::string key = field;
    if (field == "prompt" && !record_.contains("prompt")) key = "question_id";
    const auto it = record_.find(key);
    if (it == record_.end() || it->is_null()) {
      diagnostics_->Error(place_.OfRecord(), key, "",
                          fmt::format("no \"{}\" key ({})", key, GroupNeededBy(field)));
      return std::nullopt;
    }
    if (!it->is_string() && !it->is_number()) {
      return NotA(key.c_str(), *it, "a string or a number");
    }
    std::string name = ValueText(*it);
    if (name.empty()) {
      diagnostics_->Error(place_.Of(key), key, "",
                          key + " is empty (" + GroupNeededBy(field) + ")");
      return std::nullopt;
    }
    return name;
  }
  int64_t Line() const override { return place_.OfRecord().line; }

  const nlohmann::json* Member(const char* key, Step needed_by, const char* or_key = "") {
    const auto it = record_.find(key);
    if (it != record_.end() && !it->is_null()) return &*it;
    diagnostics_->Error(place_.OfRecord(), key, "",
                        fmt::format("no \"{}\"{} key ({})", key, or_key, NeededBy(needed_by)));
    return nullptr;
  }

  // nullopt, with an error at `key`'s value: it is not a `what`.
  std::nullopt_t NotA(const char* key, const nlohmann::json& value, const char* what) {
    diagnostics_->Error(place_.Of(key), key, value.dump(),
                        fmt::format("{} is not {}", value.dump(), what));
    return std::nullopt;
  }

  // --category on nested tags (the object at `key`).
  std::optional<bool> OfTag(const char* key, const nlohmann::json& tags,
                            const std::string& category) {
    std::vector<std::string> keys;
    const nlohmann::json* value = ResolveTag(tags, category, &keys);
    std::vector<std::string_view> path = {key};
    path.insert(path.end(), keys.begin(), keys.end());
    std::string walked = key;
    for (const std::string& k : keys) walked += "." + k;
    if (value == nullptr) {
      const nlohmann::json* reached = &tags;
      for (const std::string& k : keys) reached = &(*reached)[k];
      std::string has;
      for (auto it = reached->begin(); reached->is_object() && it != reached->end(); ++it) {
        has += (has.empty() ? "" : ", ") + it.key();
      }
      diagnostics_->Error(
          place_.Of(path), "category", category,
          fmt::format("no tag \"{}\" in {} ({} {})", category, key, walked,
                      reached->is_object() ? "has " + (has.empty() ? "no keys" : has)
                                           : "is not an object"));
      return std::nullopt;
    }
    if (!value->is_boolean()) {
      diagnostics_->Error(place_.Of(path), "category", category,
                          fmt::format("{} is {}, not true or false", walked, value->dump()));
      return std::nullopt;
    }
    return value->get<bool>();
  }

  // Feature `name` of side `side`: top-level "name_side", else conv_metadata.
  std::optional<double> Feature(const std::string& name, char side) {
    const std::string top = name + "_" + side;
    if (record_.contains(top)) return Number(record_[top], {top});
    const auto metadata = record_.find("conv_metadata");
    if (metadata == record_.end() || !metadata->is_object()) {
      diagnostics_->Error(
          place_.OfRecord(), top, "",
          fmt::format("no \"{}\" key and no conv_metadata object (feature {})", top, name));
      return std::nullopt;
    }
    const std::string key = MetadataKey(*metadata, name, side);
    if (!metadata->contains(key)) {
      diagnostics_->Error(
          place_.Of("conv_metadata"), top, "",
          fmt::format("no \"{}\" key, nor \"{}\" in conv_metadata (feature {})", top, key, name));
      return std::nullopt;
    }
    return Number((*metadata)[key], {"conv_metadata", key});
  }

  // A feature's value: a number, or the sum of an object's numbers; nullopt
  // with an error at `path` (or the offending member) otherwise.
  std::optional<double> Number(const nlohmann::json& value, std::vector<std::string_view> path) {
    const std::string shown = fmt::format("{}", fmt::join(path, "."));
    // Style features are counts: finite (a sum may overflow) and not negative.
    const auto count = [&](double v) -> std::optional<double> {
      if (std::isfinite(v) && v >= 0) return v;
      diagnostics_->Error(place_.Of(path), shown, value.dump(),
                          fmt::format("{} is {}: style features are counts (finite, not negative)",
                                      shown, std::isfinite(v) ? value.dump() : "not finite"));
      return std::nullopt;
    };
    if (value.is_number()) return count(value.get<double>());
    if (value.is_object()) {
      double sum = 0;
      for (auto it = value.begin(); it != value.end(); ++it) {
        if (!it->is_number()) {
          path.push_back(it.key());
          diagnostics_->Error(
              place_.Of(path), shown, it->dump(),
              fmt::format("{}.{} is {}, not a number", shown, it.key(), it->dump()));
          return std::nullopt;
        }
        sum += it->get<double>();
      }
      return count(sum);
    }
    diagnostics_->Error(
        place_.Of(path), shown, value.dump(),
        fmt::format("{} is {}, not a number (or an object of numbers)", shown, value.dump()));
    return std::nullopt;
  }

  const nlohmann::json& record_;
  const JsonPlace& place_;
  Diagnostics* diagnostics_;
};

void AddJsonRecord(const nlohmann::json& record, const JsonPlace& place, const BattleLayout& layout,
                   Accumulator* acc, Diagnostics* diagnostics) {
  if (!record.is_object()) {
    diagnostics->Error(place.OfRecord(), "", "",
                       fmt::format("expected a JSON object with {}, {}, {}", layout.model_a,
                                   layout.model_b, layout.winner));
    return;
  }
  const std::string a = JsonText(record, layout.model_a), b = JsonText(record, layout.model_b),
                    winner = JsonText(record, layout.winner);
  const auto at = [&](Role role) {
    const std::string* keys[] = {&layout.model_a, &layout.model_b, &layout.winner};
    return place.Of(std::string_view(*keys[static_cast<int>(role)]));
  };
  JsonFields fields(record, place, diagnostics);
  acc->Add(BattleText{a, b, winner}, at, fields);
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

// Why a file left no battle to rate, when cleaning dropped them all: ""
// when it dropped none.
std::string WhyNoneLeft(const BattleData& data, const BattleReadOptions& options) {
  int64_t dropped = 0;
  std::string steps;
  bool only_category_or_ties = true;
  for (const CleaningStep& step : data.cleaning) {
    if (step.dropped == 0) continue;
    dropped += step.dropped;
    steps += fmt::format("{}{} {}", steps.empty() ? "" : ", ", step.name, step.dropped);
    only_category_or_ties =
        only_category_or_ties && (step.field == "category" || step.field == "exclude_ties");
  }
  if (dropped == 0) return "";
  if (!only_category_or_ties) return fmt::format(": cleaning dropped all {} ({})", dropped, steps);
  if (data.dropped_category > 0) {
    return fmt::format(": all {} are of other categories than \"{}\"", data.dropped_category,
                       options.category);
  }
  return fmt::format(": all {} are ties, and ties are excluded", data.dropped_ties);
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
      BattleCsvReader reader(&acc, options, diagnostics, shown);
      StreamCsvTable(path, shown, reader.Columns(), diagnostics, reader.Handlers(),
                     EndsWith(path, ".tsv") ? '\t' : ',');
    }
  } catch (const std::bad_alloc&) {
    diagnostics->Error(Location{shown}, "", "", "out of memory while reading the file");
  }
  BattleData data = acc.Finish();
  if (data.battles == 0 && diagnostics->error_count() == errors_before) {
    diagnostics->Error(Location{shown}, "", "",
                       "no battles to rate in this file" + WhyNoneLeft(data, options));
  }
  return data;
}

}  // namespace podium
