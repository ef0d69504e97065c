// SHA-256 digests (OpenSSL libcrypto), for source documents and input files.
#ifndef PODIUM_ENGINE_BASE_SHA256_H_
#define PODIUM_ENGINE_BASE_SHA256_H_

#include <string>
#include <string_view>

namespace podium {

// The SHA-256 of `bytes` as 64 lowercase hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_SHA256_H_
