#include "engine/base/csv_stream.h"

#include <csv.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

#include "engine/base/utf8.h"

namespace podium {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Spaces trimmed around unquoted fields; the carriage return of a CRLF line
// end is one of them, so only the line feed ends a record.
int IsCsvSpace(unsigned char c) { return c == ' ' || c == '\t' || c == '\r'; }
int IsCsvTerminator(unsigned char c) { return c == '\n'; }

bool IsBlank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return IsCsvSpace(c) || c == '\n'; });
}

}  // namespace

Location CsvRecord::FieldLocation(size_t k) const {
  const std::vector<Location> all = FieldLocations();
  return k < all.size() ? all[k] : Location{*path_, line_, 1};
}

std::vector<Location> CsvRecord::FieldLocations() const {
  std::vector<Location> out;
  int line = line_;
  size_t line_start = 0, scanned = 0;
  for (size_t offset : LocateCsvFieldOffsets(raw_, delimiter_)) {
    for (; scanned < offset; ++scanned) {
      if (raw_[scanned] == '\n') {
        ++line;
        line_start = scanned + 1;
      }
    }
    out.push_back(Location{*path_, line, static_cast<int>(offset - line_start) + 1});
  }
  return out;
}

std::vector<size_t> LocateCsvFieldOffsets(std::string_view text, char delimiter) {
  std::vector<size_t> starts = {0};
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '"') {
      quoted = !quoted;  // a doubled quote toggles twice: no net change
    } else if (text[i] == delimiter && !quoted) {
      starts.push_back(i + 1);
    }
  }
  return starts;
}

CsvStream::CsvStream(std::string display_path, Diagnostics* diagnostics, CsvRecordHandler handler,
                     char delimiter)
    : path_(std::move(display_path)),
      diagnostics_(diagnostics),
      handler_(std::move(handler)),
      delimiter_(delimiter),
      parser_(new csv_parser) {
  ResetParser();
}

CsvStream::~CsvStream() {
  csv_free(parser_);
  delete parser_;
}

void CsvStream::ResetParser() {
  if (started_) csv_free(parser_);
  started_ = true;
  csv_init(parser_, CSV_STRICT | CSV_STRICT_FINI);
  csv_set_delim(parser_, static_cast<unsigned char>(delimiter_));
  csv_set_space_func(parser_, IsCsvSpace);
  csv_set_term_func(parser_, IsCsvTerminator);
  field_count_ = 0;
  record_raw_.clear();
  record_line_ = 0;
  record_bad_ = false;
}

void CsvStream::OnField(void* data, size_t length, void* self) {
  auto* stream = static_cast<CsvStream*>(self);
  const char* text = data != nullptr ? static_cast<const char*>(data) : "";
  if (stream->field_count_ < stream->field_text_.size()) {
    stream->field_text_[stream->field_count_].assign(text, length);
  } else {
    stream->field_text_.emplace_back(text, length);
  }
  ++stream->field_count_;
}

void CsvStream::OnRecordEnd(int /*terminator*/, void* self) {
  static_cast<CsvStream*>(self)->EmitRecord();
}

CsvRecord CsvStream::CurrentRecord() const {
  CsvRecord record;
  record.path_ = &path_;
  record.delimiter_ = delimiter_;
  record.line_ = record_line_ > 0 ? record_line_ : line_;
  record.raw_ = record_raw_;
  record.fields_.reserve(field_count_);
  for (size_t k = 0; k < field_count_; ++k) record.fields_.emplace_back(field_text_[k]);
  return record;
}

void CsvStream::EmitRecord() {
  if (!record_bad_ && !handler_error_) {
    // libcsv calls this from C: an exception must not unwind through it.
    try {
      handler_(CurrentRecord());
    } catch (...) {
      handler_error_ = std::current_exception();
    }
  }
  field_count_ = 0;
  record_raw_.clear();
  record_line_ = 0;
  record_bad_ = false;
}

void CsvStream::SplitSimpleLine(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  field_count_ = 0;
  for (;;) {
    const size_t end = std::min(line.find(delimiter_), line.size());
    std::string_view field = line.substr(0, end);
    // libcsv skips spaces before a field (a delimiter is never one) and
    // drops those after it.
    while (!field.empty() && IsCsvSpace(field.front()) && field.front() != delimiter_) {
      field.remove_prefix(1);
    }
    while (!field.empty() && IsCsvSpace(field.back())) field.remove_suffix(1);
    if (field_count_ < field_text_.size()) {
      field_text_[field_count_].assign(field);
    } else {
      field_text_.emplace_back(field);
    }
    ++field_count_;
    if (end == line.size()) return;
    line.remove_prefix(end + 1);
  }
}

void CsvStream::FeedLine(std::string_view line) {
  ++line_;
  if (line_ == 1 && line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
  if (record_line_ == 0) {
    if (IsBlank(line)) return;
    record_line_ = line_;
  }
  const size_t bad = FindInvalidUtf8(line);
  if (bad != std::string_view::npos) {
    diagnostics_->Error(
        Location{path_, line_, static_cast<int>(bad) + 1}, "", "",
        "invalid UTF-8 (" + DescribeInvalidUtf8(line, bad) + "): files must be UTF-8 text");
    record_bad_ = true;
  }
  record_raw_.append(line);
  if (split_simple_lines_ && record_line_ == line_ && !record_bad_ &&
      line.find('"') == std::string_view::npos) {
    SplitSimpleLine(line);
    EmitRecord();
    if (handler_error_) std::rethrow_exception(std::exchange(handler_error_, nullptr));
    return;
  }
  const size_t parsed = csv_parse(parser_, line.data(), line.size(), OnField, OnRecordEnd, this);
  if (handler_error_) std::rethrow_exception(std::exchange(handler_error_, nullptr));
  if (parsed < line.size()) {
    const int error = csv_error(parser_);
    if (error == CSV_EPARSE) {
      diagnostics_->Error(Location{path_, line_, static_cast<int>(parsed) + 1}, "", "",
                          "malformed quoted field: a quote inside an unquoted field, or text "
                          "after a closing quote (write a quote inside a quoted field as \"\")");
    } else {
      diagnostics_->Error(Location{path_, line_, 1}, "", "",
                          std::string("cannot parse CSV: ") + csv_strerror(error));
    }
    ResetParser();  // the record is dropped; go on with the next line
  }
}

void CsvStream::Feed(std::string_view bytes) {
  while (!bytes.empty()) {
    const size_t end = bytes.find('\n');
    if (end == std::string_view::npos) {
      pending_.append(bytes);
      return;
    }
    if (pending_.empty()) {
      FeedLine(bytes.substr(0, end + 1));
    } else {
      pending_.append(bytes.substr(0, end + 1));
      FeedLine(pending_);
      pending_.clear();
    }
    bytes.remove_prefix(end + 1);
  }
}

void CsvStream::Finish() {
  if (!pending_.empty()) {
    const std::string last = std::move(pending_);
    pending_.clear();
    FeedLine(last);
  }
  // Where an open quoted field starts, before csv_fini forgets the record.
  const Location open_field =
      record_line_ > 0 ? CurrentRecord().FieldLocation(field_count_) : Location{path_, line_, 1};
  if (csv_fini(parser_, OnField, OnRecordEnd, this) != 0) {
    diagnostics_->Error(open_field, "", "",
                        "unclosed quote: the quoted field that starts here runs to the end of "
                        "the file");
    ResetParser();
  }
  if (handler_error_) std::rethrow_exception(std::exchange(handler_error_, nullptr));
}

void CsvStream::ReadText(std::string_view text, std::string display_path, Diagnostics* diagnostics,
                         CsvRecordHandler handler, char delimiter) {
  CsvStream stream(std::move(display_path), diagnostics, std::move(handler), delimiter);
  stream.Feed(text);
  stream.Finish();
}

bool CsvStream::ReadFile(const std::string& path, std::string display_path,
                         Diagnostics* diagnostics, CsvRecordHandler handler, char delimiter) {
  struct File {
    int fd;
    ~File() {
      if (fd >= 0) ::close(fd);
    }
  } file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  const int fd = file.fd;
  if (fd < 0) {
    diagnostics->Error(Location{display_path}, "", path,
                       std::string("cannot read file: ") + std::strerror(errno));
    return false;
  }
  CsvStream stream(display_path, diagnostics, std::move(handler), delimiter);
  std::string block(1 << 20, '\0');
  for (;;) {
    const ssize_t n = ::read(fd, block.data(), block.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      diagnostics->Error(Location{display_path}, "", path,
                         std::string("cannot read file: ") + std::strerror(errno));
      return false;
    }
    if (n == 0) break;
    stream.Feed(std::string_view(block.data(), static_cast<size_t>(n)));
  }
  stream.Finish();
  return true;
}

}  // namespace podium
