#include "engine/ingest/vote_cleaning.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>

#include "engine/base/check.h"

namespace podium {
namespace {

// A pair of models as one key, the smaller id first.
uint64_t PairKey(int32_t a, int32_t b) {
  const auto lo = static_cast<uint32_t>(std::min(a, b)), hi = static_cast<uint32_t>(std::max(a, b));
  return (static_cast<uint64_t>(lo) << 32) | hi;
}

// FastChat's vote of a battle for its pair: 1 when the smaller id won, 0 when
// it lost, 1/2 for a tie.
double Vote(const JudgedBattle& b) {
  if (b.outcome == Outcome::kTie) return 0.5;
  const bool a_won = b.outcome == Outcome::kWinA;
  return a_won == (b.a < b.b) ? 1.0 : 0.0;
}

// Decisive battles of a pair, from the smaller id's side.
struct PairStats {
  int64_t wins = 0, losses = 0;
};

std::unordered_map<uint64_t, PairStats> CountPairs(const std::vector<JudgedBattle>& battles,
                                                   const std::vector<bool>& keep) {
  std::unordered_map<uint64_t, PairStats> stats;
  for (size_t k = 0; k < battles.size(); ++k) {
    if (!keep[k]) continue;
    PairStats& s = stats[PairKey(battles[k].a, battles[k].b)];
    const double vote = Vote(battles[k]);
    if (vote == 1.0) ++s.wins;
    if (vote == 0.0) ++s.losses;
  }
  return stats;
}

// The running products of one judge's test. A NaN factor (a pair without
// decisive battles) makes both products NaN for good, as numpy's np.prod
// does, and a NaN never exceeds the threshold.
struct SequentialTest {
  double upper = 1, lower = 1;

  // Multiplies in one vote; true when a product now exceeds `threshold`.
  bool Add(double vote, const PairStats& s, double threshold) {
    const double n = static_cast<double>(s.wins + s.losses);
    const auto share = [&](double count) {
      return n == 0 ? std::numeric_limits<double>::quiet_NaN() : count / n;
    };
    // #{r <= v} and #{r >= v} among W ones and L zeros.
    const double at_most = vote == 1.0 ? n : static_cast<double>(s.losses);
    const double at_least = vote == 0.0 ? n : static_cast<double>(s.wins);
    upper *= 1 / (2 * share(at_most));  // 1 / 0 = inf: a certain failure
    lower *= 1 / (2 * share(at_least));
    return upper > threshold || lower > threshold;
  }
};

}  // namespace

int64_t UtcDay(double tstamp) { return static_cast<int64_t>(std::floor(tstamp / 86400.0)); }

int64_t LimitVotesPerJudgePerDay(const std::vector<JudgedBattle>& battles, int max_votes,
                                 std::vector<bool>* keep) {
  PODIUM_CHECK(max_votes >= 1);
  PODIUM_CHECK(keep->size() == battles.size());
  std::map<std::pair<int32_t, int64_t>, int> seen;  // (judge, day) -> votes kept so far
  int64_t dropped = 0;
  for (size_t k = 0; k < battles.size(); ++k) {
    if (!(*keep)[k]) continue;
    int& votes = seen[{battles[k].judge, battles[k].day}];
    if (votes < max_votes) {
      ++votes;
    } else {
      (*keep)[k] = false;
      ++dropped;
    }
  }
  return dropped;
}

int64_t DropOutlierJudges(const std::vector<JudgedBattle>& battles, const OutlierTest& test,
                          std::vector<bool>* keep, std::vector<OutlierJudge>* dropped) {
  PODIUM_CHECK(keep->size() == battles.size());
  PODIUM_CHECK(test.alpha > 0 && test.alpha < 1);
  const std::unordered_map<uint64_t, PairStats> stats = CountPairs(battles, *keep);
  // Per judge: its kept battles, and the first max_votes_read of them.
  struct Judge {
    int64_t battles = 0;
    std::vector<size_t> first;
  };
  std::map<int32_t, Judge> judges;
  for (size_t k = 0; k < battles.size(); ++k) {
    if (!(*keep)[k]) continue;
    Judge& j = judges[battles[k].judge];
    ++j.battles;
    if (static_cast<int64_t>(j.first.size()) < test.max_votes_read) j.first.push_back(k);
  }
  const double threshold = 1 / test.alpha;  // as FastChat writes it: M > 1 / alpha
  std::set<int32_t> failed;
  for (const auto& [id, judge] : judges) {
    if (judge.battles < test.min_votes) continue;
    SequentialTest sequential;
    for (size_t read = 0; read < judge.first.size(); ++read) {
      const JudgedBattle& b = battles[judge.first[read]];
      if (sequential.Add(Vote(b), stats.at(PairKey(b.a, b.b)), threshold)) {
        failed.insert(id);
        if (dropped != nullptr) dropped->push_back({id, static_cast<int>(read + 1)});
        break;
      }
    }
  }
  int64_t count = 0;
  for (size_t k = 0; k < battles.size(); ++k) {
    if ((*keep)[k] && failed.count(battles[k].judge) > 0) {
      (*keep)[k] = false;
      ++count;
    }
  }
  return count;
}

}  // namespace podium
