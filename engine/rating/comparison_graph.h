// The comparison graph of paired data, and whether ratings can exist.
//
// Models are nodes; two models are joined when they met. Ratings are only
// comparable within a connected component. Within one, the Bradley–Terry MLE
// exists (is finite) exactly when the "beat" digraph — i -> j when i won at
// least once against j, a tie counting both ways unless ties are dropped — is
// strongly connected (Zermelo 1929; Ford 1957). A model with only wins or only
// losses is the common way this fails.
#ifndef PODIUM_ENGINE_RATING_COMPARISON_GRAPH_H_
#define PODIUM_ENGINE_RATING_COMPARISON_GRAPH_H_

#include <vector>

#include "engine/matrix/pair_counts.h"
#include "engine/rating/bradley_terry.h"

namespace podium {

struct ComparisonGraph {
  std::vector<int> component;    // per model: component id, 0.., numbered by smallest model
  int num_components = 0;        // models without battles form their own components
  std::vector<int> only_wins;    // models with wins and no losses (ties as the model says)
  std::vector<int> only_losses;  // models with losses and no wins
  bool mle_exists = true;        // every component strongly connected
};

ComparisonGraph AnalyzeComparisonGraph(const PairCounts& counts, TieModel ties);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_COMPARISON_GRAPH_H_
