// Fuzz target: the streaming RFC 4180 reader under every CSV format
// (engine/base/csv_stream.h), fed the input whole and then in chunks of
// sizes drawn from the input (files are read in 1 MiB blocks, so a record, a
// quoted line break or a UTF-8 sequence can straddle two). Invariant: the
// records (fields, line, field locations) and the diagnostics are the same
// however the bytes are chunked, and whether quote-free lines are split by
// CsvStream itself or by libcsv; and the tab-separated form reads too.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/csv_stream.h"
#include "engine/base/diagnostic.h"
#include "fuzz/fuzz_input.h"

namespace podium {
namespace {

// Every record as text: line, then each field with its location.
using Records = std::vector<std::string>;

CsvRecordHandler Collect(Records* out) {
  return [out](const CsvRecord& record) {
    std::string text = std::to_string(record.line());
    for (size_t k = 0; k < record.size(); ++k) {
      const Location at = record.FieldLocation(k);
      text += "|" + std::to_string(at.line) + ":" + std::to_string(at.column) + "=" +
              std::string(record.field(k));
    }
    out->push_back(std::move(text));
  };
}

std::vector<std::string> Formatted(const Diagnostics& diagnostics) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diagnostics.all()) out.push_back(FormatDiagnostic(d));
  return out;
}

// The records and diagnostics of `input` read with every line through
// libcsv must be `records` and `diagnostics` (read with quote-free lines
// split by CsvStream itself).
void CheckLibcsvAgrees(std::string_view input, const Records& records,
                       const Diagnostics& diagnostics, char delimiter) {
  Records libcsv_only;
  Diagnostics libcsv_only_diagnostics;
  CsvStream stream("t.csv", &libcsv_only_diagnostics, Collect(&libcsv_only), delimiter);
  stream.set_split_simple_lines(false);
  stream.Feed(input);
  stream.Finish();
  if (records != libcsv_only || Formatted(diagnostics) != Formatted(libcsv_only_diagnostics)) {
    FuzzInvariantFailed("lines split without libcsv read differently than with it");
  }
}

void RunCsvStream(std::string_view input) {
  Records whole, chunked;
  Diagnostics whole_diagnostics, chunked_diagnostics;
  CsvStream::ReadText(input, "t.csv", &whole_diagnostics, Collect(&whole));
  {
    CsvStream stream("t.csv", &chunked_diagnostics, Collect(&chunked));
    size_t at = 0;
    for (size_t k = 0; at < input.size(); ++k) {
      const size_t size = 1 + static_cast<unsigned char>(input[k % input.size()]) % 17;
      stream.Feed(input.substr(at, size));
      at += size;
    }
    stream.Finish();
  }
  CheckLibcsvAgrees(input, whole, whole_diagnostics, ',');
  if (whole != chunked) FuzzInvariantFailed("CSV records depend on how the bytes are chunked");
  if (Formatted(whole_diagnostics) != Formatted(chunked_diagnostics)) {
    FuzzInvariantFailed("CSV diagnostics depend on how the bytes are chunked");
  }
  FormatDiagnostics(whole_diagnostics);
  Records tabs;
  Diagnostics tab_diagnostics;
  CsvStream::ReadText(input, "t.csv", &tab_diagnostics, Collect(&tabs), '\t');
  CheckLibcsvAgrees(input, tabs, tab_diagnostics, '\t');
  FormatDiagnostics(tab_diagnostics);
  (void)LocateCsvFieldOffsets(input);
}

}  // namespace
}  // namespace podium

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  podium::RunCsvStream(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
