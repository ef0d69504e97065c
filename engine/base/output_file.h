// Writes a report, or anything podium outputs, without ever destroying what
// was at the path before. Every writer of podium goes through WriteOutputFile.
//
// What happens depends on what the path is (followed through symlinks):
//   - "-", /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N: written to
//     that open descriptor, as a shell redirection would (appending where the
//     shell opened it to append);
//   - a regular file, or nothing yet: the bytes go to a temporary file in the
//     same folder, which is fsynced and renamed over the target, and the
//     folder is fsynced. Readers see the old file or the whole new one; an
//     existing file keeps its permission bits (and, as root, its owner). On
//     any failure the old file is intact and no temporary file is left.
//     Missing parent folders are created;
//   - a symlink: the link stays a link; the file it points to is replaced by
//     the rules above (a dangling link gets its target created);
//   - anything else that can be opened for writing (a character device such as
//     /dev/null, a FIFO, a socket): written directly, never renamed over or
//     removed;
//   - a directory: an error.
#ifndef PODIUM_ENGINE_BASE_OUTPUT_FILE_H_
#define PODIUM_ENGINE_BASE_OUTPUT_FILE_H_

#include <string>
#include <string_view>

namespace podium {

// Writes `contents` to `path` as above. Returns false and sets `error` to a
// message naming the path and the operating system's reason ("cannot write
// /x/full: No space left on device") on failure.
bool WriteOutputFile(const std::string& path, std::string_view contents, std::string* error);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_OUTPUT_FILE_H_
