// `podium import FORMAT FILE... --into DIR`: reads the files evaluation tools
// write and writes or updates the dataset folder DIR (claims, registry,
// items) in podium's formats (engine/ingest/dataset_writer.h; docs/import.md
// has each format's mapping).
//
// Exit codes: 0 imported (or nothing to change); 2 an input has an error
// (every problem of every file is listed, and nothing is written).
#ifndef PODIUM_TOOLS_IMPORT_COMMAND_H_
#define PODIUM_TOOLS_IMPORT_COMMAND_H_

#include "tools/command.h"

namespace podium {

// {"import", help, options}.
Command ImportCommand();

}  // namespace podium

#endif  // PODIUM_TOOLS_IMPORT_COMMAND_H_
