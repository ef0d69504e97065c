#include "engine/check/change_causes.h"

#include <algorithm>

namespace podium {
namespace {

// Adds the claims that `report`'s changes under "claims.<id>." touch.
void CollectClaims(const ReportComparison& report, std::vector<ClaimEdit>* claims) {
  const std::string prefix = "claims.";
  for (const ReportChange& c : report.changes) {
    if (c.path.compare(0, prefix.size(), prefix) != 0) continue;
    const size_t dot = c.path.find('.', prefix.size());
    const std::string id = c.path.substr(prefix.size(), dot - prefix.size());
    auto it = std::find_if(claims->begin(), claims->end(),
                           [&](const ClaimEdit& e) { return e.id == id; });
    if (it == claims->end()) {
      claims->push_back({id, c.kind, std::nullopt, std::nullopt});
      it = claims->end() - 1;
    } else if (it->kind != c.kind) {
      it->kind = "changed";  // some fields added, others removed or changed
    }
    if (dot != std::string::npos && c.path.substr(dot + 1) == "value_text") {
      it->baseline = c.baseline;
      it->current = c.current;
    }
  }
}

}  // namespace

std::vector<ChangeCause> GroupByCause(const std::vector<const ReportComparison*>& reports) {
  std::vector<ChangeCause> causes;
  for (size_t k = 0; k < reports.size(); ++k) {
    const ReportComparison& r = *reports[k];
    std::vector<InputChange> inputs = r.inputs.changes;
    std::sort(inputs.begin(), inputs.end());
    const bool moved = !r.changes.empty();
    if (!moved && (!r.inputs.known || inputs.empty())) continue;  // nothing to explain
    auto it = std::find_if(causes.begin(), causes.end(), [&](const ChangeCause& c) {
      return c.inputs_known == r.inputs.known && c.inputs == inputs;
    });
    if (it == causes.end()) {
      causes.push_back({r.inputs.known, inputs, {}, {}, {}});
      it = causes.end() - 1;
    }
    (moved ? it->moved : it->unmoved).push_back(k);
    if (moved) CollectClaims(r, &it->claims);
  }
  // Unknown inputs last, same inputs just before them; otherwise first seen.
  auto rank = [](const ChangeCause& c) { return !c.inputs_known ? 2 : c.inputs.empty() ? 1 : 0; };
  std::stable_sort(causes.begin(), causes.end(),
                   [&](const ChangeCause& a, const ChangeCause& b) { return rank(a) < rank(b); });
  return causes;
}

}  // namespace podium
