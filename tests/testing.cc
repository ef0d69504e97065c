#include "tests/testing.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/base/file_util.h"

namespace podium::testing {

namespace fs = std::filesystem;

std::string TempDir() {
  static std::atomic<int> counter{0};
  const char* base = std::getenv("TEST_TMPDIR");
  fs::path dir = fs::path(base != nullptr ? base : "/tmp") /
                 ("podium_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir.string();
}

std::string WriteFile(const std::string& dir, const std::string& name, const std::string& content) {
  fs::path path = fs::path(dir) / name;
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

std::vector<std::string> Formatted(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.all()) out.push_back(FormatDiagnostic(d));
  return out;
}

namespace {
const char kModels[] =
    "id,name,organization,aliases\n"
    "m1,Model One,Org,모델1|M-1\n"
    "m2,Model Two,Org,모델2\n"
    "m3,Model Three,Org,모델3\n"
    "m4,Model Four,Org,모델4\n";
const char kBenchmarks[] =
    "id,name,aliases,category,metric,higher_is_better,n_items,chance,max\n"
    "b1,Bench One,B-1|벤치1,knowledge,accuracy,true,1000,25,100\n"
    "b2,Bench Two,,code,pass@1,true,164,0,100\n"
    "low,Lower Better,,other,error,false,,,\n";
const char kSources[] =
    "id,file,title,publisher,date,sha256\n"
    "s1,s1.txt,Source One,P,2024-01,\n"
    "s2,s2.txt,Source Two,P,2024-05,\n";
}  // namespace

std::string WriteSmallRegistry(const std::string& dir) {
  WriteFile(dir, "models.csv", kModels);
  WriteFile(dir, "benchmarks.csv", kBenchmarks);
  WriteFile(dir, "sources.csv", kSources);
  return dir;
}

Registry SmallRegistry() {
  Diagnostics diagnostics;
  const std::string dir = WriteSmallRegistry(TempDir());
  Registry registry = Registry::Read(dir, &diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  return registry;
}

Claim MakeClaim(const std::string& id, const std::string& model, const std::string& benchmark,
                double value, const std::string& source) {
  Claim c;
  c.id = id;
  c.model = model;
  c.benchmark = benchmark;
  c.value = value;
  c.value_text = std::to_string(value);
  c.unit = "points";
  c.source = source;
  c.line = 1;
  c.model_as_written = model;
  c.benchmark_as_written = benchmark;
  c.origin = Location{"claims.csv", 2, 1};
  return c;
}

std::string Runfile(const std::string& workspace_path) {
  const char* dir = std::getenv("TEST_SRCDIR");
  if (dir == nullptr) return workspace_path;
  return std::string(dir) + "/podium/" + workspace_path;
}

PodiumRun RunPodium(const std::string& dir, const std::string& args) {
  const std::string bin = fs::absolute(Runfile("tools/podium_bin")).string();
  const std::string command =
      "cd '" + dir + "' && '" + bin + "' " + args + " >stdout.txt 2>stderr.txt";
  const int status = std::system(command.c_str());
  PodiumRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.signalled = r.exit_code > 128 || WIFSIGNALED(status);
  r.out = ReadFile(dir + "/stdout.txt").value_or("");
  r.err = ReadFile(dir + "/stderr.txt").value_or("");
  return r;
}

std::string SharedDir() {
  const char* dir = std::getenv("PODIUM_SHARED");
  if (dir == nullptr || dir[0] == '\0' || !fs::is_directory(dir)) return "";
  return dir;
}

}  // namespace podium::testing
