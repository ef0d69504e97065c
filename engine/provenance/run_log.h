// What one run of a command records for its manifest (the files it read, the
// rows it set aside and why) and how it talks to the person running it on
// stderr (progress, --verbose notes, --quiet).
#ifndef PODIUM_ENGINE_PROVENANCE_RUN_LOG_H_
#define PODIUM_ENGINE_PROVENANCE_RUN_LOG_H_

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "engine/base/progress.h"

namespace podium {

struct RunLog {
  // One file the run read.
  struct Input {
    std::string path;   // as opened
    std::string shown;  // as reports name it ("datasets/claims/x.csv")
    std::string kind;   // claims | registry | items | battles | judgments | pairwise | document
    int64_t rows = 0;   // records read from it (data rows; the header not counted)
  };
  // Rows (claims, battles, models, benchmarks) that did not reach the report.
  struct Dropped {
    std::string what;    // "claims", "battles", "models", "benchmarks"
    std::string reason;  // in words, naming the option responsible
    int64_t count = 0;
  };

  std::vector<Input> inputs;
  std::vector<Dropped> dropped;

  std::ostream* err = nullptr;  // where notes and progress go; null = nowhere
  bool verbose = false;         // --verbose: notes on what was read, dropped and how long it took
  bool progress = false;        // draw progress (stderr is a terminal and no --quiet)

  void AddInput(std::string path, std::string shown, std::string kind, int64_t rows);
  void Drop(std::string what, std::string reason, int64_t count);  // count 0 = nothing recorded

  // "podium: MESSAGE" on stderr under --verbose; nothing otherwise.
  void Note(const std::string& message) const;

  // A progress counter, drawn only when `progress` is set.
  std::unique_ptr<Progress> StartProgress(const std::string& label, const std::string& unit,
                                          int64_t total) const;
};

}  // namespace podium

#endif  // PODIUM_ENGINE_PROVENANCE_RUN_LOG_H_
