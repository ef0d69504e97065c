// The regression test of a fuzz target: one test case per file given as an
// argument or found in a folder given (the target's seed corpus,
// fuzz/corpus/NAME, its findings, fuzz/regressions/NAME, and project files
// that are seeds too, such as datasets/claims), each run once through the
// target's LLVMFuzzerTestOneInput. A crash, an uncaught exception or an
// invariant failure ends the test binary, and so fails the test; under
// `tools/test --sanitize` the sanitizers check the same runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/base/file_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

class ReplayTest : public testing::Test {
 public:
  explicit ReplayTest(std::string path) : path_(std::move(path)) {}
  void TestBody() override {
    std::string error;
    const std::optional<std::string> bytes = podium::ReadFile(path_, &error);
    ASSERT_TRUE(bytes.has_value()) << path_ << ": " << error;
    EXPECT_EQ(
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size()), 0);
  }

 private:
  std::string path_;
};

}  // namespace

int main(int argc, char** argv) {
  testing::InitGoogleTest(&argc, argv);
  std::vector<std::string> files;
  for (int k = 1; k < argc; ++k) {
    if (std::filesystem::is_regular_file(argv[k])) files.push_back(argv[k]);
    if (!std::filesystem::is_directory(argv[k])) continue;  // e.g. no findings yet
    for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[k])) {
      if (entry.is_regular_file() && entry.path().filename() != "README.md") {
        files.push_back(entry.path().string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::fprintf(stderr, "no inputs to replay in the folders given\n");
    return 1;
  }
  for (const std::string& file : files) {
    // Suite "fuzz_regressions_claims", test "crash-1234...": where the file is.
    const std::filesystem::path path(file);
    std::string suite = path.parent_path().string();
    std::replace(suite.begin(), suite.end(), '/', '_');
    testing::RegisterTest(suite.c_str(), path.filename().c_str(), nullptr, nullptr, __FILE__,
                          __LINE__, [file]() -> testing::Test* { return new ReplayTest(file); });
  }
  return RUN_ALL_TESTS();
}
