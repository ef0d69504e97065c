// `podium plan`: how much more data would make a difference significant
// (engine/inference/sample_size.h): battles between two models, or items per
// benchmark for two accuracies (and the smallest difference N items detect).
#ifndef PODIUM_TOOLS_PLAN_COMMAND_H_
#define PODIUM_TOOLS_PLAN_COMMAND_H_

#include "tools/command.h"

namespace podium {

Command PlanCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_PLAN_COMMAND_H_
