#include "engine/base/check.h"

#include <cstdio>
#include <cstdlib>

namespace podium {

void CheckFailed(const char* file, int line, const char* condition, const char* message) {
  std::fprintf(stderr, "%s:%d: check failed: %s%s%s\n", file, line, condition,
               message[0] != '\0' ? ": " : "", message);
  std::abort();
}

}  // namespace podium
