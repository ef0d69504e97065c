#include "engine/base/edit_distance.h"

#include <algorithm>
#include <cstdint>

namespace podium {
namespace {

// Splits UTF-8 text into code points (a byte that is not a valid lead byte
// stands for itself).
std::vector<uint32_t> CodePoints(std::string_view s) {
  std::vector<uint32_t> out;
  for (size_t k = 0; k < s.size();) {
    const auto b = static_cast<uint8_t>(s[k]);
    const size_t n = b < 0x80           ? 1
                     : (b >> 5) == 0x6  ? 2
                     : (b >> 4) == 0xE  ? 3
                     : (b >> 3) == 0x1E ? 4
                                        : 1;
    uint32_t cp = b;
    if (n > 1 && k + n <= s.size()) {
      cp = b & (0x7F >> n);
      for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<uint8_t>(s[k + i]) & 0x3F);
      k += n;
    } else {
      cp = 0x110000u + b;  // outside Unicode: never equal to a real code point
      ++k;
    }
    out.push_back(cp);
  }
  return out;
}

}  // namespace

int EditDistance(std::string_view a, std::string_view b) {
  const std::vector<uint32_t> x = CodePoints(a), y = CodePoints(b);
  std::vector<int> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= x.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (size_t j = 1; j <= y.size(); ++j) {
      const int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

std::vector<size_t> NearestNames(std::string_view name, const std::vector<std::string>& candidates,
                                 int limit) {
  const int budget = std::max(2, static_cast<int>(CodePoints(name).size()) / 3);
  std::vector<std::pair<int, size_t>> scored;  // (distance, candidate index)
  for (size_t k = 0; k < candidates.size(); ++k) {
    const int d = EditDistance(name, candidates[k]);
    if (d <= budget) scored.emplace_back(d, k);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& p, const auto& q) { return p.first < q.first; });
  std::vector<size_t> out;
  for (const auto& scored_candidate : scored) {
    if (static_cast<int>(out.size()) >= limit) break;
    const size_t k = scored_candidate.second;
    const bool repeated = std::any_of(out.begin(), out.end(),
                                      [&](size_t o) { return candidates[o] == candidates[k]; });
    if (!repeated) out.push_back(k);
  }
  return out;
}

}  // namespace podium
