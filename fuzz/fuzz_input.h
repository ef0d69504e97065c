// What every fuzz target shares (fuzz/README.md, docs/reliability.md).
//
// A target is one LLVMFuzzerTestOneInput per reader: it hands the bytes to
// the reader the way the command line would (most readers take a path, so
// the bytes are first written to a file), treats diagnostics as the normal
// answer to bad input, and carries a clean read on through what the command
// does next (fit, report, JSON dump, HTML view), so the fuzzer also reaches
// the code that prints strings taken from the input. Only a real bug stops a
// target: a sanitizer report, an uncaught exception, an abort, or one of the
// invariants below.
#ifndef PODIUM_FUZZ_FUZZ_INPUT_H_
#define PODIUM_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/base/diagnostic.h"
#include "engine/registry/registry.h"

namespace podium {

// A folder of this process only: <base>/podium-fuzz-<pid>, where <base> is
// $TEST_TMPDIR, else $TMPDIR, else /dev/shm, else /tmp. Created on first
// use and removed when the process exits normally.
const std::string& FuzzScratchDir();

// Writes the fuzz input to <scratch>/<name> (replacing the previous input)
// and returns that path; `name` may name a subfolder. The name's extension is what some readers go
// by (battles: .csv, .json, .jsonl).
std::string WriteFuzzInput(const uint8_t* data, size_t size, const std::string& name);
std::string WriteFuzzInput(std::string_view bytes, const std::string& name);

// The project folder the targets read fixed inputs from (datasets/,
// reports/): $PODIUM_HOME, else the working folder (the repository root for
// tools/fuzz, the runfiles root under bazel test). Read once, at first use.
const std::string& FuzzHome();

// datasets/registry of FuzzHome(), read once. A registry that does not read
// cleanly is a broken setup, not a finding: the process exits with a message.
const Registry& FuzzRegistry();

// Formats every diagnostic (the text the user would see) and drops it.
void FormatDiagnostics(const Diagnostics& diagnostics);

// `json` is a report podium wrote: it must parse back (podium must never
// write JSON it cannot read; a failure aborts), and its HTML view is
// rendered as `--format html` would.
void CheckReportJson(const std::string& json);

// Aborts with `message` on stderr: an invariant of podium does not hold.
[[noreturn]] void FuzzInvariantFailed(const std::string& message);

}  // namespace podium

#endif  // PODIUM_FUZZ_FUZZ_INPUT_H_
