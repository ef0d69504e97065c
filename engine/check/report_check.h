// `podium check`: compares two JSON reports of the same schema and lists what
// moved — for CI pipelines that must fail, readably, when a number changes.
//
// Both documents are walked in parallel. Arrays of objects are matched by
// identity, not position: the "model" field (leaderboard and arena rows), the
// pair "a"/"b" (head-to-head), "benchmark", "claim" or "id"; other arrays by
// index. The "manifest" object (run times, git commit) is never compared.
// Numbers differ when |Δ| > max(abs_tol, rel_tol · |baseline|); any other
// value (text, booleans, null) differs when it is not equal. Every
// difference is a regression, except that with `allow_within_interval` a
// moved score/rating whose row carries an interval in both reports is not a
// regression while |Δ| stays within the baseline interval's half-width.
#ifndef PODIUM_ENGINE_CHECK_REPORT_CHECK_H_
#define PODIUM_ENGINE_CHECK_REPORT_CHECK_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace podium {

struct CheckOptions {
  double abs_tol = 0;
  double rel_tol = 0;
  bool allow_within_interval = false;
};

struct ReportChange {
  std::string path;      // e.g. rows[ministral-8b].score
  std::string kind;      // added | removed | changed
  std::string baseline;  // the value as JSON text ("" when added)
  std::string current;   // ("" when removed)
  double delta = 0;      // current − baseline for numbers, else NaN
  // For a row's score/rating/ci when both rows carry intervals: "within"
  // or "beyond" the baseline interval's half-width; "" otherwise.
  std::string interval;
  bool regression = true;
};

struct ReportComparison {
  std::string name;    // file name, or as given
  std::string schema;  // e.g. podium.leaderboard/1
  std::vector<ReportChange> changes;
  int regressions = 0;
};

// Compares two parsed reports. Different or missing "schema" is not a
// comparison: returns false with a message in *error.
bool CompareReports(const nlohmann::ordered_json& baseline, const nlohmann::ordered_json& current,
                    const CheckOptions& options, ReportComparison* out, std::string* error);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_REPORT_CHECK_H_
