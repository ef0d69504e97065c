// `podium check`: compares two JSON reports of the same schema and lists what
// moved, which way, and why — for CI pipelines that must fail, readably, when
// a number changes.
//
// Both reports are flattened (flat_report.h) and compared leaf by leaf, rows
// matched by identity, not position. The manifest and the input locations are
// never compared; the inputs are compared by SHA-256 from the manifests
// instead (input_changes.h), so the same bytes read from another folder are
// no change. Numbers differ when |Δ| > max(abs_tol, rel_tol · |baseline|); any
// other value (text, booleans, null) differs when it is not equal.
//
// Each difference has a direction (field_direction.h): better or worse for a
// field with a better side (scores, ratings, win rates, ranks, a benchmark's
// values), otherwise just changed; a row or field added or removed is
// changed. Every difference fails the check — an improvement too, since a
// baseline that no longer matches is out of date (docs/ci.md) — except
//   - better ones under `allow_better`;
//   - with `allow_within_interval`, a moved score/rating (or its interval
//     endpoints) whose row carries an interval in both reports, while |Δ|
//     stays within the baseline interval's half-width.
#ifndef PODIUM_ENGINE_CHECK_REPORT_CHECK_H_
#define PODIUM_ENGINE_CHECK_REPORT_CHECK_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/check/flat_report.h"
#include "engine/check/input_changes.h"

namespace podium {

struct CheckOptions {
  double abs_tol = 0;                  // numbers closer than this are equal
  double rel_tol = 0;                  // ... or closer than this fraction of the baseline
  bool allow_within_interval = false;  // see the file comment
  bool allow_better = false;           // an improvement does not fail the check
  // Fields left out, as given: "ci_low_mcse", "rows[*].tier" (ParsePath,
  // IgnorePatternCovers in flat_report.h).
  std::vector<std::string> ignore;
};

enum class Direction { kBetter, kWorse, kChanged };

// "better", "worse", "changed".
const char* DirectionName(Direction direction);

struct ReportChange {
  std::string path;  // e.g. rows[ministral-8b].score
  std::string kind;  // added | removed | changed
  Direction direction = Direction::kChanged;
  std::optional<nlohmann::ordered_json> baseline;  // the value; none when added
  std::optional<nlohmann::ordered_json> current;   // none when removed
  double delta = 0;                                // current − baseline for numbers, else NaN
  // For a row's score/rating/ci when both rows carry intervals: "within"
  // or "beyond" the baseline interval's half-width; "" otherwise.
  std::string interval;
  bool fails = true;  // counts against the check (see the file comment)
};

struct ReportComparison {
  std::string name;    // file name, or as given
  std::string schema;  // e.g. podium.leaderboard/1
  std::vector<ReportChange> changes;
  InputComparison inputs;                  // the manifests' inputs, by SHA-256
  int better = 0, worse = 0, changed = 0;  // changes by direction
  int failures = 0;                        // changes that fail the check
  std::set<size_t> ignore_used;            // indexes of CheckOptions::ignore that left out a field
};

// Compares two parsed reports. Different or missing "schema" is not a
// comparison: returns false with a message in *error.
bool CompareReports(const nlohmann::ordered_json& baseline, const nlohmann::ordered_json& current,
                    const CheckOptions& options, ReportComparison* out, std::string* error);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_REPORT_CHECK_H_
