// The per-judge steps of Chatbot Arena's vote cleaning, on battle records
// that still carry their judge and day (before they are aggregated into
// PairCells, engine/ingest/battles.h):
//
//   LimitVotesPerJudgePerDay   FastChat `limit_user_votes`
//   DropOutlierJudges          FastChat `get_model_pair_stats` + `outlier_detect`
//
// both in lm-sys/FastChat fastchat/serve/monitor/elo_analysis.py, where
// `report_elo_analysis_results` runs them in this order, after its per-battle
// filters (category, language, anonymous votes, ties) and on battles sorted
// by tstamp. The outlier test is the "anomalous users" test of Chiang et al.,
// "Chatbot Arena: An Open Platform for Evaluating LLMs by Human Preference"
// (ICML 2024, arXiv:2403.04132). The definitions are FastChat's, written anew
// here; docs/methods.md ("Vote cleaning") states them as formulas.
//
// Both functions read the battles in the order given (the caller's order:
// tstamp order in ReadBattles) and only mark battles as dropped in `keep`, so
// the caller can carry its own per-battle data (features, times) alongside.
// Battles already marked false are ignored, as if absent, so steps compose.
#ifndef PODIUM_ENGINE_INGEST_VOTE_CLEANING_H_
#define PODIUM_ENGINE_INGEST_VOTE_CLEANING_H_

#include <cstdint>
#include <vector>

#include "engine/ingest/battle_layout.h"

namespace podium {

// One battle as the per-judge steps see it.
struct JudgedBattle {
  int32_t a = 0, b = 0;             // the two models (any numbering; a != b)
  Outcome outcome = Outcome::kTie;  // from a's side
  int32_t judge = 0;                // who voted (any numbering; equal = same judge)
  int64_t day = 0;                  // UtcDay of the battle's tstamp (LimitVotes... only)
};

// The UTC calendar day of a Unix time in seconds, as days since 1970-01-01
// (floor(tstamp / 86400); 86399.9 -> 0, 86400 -> 1, -0.5 -> -1).
//
// FastChat's `limit_user_votes` takes the day as
// datetime.fromtimestamp(tstamp).strftime("%Y-%m-%d"), the *local* date of
// the machine that runs it; podium uses UTC so that the result does not
// depend on the machine (docs/methods.md).
int64_t UtcDay(double tstamp);

// Keeps, for every (judge, day), the first `max_votes` battles in the order
// given and marks the rest false in `keep`; returns how many it marked.
// FastChat: per date, `df_today.groupby("judge").head(daily_vote_per_user)`.
// REQUIRES: max_votes >= 1; keep->size() == battles.size().
int64_t LimitVotesPerJudgePerDay(const std::vector<JudgedBattle>& battles, int max_votes,
                                 std::vector<bool>* keep);

// FastChat `outlier_detect`'s parameters, with its defaults.
struct OutlierTest {
  double alpha = 0.05;       // a judge is dropped once a running product exceeds 1 / alpha
  int max_votes_read = 100;  // votes of one judge read at most: the first ones, in order
  int min_votes = 5;         // judges with fewer (kept) battles are not tested
};

// A judge the test dropped, and after how many of its votes.
struct OutlierJudge {
  int32_t judge = 0;
  int votes_read = 0;  // the vote at which a product first exceeded 1 / alpha
};

// FastChat's sequential test of each judge's votes against everyone's votes
// on the same pair, marking every battle of a judge that fails it false in
// `keep`; returns how many battles it marked. `dropped` (if not null)
// receives the judges dropped, by ascending judge id.
//
// For a pair {i, j} (i the smaller model id), W and L count the kept battles
// of the pair that i won and lost (ties not counted; the judge's own votes
// included). A judge's vote on the pair is v = 1 (i won), 0 (i lost) or 1/2
// (a tie), compared with the W ones and L zeros: p_up = #{r <= v} / (W + L),
// p_low = #{r >= v} / (W + L). Reading the judge's votes in order, M_up and
// M_low are the running products of 1 / (2 p) over the votes read; the judge
// fails as soon as M_up > 1/alpha or M_low > 1/alpha. At most max_votes_read
// votes are read, and only judges with at least min_votes battles are tested.
// The test does not depend on which model of a pair is called i (swapping
// them swaps M_up and M_low).
//
// As in FastChat: a p of 0 (a tie on a pair whose decisive battles all went
// one way) makes a product infinite, so the judge fails; a pair with no
// decisive battle gives p = 0/0 (NaN in numpy), after which neither product
// can exceed 1/alpha, so the judge passes whatever its later votes.
// REQUIRES: keep->size() == battles.size(); alpha in (0, 1).
int64_t DropOutlierJudges(const std::vector<JudgedBattle>& battles, const OutlierTest& test,
                          std::vector<bool>* keep, std::vector<OutlierJudge>* dropped = nullptr);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_VOTE_CLEANING_H_
