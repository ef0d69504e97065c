#include "fuzz/fuzz_input.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/reporting/html_report.h"

namespace podium {
namespace {

std::string ScratchBase() {
  for (const char* variable : {"TEST_TMPDIR", "TMPDIR"}) {
    const char* value = std::getenv(variable);
    if (value != nullptr && *value != '\0') return value;
  }
  return std::filesystem::is_directory("/dev/shm") ? "/dev/shm" : "/tmp";
}

void RemoveScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(FuzzScratchDir(), ignored);
}

}  // namespace

const std::string& FuzzScratchDir() {
  static const std::string* dir = [] {
    auto* path = new std::string(ScratchBase() + "/podium-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(*path);
    std::atexit(RemoveScratchDir);
    return path;
  }();
  return *dir;
}

std::string WriteFuzzInput(const uint8_t* data, size_t size, const std::string& name) {
  return WriteFuzzInput(std::string_view(reinterpret_cast<const char*>(data), size), name);
}

std::string WriteFuzzInput(std::string_view bytes, const std::string& name) {
  const std::string path = FuzzScratchDir() + "/" + name;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) FuzzInvariantFailed("cannot write the fuzz input to " + path);
  return path;
}

const std::string& FuzzHome() {
  static const std::string* home = [] {
    const char* value = std::getenv("PODIUM_HOME");
    return new std::string(value != nullptr && *value != '\0' ? value : ".");
  }();
  return *home;
}

const Registry& FuzzRegistry() {
  static const Registry* registry = [] {
    Diagnostics diagnostics;
    auto* r = new Registry(Registry::Read(FuzzHome() + "/datasets/registry", &diagnostics));
    if (diagnostics.has_errors()) {
      diagnostics.Print(std::cerr);
      std::cerr << "fuzz: cannot read datasets/registry under " << FuzzHome()
                << " (set PODIUM_HOME to the repository)\n";
      std::exit(2);
    }
    return r;
  }();
  return *registry;
}

void FormatDiagnostics(const Diagnostics& diagnostics) {
  std::ostringstream text;
  diagnostics.Print(text);
}

void CheckReportJson(const std::string& json) {
  const nlohmann::ordered_json doc =
      nlohmann::ordered_json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) FuzzInvariantFailed("podium wrote JSON it cannot parse:\n" + json);
  (void)HtmlSection(doc, "fuzz");
}

void FuzzInvariantFailed(const std::string& message) {
  std::fprintf(stderr, "fuzz: invariant failed: %s\n", message.c_str());
  std::fflush(stderr);
  std::abort();
}

}  // namespace podium
