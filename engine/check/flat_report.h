// A JSON report flattened to its leaves (path -> value), the form in which
// `podium check` compares two reports field by field.
//
// Paths read as in the Markdown diff: object keys joined by ".", array
// elements in brackets — `rows[ministral-8b].benchmarks.mmlu.value`. An array
// element is named by its identity when it has one (ElementIdentity), so two
// reports whose rows are in another order still line up; otherwise by index.
//
// Left out of every flattening, whatever the options:
//   - the top-level "manifest" (run time, commit, command line, input paths);
//   - input locations (kLocationFields): where the inputs were read from is not
//     a result — a CI checkout in another folder must not count as a change.
//     The inputs' contents are compared by SHA-256 instead (input_changes.h);
//   - a "claims_row" ("path:line" of a claim in its claims file) keeps only the
//     file name and line, for the same reason.
#ifndef PODIUM_ENGINE_CHECK_FLAT_REPORT_H_
#define PODIUM_ENGINE_CHECK_FLAT_REPORT_H_

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace podium {

// One step of a path: an object key, or an array element.
struct PathSegment {
  std::string name;      // the key; for an element its identity or its index
  bool element = false;  // true for an array element ("[name]")
  bool operator==(const PathSegment& other) const {
    return name == other.name && element == other.element;
  }
};
using ReportPath = std::vector<PathSegment>;

// Top-level fields that hold where inputs were read from, never compared:
// "inputs" (leaderboard, h2h), "sources_directory" (audit),
// "input.battles_file" (arena), "options.judgments_file" (net win rates).
extern const std::vector<ReportPath> kLocationFields;

// The text of the first `length` segments of `path`
// ("rows[llama-3.1-8b].score"); the whole path by default.
std::string PathText(const ReportPath& path, size_t length = std::string::npos);

// Parses an --ignore pattern or a path text: keys separated by ".", elements
// in brackets ("rows[*].tier", "options.uncertainty"). Dots inside brackets
// belong to the identity ("rows[llama-3.1-8b]").
ReportPath ParsePath(const std::string& text);

// The identity of an array element, or "" to match it by index: its "model"
// (leaderboard and arena rows), the pair "a vs b" (head-to-head), its
// "benchmark", "claim" or "id", or the pair "model_a vs model_b" (net win
// rates), the first that is a non-empty string.
std::string ElementIdentity(const nlohmann::ordered_json& element);

// True when the --ignore `pattern` covers `path` (the field or something
// inside it). A single key ("ci_low_mcse", "claims") covers that key at any
// depth; a longer pattern ("rows[*].tier", "options.uncertainty.method",
// "rows[ministral-8b]") is read from the top of the report, "[*]" standing
// for any element.
bool IgnorePatternCovers(const ReportPath& pattern, const ReportPath& path);

struct FlatLeaf {
  ReportPath path;
  nlohmann::ordered_json value;  // a number, string, boolean, null, or an empty object/array
};

struct FlatReport {
  std::map<std::string, FlatLeaf> leaves;  // by PathText
  std::vector<std::string> order;          // leaf paths in document order
  // Array elements matched by identity, by PathText: a row that only one
  // report has is then one change, not one per field.
  std::map<std::string, nlohmann::ordered_json> elements;
  // Indexes (into the `ignore` list given) of the patterns that left out a field.
  std::set<size_t> ignore_used;

  // The leaf at `path` text, or nullptr.
  const nlohmann::ordered_json* Find(const std::string& path) const;
};

// Flattens `report`, leaving out the manifest, the input locations and every
// field an `ignore` pattern covers. Two elements of an array with the same
// identity are told apart as "id", "id#2", ...
FlatReport FlattenReport(const nlohmann::ordered_json& report,
                         const std::vector<ReportPath>& ignore = {});

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_FLAT_REPORT_H_
