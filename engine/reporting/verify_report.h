// `podium verify`: a JSON report compared with what the command in its
// manifest makes now, and the verdict as Markdown.
//
// Every field is compared exactly (engine/check/report_check.h with no
// tolerance), the manifest left out. The inputs are compared by path: a file
// whose SHA-256 differs from the one in the report's manifest, a file the
// manifest lists and the re-run did not read, or one the re-run read and the
// manifest does not list, is named, since it explains a difference.
#ifndef PODIUM_ENGINE_REPORTING_VERIFY_REPORT_H_
#define PODIUM_ENGINE_REPORTING_VERIFY_REPORT_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/check/report_check.h"

namespace podium {

// The command of `report`'s manifest (its string elements, in order; the
// others are skipped, so it may be empty). nullopt, with an error at `shown`
// (field "manifest"), when the report has no "manifest" object with a
// non-empty "command" array: not a podium report, or one made before
// manifests.
std::optional<std::vector<std::string>> ManifestCommand(const nlohmann::ordered_json& report,
                                                        const std::string& shown,
                                                        Diagnostics* diagnostics);

struct Verification {
  ReportComparison comparison;  // `report` (baseline) against `rerun` (current)
  std::string markdown;         // "# podium verify", the verdict, the differences, the inputs
  bool reproduced() const { return comparison.changes.empty(); }
};

// Compares `report` (named `shown`) with `rerun`, the report its command
// (`command_line`, as the reader may run it) makes now. The table of
// differences says where the rest is with `full_list` (ChangesTable in
// check_report.h). nullopt, with the reason in *error, when the two have no
// or different schemas.
std::optional<Verification> VerifyReport(const std::string& shown, const std::string& command_line,
                                         const nlohmann::ordered_json& report,
                                         const nlohmann::ordered_json& rerun,
                                         const std::string& full_list, std::string* error);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_VERIFY_REPORT_H_
