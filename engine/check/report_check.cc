#include "engine/check/report_check.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

#include "engine/check/field_direction.h"
#include "engine/check/report_fields.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

std::string SchemaOf(const Json& j) { return StringField(j, "schema"); }

const Json& ManifestOf(const Json& report) {
  static const Json kNone;
  return report.is_object() && report.contains("manifest") ? report["manifest"] : kNone;
}

double NumberAt(const FlatReport& report, const std::string& path) {
  const Json* leaf = report.Find(path);
  return leaf != nullptr && leaf->is_number() ? leaf->get<double>() : std::nan("");
}

Direction Classify(BetterWay way, double delta) {
  if (way == BetterWay::kNeither || !(delta != 0)) return Direction::kChanged;
  return (delta > 0) == (way == BetterWay::kHigher) ? Direction::kBetter : Direction::kWorse;
}

// Walks the leaves of both flattened reports and records their differences.
class Comparer {
 public:
  Comparer(const FlatReport& before, const FlatReport& after, const CheckOptions& options,
           ReportComparison* out)
      : before_(before), after_(after), options_(options), out_(out) {}

  void Run() {
    for (const std::string& path : before_.order) {
      const FlatLeaf& leaf = before_.leaves.at(path);
      if (const std::string e = Lacking(leaf.path, before_, after_); !e.empty()) {
        Whole(e, "removed", before_.elements.at(e));
      } else if (auto it = after_.leaves.find(path); it == after_.leaves.end()) {
        Add(path, "removed", leaf.value, std::nullopt);
      } else {
        CompareLeaf(leaf, it->second.value);
      }
    }
    for (const std::string& path : after_.order) {
      if (before_.leaves.count(path) > 0) continue;
      const FlatLeaf& leaf = after_.leaves.at(path);
      if (const std::string e = Lacking(leaf.path, after_, before_); !e.empty()) {
        Whole(e, "added", after_.elements.at(e));
      } else {
        Add(path, "added", std::nullopt, leaf.value);
      }
    }
  }

 private:
  // The outermost element on `path` that `mine` has and `theirs` lacks, or "".
  static std::string Lacking(const ReportPath& path, const FlatReport& mine,
                             const FlatReport& theirs) {
    for (size_t k = 0; k < path.size(); ++k) {
      if (!path[k].element) continue;
      const std::string element = PathText(path, k + 1);
      if (mine.elements.count(element) > 0 && theirs.elements.count(element) == 0) return element;
    }
    return "";
  }

  ReportChange& Add(const std::string& path, const char* kind, std::optional<Json> baseline,
                    std::optional<Json> current) {
    ReportChange change;
    change.path = path;
    change.kind = kind;
    change.baseline = std::move(baseline);
    change.current = std::move(current);
    change.delta = std::nan("");
    out_->changes.push_back(std::move(change));
    return out_->changes.back();
  }

  // A whole row only one report has: one change, not one per field.
  void Whole(const std::string& element, const char* kind, const Json& value) {
    if (!reported_.insert(element).second) return;
    const bool removed = std::string(kind) == "removed";
    Add(element, kind, removed ? std::optional<Json>(value) : std::nullopt,
        removed ? std::nullopt : std::optional<Json>(value));
  }

  void CompareLeaf(const FlatLeaf& leaf, const Json& c) {
    const Json& b = leaf.value;
    if (!(b.is_number() && c.is_number())) {
      if (b != c) Add(PathText(leaf.path), "changed", b, c);
      return;
    }
    const double x = b.get<double>(), y = c.get<double>();
    if (std::abs(y - x) <= std::max(options_.abs_tol, options_.rel_tol * std::abs(x))) return;
    ReportChange& change = Add(PathText(leaf.path), "changed", b, c);
    change.delta = y - x;
    change.direction = Classify(BetterWayOf(leaf.path, before_), change.delta);
    change.interval = IntervalVerdict(leaf.path, change.delta);
    if (change.direction == Direction::kBetter && options_.allow_better) change.fails = false;
    if (change.interval == "within" && options_.allow_within_interval) change.fails = false;
  }

  // "within"/"beyond" the baseline interval's half-width for a row's
  // score/rating/ci_low/ci_high when both rows carry an interval, else "".
  std::string IntervalVerdict(const ReportPath& path, double delta) const {
    const std::string& key = path.back().name;
    if (key != "score" && key != "rating" && key != "ci_low" && key != "ci_high") return "";
    const std::string row = PathText(path, path.size() - 1);
    const double low = NumberAt(before_, row + ".ci_low"),
                 high = NumberAt(before_, row + ".ci_high");
    if (std::isnan(low) || std::isnan(NumberAt(after_, row + ".ci_low"))) return "";
    return std::abs(delta) <= (high - low) / 2 ? "within" : "beyond";
  }

  const FlatReport& before_;
  const FlatReport& after_;
  const CheckOptions& options_;
  ReportComparison* out_;
  std::set<std::string> reported_;
};

}  // namespace

const char* DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kBetter:
      return "better";
    case Direction::kWorse:
      return "worse";
    case Direction::kChanged:
      return "changed";
  }
  return "changed";
}

bool CompareReports(const Json& baseline, const Json& current, const CheckOptions& options,
                    ReportComparison* out, std::string* error) {
  if (SchemaOf(baseline).empty() || SchemaOf(current).empty()) {
    *error = "not a podium report (no \"schema\" field)";
    return false;
  }
  if (SchemaOf(baseline) != SchemaOf(current)) {
    *error = fmt::format("schemas differ: baseline {} vs current {}", SchemaOf(baseline),
                         SchemaOf(current));
    return false;
  }
  out->schema = SchemaOf(baseline);
  std::vector<ReportPath> ignore;
  for (const std::string& pattern : options.ignore) ignore.push_back(ParsePath(pattern));
  const FlatReport before = FlattenReport(baseline, ignore);
  const FlatReport after = FlattenReport(current, ignore);
  out->ignore_used = before.ignore_used;
  out->ignore_used.insert(after.ignore_used.begin(), after.ignore_used.end());
  Comparer(before, after, options, out).Run();
  out->inputs = CompareInputs(ManifestOf(baseline), ManifestOf(current));
  out->better = out->worse = out->changed = out->failures = 0;
  for (const ReportChange& c : out->changes) {
    (c.direction == Direction::kBetter  ? out->better
     : c.direction == Direction::kWorse ? out->worse
                                        : out->changed) += 1;
    out->failures += c.fails ? 1 : 0;
  }
  return true;
}

}  // namespace podium
