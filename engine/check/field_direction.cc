#include "engine/check/field_direction.h"

#include <set>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

const std::set<std::string> kHigherInRow = {
    "score",     "rating",     "rating_a",        "rating_b",
    "advantage", "difference", "observed",        "observed_ties_half",
    "predicted", "nwr",        "win_probability", "elo_gap"};
const std::set<std::string> kLowerInRow = {
    "rank", "rank_ub", "rank_ci_low", "rank_ci_high", "rank_set_low", "rank_set_high", "tier"};

BetterWay FromFlag(const Json* higher_is_better) {
  if (higher_is_better == nullptr || !higher_is_better->is_boolean()) return BetterWay::kNeither;
  return higher_is_better->get<bool>() ? BetterWay::kHigher : BetterWay::kLower;
}

// rows[m].benchmarks.<id>.value|raw: the benchmark's direction, except a
// normalized value, which is higher-is-better.
BetterWay LeaderboardCell(const ReportPath& path, const FlatReport& report) {
  const std::string& id = path[path.size() - 2].name;
  const BetterWay benchmark = FromFlag(report.Find("benchmarks[" + id + "].higher_is_better"));
  if (path.back().name == "raw") return benchmark;
  const Json* normalize = report.Find("options.normalize");
  const bool raw = normalize == nullptr || (normalize->is_string() && *normalize == "raw");
  return raw ? benchmark : BetterWay::kHigher;
}

}  // namespace

BetterWay BetterWayOf(const ReportPath& path, const FlatReport& report) {
  if (path.size() < 2 || path.back().element) return BetterWay::kNeither;
  const std::string& key = path.back().name;
  const size_t n = path.size();
  if (n >= 4 && (key == "value" || key == "raw") && path[n - 3].name == "benchmarks" &&
      !path[n - 3].element && path[n - 4].element) {
    return LeaderboardCell(path, report);
  }
  if (!path[n - 2].element) return BetterWay::kNeither;  // not a field of a row
  if (kHigherInRow.count(key) > 0) return BetterWay::kHigher;
  if (kLowerInRow.count(key) > 0) return BetterWay::kLower;
  if (key == "a" || key == "b") {
    return FromFlag(report.Find(PathText(path, n - 1) + ".higher_is_better"));
  }
  return BetterWay::kNeither;
}

}  // namespace podium
