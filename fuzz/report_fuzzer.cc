// Fuzz target: a JSON report as `podium check` reads it (ReadJsonFile,
// CompareReports in engine/check/report_check.h) and as `--format html`
// renders it (HtmlSection).
//
// The input is checked against itself and against the committed report of
// the same schema (reports/*.json; mmlu.json when no schema matches) in both
// directions, with --json output, and tolerances picked by the input's size.
// Invariant: a report compared with itself has no regression (exit 0, or 2
// when it is not a report at all).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "engine/base/file_util.h"
#include "engine/reporting/html_report.h"
#include "fuzz/fuzz_input.h"
#include "tools/check_command.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// Committed report path by schema.
const std::map<std::string, std::string>& CommittedReports() {
  static const auto* reports = [] {
    auto* out = new std::map<std::string, std::string>;
    const std::string dir = FuzzHome() + "/reports";
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      const std::optional<std::string> text = ReadFile(entry.path().string());
      const Json doc = Json::parse(text.value_or(""), nullptr, false);
      if (doc.is_object() && doc.contains("schema") && doc["schema"].is_string()) {
        out->emplace(doc["schema"].get<std::string>(), entry.path().string());
      }
    }
    if (out->empty()) FuzzInvariantFailed("no committed reports in " + dir);
    return out;
  }();
  return *reports;
}

int Check(const std::string& baseline, const std::string& current, size_t variant) {
  CheckRequest request;
  request.baseline = baseline;
  request.current = current;
  request.abs_tol = variant % 3 == 0 ? 0 : 0.01;
  request.rel_tol = variant % 5 == 0 ? 0.001 : 0;
  request.allow_within_interval = variant % 2 == 1;
  request.json = FuzzScratchDir() + "/check.json";
  std::ostringstream out, err;
  return RunCheck(request, out, err);
}

void RunReport(const uint8_t* data, size_t size) {
  const std::string path = WriteFuzzInput(data, size, "report.json");
  const Json doc = Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_discarded()) (void)HtmlSection(doc, "report");

  const int self = Check(path, path, size);
  if (self != 0 && self != 2) FuzzInvariantFailed("a report differs from itself");
  std::string committed = FuzzHome() + "/reports/mmlu.json";
  if (doc.is_object() && doc.contains("schema") && doc["schema"].is_string()) {
    auto it = CommittedReports().find(doc["schema"].get<std::string>());
    if (it != CommittedReports().end()) committed = it->second;
  }
  Check(committed, path, size);
  Check(path, committed, size);
}

}  // namespace
}  // namespace podium

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunReport(data, size);
  return 0;
}
