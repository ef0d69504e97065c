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

// The ridge a fit falls back to when the maximum-likelihood ratings do not
// exist: a penalty of 0.01 on natural-log strengths, a Gaussian prior with
// sd 10 (one value for the arena's point fit and bootstrap, vote dropping,
// leave-one-out and the goodness of fit).
inline constexpr double kFallbackRidge = 0.01;

// The ridge to fit with: `ridge` when it is not 0; otherwise kFallbackRidge
// when the MLE does not exist (!graph.mle_exists), else 0.
double RidgeWithFallback(const ComparisonGraph& graph, double ridge);

// The same for the battles `counts` under `ties`; their graph is analysed
// only when `ridge` is 0.
double RidgeWithFallback(const PairCounts& counts, TieModel ties, double ridge);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_COMPARISON_GRAPH_H_
