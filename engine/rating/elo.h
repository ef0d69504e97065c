// Online Elo, exactly as FastChat's compute_elo (the original Chatbot Arena
// leaderboard): battles in order, each updating both ratings by
//   r_a += K (s_a - e_a),  e_a = 1 / (1 + base^((r_b - r_a) / scale)),
// with s_a = 1 for a win, 0.5 for a tie, 0 for a loss (and symmetrically for b).
// Order matters: file order, or tstamp order when every battle has one.
#ifndef PODIUM_ENGINE_RATING_ELO_H_
#define PODIUM_ENGINE_RATING_ELO_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/base/random.h"
#include "engine/ingest/battles.h"

namespace podium {

struct EloOptions {
  double k = 4;  // FastChat default
  double base = 10;
  double scale = 400;
  double initial = 1000;
};

// Ratings of models 0..num_models-1 after playing `battles` in order; `order`,
// when given, lists the indices of `battles` to play (a bootstrap replicate).
Eigen::VectorXd OnlineElo(int num_models, const std::vector<Battle>& battles,
                          const EloOptions& options, const std::vector<int>* order = nullptr);

// A battle as online Elo replays it: 12 bytes rather than Battle's 40, so
// a bootstrap replay's random reads stay in cache.
struct PackedBattle {
  int32_t a = 0, b = 0;
  Outcome outcome = Outcome::kTie;
};
std::vector<PackedBattle> PackBattles(const std::vector<Battle>& battles);

// Online Elo over one bootstrap replicate of `battles` (n of them): battle
// k of the replay is battles[rng.Below(n)], drawn in order — FastChat's
// get_bootstrap_result. Bit for bit the ratings of OnlineElo over that
// order, without the order vector, and with each battle prefetched 16 draws
// before it is played.
Eigen::VectorXd ResampledOnlineElo(int num_models, const std::vector<PackedBattle>& battles,
                                   const EloOptions& options, Rng& rng);

// Ratings placed as a board shows them: `points` (already on the Elo scale:
// kEloPerNat·θ of a Bradley–Terry fit, or OnlineElo's), when `centre`
// shifted to a mean of 1000 over the models that play, then, when `anchor`
// (>= 0) plays, shifted so that it has `anchor_rating`. `plays` holds a flag
// per model, empty = every model plays; a model that does not play gets NaN.
Eigen::VectorXd PlaceRatings(const Eigen::VectorXd& points, int anchor, double anchor_rating,
                             bool centre, const std::vector<bool>& plays = {});

}  // namespace podium

#endif  // PODIUM_ENGINE_RATING_ELO_H_
