#include "engine/base/progress.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/base/number.h"

namespace podium {
namespace {

double SecondsBetween(std::chrono::steady_clock::time_point a,
                      std::chrono::steady_clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// "12,345". Counts here are never negative.
std::string Count(int64_t n) {
  return WithThousandsSeparators(std::to_string(std::max<int64_t>(n, 0)));
}

std::string Duration(double seconds) {
  if (seconds < 60) return fmt::format("{:.1f} s", seconds);
  const int64_t s = std::llround(seconds);
  return fmt::format("{}:{:02d} min", s / 60, s % 60);
}

}  // namespace

Progress::Progress(std::string label, std::string unit, int64_t total, std::ostream* out,
                   double redraw_seconds)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      total_(total),
      out_(out),
      redraw_seconds_(redraw_seconds),
      start_(Clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { Finish(); }

std::string Progress::Line(const std::string& label, const std::string& unit, int64_t done,
                           int64_t total, double seconds) {
  done = std::min(done, total);  // several passes (arena components) may count past the total
  std::string line = fmt::format("{}: {}/{} {}", label, Count(done), Count(total), unit);
  if (done <= 0 || seconds <= 0) return line;
  const double rate = done / seconds;
  line += fmt::format(" · {} {}/s", Count(std::llround(rate)), unit);
  if (done < total) line += fmt::format(" · {} left", Duration((total - done) / rate));
  return line;
}

void Progress::Add(int64_t n) {
  const int64_t done = done_.fetch_add(n, std::memory_order_relaxed) + n;
  if (out_ == nullptr) return;
  std::unique_lock<std::mutex> lock(draw_mutex_, std::try_to_lock);
  if (!lock.owns_lock() || finished_) return;
  const Clock::time_point now = Clock::now();
  if (SecondsBetween(last_draw_, now) < redraw_seconds_) return;
  last_draw_ = now;
  Draw(done);
}

void Progress::Draw(int64_t done) {
  *out_ << "\r\033[K" << Line(label_, unit_, done, total_, SecondsBetween(start_, Clock::now()))
        << std::flush;
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(draw_mutex_);
  if (finished_) return;
  finished_ = true;
  if (out_ == nullptr) return;
  const double seconds = SecondsBetween(start_, Clock::now());
  const int64_t done = done_.load();
  std::string summary =
      fmt::format("{}: {} {} in {}", label_, Count(done), unit_, Duration(seconds));
  if (seconds > 0 && done > 0) {
    summary += fmt::format(" ({} {}/s)", Count(std::llround(done / seconds)), unit_);
  }
  *out_ << "\r\033[K" << summary << "\n" << std::flush;
}

}  // namespace podium
