// main() of a fuzz target built without libFuzzer (the default gcc build):
// runs LLVMFuzzerTestOneInput once on every file named on the command line,
// or on every file of a folder named there, and says how many it ran. The
// same binary built with --config=fuzz is the libFuzzer driver instead.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/base/file_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  std::vector<std::string> files;
  for (int k = 1; k < argc; ++k) {
    if (std::filesystem::is_directory(argv[k])) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[k])) {
        if (entry.is_regular_file()) files.push_back(entry.path().string());
      }
    } else {
      files.push_back(argv[k]);
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    std::string error;
    const std::optional<std::string> bytes = podium::ReadFile(file, &error);
    if (!bytes) {
      std::fprintf(stderr, "%s: cannot read: %s\n", file.c_str(), error.c_str());
      return 2;
    }
    std::fprintf(stderr, "running %s\n", file.c_str());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes->data()), bytes->size());
  }
  std::fprintf(stderr, "ran %zu inputs\n", files.size());
  return 0;
}
