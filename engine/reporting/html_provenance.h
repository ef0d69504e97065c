// Where the numbers of an HTML report come from: the claims behind a cell,
// from the report's "claims" and "sources" objects, and how the report itself
// was made, from its "manifest" (both described in docs/formats.md).
//
// A number with claims shows them twice: in the hover title of its cell (one
// line of plain text per claim) and in a <details class="prov"> element that
// opens without JavaScript (one list item per claim). Each names the claim
// id, the source document's title and file, the line, the kind (table or
// prose), the model and benchmark as written there and the value as printed,
// with the claim's metric, setting and notes.
#ifndef PODIUM_ENGINE_REPORTING_HTML_PROVENANCE_H_
#define PODIUM_ENGINE_REPORTING_HTML_PROVENANCE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/reporting/html_table.h"

namespace podium {

// The claims of one report. Keeps references into `report`, which must
// outlive it. A claim id the report does not describe is shown by its id.
class ClaimProvenance {
 public:
  explicit ClaimProvenance(const nlohmann::ordered_json& report);

  // One line of plain text: "ID: TITLE (FILE), line N, KIND: “MODEL” on
  // “BENCHMARK” = VALUE [METRIC, SETTING]" (the source id when the report has
  // no such source; "ID: from per-item results (NOTES) = VALUE" for a claim
  // without a source; "claim ID" for an unknown id).
  std::string Line(const std::string& id) const;

  // The same as an HTML list item (<li>), the title in <cite>, with the
  // claim's notes under it.
  std::string Item(const std::string& id) const;

  // A numeric cell showing `shown` (escaped here) with data-sort `sort`: the
  // claims `ids` in its hover title and in a <details class="prov"> element;
  // a plain numeric cell when `ids` is empty.
  TableCell Wrap(const std::string& shown, const std::string& sort,
                 const std::vector<std::string>& ids) const;

  // The value as printed in the document of the first of `ids` ("65.0"), or
  // "" when there is none or the report does not carry it.
  std::string ValueText(const std::vector<std::string>& ids) const;

 private:
  const nlohmann::ordered_json& claims_;
  const nlohmann::ordered_json& sources_;
};

// How the report was made, from its manifest: the command, podium's version
// and commit, seed and rounds, each input with its rows and SHA-256, and what
// was left out, as a <details class="manifest"> list (closed by default; a
// list, not a table, so that it does not join the sortable tables). "" when
// the report has no manifest object.
std::string ManifestDetails(const nlohmann::ordered_json& report);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_PROVENANCE_H_
