// The inputs of two reports compared by content, from their manifests: a file
// is the same input when its SHA-256 is the same, wherever it was read from.
// So a CI checkout in another folder (other paths, same bytes) is no change,
// and an edited claims file is named as the cause of the numbers it moved.
//
// Matching, in this order, each file at most once:
//   1. same SHA-256 (preferring the same kind and file name): the same input;
//   2. same path, then same kind and file name: one input whose bytes changed;
//   3. what is left: inputs only the baseline read ("removed") or only the
//      current report read ("added").
#ifndef PODIUM_ENGINE_CHECK_INPUT_CHANGES_H_
#define PODIUM_ENGINE_CHECK_INPUT_CHANGES_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace podium {

// One input file whose bytes differ between the two reports.
struct InputChange {
  std::string status;                       // changed | added (only the current read it) | removed
  std::string kind;                         // the manifest's kind: claims, registry, battles, ...
  std::string baseline_path, current_path;  // "" on the side that lacks it
  std::string baseline_sha256, current_sha256;  // likewise

  // The path to show: the current one, else the baseline's.
  const std::string& path() const { return current_path.empty() ? baseline_path : current_path; }
  bool operator==(const InputChange& o) const;
  bool operator<(const InputChange& o) const;
};

struct InputComparison {
  // Both manifests list their inputs with SHA-256; when false nothing below
  // is known (a report made before manifests, or not by podium).
  bool known = false;
  int same = 0;                      // inputs with the same bytes in both
  int relocated = 0;                 // of those, read from another path
  std::vector<InputChange> changes;  // changed, then removed, then added
};

// Compares the "inputs" lists ([{path, kind, sha256, ...}]) of two manifests.
// Entries without a string path and sha256 are skipped.
InputComparison CompareInputs(const nlohmann::ordered_json& baseline_manifest,
                              const nlohmann::ordered_json& current_manifest);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_INPUT_CHANGES_H_
