// What the importer targets check of every ImportedResults they get
// (engine/ingest/imported_results.h), besides "no crash".
#ifndef PODIUM_FUZZ_IMPORT_CHECKS_H_
#define PODIUM_FUZZ_IMPORT_CHECKS_H_

#include <string_view>

#include "engine/base/diagnostic.h"
#include "engine/ingest/imported_results.h"

namespace podium {

// Aborts (FuzzInvariantFailed) unless every score cites a line of `cited`
// (the text of results.path) that contains its value_text, value_text reads
// back as the score's value (when it is in a double's normal range), and a read without errors
// imported a score. Formats every diagnostic, as the command would print them.
void CheckImportedResults(const ImportedResults& results, std::string_view cited,
                          const Diagnostics& diagnostics);

// Runs ImportInspect on `path` and checks its scores: each has a line, a
// field and a value_text that reads back as its value; aborts on a broken
// invariant (FuzzInvariantFailed).
void CheckInspectImport(const std::string& path);
// The same for ImportEee.
void CheckEeeImport(const std::string& path);

}  // namespace podium

#endif  // PODIUM_FUZZ_IMPORT_CHECKS_H_
