#include "engine/base/output_file.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <optional>

namespace podium {
namespace {

namespace fs = std::filesystem;

std::string Reason(const std::string& what, const std::string& path) {
  return fmt::format("cannot {} {}: {}", what, path, std::strerror(errno));
}

// Writes all of `contents` to `fd`, retrying short writes and interrupts.
bool WriteAll(int fd, std::string_view contents) {
  while (!contents.empty()) {
    const ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      return false;
    }
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// The descriptor a path names, when it names one that is already open:
// "-", /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N.
std::optional<int> OpenDescriptorOf(const std::string& path) {
  if (path == "-" || path == "/dev/stdout") return 1;
  if (path == "/dev/stderr") return 2;
  for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
    if (path.size() > prefix.size() && path.compare(0, prefix.size(), prefix) == 0) {
      const std::string digits = path.substr(prefix.size());
      if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 6) {
        return std::nullopt;
      }
      return std::atoi(digits.c_str());
    }
  }
  return std::nullopt;
}

// Follows symlinks from `path` to the path of what they finally point to
// (which may not exist yet). Relative link targets are taken relative to the
// link's folder. Fails on a loop.
bool ResolveLinks(std::string path, std::string* resolved, std::string* error) {
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st;
    if (OpenDescriptorOf(path) || ::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) {
      *resolved = path;
      return true;
    }
    std::string target(static_cast<size_t>(st.st_size > 0 ? st.st_size : 4096) + 1, '\0');
    const ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
    if (n < 0) {
      *error = Reason("read the link", path);
      return false;
    }
    target.resize(static_cast<size_t>(n));
    if (target.empty() || target[0] != '/') {
      target = (fs::path(path).parent_path() / target).string();
    }
    path = target;
  }
  *error = fmt::format("cannot write {}: too many levels of symbolic links", path);
  return false;
}

// Writes straight into what `path` is (a device, a FIFO): no rename, no remove.
bool WriteInPlace(const std::string& path, std::string_view contents, std::string* error) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    *error = Reason("open", path);
    return false;
  }
  const bool written = WriteAll(fd, contents);
  const std::string reason = written ? "" : Reason("write", path);
  if (::close(fd) != 0 && written) {
    *error = Reason("write", path);
    return false;
  }
  if (!written) *error = reason;
  return written;
}

bool SyncFolder(const std::string& folder, std::string* error) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    *error = Reason("open the folder", folder);
    return false;
  }
  // Some file systems cannot sync a folder (EINVAL): the rename stands.
  const bool synced = ::fsync(fd) == 0 || errno == EINVAL;
  if (!synced) *error = Reason("sync the folder", folder);
  ::close(fd);
  return synced;
}

// The temporary file, written and synced; removed again on failure.
bool WriteTemporary(const std::string& temp, int fd, std::string_view contents,
                    const struct stat* existing, std::string* error) {
  mode_t mode;
  if (existing != nullptr) {
    mode = existing->st_mode & 07777;
    // As root, keep the owner too (anyone else cannot give a file away).
    if (::geteuid() == 0 && ::fchown(fd, existing->st_uid, existing->st_gid) != 0) {
      *error = Reason("set the owner of", temp);
      return false;
    }
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) {
    *error = Reason("set the permissions of", temp);
    return false;
  }
  if (!WriteAll(fd, contents)) {
    *error = Reason("write", temp);
    return false;
  }
  if (::fsync(fd) != 0) {
    *error = Reason("sync", temp);
    return false;
  }
  return true;
}

// The regular-file case: temporary file, fsync, rename, fsync of the folder.
bool ReplaceRegularFile(const std::string& target, std::string_view contents,
                        const struct stat* existing, std::string* error) {
  const fs::path folder_path = fs::path(target).parent_path();
  const std::string folder = folder_path.empty() ? "." : folder_path.string();
  std::error_code ec;
  if (!folder_path.empty()) fs::create_directories(folder_path, ec);
  if (ec) {
    *error = fmt::format("cannot create the folder {}: {}", folder, ec.message());
    return false;
  }
  std::string temp =
      (fs::path(folder) / ("." + fs::path(target).filename().string() + ".podium-XXXXXX")).string();
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    *error = fmt::format("cannot write {}: cannot create a temporary file in {}: {}", target,
                         folder, std::strerror(errno));
    return false;
  }
  bool ok = WriteTemporary(temp, fd, contents, existing, error);
  if (::close(fd) != 0 && ok) {
    *error = Reason("write", temp);
    ok = false;
  }
  if (ok && ::rename(temp.c_str(), target.c_str()) != 0) {
    *error = fmt::format("cannot replace {}: {}", target, std::strerror(errno));
    ok = false;
  }
  if (!ok) {
    ::unlink(temp.c_str());
    return false;
  }
  return SyncFolder(folder, error);
}

}  // namespace

bool WriteOutputFile(const std::string& path, std::string_view contents, std::string* error) {
  if (path.empty()) {
    *error = "cannot write: no output path";
    return false;
  }
  std::string target;
  if (!ResolveLinks(path, &target, error)) return false;
  if (const std::optional<int> fd = OpenDescriptorOf(target)) {
    if (!WriteAll(*fd, contents)) {
      *error = Reason("write", path);
      return false;
    }
    return true;
  }
  struct stat st;
  if (::stat(target.c_str(), &st) != 0) {
    if (errno != ENOENT) {
      *error = Reason("write", path);
      return false;
    }
    return ReplaceRegularFile(target, contents, nullptr, error);
  }
  if (S_ISREG(st.st_mode)) return ReplaceRegularFile(target, contents, &st, error);
  if (S_ISDIR(st.st_mode)) {
    *error = fmt::format("cannot write {}: it is a folder", path);
    return false;
  }
  return WriteInPlace(target, contents, error);
}

}  // namespace podium
