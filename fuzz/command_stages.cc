#include "fuzz/command_stages.h"

#include <algorithm>
#include <sstream>

#include "fuzz/fuzz_input.h"
#include "tools/cli.h"

namespace podium {

std::optional<std::string> RunCommand(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"--quiet", "--reproducible"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::ostringstream out, err;
  const int code = RunPodium(argv, out, err);
  if (code != 0 && code != 1) return std::nullopt;
  const auto format = std::find(args.begin(), args.end(), "--format");
  if (format != args.end() && format + 1 != args.end() && format[1] == "json") {
    CheckReportJson(out.str());
  }
  return out.str();
}

}  // namespace podium
