// Progress of long work (bootstrap rounds) for a person at a terminal:
//
//   bootstrap: 3,400/10,000 rounds · 12,345 rounds/s · 0.5 s left
//
// redrawn in place ("\r", then erase to the end of the line) at most every
// `redraw_seconds`, and replaced by a one-line summary when the work ends.
// Whether to show it at all (stderr is a terminal, no --quiet) is the
// caller's decision: a Progress without a stream only counts.
#ifndef PODIUM_ENGINE_BASE_PROGRESS_H_
#define PODIUM_ENGINE_BASE_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>

namespace podium {

class Progress {
 public:
  // `label` names the work ("bootstrap"), `unit` what is counted ("rounds");
  // `out` null = silent. REQUIRES: total >= 0.
  Progress(std::string label, std::string unit, int64_t total, std::ostream* out,
           double redraw_seconds = 0.2);
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  ~Progress();  // Finish() if not yet called

  // Counts `n` more units done. Safe to call from several threads at once: a
  // thread that finds another one drawing does not wait for it.
  void Add(int64_t n = 1);

  // Replaces the progress line with "label: total unit in S s (R unit/s)".
  // Idempotent.
  void Finish();

  int64_t done() const { return done_.load(std::memory_order_relaxed); }

  // The progress line for `done` of `total` after `seconds` (no "\r"):
  // exposed so that tests can check the wording and arithmetic.
  static std::string Line(const std::string& label, const std::string& unit, int64_t done,
                          int64_t total, double seconds);

 private:
  using Clock = std::chrono::steady_clock;
  void Draw(int64_t done);

  const std::string label_, unit_;
  const int64_t total_;
  std::ostream* const out_;
  const double redraw_seconds_;
  const Clock::time_point start_;
  std::atomic<int64_t> done_{0};
  std::mutex draw_mutex_;
  Clock::time_point last_draw_;
  bool finished_ = false;
};

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_PROGRESS_H_
