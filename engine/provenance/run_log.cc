#include "engine/provenance/run_log.h"

namespace podium {

void RunLog::AddInput(std::string path, std::string shown, std::string kind, int64_t rows) {
  Note(shown + ": " + std::to_string(rows) + " rows (" + kind + ")");
  inputs.push_back({std::move(path), std::move(shown), std::move(kind), rows});
}

void RunLog::Drop(std::string what, std::string reason, int64_t count) {
  if (count <= 0) return;
  Note("left out " + std::to_string(count) + " " + what + ": " + reason);
  dropped.push_back({std::move(what), std::move(reason), count});
}

void RunLog::Note(const std::string& message) const {
  if (verbose && err != nullptr) *err << "podium: " << message << "\n";
}

std::unique_ptr<Progress> RunLog::StartProgress(const std::string& label, const std::string& unit,
                                                int64_t total) const {
  return std::make_unique<Progress>(label, unit, total, progress ? err : nullptr);
}

}  // namespace podium
