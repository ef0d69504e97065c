// Bootstrap confidence intervals beyond the percentile method, and how much
// to trust them.
//
//   BCa   bias-corrected and accelerated percentile interval (Efron, "Better
//         bootstrap confidence intervals", JASA 1987; Efron & Tibshirani, "An
//         Introduction to the Bootstrap", 1993, §14.3). With z0 = Φ⁻¹(share of
//         replicates below the estimate, ties counted half, as SciPy's
//         scipy.stats.bootstrap) and acceleration a, the endpoints are the
//         replicate quantiles at Φ(z0 + (z0 + z_α) / (1 − a (z0 + z_α))) for
//         z_α = Φ⁻¹((1 − level) / 2) and Φ⁻¹((1 + level) / 2).
//   a     from jackknife values, for one or several independent samples
//         (Davison & Hinkley, "Bootstrap Methods and their Application", 1997,
//         §5.3.2): with empirical influence values l_kj = (n_k − 1)(θ̄_k − θ_(kj)),
//         a = Σ_k n_k⁻³ Σ_j l_kj³ / (6 (Σ_k n_k⁻² Σ_j l_kj²)^{3/2}).
//         For one sample this is Efron's Σ d³ / (6 (Σ d²)^{3/2}), d = θ̄ − θ_(j).
//   MCSE  the Monte-Carlo standard error of an endpoint, the α-quantile of R
//         independent replicates: the number of replicates below the true
//         quantile is Binomial(R, α), so one standard error in position is
//         √(α(1 − α)/R) in probability, and
//             MCSE = (Q(α + s) − Q(α − s)) / 2,  s = √(α(1 − α) / R)
//         (the order-statistic method of Vehtari et al., "Rank-normalization,
//         folding, and localization", Bayesian Analysis 2021, for independent
//         draws). For BCa, α is the adjusted level. It falls like 1/√R.
#ifndef PODIUM_ENGINE_INFERENCE_INTERVALS_H_
#define PODIUM_ENGINE_INFERENCE_INTERVALS_H_

#include <optional>
#include <vector>

#include "engine/base/enum_names.h"
#include "engine/inference/bootstrap.h"

namespace podium {

enum class IntervalMethod { kPercentile, kBca };

// The names of IntervalMethod on the command line, in reports and manifests.
inline constexpr EnumName<IntervalMethod> kIntervalMethodNames[] = {
    {IntervalMethod::kPercentile, "percentile"},
    {IntervalMethod::kBca, "bca"},
};

double NormalCdf(double z);
double NormalQuantile(double p);  // REQUIRES: 0 < p < 1

// Jackknife (leave-one-out) estimates of one independent sample. Units that
// give the same leave-one-out estimate may be listed once with a weight (a
// binomial cell of k successes in n items has two distinct values, with
// weights k and n − k).
struct JackknifeSample {
  std::vector<double> values;
  std::vector<double> weights;  // empty = all 1
};

// The BCa acceleration; 0 when the jackknife values do not vary.
double JackknifeAcceleration(const std::vector<JackknifeSample>& samples);

// The BCa interval of `replicates` around `estimate`. nullopt when the bias
// correction is infinite (every replicate on one side of the estimate) or any
// replicate is NaN. REQUIRES: non-empty replicates, 0 < level < 1.
std::optional<Interval> BcaInterval(const std::vector<double>& replicates, double estimate,
                                    double acceleration, double level);

struct IntervalEstimate {
  Interval interval;
  double low_level = 0, high_level = 0;  // the quantile levels used (BCa: adjusted)
  double mcse_low = 0, mcse_high = 0;    // Monte-Carlo standard errors of the endpoints
  bool fell_back = false;                // BCa was undefined; percentile used
};

// Percentile or BCa, as chosen, with the MCSE of both endpoints. BCa falls
// back to percentile when undefined. REQUIRES: non-empty replicates, no NaN.
IntervalEstimate EstimateInterval(const std::vector<double>& replicates, double estimate,
                                  double acceleration, double level, IntervalMethod method);

// The MCSE of the α-quantile of `replicates` (see above).
double QuantileMonteCarloError(const std::vector<double>& replicates, double alpha);

const char* IntervalMethodName(IntervalMethod method);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_INTERVALS_H_
