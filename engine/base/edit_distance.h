// Edit distance between names, for "did you mean ..." suggestions.
#ifndef PODIUM_ENGINE_BASE_EDIT_DISTANCE_H_
#define PODIUM_ENGINE_BASE_EDIT_DISTANCE_H_

#include <string>
#include <string_view>
#include <vector>

namespace podium {

// Levenshtein distance (insertions, deletions, substitutions, each 1) between
// `a` and `b` counted in Unicode code points, so a Korean syllable is one
// edit, not three. Invalid UTF-8 bytes count as one code point each.
int EditDistance(std::string_view a, std::string_view b);

// The indices of the candidates nearest to `name` (by EditDistance), at most
// `limit`, nearest first (ties in candidate order), keeping only those within
// max(2, code points of `name` / 3) edits: a plausible misspelling, not any
// name. A candidate equal to an earlier one is left out.
std::vector<size_t> NearestNames(std::string_view name, const std::vector<std::string>& candidates,
                                 int limit = 3);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_EDIT_DISTANCE_H_
