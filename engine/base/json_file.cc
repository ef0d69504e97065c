#include "engine/base/json_file.h"

#include <fmt/format.h>

#include "engine/base/file_util.h"
#include "engine/base/json_input.h"
#include "engine/base/text_position.h"

namespace podium {

std::optional<nlohmann::ordered_json> ReadJsonFile(const std::string& path,
                                                   const std::string& shown,
                                                   Diagnostics* diagnostics) {
  std::string error;
  std::optional<std::string> text = ReadFile(path, &error);
  if (!text) {
    diagnostics->Error(Location{shown}, "", "", "cannot read file: " + error);
    return std::nullopt;
  }
  // Reports and reports.json are small: a limit keeps a wrong file (a
  // battles dump given as a report) from taking all memory.
  constexpr size_t kMaxReportBytes = size_t{256} << 20;
  if (text->size() > kMaxReportBytes) {
    diagnostics->Error(Location{shown}, "", "",
                       fmt::format("file too large for a report ({} bytes; the limit is {} MiB)",
                                   text->size(), kMaxReportBytes >> 20));
    return std::nullopt;
  }
  const size_t deep = FindJsonTooDeep(*text);
  if (deep != std::string::npos) {
    const TextPosition pos = PositionOf(*text, deep);
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth));
    return std::nullopt;
  }
  try {
    return nlohmann::ordered_json::parse(*text);
  } catch (const nlohmann::ordered_json::parse_error& e) {
    const TextPosition pos = PositionOf(*text, e.byte > 0 ? e.byte - 1 : 0);
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       "invalid JSON: " + JsonErrorReason(e.what()));
    return std::nullopt;
  } catch (const nlohmann::ordered_json::exception& e) {  // e.g. 1e309: no offset
    const TextPosition pos = PositionOf(*text, LocateJsonToken(*text, e.what()));
    diagnostics->Error(Location{shown, pos.line, pos.column}, "", "",
                       "invalid JSON: " + JsonErrorReason(e.what()));
    return std::nullopt;
  }
}

}  // namespace podium
