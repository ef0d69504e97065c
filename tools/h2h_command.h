// `podium h2h MODEL_A MODEL_B`: head-to-head from score claims (default) or
// battles (--battles FILE); `--all` compares every pair with Holm's correction.
#ifndef PODIUM_TOOLS_H2H_COMMAND_H_
#define PODIUM_TOOLS_H2H_COMMAND_H_

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/inference/head_to_head.h"
#include "tools/run_log.h"

namespace podium {

struct H2HRequest {
  std::vector<std::string> pair;    // MODEL_A MODEL_B (ids or aliases; battle names)
  bool all = false;                 // every pair instead
  std::vector<std::string> claims;  // score claims (default: the committed datasets)
  std::string registry, datasets;
  std::string battles;                  // battles file: battle mode
  std::string on_conflict = "latest";   // scores: error|latest|mean
  std::vector<std::string> benchmarks;  // scores: restrict to these
  std::vector<std::string> models;      // --all: restrict to these
  std::string ties = "half";            // battles: half|drop|davidson
  int rounds = 1000;                    // battles: bootstrap rounds
  uint64_t seed = 1;
  double level = 0.95;
  int threads = 1;
  std::string format = "md";  // md|json
  std::string out, title;
  // The documents' own statements about the pair, checked against their
  // numbers: those of the entry named `statements_of` in
  // <datasets>/reports.json (how `regenerate` makes its head-to-heads).
  std::string statements_of;
  RunLog* log = nullptr;  // inputs, dropped rows, progress and notes; null = none
};

void AddH2HOptions(CLI::App* command, H2HRequest* request);

// One entry of a "statements" array of datasets/reports.json (docs/formats.md).
// Throws std::exception (nlohmann's or std::invalid_argument) when malformed.
DocumentStatement ParseStatement(const nlohmann::ordered_json& statement);

std::optional<std::string> RenderH2H(const H2HRequest& request, Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_TOOLS_H2H_COMMAND_H_
