#include "engine/base/json_positions.h"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

namespace podium {
namespace {

// A forward iterator over the text that records how far the parser has read.
class CountingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* at, const char* begin, size_t* read)
      : at_(at), begin_(begin), read_(read) {}
  reference operator*() const { return *at_; }
  CountingIterator& operator++() {
    ++at_;
    *read_ = static_cast<size_t>(at_ - begin_);
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CountingIterator& other) const { return at_ == other.at_; }
  bool operator!=(const CountingIterator& other) const { return at_ != other.at_; }

 private:
  const char* at_;
  const char* begin_;
  size_t* read_;
};

// Builds the pointer of each value from the container stack and records
// where its first character is. A value starts at the first character after
// the previous token that is not white space, ':' or ','. The lexer reads one
// character past a number (and puts it back), so a number ends before that
// character when it is not part of the number.
class PositionRecorder : public nlohmann::json::json_sax_t {
 public:
  PositionRecorder(std::string_view text, const size_t* read) : text_(text), read_(read) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
    // nlohmann_json skips a UTF-8 byte order mark before the value.
    if (text.substr(0, 3) == "\xEF\xBB\xBF") last_end_ = 3;
  }

  std::unordered_map<std::string, JsonValuePosition> positions;

  bool null() override { return Scalar(false); }
  bool boolean(bool) override { return Scalar(false); }
  bool number_integer(number_integer_t) override { return Scalar(true); }
  bool number_unsigned(number_unsigned_t) override { return Scalar(true); }
  bool number_float(number_float_t, const string_t&) override { return Scalar(true); }
  bool string(string_t&) override { return Scalar(false); }
  bool binary(binary_t&) override { return Scalar(false); }
  bool start_object(std::size_t) override { return Open(false); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }
  bool key(string_t& key) override {
    stack_.back().key = key;
    last_end_ = *read_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::json::exception&) override {
    return false;
  }

 private:
  struct Level {
    std::string pointer;
    bool array = false;
    size_t next_index = 0;
    std::string key;
  };

  std::string NextPointer() {
    if (stack_.empty()) return "";
    Level& level = stack_.back();
    if (level.array) return JsonPointerChild(level.pointer, level.next_index++);
    return JsonPointerChild(level.pointer, level.key);
  }

  // One past the last character of the token just read.
  size_t TokenEnd(bool number) const {
    size_t end = *read_;
    if (number && end > 0 && end <= text_.size()) {
      const char c = text_[end - 1];
      const bool part =
          (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
      if (!part) --end;
    }
    return end;
  }

  void Record(std::string pointer, bool number) {
    const size_t end = TokenEnd(number);
    size_t start = last_end_;
    while (start < end && (text_[start] == ' ' || text_[start] == '\t' || text_[start] == '\n' ||
                           text_[start] == '\r' || text_[start] == ':' || text_[start] == ',')) {
      ++start;
    }
    if (start >= end) start = end == 0 ? 0 : end - 1;
    JsonValuePosition& position = positions[std::move(pointer)];
    const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), start);
    position.line = static_cast<int>(after - line_starts_.begin());
    position.column = static_cast<int>(start - *(after - 1)) + 1;
    position.offset = start;
    if (number) position.number_text = std::string(text_.substr(start, end - start));
    last_end_ = end;
  }

  bool Scalar(bool number) {
    Record(NextPointer(), number);
    return true;
  }
  bool Open(bool array) {
    std::string pointer = NextPointer();
    Record(pointer, false);
    stack_.push_back(Level{std::move(pointer), array, 0, {}});
    return true;
  }
  bool Close() {
    stack_.pop_back();
    last_end_ = *read_;
    return true;
  }

  std::string_view text_;
  const size_t* read_;
  size_t last_end_ = 0;
  std::vector<size_t> line_starts_;
  std::vector<Level> stack_;
};

}  // namespace

std::string JsonPointerChild(const std::string& parent, std::string_view key) {
  std::string pointer = parent + "/";
  for (char c : key) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer += c;
    }
  }
  return pointer;
}

std::string JsonPointerChild(const std::string& parent, size_t index) {
  return parent + "/" + std::to_string(index);
}

std::optional<std::unordered_map<std::string, JsonValuePosition>> JsonValuePositions(
    std::string_view text) {
  size_t read = 0;
  PositionRecorder recorder(text, &read);
  CountingIterator first(text.data(), text.data(), &read);
  CountingIterator last(text.data() + text.size(), text.data(), &read);
  if (!nlohmann::json::sax_parse(first, last, &recorder)) return std::nullopt;
  return std::move(recorder.positions);
}

std::optional<std::unordered_map<std::string, int>> JsonValueLines(std::string_view text) {
  auto positions = JsonValuePositions(text);
  if (!positions) return std::nullopt;
  std::unordered_map<std::string, int> lines;
  lines.reserve(positions->size());
  for (const auto& [pointer, position] : *positions) lines.emplace(pointer, position.line);
  return lines;
}

}  // namespace podium
