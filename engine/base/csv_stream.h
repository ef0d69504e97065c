// Streams the records of an RFC 4180 CSV file, with the line and column of
// every field, for readers that must report path:line:col.
//
// Parsing is done by libcsv (Debian's libcsv-dev) in strict mode: fields may
// be quoted with '"', a doubled quote inside a quoted field is one quote, and
// a quoted field may hold the delimiter and line breaks (spreadsheets write
// these into free-text columns such as `notes`). Unquoted fields are trimmed
// of spaces, tabs and carriage returns; a record ends at a line feed outside
// quotes; blank lines are skipped; a UTF-8 byte-order mark is ignored.
//
// What the library does not give, and diagnostics need, is where a record
// and its fields start; CsvStream tracks the physical line of each record and
// locates fields on demand. Bytes are checked to be UTF-8 line by line.
//
// Problems are reported as Diagnostics, and the record they occur in is not
// handed on; reading goes on with the next line:
//   - invalid UTF-8: the line and column of the first bad byte;
//   - a quote in the middle of an unquoted field, or text after a closing
//     quote: the line and column where the parser stopped;
//   - a quoted field still open at the end of the file: where it opened.
#ifndef PODIUM_ENGINE_BASE_CSV_STREAM_H_
#define PODIUM_ENGINE_BASE_CSV_STREAM_H_

#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/base/diagnostic.h"

struct csv_parser;

namespace podium {

// One record (row) of a CSV file, valid only during the handler call.
class CsvRecord {
 public:
  int line() const { return line_; }  // 1-based line where the record starts
  size_t size() const { return fields_.size(); }
  // Field `k`, unquoted and trimmed.
  std::string_view field(size_t k) const { return fields_[k]; }
  // Where field `k` starts (its opening quote, if quoted): 1-based line and
  // byte column in the file. Computed from the raw text on demand.
  Location FieldLocation(size_t k) const;
  // Where every field starts, in one pass over the raw text.
  std::vector<Location> FieldLocations() const;

 private:
  friend class CsvStream;
  const std::string* path_ = nullptr;
  int line_ = 0;
  std::vector<std::string_view> fields_;
  std::string_view raw_;  // the record's bytes as in the file
  char delimiter_ = ',';
};

// Receives each well-formed record, in file order.
using CsvRecordHandler = std::function<void(const CsvRecord&)>;

class CsvStream {
 public:
  // Records are handed to `handler`; problems go to `diagnostics` with
  // `display_path`. `delimiter` is ',' for CSV, '\t' for TSV.
  CsvStream(std::string display_path, Diagnostics* diagnostics, CsvRecordHandler handler,
            char delimiter = ',');
  ~CsvStream();
  CsvStream(const CsvStream&) = delete;
  CsvStream& operator=(const CsvStream&) = delete;

  // Feeds the next bytes of the file, in any chunking.
  void Feed(std::string_view bytes);
  // Ends the input: the last record (without a final line break) is handed
  // on, and a quote left open is reported.
  void Finish();

  // A line that starts a record and holds no quote is split here, without
  // libcsv (about half the reading time of a plain battles file): fields
  // between delimiters, with libcsv's trimming of spaces, tabs and carriage
  // returns at both ends of an unquoted field. Every other line goes through
  // libcsv. false sends every line through libcsv (tests and the fuzzer
  // check that both give the same records and diagnostics).
  void set_split_simple_lines(bool on) { split_simple_lines_ = on; }

  // Reads a whole text.
  static void ReadText(std::string_view text, std::string display_path, Diagnostics* diagnostics,
                       CsvRecordHandler handler, char delimiter = ',');
  // Reads a file in blocks (memory use does not grow with the file). A file
  // that cannot be opened or read is an error diagnostic at `display_path`,
  // and the result is false.
  static bool ReadFile(const std::string& path, std::string display_path, Diagnostics* diagnostics,
                       CsvRecordHandler handler, char delimiter = ',');

 private:
  static void OnField(void* data, size_t length, void* self);
  static void OnRecordEnd(int terminator, void* self);
  void FeedLine(std::string_view line);
  // Fills the fields from a line without quotes (the record's only line).
  void SplitSimpleLine(std::string_view line);
  void ResetParser();
  void EmitRecord();
  // The record being read (fields so far), viewing this stream's buffers.
  CsvRecord CurrentRecord() const;

  std::string path_;
  Diagnostics* diagnostics_;
  CsvRecordHandler handler_;
  char delimiter_;
  csv_parser* parser_;
  std::string pending_;     // an incomplete line, waiting for its line feed
  std::string record_raw_;  // raw bytes of the record being read
  std::vector<std::string> field_text_;
  size_t field_count_ = 0;
  int line_ = 0;             // lines fed so far
  int record_line_ = 0;      // where the current record starts (0: none yet)
  bool record_bad_ = false;  // the current record had an error: drop it
  bool started_ = false;     // the first bytes were seen (BOM check)
  bool split_simple_lines_ = true;
  std::exception_ptr handler_error_;
};

// The 0-based byte offsets at which the fields of CSV text start, honouring
// double quotes (a quoted field may contain delimiters and line breaks). Line
// breaks count as bytes: callers map offsets to lines. For locating fields in
// diagnostics; not a parser.
std::vector<size_t> LocateCsvFieldOffsets(std::string_view text, char delimiter = ',');

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_CSV_STREAM_H_
