#include "engine/base/sha256.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include "engine/base/check.h"

namespace podium {

namespace {

std::string Hex(const unsigned char* digest, unsigned int length) {
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 15];
  }
  return hex;
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  PODIUM_CHECK(EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) == 1);
  return Hex(digest, length);
}

std::optional<std::string> Sha256File(const std::string& path, int64_t* bytes, std::string* error) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), std::fclose);
  if (!file) {
    if (error != nullptr) *error = std::strerror(errno);
    return std::nullopt;
  }
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  PODIUM_CHECK(context && EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) == 1);
  std::vector<char> block(1 << 20);
  *bytes = 0;
  while (size_t n = std::fread(block.data(), 1, block.size(), file.get())) {
    PODIUM_CHECK(EVP_DigestUpdate(context.get(), block.data(), n) == 1);
    *bytes += static_cast<int64_t>(n);
  }
  if (std::ferror(file.get())) {
    if (error != nullptr) *error = "read error";
    return std::nullopt;
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  PODIUM_CHECK(EVP_DigestFinal_ex(context.get(), digest, &length) == 1);
  return Hex(digest, length);
}

}  // namespace podium
