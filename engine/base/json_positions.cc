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

// Builds the pointer of each value from the container stack and records the
// line of the character the parser read last. The lexer reads one character
// past a number (and puts it back), so for numbers that character is skipped
// when it is not part of the number.
class LineRecorder : public nlohmann::json::json_sax_t {
 public:
  LineRecorder(std::string_view text, const size_t* read) : text_(text), read_(read) {
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  std::unordered_map<std::string, int> lines;
  std::unordered_map<std::string, std::string>* numbers = nullptr;  // kept when set

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

  static bool PartOfNumber(char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
  }

  // The offset of the last character of the value just read.
  size_t LastOfValue(bool number) const {
    size_t end = *read_ == 0 ? 0 : *read_ - 1;
    if (number && end > 0 && end < text_.size() && !PartOfNumber(text_[end])) --end;
    return end;
  }

  // A number's token: back from its last character while characters can be
  // part of a number (what precedes a number in JSON never can).
  std::string NumberToken() const {
    const size_t end = std::min(LastOfValue(true), text_.size() - 1);
    size_t begin = end;
    while (begin > 0 && PartOfNumber(text_[begin - 1])) --begin;
    return std::string(text_.substr(begin, end - begin + 1));
  }

  int LineOfLastRead(bool number) const {
    const size_t end = LastOfValue(number);
    auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), end);
    return static_cast<int>(after - line_starts_.begin());
  }

  bool Scalar(bool number) {
    std::string pointer = NextPointer();
    lines[pointer] = LineOfLastRead(number);
    if (number && numbers != nullptr && !text_.empty()) (*numbers)[pointer] = NumberToken();
    return true;
  }
  bool Open(bool array) {
    std::string pointer = NextPointer();
    lines[pointer] = LineOfLastRead(false);
    stack_.push_back(Level{std::move(pointer), array, 0, {}});
    return true;
  }
  bool Close() {
    stack_.pop_back();
    return true;
  }

  std::string_view text_;
  const size_t* read_;
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

std::optional<std::unordered_map<std::string, int>> JsonValueLines(std::string_view text) {
  size_t read = 0;
  LineRecorder recorder(text, &read);
  CountingIterator first(text.data(), text.data(), &read);
  CountingIterator last(text.data() + text.size(), text.data(), &read);
  if (!nlohmann::json::sax_parse(first, last, &recorder)) return std::nullopt;
  return std::move(recorder.lines);
}

std::optional<JsonLinesAndNumbers> JsonValueLinesAndNumbers(std::string_view text) {
  size_t read = 0;
  JsonLinesAndNumbers result;
  LineRecorder recorder(text, &read);
  recorder.numbers = &result.numbers;
  CountingIterator first(text.data(), text.data(), &read);
  CountingIterator last(text.data() + text.size(), text.data(), &read);
  if (!nlohmann::json::sax_parse(first, last, &recorder)) return std::nullopt;
  result.lines = std::move(recorder.lines);
  return result;
}

}  // namespace podium
