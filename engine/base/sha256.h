// SHA-256 digests (OpenSSL libcrypto), for source documents and input files.
#ifndef PODIUM_ENGINE_BASE_SHA256_H_
#define PODIUM_ENGINE_BASE_SHA256_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace podium {

// The SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

// The SHA-256 of the file at `path`, read in 1 MiB blocks (a large battles
// file is never held in memory); `*bytes` receives its size. nullopt when it
// cannot be opened or read, with the reason in `*error` (if not null).
std::optional<std::string> Sha256File(const std::string& path, int64_t* bytes,
                                      std::string* error = nullptr);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_SHA256_H_
