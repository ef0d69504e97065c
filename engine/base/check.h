// Always-on invariant checks for programmer errors.
//
// Eigen's and the standard library's asserts vanish in optimized builds; a
// broken invariant in a statistics engine must never turn into a silently
// wrong number, so PODIUM_CHECK stays on in every build mode. Bad *input* is
// never checked this way: it is reported through Diagnostics (diagnostic.h).
#ifndef PODIUM_ENGINE_BASE_CHECK_H_
#define PODIUM_ENGINE_BASE_CHECK_H_

namespace podium {

// Prints "file:line: check failed: condition: message" to stderr and aborts.
[[noreturn]] void CheckFailed(const char* file, int line, const char* condition,
                              const char* message);

}  // namespace podium

// PODIUM_CHECK(cond) and PODIUM_CHECK_MSG(cond, "why") abort when cond is false.
#define PODIUM_CHECK(condition) PODIUM_CHECK_MSG(condition, "")
#define PODIUM_CHECK_MSG(condition, message)                            \
  do {                                                                  \
    if (!(condition)) {                                                 \
      ::podium::CheckFailed(__FILE__, __LINE__, #condition, (message)); \
    }                                                                   \
  } while (false)

#endif  // PODIUM_ENGINE_BASE_CHECK_H_
