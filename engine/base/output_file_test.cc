#include "engine/base/output_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace podium {
namespace {

namespace fs = std::filesystem;

// Never the machine's own /dev entries: every target lives in a fresh folder.
class OutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* tmp = std::getenv("TEST_TMPDIR");
    dir_ = fs::path(tmp != nullptr ? tmp : "/tmp") /
           ("output_file_test." + std::to_string(::getpid()) + "." +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_ / "ro", fs::perms::owner_all, ec);
    fs::remove_all(dir_, ec);
  }
  std::string P(const std::string& name) const { return (dir_ / name).string(); }
  static std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  static void Put(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }
  // Names in the folder, to see that no temporary file is left.
  std::vector<std::string> Listing(const fs::path& folder) const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(folder)) out.push_back(e.path().filename());
    std::sort(out.begin(), out.end());
    return out;
  }
  fs::path dir_;
};

TEST_F(OutputFileTest, NewAndExistingRegularFilesKeepTheirPermissions) {
  std::string error;
  ASSERT_TRUE(WriteOutputFile(P("sub/new.md"), "one\n", &error)) << error;
  EXPECT_EQ(Slurp(P("sub/new.md")), "one\n");
  Put(P("old.md"), "old");
  ASSERT_EQ(::chmod(P("old.md").c_str(), 0640), 0);
  ASSERT_TRUE(WriteOutputFile(P("old.md"), "new", &error)) << error;
  EXPECT_EQ(Slurp(P("old.md")), "new");
  struct stat st;
  ASSERT_EQ(::stat(P("old.md").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(Listing(dir_), (std::vector<std::string>{"old.md", "sub"}));
}

TEST_F(OutputFileTest, ASymlinkStaysALinkAndItsTargetIsReplaced) {
  fs::create_directories(dir_ / "a");
  fs::create_directories(dir_ / "b");
  Put(P("b/report.json"), "old");
  fs::create_symlink("../b/report.json", dir_ / "a" / "link.json");
  fs::create_symlink(dir_ / "b" / "later.json", dir_ / "a" / "dangling.json");
  std::string error;
  ASSERT_TRUE(WriteOutputFile(P("a/link.json"), "new", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir_ / "a" / "link.json"));
  EXPECT_EQ(Slurp(P("b/report.json")), "new");
  ASSERT_TRUE(WriteOutputFile(P("a/dangling.json"), "made", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir_ / "a" / "dangling.json"));
  EXPECT_EQ(Slurp(P("b/later.json")), "made");
  EXPECT_EQ(Listing(dir_ / "a"), (std::vector<std::string>{"dangling.json", "link.json"}));
  EXPECT_EQ(Listing(dir_ / "b"), (std::vector<std::string>{"later.json", "report.json"}));
}

TEST_F(OutputFileTest, AFifoWithAReaderIsWrittenAndStaysAFifo) {
  ASSERT_EQ(::mkfifo(P("pipe").c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = Slurp(P("pipe")); });
  std::string error;
  const bool ok = WriteOutputFile(P("pipe"), "through the pipe\n", &error);
  reader.join();
  EXPECT_TRUE(ok) << error;
  EXPECT_EQ(received, "through the pipe\n");
  struct stat st;
  ASSERT_EQ(::lstat(P("pipe").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
}

// mknod needs root (CAP_MKNOD); without it the device tests say so and skip.
bool MakeCharDevice(const std::string& path, int major, int minor) {
  return ::mknod(path.c_str(), S_IFCHR | 0666, makedev(major, minor)) == 0;
}

TEST_F(OutputFileTest, ANullDeviceIsWrittenAndStaysADevice) {
  if (!MakeCharDevice(P("null"), 1, 3)) {
    GTEST_SKIP() << "cannot mknod a character device here (not root): " << std::strerror(errno);
  }
  std::string error;
  EXPECT_TRUE(WriteOutputFile(P("null"), "discarded", &error)) << error;
  struct stat st;
  ASSERT_EQ(::lstat(P("null").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(Listing(dir_), (std::vector<std::string>{"null"}));
}

TEST_F(OutputFileTest, AFullDeviceIsAClearError) {
  if (!MakeCharDevice(P("full"), 1, 7)) {
    GTEST_SKIP() << "cannot mknod a character device here (not root): " << std::strerror(errno);
  }
  std::string error;
  EXPECT_FALSE(WriteOutputFile(P("full"), "x", &error));
  EXPECT_EQ(error, "cannot write " + P("full") + ": No space left on device");
  struct stat st;
  ASSERT_EQ(::lstat(P("full").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
}

TEST_F(OutputFileTest, AReadOnlyFolderFailsAndLeavesTheTargetAlone) {
  fs::create_directories(dir_ / "ro");
  Put(P("ro/report.md"), "keep me");
  ASSERT_EQ(::chmod(P("ro").c_str(), 0555), 0);
  // Root ignores folder permissions: the write is tried by an unprivileged
  // child process then.
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(3);
    std::string error;
    const bool ok = WriteOutputFile(P("ro/report.md"), "lost?", &error);
    const bool named = error.find("Permission denied") != std::string::npos;
    ::_exit(ok ? 1 : named ? 0 : 2);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 3) GTEST_SKIP() << "cannot drop root privileges here";
  EXPECT_EQ(WEXITSTATUS(status), 0) << "the write did not fail with 'Permission denied'";
  EXPECT_EQ(Slurp(P("ro/report.md")), "keep me");
  EXPECT_EQ(Listing(dir_ / "ro"), (std::vector<std::string>{"report.md"}));
}

TEST_F(OutputFileTest, AFileInTheWayOfAFolderIsAnError) {
  Put(P("blocker"), "x");
  std::string error;
  EXPECT_FALSE(WriteOutputFile(P("blocker/report.md"), "x", &error));
  EXPECT_NE(error.find("Not a directory"), std::string::npos) << error;
  EXPECT_EQ(Slurp(P("blocker")), "x");
}

TEST_F(OutputFileTest, AFolderIsRefused) {
  std::string error;
  EXPECT_FALSE(WriteOutputFile(dir_.string(), "x", &error));
  EXPECT_NE(error.find("it is a folder"), std::string::npos) << error;
}

TEST_F(OutputFileTest, DescriptorPathsWriteToTheOpenDescriptor) {
  // /dev/fd/N of a descriptor opened to append: the write appends, as a
  // shell redirection would, and the file is not replaced.
  Put(P("log"), "before\n");
  const int fd = ::open(P("log").c_str(), O_WRONLY | O_APPEND);
  ASSERT_GE(fd, 0);
  struct stat before;
  ASSERT_EQ(::stat(P("log").c_str(), &before), 0);
  std::string error;
  EXPECT_TRUE(WriteOutputFile("/dev/fd/" + std::to_string(fd), "after\n", &error)) << error;
  ::close(fd);
  struct stat after;
  ASSERT_EQ(::stat(P("log").c_str(), &after), 0);
  EXPECT_EQ(before.st_ino, after.st_ino);
  EXPECT_EQ(Slurp(P("log")), "before\nafter\n");
}

}  // namespace
}  // namespace podium
