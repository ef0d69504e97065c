#include "engine/matrix/pair_counts.h"

namespace podium {

PairCounts ToPairCounts(int num_models, const std::vector<PairCell>& cells,
                        const std::vector<int64_t>* counts) {
  PairCounts out;
  out.num_models = num_models;
  for (size_t k = 0; k < cells.size(); ++k) {
    const PairCell& c = cells[k];
    const double n = static_cast<double>(counts != nullptr ? (*counts)[k] : c.count);
    if (out.pairs.empty() || out.pairs.back().i != c.i || out.pairs.back().j != c.j) {
      out.pairs.push_back({c.i, c.j, 0, 0, 0});
    }
    PairTotal& p = out.pairs.back();
    (c.outcome == Outcome::kWinA ? p.wins_i : c.outcome == Outcome::kWinB ? p.wins_j : p.ties) += n;
  }
  std::erase_if(out.pairs, [](const PairTotal& p) { return p.total() == 0; });
  return out;
}

}  // namespace podium
