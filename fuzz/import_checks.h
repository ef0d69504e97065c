// What the importer fuzz targets check after a read (fuzz/README.md): the
// diagnostics format, and every imported score is one the audit can find
// again: a line, a field and its number's text, which parses back to the
// value.
#ifndef PODIUM_FUZZ_IMPORT_CHECKS_H_
#define PODIUM_FUZZ_IMPORT_CHECKS_H_

#include <string>

namespace podium {

// Runs ImportInspect on `path` and checks its scores; aborts on a broken
// invariant (FuzzInvariantFailed).
void CheckInspectImport(const std::string& path);

// The same for ImportEee.
void CheckEeeImport(const std::string& path);

}  // namespace podium

#endif  // PODIUM_FUZZ_IMPORT_CHECKS_H_
