#include "engine/ingest/battle_layout.h"

#include <fmt/format.h>

#include <array>

#include "engine/base/option_names.h"

namespace podium {
namespace {

constexpr std::array<std::string_view, 4> kRoles = {"model_a", "model_b", "tie", "tie (bothbad)"};

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t") - begin + 1);
}

// The comma-separated items of a flag value, trimmed; empty items dropped
// (a trailing comma is harmless).
std::vector<std::string_view> Items(std::string_view spec) {
  std::vector<std::string_view> items;
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(',', start);
    if (end == std::string_view::npos) end = spec.size();
    const std::string_view item = Trim(spec.substr(start, end - start));
    if (!item.empty()) items.push_back(item);
    start = end + 1;
  }
  return items;
}

// Reports problems of one flag: the field is the flag as spelt by the front end.
class FlagErrors {
 public:
  FlagErrors(std::string_view field, Diagnostics* diagnostics)
      : field_(OptionName(field)), diagnostics_(diagnostics) {}
  void operator()(std::string_view item, const std::string& message) {
    diagnostics_->Error(Location{}, field_, std::string(item), message);
    ok_ = false;
  }
  bool ok() const { return ok_; }

 private:
  std::string field_;
  Diagnostics* diagnostics_;
  bool ok_ = true;
};

// Sets the columns "ROLE=COLUMN,..." names; false when any item is wrong.
bool ParseColumns(std::string_view spec, BattleLayout* layout, Diagnostics* diagnostics) {
  FlagErrors error("columns", diagnostics);
  std::string* columns[] = {&layout->model_a, &layout->model_b, &layout->winner};
  const std::string_view names[] = {"model_a", "model_b", "winner"};
  bool named[3] = {false, false, false};
  for (std::string_view item : Items(spec)) {
    const size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      error(item, fmt::format("expected ROLE=COLUMN (e.g. model_a=left), not \"{}\"", item));
      continue;
    }
    const std::string_view role = Trim(item.substr(0, eq)), column = Trim(item.substr(eq + 1));
    int r = 0;
    while (r < 3 && names[r] != role) ++r;
    if (r == 3) {
      error(item, fmt::format("\"{}\" is not a role: expected model_a, model_b or winner", role));
    } else if (named[r]) {
      error(item, fmt::format("role {} is named twice", role));
    } else if (column.empty()) {
      error(item, fmt::format("no column named for role {}", role));
    } else {
      named[r] = true;
      *columns[r] = std::string(column);
    }
  }
  for (int r = 0; r < 3 && error.ok(); ++r) {
    for (int s = r + 1; s < 3; ++s) {
      if (*columns[r] != *columns[s]) continue;
      error(*columns[r], fmt::format("column \"{}\" is named for both {} and {}", *columns[r],
                                     names[r], names[s]));
    }
  }
  return error.ok();
}

// Sets the labels "LABEL=ROLE,..." accepts; false when any item is wrong.
bool ParseLabels(std::string_view spec, BattleLayout* layout, Diagnostics* diagnostics) {
  FlagErrors error("winner_labels", diagnostics);
  const auto mapped = [layout](std::string_view label) {
    for (const WinnerLabel& w : layout->labels) {
      if (w.label == label) return true;
    }
    return false;
  };
  for (std::string_view item : Items(spec)) {
    const size_t eq = item.rfind('=');
    if (eq == std::string_view::npos) {
      error(item, fmt::format("expected LABEL=ROLE (e.g. left=model_a), not \"{}\"", item));
      continue;
    }
    const std::string_view label = Trim(item.substr(0, eq)), role = Trim(item.substr(eq + 1));
    Outcome outcome;
    if (label.empty()) {
      error(item, fmt::format("no label given for role {}", role));
    } else if (!ParseWinner(role, &outcome)) {
      error(item, fmt::format("\"{}\" is not a role: expected model_a, model_b, tie or "
                              "tie (bothbad)",
                              role));
    } else if (mapped(label)) {
      error(item, fmt::format("label \"{}\" is mapped twice", label));
    } else {
      layout->labels.push_back({std::string(label), std::string(role), outcome});
    }
  }
  return error.ok();
}

}  // namespace

std::optional<BattleLayout> ParseBattleLayout(std::string_view columns,
                                              std::string_view winner_labels,
                                              Diagnostics* diagnostics) {
  BattleLayout layout;
  const bool columns_ok = ParseColumns(columns, &layout, diagnostics);
  const bool labels_ok = ParseLabels(winner_labels, &layout, diagnostics);
  if (!columns_ok || !labels_ok) return std::nullopt;
  return layout;
}

std::optional<Outcome> WinnerOutcome(std::string_view label, const BattleLayout& layout) {
  if (layout.labels.empty()) {
    Outcome outcome;
    if (ParseWinner(label, &outcome)) return outcome;
    return std::nullopt;
  }
  for (const WinnerLabel& w : layout.labels) {
    if (w.label == label) return w.outcome;
  }
  return std::nullopt;
}

std::string ExpectedWinnerLabels(const BattleLayout& layout) {
  std::vector<std::string_view> labels(kRoles.begin(), kRoles.end());
  if (!layout.labels.empty()) {
    labels.clear();
    for (const WinnerLabel& w : layout.labels) labels.push_back(w.label);
  }
  std::string out;
  for (size_t k = 0; k < labels.size(); ++k) {
    if (k > 0) out += k + 1 == labels.size() ? " or " : ", ";
    out += labels[k];
  }
  return out;
}

bool ParseWinner(std::string_view label, Outcome* outcome) {
  if (label == kRoles[0]) {
    *outcome = Outcome::kWinA;
  } else if (label == kRoles[1]) {
    *outcome = Outcome::kWinB;
  } else if (label == kRoles[2] || label == kRoles[3]) {
    *outcome = Outcome::kTie;
  } else {
    return false;
  }
  return true;
}

}  // namespace podium
