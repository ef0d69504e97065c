// Net win rate (Meta Movie Gen; source 000 line 219): each judgment of A vs B
// scores +1 when A is preferred, 0 for a tie, -1 when B is; the net win rate
// is NWR = 100 · mean, in [-100, 100]. Equivalent win probability
// p = (1 + NWR / 100) / 2 (a tie as half a win) and Elo gap 400 log10(p / (1 - p)).
//
// The interval resamples prompts with replacement (all judgments of a drawn
// prompt come along: raters of one prompt are not independent), percentile
// method, deterministic per (seed, round).
#ifndef PODIUM_ENGINE_INFERENCE_NET_WIN_RATE_H_
#define PODIUM_ENGINE_INFERENCE_NET_WIN_RATE_H_

#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "engine/ingest/judgments.h"

namespace podium {

struct NetWinRate {
  std::string model_a, model_b;  // as in the data (A = the first model seen for the pair)
  int judgments = 0, prompts = 0;
  int wins = 0, ties = 0, losses = 0;  // from A's side
  double nwr = 0;                      // in [-100, 100]
  double ci_low = 0, ci_high = 0;      // NaN when rounds == 0
  double win_probability = 0;          // (1 + nwr / 100) / 2
  double elo_gap = 0;                  // 400 log10(p / (1 - p)); +-inf at p = 1 or 0
};

// One row per unordered pair (judgments of B vs A are flipped to A vs B).
std::vector<NetWinRate> ComputeNetWinRates(const std::vector<Judgment>& judgments, int rounds,
                                           uint64_t seed, double level, int threads);

// p and the Elo gap of a net win rate.
double NetWinProbability(double nwr);
double NetWinEloGap(double nwr);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_NET_WIN_RATE_H_
