// `podium counts BATTLES [--by category]`: the battles as the pair-counts
// CSV (engine/reporting/pair_counts_csv.h), read with the layout and vote
// cleaning flags of `podium arena`; `podium arena` on the result rates the
// battles exactly as on the file itself.
#ifndef PODIUM_TOOLS_COUNTS_COMMAND_H_
#define PODIUM_TOOLS_COUNTS_COMMAND_H_

#include "tools/command.h"

namespace podium {

Command CountsCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_COUNTS_COMMAND_H_
