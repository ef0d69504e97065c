// Fuzz target: a HELM run folder, read by ImportHelm
// (engine/ingest/import_helm.h) as `podium import helm` reads it. The input
// is stats.json, optionally followed by "\x1e" and per_instance_stats.json,
// and by another "\x1e" and run_spec.json (else a fixed one); every imported
// score must cite a line of stats.json that holds its number
// (fuzz/import_checks.h).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "engine/ingest/import_helm.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/import_checks.h"

namespace {

const char kRunSpec[] =
    R"({"name": "mmlu:subject=philosophy,method=multiple_choice_joint,model=openai_gpt2",
 "adapter_spec": {"model": "openai/gpt2", "max_train_instances": 5},
 "metric_specs": [{"args": {"names": ["exact_match", "quasi_exact_match"]}}]})";

// Part `k` of `input` split at "\x1e"; empty when there are fewer parts.
std::string_view Part(std::string_view input, int k) {
  for (int i = 0; i < k; ++i) {
    const size_t separator = input.find('\x1e');
    if (separator == std::string_view::npos) return {};
    input.remove_prefix(separator + 1);
  }
  return input.substr(0, input.find('\x1e'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view stats = Part(input, 0), per_instance = Part(input, 1);
  const std::string_view run_spec = Part(input, 2).empty() ? kRunSpec : Part(input, 2);
  const std::string path = podium::WriteFuzzInput(stats, "helm/stats.json");
  const std::string per_instance_path =
      podium::WriteFuzzInput(per_instance, "helm/per_instance_stats.json");
  if (per_instance.empty()) std::remove(per_instance_path.c_str());  // the file is optional
  podium::WriteFuzzInput(run_spec, "helm/run_spec.json");
  const std::string folder = path.substr(0, path.size() - std::string_view("/stats.json").size());
  podium::Diagnostics diagnostics;
  const podium::ImportedResults imported = podium::ImportHelm(folder, folder, "", &diagnostics);
  podium::CheckImportedResults(imported, stats, diagnostics);
  return 0;
}
