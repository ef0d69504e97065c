// Which way is better for a number of a report, so that `podium check` can say
// whether a moved number got better or worse instead of calling every change
// a regression.
//
// A number in a row (an array element: a model's row, a head-to-head pair, a
// net win rate) is read by its field name:
//   higher is better  score, rating (aggregates are higher-is-better: lower-is-
//                     better benchmarks are flipped before aggregating);
//                     rating_a, rating_b; and the first model's side of a pair:
//                     advantage, difference, observed, observed_ties_half,
//                     predicted, nwr, win_probability, elo_gap
//   lower is better   rank, rank_ub, rank_ci_low, rank_ci_high, rank_set_low,
//                     rank_set_high, tier (1 = best; bounds of a rank too)
//   the benchmark's   a, b in a head-to-head benchmark entry (its own
//   direction         "higher_is_better"); a leaderboard cell
//                     rows[m].benchmarks.<id>.raw, and .value under
//                     "normalize": "raw" (the report's benchmarks[<id>]
//                     "higher_is_better"); .value under any other
//                     normalization is higher-is-better (normalize.h)
// Everything else — interval endpoints and widths, standard errors, Monte-
// Carlo errors, p-values and posterior probabilities, counts, coverage,
// options — has no better side: a change is just a change.
#ifndef PODIUM_ENGINE_CHECK_FIELD_DIRECTION_H_
#define PODIUM_ENGINE_CHECK_FIELD_DIRECTION_H_

#include "engine/check/flat_report.h"

namespace podium {

enum class BetterWay { kHigher, kLower, kNeither };

// Which way is better for the number at `path`, reading the benchmark
// directions and the normalization from `report` (the flattened report the
// path belongs to). kNeither when the field has no better side or a direction
// it needs is missing from the report.
BetterWay BetterWayOf(const ReportPath& path, const FlatReport& report);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_FIELD_DIRECTION_H_
