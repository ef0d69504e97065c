// Writing CSV that podium's own reader (csv_stream.h) reads back unchanged.
#ifndef PODIUM_ENGINE_BASE_CSV_WRITE_H_
#define PODIUM_ENGINE_BASE_CSV_WRITE_H_

#include <string>
#include <string_view>
#include <vector>

namespace podium {

// One CSV field, quoted per RFC 4180 when it holds a comma, quote or line
// break, or starts or ends with a space or tab (the reader trims unquoted
// fields).
std::string CsvField(std::string_view text);

// A CSV line (with '\n') from fields.
std::string CsvLine(const std::vector<std::string>& fields);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_CSV_WRITE_H_
