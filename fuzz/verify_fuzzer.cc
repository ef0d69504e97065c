// Fuzz target: a JSON report as `podium verify` reads it
// (tools/verify_command.h): its manifest's command is re-run on the
// project's datasets and the result compared with the report.
//
// To keep every run short and inside the project, the target skips (returns
// at once) a report whose manifest command has an argument that mentions
// rounds or threads, starts with '/' or contains "..": the re-run then uses
// the default rounds and reads only files of the project.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "fuzz/fuzz_input.h"
#include "tools/verify_command.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// True when the manifest's command (if any) could run long or read outside
// the project.
bool Unbounded(const Json& doc) {
  if (!doc.is_object() || !doc.contains("manifest") || !doc["manifest"].is_object()) return false;
  const Json& manifest = doc["manifest"];
  if (!manifest.contains("command") || !manifest["command"].is_array()) return false;
  for (const Json& arg : manifest["command"]) {
    if (!arg.is_string()) continue;
    const std::string& a = arg.get_ref<const std::string&>();
    if (a.find("rounds") != std::string::npos || a.find("threads") != std::string::npos ||
        a.find("..") != std::string::npos || (!a.empty() && a[0] == '/')) {
      return true;
    }
  }
  return false;
}

void RunVerifyInput(const uint8_t* data, size_t size) {
  static const bool home_set = [] {
    return setenv("PODIUM_HOME", FuzzHome().c_str(), /*overwrite=*/0) == 0;
  }();
  (void)home_set;
  const Json doc = Json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
  if (Unbounded(doc)) return;
  VerifyRequest request;
  request.report = WriteFuzzInput(data, size, "report.json");
  std::ostringstream out, err;
  RunVerify(request, out, err);
}

}  // namespace
}  // namespace podium

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunVerifyInput(data, size);
  return 0;
}
