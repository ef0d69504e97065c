// A JSON file read whole and parsed, with every problem located: reports,
// reports.json and other small JSON documents podium reads.
#ifndef PODIUM_ENGINE_BASE_JSON_FILE_H_
#define PODIUM_ENGINE_BASE_JSON_FILE_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "engine/base/diagnostic.h"

namespace podium {

// Reads and parses the JSON file at `path`. A read problem, a file over 256
// MiB, nesting deeper than kMaxJsonDepth or a parse error is an error
// diagnostic at `shown` (with line and column where there is one), and
// nullopt is returned.
std::optional<nlohmann::ordered_json> ReadJsonFile(const std::string& path,
                                                   const std::string& shown,
                                                   Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_JSON_FILE_H_
