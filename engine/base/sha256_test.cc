#include "engine/base/sha256.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace podium {
namespace {

TEST(Sha256Test, KnownDigests) {  // FIPS 180-2 test vectors
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256Test, FileInBlocksMatchesTheWholeBytes) {
  // 3 MiB + 5 bytes: several 1 MiB blocks and a short last one.
  std::string bytes;
  for (int i = 0; i < (3 << 20) + 5; ++i) bytes += static_cast<char>('a' + i % 26);
  const std::string path =
      std::string(std::getenv("TEST_TMPDIR") ? std::getenv("TEST_TMPDIR") : "/tmp") +
      "/sha256_test.bin";
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  int64_t size = 0;
  EXPECT_EQ(Sha256File(path, &size), Sha256Hex(bytes));
  EXPECT_EQ(size, static_cast<int64_t>(bytes.size()));
  std::string error;
  EXPECT_EQ(Sha256File(path + ".missing", &size, &error), std::nullopt);
  EXPECT_EQ(error, "No such file or directory");
}

}  // namespace
}  // namespace podium
