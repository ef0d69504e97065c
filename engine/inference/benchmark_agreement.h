// Benchmark agreement: do two benchmarks order the models the same way?
//
// For each pair of benchmarks, over the models that have a score on both
// (the shared models), Kendall's tau-b between the two orders (higher score
// = better; a lower-is-better benchmark is turned around first):
//     tau_b = (C − D) / √((n0 − n1)(n0 − n2)),
//     n0 = n(n − 1)/2, n1 = Σ t(t − 1)/2 over groups of x ties, n2 the same for y,
// C and D the concordant and discordant pairs of models (a pair tied in
// either benchmark is neither) — Kendall (1945), the "b" variant of
// scipy.stats.kendalltau. Computed by the O(n²) definition (leaderboards
// have tens of models, not thousands). Undefined (NaN) with fewer than 3
// shared models, or when one benchmark gives every shared model the same
// score.
//
// Intervals: percentile bootstrap (bootstrap.h), replicate r drawing from
// Rng(seed, r) only: for every pair in order, its shared models resampled
// with replacement (as many as there are), and tau_b of the resample;
// replicates where a resample's tau is undefined (all tied) are left out of
// that pair's interval. The same bytes on any number of threads.
//
// Per benchmark: the mean tau against the others, unweighted (each benchmark
// with a defined tau counts once, however many models it shares), and its
// percentile interval from the same replicates (the mean of that replicate's
// defined pair taus). Pairs are resampled independently of each other, so
// this interval ignores that pairs sharing models move together: a screening
// rule, not a test.
//
// Flag: a benchmark disagrees with the rest when at least 3 benchmarks have
// a mean tau and the upper end of its mean-tau interval lies below the median
// of the other benchmarks' mean taus.
#ifndef PODIUM_ENGINE_INFERENCE_BENCHMARK_AGREEMENT_H_
#define PODIUM_ENGINE_INFERENCE_BENCHMARK_AGREEMENT_H_

#include <Eigen/Core>
#include <string>
#include <vector>

#include "engine/inference/bootstrap.h"

namespace podium {

// Fewer shared models than this: tau is not computed.
inline constexpr int kMinSharedModels = 3;

// Kendall's tau-b of the paired values (x_k, y_k), by the O(n²) definition.
// NaN when n < 2 or when x or y is constant. REQUIRES: x.size() == y.size(),
// no NaN.
double KendallTauB(const std::vector<double>& x, const std::vector<double>& y);

struct BenchmarkPair {
  int first = 0, second = 0;  // benchmark columns, first < second
  int shared = 0;             // models with a score on both
  double tau = 0;             // NaN when undefined (see above)
  Interval ci;                // percentile interval; NaN when tau is undefined
  int defined_rounds = 0;     // replicates with a defined tau
};

struct BenchmarkAgreementRow {
  double mean_tau = 0;       // unweighted mean of the defined taus with the others; NaN if none
  Interval ci;               // percentile interval of the mean; NaN if none
  int pairs = 0;             // pairs with a defined tau
  double others_median = 0;  // median of the other benchmarks' mean taus; NaN if none
  bool flagged = false;      // the rule above
};

struct BenchmarkAgreement {
  BootstrapOptions options;                 // rounds, seed, level used
  std::vector<std::string> benchmarks;      // column order
  std::vector<BenchmarkPair> pairs;         // every (first, second), first < second, in order
  std::vector<BenchmarkAgreementRow> rows;  // per benchmark
};

// The agreement of the columns of `values` (models x benchmarks, `present`
// the cells with a score; values elsewhere are ignored), each column larger =
// better when `higher_is_better[j]`, else smaller = better. `rounds` 0 gives
// no intervals (NaN) and flags nothing.
// REQUIRES: the shapes agree; options.threads >= 1.
BenchmarkAgreement ComputeBenchmarkAgreement(
    const Eigen::MatrixXd& values,
    const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& present,
    const std::vector<bool>& higher_is_better, const std::vector<std::string>& benchmarks,
    const BootstrapOptions& options);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_BENCHMARK_AGREEMENT_H_
