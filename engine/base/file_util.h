// Whole-file reads and path joining. Writes go through WriteOutputFile
// (output_file.h).
#ifndef PODIUM_ENGINE_BASE_FILE_UTIL_H_
#define PODIUM_ENGINE_BASE_FILE_UTIL_H_

#include <optional>
#include <string>

namespace podium {

// The bytes of `path`, or nullopt when it cannot be opened or read; `error`
// (if not null) then receives the reason from the operating system.
std::optional<std::string> ReadFile(const std::string& path, std::string* error = nullptr);

// `directory` + "/" + `file` (no doubled slash; just `file` when `directory`
// is empty).
std::string JoinPath(const std::string& directory, const std::string& file);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_FILE_UTIL_H_
