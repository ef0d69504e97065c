// The compared reports grouped by what moved them, so that one edited claims
// file reads as one cause with the reports it moved, not as dozens of
// unrelated-looking differences.
//
// A report's cause is the set of its inputs whose bytes changed (from the
// manifests, input_changes.h). Reports with the same set share a cause;
// reports whose inputs all have the same bytes share the cause "same inputs"
// (then the code or the options moved the numbers); reports without manifest
// inputs share the cause "inputs unknown". Within a cause, reports with
// differences "moved"; those that read the changed inputs and show no
// difference did not.
#ifndef PODIUM_ENGINE_CHECK_CHANGE_CAUSES_H_
#define PODIUM_ENGINE_CHECK_CHANGE_CAUSES_H_

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/check/input_changes.h"
#include "engine/check/report_check.h"

namespace podium {

// A claim whose entry in the reports' "claims" object differs.
struct ClaimEdit {
  std::string id;    // e.g. 000-0297-4
  std::string kind;  // changed | added | removed
  // Its "value_text" on each side, when that changed (none on a side that
  // lacks it).
  std::optional<nlohmann::ordered_json> baseline, current;
};

struct ChangeCause {
  bool inputs_known = true;         // false: reports without manifest inputs
  std::vector<InputChange> inputs;  // the changed inputs; empty = same bytes
  std::vector<size_t> moved;        // indexes of reports with differences
  std::vector<size_t> unmoved;      // indexes of reports with none
  std::vector<ClaimEdit> claims;    // claims edited, over the moved reports
};

// Groups `reports` by cause. Causes come in the order of their first report,
// except that "same inputs" and "inputs unknown" come last. A report with no
// difference belongs to no cause unless it read a changed input.
std::vector<ChangeCause> GroupByCause(const std::vector<const ReportComparison*>& reports);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_CHANGE_CAUSES_H_
