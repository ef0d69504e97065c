#include "engine/ingest/report_spec.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "engine/base/json_file.h"
#include "engine/ingest/statements.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// One entry; throws std::exception (nlohmann's or std::invalid_argument) when
// malformed, with spec->name set as far as it was read.
void ParseSpec(const Json& r, ReportSpec* spec) {
  spec->name = r.at("name").get<std::string>();
  spec->command = r.value("command", spec->command);
  if (spec->command != "leaderboard" && spec->command != "netwin" && spec->command != "h2h" &&
      spec->command != "arena") {
    throw std::invalid_argument("command must be leaderboard, arena, netwin or h2h");
  }
  const Json statements = r.value("statements", Json::array());
  for (const Json& statement : statements) ParseStatement(statement);
  spec->title = r.value("title", spec->name);
  spec->description = r.value("description", "");
  spec->args = r.at("args").get<std::vector<std::string>>();
  spec->has_statements = spec->command == "h2h" && !statements.empty();
  spec->formats = r.value("formats", spec->formats);
  if (spec->formats.empty()) throw std::invalid_argument("\"formats\" lists no format");
}

}  // namespace

std::vector<ReportSpec> ReadReportSpecs(const std::string& path, const std::string& shown,
                                        Diagnostics* diagnostics) {
  const std::optional<Json> parsed = ReadJsonFile(path, shown, diagnostics);
  if (!parsed) return {};
  const Json& doc = *parsed;
  std::vector<ReportSpec> specs;
  if (!doc.contains("reports") || !doc["reports"].is_array()) {
    diagnostics->Error(Location{shown, 1, 1}, "reports", "", "expected an array \"reports\"");
    return specs;
  }
  for (const Json& r : doc["reports"]) {
    ReportSpec spec;
    try {
      ParseSpec(r, &spec);
    } catch (const std::exception& e) {
      diagnostics->Error(Location{shown}, "reports", spec.name,
                         fmt::format("report \"{}\": {}", spec.name, e.what()));
      continue;
    }
    specs.push_back(std::move(spec));
  }
  return specs;
}

}  // namespace podium
