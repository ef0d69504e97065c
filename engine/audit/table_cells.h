// The cells of one table row as a document prints it: tab-separated (and .tsv
// documents), pipe-separated (Markdown tables: "| a | b |") or comma-separated
// (.csv documents, RFC 4180 quoting within the line).
//
// A CSV row is split by its delimiter before any number is read, so in
// "Model A,1,234,56.7" the cells are "1" and "234", never the number 1,234.
#ifndef PODIUM_ENGINE_AUDIT_TABLE_CELLS_H_
#define PODIUM_ENGINE_AUDIT_TABLE_CELLS_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/audit/number_tokens.h"

namespace podium {

// The delimiter a document's file name implies: ',' for ".csv", '\t' for
// ".tsv", 0 (none: a text document) otherwise.
char DocumentDelimiter(std::string_view file_name);

// The delimiter of a line of a text document that looks like a table row: '\t'
// when it has a tab, '|' when it has at least two pipes, 0 otherwise.
char RowDelimiter(std::string_view line);

// Byte spans of the cells of `line` split by `delimiter`. With ',' a field in
// double quotes may hold commas; with '|' the empty cells outside the first
// and last pipe of a Markdown row are dropped.
std::vector<TextSpan> CellSpans(std::string_view line, char delimiter);

// The cells' text: trimmed of spaces, CSV quotes removed ("" -> ").
std::vector<std::string> SplitCells(std::string_view line, char delimiter);

// True for a Markdown separator row ("|---|:--:|").
bool IsSeparatorRow(const std::vector<std::string>& cells);

}  // namespace podium

#endif  // PODIUM_ENGINE_AUDIT_TABLE_CELLS_H_
