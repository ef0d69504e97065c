// Fuzz target: a registry folder (engine/registry/registry.h). The input is
// models.csv, benchmarks.csv and sources.csv joined by the byte 0x1E (ASCII
// record separator); missing parts are empty files. A registry that reads
// cleanly has every id and alias resolved back to its record, and its
// records written as JSON the way reports carry them (SourcesJson), dumped.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "engine/registry/registry.h"
#include "engine/reporting/leaderboard_report.h"
#include "fuzz/fuzz_input.h"

namespace podium {
namespace {

// An id or alias that does not resolve to the record it names.
template <typename Record, typename Resolve>
void CheckResolves(const Record& record, const Resolve& resolve) {
  for (const std::string& name : record.aliases) {
    if (resolve(name) != record.id) {
      FuzzInvariantFailed("alias \"" + name + "\" does not resolve to \"" + record.id + "\"");
    }
  }
  if (resolve(record.id) != record.id) FuzzInvariantFailed("id \"" + record.id + "\" unresolved");
}

void RunRegistry(std::string_view input) {
  const char* kFiles[] = {"models.csv", "benchmarks.csv", "sources.csv"};
  for (int k = 0; k < 3; ++k) {
    const size_t end = k < 2 ? input.find('\x1e') : std::string_view::npos;
    WriteFuzzInput(input.substr(0, end), std::string("registry/") + kFiles[k]);
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
  }
  Diagnostics diagnostics;
  const Registry registry =
      Registry::Read(FuzzScratchDir() + "/registry", &diagnostics, "registry");
  FormatDiagnostics(diagnostics);
  if (diagnostics.has_errors()) return;
  nlohmann::ordered_json models = nlohmann::ordered_json::object();
  for (const Model& m : registry.models()) {
    CheckResolves(m, [&](const std::string& name) { return registry.ResolveModel(name); });
    models[m.id] = {{"name", registry.ModelName(m.id)},
                    {"organization", m.organization},
                    {"aliases", m.aliases}};
  }
  nlohmann::ordered_json benchmarks = nlohmann::ordered_json::object();
  for (const Benchmark& b : registry.benchmarks()) {
    CheckResolves(b, [&](const std::string& name) { return registry.ResolveBenchmark(name); });
    benchmarks[b.id] = {{"name", registry.BenchmarkName(b.id)},
                        {"aliases", b.aliases},
                        {"category", b.category},
                        {"metric", b.metric}};
  }
  nlohmann::ordered_json claims = nlohmann::ordered_json::object();
  for (const Source& s : registry.sources()) claims["c:" + s.id] = {{"source", s.id}};
  const nlohmann::ordered_json doc = {
      {"models", models}, {"benchmarks", benchmarks}, {"sources", SourcesJson(claims, &registry)}};
  CheckReportJson(doc.dump(2));
}

}  // namespace
}  // namespace podium

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunRegistry(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
