#include "engine/base/zip_archive.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace podium {
namespace {

std::string TempPath(const std::string& name) {
  const char* dir = std::getenv("TEST_TMPDIR");
  return std::string(dir != nullptr ? dir : "/tmp") + "/" + name;
}

std::string WriteBytes(const std::string& name, const std::string& bytes) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

std::string MakeOrDie(const std::vector<std::pair<std::string, std::string>>& members) {
  std::string error;
  std::optional<std::string> bytes = MakeZipArchive(members, &error);
  EXPECT_TRUE(bytes.has_value()) << error;
  return bytes.value_or("");
}

TEST(ZipArchiveTest, ListsAndReadsMembers) {
  const std::string big(100000, 'x');  // compresses, so deflate really runs
  const std::string path = WriteBytes(
      "two.zip", MakeOrDie({{"header.json", "{\"a\": 1}\n"}, {"samples/1_epoch_1.json", big}}));
  std::string error;
  std::unique_ptr<ZipArchive> zip = ZipArchive::Open(path, &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_EQ(zip->names(), (std::vector<std::string>{"header.json", "samples/1_epoch_1.json"}));
  EXPECT_TRUE(zip->Has("header.json"));
  EXPECT_FALSE(zip->Has("header"));
  EXPECT_EQ(zip->Read("header.json", &error), "{\"a\": 1}\n");
  EXPECT_EQ(zip->Read("samples/1_epoch_1.json", &error), big);
}

TEST(ZipArchiveTest, MissingMemberIsAnError) {
  const std::string path = WriteBytes("one.zip", MakeOrDie({{"a", "1"}}));
  std::string error;
  std::unique_ptr<ZipArchive> zip = ZipArchive::Open(path, &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_EQ(zip->Read("b", &error), std::nullopt);
  EXPECT_EQ(error, "no member named \"b\"");
}

TEST(ZipArchiveTest, MemberOverTheLimitIsRefused) {
  const std::string path = WriteBytes("limit.zip", MakeOrDie({{"a", std::string(1000, 'y')}}));
  std::string error;
  std::unique_ptr<ZipArchive> zip = ZipArchive::Open(path, &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_EQ(zip->Read("a", &error, 999), std::nullopt);
  EXPECT_EQ(error, "member \"a\" is 1000 bytes uncompressed (at most 999 are read)");
  EXPECT_EQ(zip->Read("a", &error, 1000), std::string(1000, 'y'));
}

TEST(ZipArchiveTest, NotAZipArchive) {
  std::string error;
  EXPECT_EQ(ZipArchive::Open(WriteBytes("text.zip", "{\"not\": \"a zip\"}"), &error), nullptr);
  EXPECT_EQ(error, "Not a zip archive");
  EXPECT_EQ(ZipArchive::Open(TempPath("absent.zip"), &error), nullptr);
  EXPECT_EQ(error, "No such file");
}

TEST(ZipArchiveTest, TruncatedArchiveIsAnErrorNotACrash) {
  const std::string bytes = MakeOrDie({{"a", std::string(5000, 'z')}, {"b", "bb"}});
  for (size_t cut : {size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    std::string error;
    EXPECT_EQ(ZipArchive::Open(WriteBytes("cut.zip", bytes.substr(0, cut)), &error), nullptr)
        << cut;
    EXPECT_FALSE(error.empty());
  }
}

TEST(ZipArchiveTest, CorruptedMemberDataIsAnError) {
  std::string bytes = MakeOrDie({{"a", std::string(5000, 'z') + std::string(5000, 'q')}});
  bytes[40] ^= 0x55;  // inside the deflated data of "a" (its local header is 31 bytes)
  std::string error;
  std::unique_ptr<ZipArchive> zip = ZipArchive::Open(WriteBytes("bad.zip", bytes), &error);
  ASSERT_NE(zip, nullptr) << error;
  EXPECT_EQ(zip->Read("a", &error), std::nullopt);
  EXPECT_FALSE(error.empty());
}

TEST(ZipArchiveTest, TooManyMembersAreRefused) {
  std::vector<std::pair<std::string, std::string>> members;
  for (int64_t k = 0; k <= kMaxZipMembers; ++k) members.emplace_back(std::to_string(k), "");
  std::string error;
  EXPECT_EQ(ZipArchive::Open(WriteBytes("many.zip", MakeOrDie(members)), &error), nullptr);
  EXPECT_EQ(error, "100001 members (at most 100000 are read)");
}

}  // namespace
}  // namespace podium
