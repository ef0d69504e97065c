// `podium h2h A B` (or --all): which differences between two models are real,
// from score claims or from battles (engine/inference/head_to_head.h); with
// --statements-of, the documents' own statements about the pair are checked
// against their numbers.
#ifndef PODIUM_TOOLS_H2H_COMMAND_H_
#define PODIUM_TOOLS_H2H_COMMAND_H_

#include "tools/command.h"

namespace podium {

Command H2HCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_H2H_COMMAND_H_
