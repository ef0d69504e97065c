// Reading zip archives (Inspect AI's .eval logs) through libzip, as
// untrusted input: a bad archive is an error message, never a crash, and the
// limits below keep a small hostile file (a "zip bomb") from taking the
// machine's memory.
//
// libzip checks the central directory when opening (ZIP_CHECKCONS) and each
// member's CRC-32 when it has been read to its end, so a damaged member is an
// error here rather than wrong bytes.
#ifndef PODIUM_ENGINE_BASE_ZIP_ARCHIVE_H_
#define PODIUM_ENGINE_BASE_ZIP_ARCHIVE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct zip;  // libzip's zip_t

namespace podium {

// Most members an archive may have; more is refused when opening it.
inline constexpr int64_t kMaxZipMembers = 100'000;
// Largest uncompressed member Read returns (512 MiB). The size is checked
// both as the archive declares it and while decompressing, since the
// declaration is the attacker's to write.
inline constexpr int64_t kMaxZipMemberBytes = int64_t{512} << 20;

class ZipArchive {
 public:
  // Opens the zip archive at `path` for reading. nullptr when it cannot be
  // opened, is not a zip archive, is inconsistent, or has more than
  // kMaxZipMembers members; `error` (if not null) then says why, e.g.
  // "not a zip archive" or "1000001 members (at most 100000 are read)".
  static std::unique_ptr<ZipArchive> Open(const std::string& path, std::string* error);

  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Every member's name, in the archive's (central directory) order. Names
  // are as stored (libzip converts CP437 names to UTF-8); folders end in "/".
  const std::vector<std::string>& names() const { return names_; }

  // Whether a member is named `name` exactly.
  bool Has(const std::string& name) const;

  // The uncompressed bytes of the first member named `name`. nullopt when
  // there is none, when it is larger than `max_bytes` (at most
  // kMaxZipMemberBytes), or when it cannot be decompressed (unsupported
  // method, encryption, bad CRC); `error` (if not null) then says why.
  std::optional<std::string> Read(const std::string& name, std::string* error,
                                  int64_t max_bytes = kMaxZipMemberBytes) const;

 private:
  ZipArchive(::zip* archive, std::vector<std::string> names);

  ::zip* archive_;
  std::vector<std::string> names_;
};

// A zip archive holding `members` (name, bytes) in that order, deflated, as
// bytes (for tests and fuzz seeds: the writer of the archives podium reads
// is Inspect, not podium). nullopt with `error` set if libzip fails.
std::optional<std::string> MakeZipArchive(
    const std::vector<std::pair<std::string, std::string>>& members, std::string* error);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_ZIP_ARCHIVE_H_
