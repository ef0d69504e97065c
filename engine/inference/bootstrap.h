// A deterministic, multi-threaded bootstrap driver and percentile summaries.
//
// Replicate r draws only from Rng(seed, r) and writes only row r, so the
// result is the same bytes on 1, 2 or 64 threads. Replicates are handed out in
// contiguous blocks, one per thread.
#ifndef PODIUM_ENGINE_INFERENCE_BOOTSTRAP_H_
#define PODIUM_ENGINE_INFERENCE_BOOTSTRAP_H_

#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/base/progress.h"
#include "engine/base/random.h"

namespace podium {

// What every bootstrapping method is given, and the command line declares
// once (--rounds, --seed, --level, --threads): the engine's option structs
// (ArenaOptions, ScoreBootstrapOptions) extend it.
struct BootstrapOptions {
  int rounds = 1000;             // bootstrap rounds; 0 = point estimates only where allowed
  uint64_t seed = 1;             // replicate r draws from Rng(seed, r)
  double level = 0.95;           // confidence level of the intervals
  int threads = 1;               // the results do not depend on it
  Progress* progress = nullptr;  // counts finished rounds for a terminal; null = none
};

// Fills row r of the (rounds x width) result with what replicate(r, rng_r,
// &row) writes into `row` (a vector of `width` values, reused between calls).
// `replicate` must be safe to call concurrently for different r.
// Each finished round is counted on `progress` (may be null).
// REQUIRES: threads >= 1.
Eigen::MatrixXd RunBootstrap(int rounds, int width, uint64_t seed, int threads,
                             const std::function<void(int, Rng&, Eigen::VectorXd*)>& replicate,
                             Progress* progress = nullptr);

// The q-quantile of `values` with linear interpolation between order
// statistics (Hyndman & Fan type 7: numpy's and pandas' default, which Arena's
// bootstrap uses). REQUIRES: non-empty, 0 <= q <= 1.
double Quantile(std::vector<double> values, double q);

struct Interval {
  double low = 0, high = 0;
};

// Per column: [quantile((1 - level) / 2), quantile((1 + level) / 2)].
std::vector<Interval> PercentileIntervals(const Eigen::MatrixXd& replicates, double level);

// Per column: the interval of each model's rank (1 = best, competition
// ranking within each replicate), as the order statistics at ceil-based
// positions of the sorted ranks (ranks stay integers). A NaN value means the
// model had no score in that replicate: the replicate is skipped for it, and
// it does not count against the others. {0, 0} for a model never scored.
std::vector<Interval> RankIntervals(const Eigen::MatrixXd& replicates, double level);

// Chatbot Arena's "Rank (UB)": 1 + #{j : low_j > high_i}.
std::vector<int> UpperBoundRanks(const std::vector<Interval>& intervals);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_BOOTSTRAP_H_
