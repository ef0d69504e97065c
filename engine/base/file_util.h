// Whole-file reads and crash-safe writes.
#ifndef PODIUM_ENGINE_BASE_FILE_UTIL_H_
#define PODIUM_ENGINE_BASE_FILE_UTIL_H_

#include <optional>
#include <string>

namespace podium {

// The bytes of `path`, or nullopt when it cannot be opened or read; `error`
// (if not null) then receives the reason from the operating system.
std::optional<std::string> ReadFile(const std::string& path, std::string* error = nullptr);

// Writes `contents` to a temporary file next to `path` and renames it into
// place, so readers see either the old file or the whole new one, never a
// half-written report. Creates missing parent directories. Returns false and
// fills `error` on failure (the temporary file is removed).
bool WriteFileAtomically(const std::string& path, const std::string& contents, std::string* error);

// `directory` + "/" + `file` (no doubled slash; just `file` when `directory`
// is empty).
std::string JoinPath(const std::string& directory, const std::string& file);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_FILE_UTIL_H_
