// `podium init DIR`: a small working leaderboard project to start from.
//
//   DIR/README.md             how to rebuild, import your own results, audit
//   DIR/data/scores.csv       an example score table (one row per model)
//   DIR/data/battles.csv      example pairwise battles (model_a,model_b,winner)
//   DIR/datasets/             scores.csv imported (`podium import wide`):
//                             claims/, registry/ (models, benchmarks, sources)
//   DIR/datasets/reports.json one report of each kind: a leaderboard, an
//                             arena rating, a head-to-head
//
// The example numbers are made up and say so; `podium regenerate` inside DIR
// builds DIR/reports/. DIR must not exist or be empty (exit 2 otherwise:
// init never overwrites a project).
#ifndef PODIUM_TOOLS_INIT_COMMAND_H_
#define PODIUM_TOOLS_INIT_COMMAND_H_

#include "tools/command.h"

namespace podium {

// {"init", help, options}.
Command InitCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_INIT_COMMAND_H_
