// The style covariates of Chatbot Arena's style control: per battle and per
// feature (response length, markdown headers, lists, bold text), how much
// more of it side a has than side b, relative and standardized.
//
// Follows lmarena/arena-rank: examples/example_utils.py, add_style_feature_cols
// (the relative difference, then a z-score with pandas' sample sd), whose
// columns then pass through arena_rank/utils/data_utils.py,
// ContextualPairDataset.from_pandas with normalize_features=True (default):
// a second z-score with jnp.std, the population sd (ddof 0). Standardizing
// twice ends at the second definition — after the first, the column has mean
// 0 and population sd √((n−1)/n) — so the covariate is, per feature f and
// battle i with raw values a_if (side a) and b_if (side b):
//
//   r_if = (a_if − b_if) / (a_if + b_if)      (a_if + b_if = 0: divided by 1,
//                                              as pandas' total.replace(0, 1);
//                                              0 for counts, which are >= 0)
//   mean_f = (1/n) Σ_i r_if
//   sd_f   = √((1/n) Σ_i (r_if − mean_f)²)    (population sd)
//   x_if   = (r_if − mean_f) / sd_f
//
// A feature with sd_f = 0 (the same r in every battle) carries no
// information: its column is left all 0 and its sd reported as 0. (arena-rank
// would divide 0 by 0 in pandas and fill the column with NaN.) The fit of
// contextual_bradley_terry.h gives such a column coefficient 0 (with l2 = 0
// it pins it).
//
// The coefficient of x_if is in natural-log odds per population sd of r_f.
#ifndef PODIUM_ENGINE_RATING_STYLE_FEATURES_H_
#define PODIUM_ENGINE_RATING_STYLE_FEATURES_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace podium {

struct StyleCovariates {
  Eigen::MatrixXd covariates;  // n x k: x_if above (battle i, feature f)
  std::vector<double> means;   // k: mean_f of the relative differences r_f
  std::vector<double> sds;     // k: population sd_f of r_f; 0 = constant
                               //    feature, its column left 0
};

// Turns raw per-battle feature values into the covariates above. `raw` is
// laid out per battle as the battles reader gives it:
//   [f1_a, f1_b, f2_a, f2_b, ..., fk_a, fk_b] for battle 0, then battle 1, ...
// REQUIRES: num_battles >= 1, num_features >= 0,
// raw.size() == 2 · num_battles · num_features, every value finite.
StyleCovariates ComputeStyleCovariates(int64_t num_battles, int num_features,
                                       const std::vector<double>& raw);

// r = (a − b)/(a + b), and a − b when a + b = 0 (arena-rank's rule; 0 for
// non-negative counts).
double RelativeDifference(double a, double b);

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_STYLE_FEATURES_H_
