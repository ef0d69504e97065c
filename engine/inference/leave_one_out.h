// Leave-one-group-out sensitivity of a Bradley–Terry board: each group of
// battles (a judge, a prompt, a category; BattleReadOptions::group_by) is
// left out in turn, the model refitted on the rest, and every model's
// rating and rank compared with the full board's. Per model: the largest
// rating change and the largest rank change, and the group that caused
// each.
//
// Ratings are on the Elo scale as the board's: 1000 + (400 / ln 10)·θ with
// θ centred over the models that still have battles, or anchored at the
// anchor model when the board is (and the anchor still plays). Ranks are
// competition ranks among the eligible (ranked) models that still play. A
// model left without battles has no rating in that refit (not a change);
// a group whose removal splits the comparison graph is reported and
// skipped (ratings across components are not comparable). Refits use the
// board's tie model and ridge, and the fallback ridge when the MLE stops
// existing (RidgeWithFallback, comparison_graph.h). Deterministic; groups in
// name order, the first group wins a tie.
#ifndef PODIUM_ENGINE_INFERENCE_LEAVE_ONE_OUT_H_
#define PODIUM_ENGINE_INFERENCE_LEAVE_ONE_OUT_H_

#include <Eigen/Core>
#include <cstdint>
#include <vector>

#include "engine/ingest/battles.h"
#include "engine/rating/bradley_terry.h"

namespace podium {

struct LeaveOneOutOptions {
  BradleyTerryOptions fit;       // the board's tie model (any) and ridge
  std::vector<int> eligible;     // the ranked models; empty = all
  int anchor = -1;               // the board's anchor model, or -1 (centred on 1000)
  double anchor_rating = 1000;
};

struct LeftOutGroup {
  int64_t battles = 0;      // battles of the group
  bool disconnects = false;  // without it the graph splits: no ratings
  int top = -1;             // the #1 eligible model without it (-1: none)
};

struct LeaveOneOutModel {
  double rating_change = 0;  // largest |Δ rating|, signed (after − full)
  int rating_group = -1;     // the group that caused it (-1: no change measured)
  int rank_change = 0;       // largest |Δ rank|, signed (> 0: a worse rank)
  int rank_group = -1;       // the group that caused it (-1: never changed)
  int absent_in = 0;         // groups without which the model has no battles
};

struct LeaveOneOutResult {
  Eigen::VectorXd ratings;  // the full board (Elo scale)
  std::vector<int> ranks;   // full board, 0 for models not eligible
  std::vector<LeftOutGroup> groups;
  std::vector<LeaveOneOutModel> models;
  Eigen::MatrixXd group_ratings;  // groups x models, NaN where absent or skipped
};

// `sequence` carries each battle's group (0 .. num_groups − 1); `cells` are
// the same battles' totals, sorted by (i, j, outcome) as BattleData's.
LeaveOneOutResult LeaveOneGroupOut(int num_models, const std::vector<PairCell>& cells,
                                   const std::vector<Battle>& sequence, int num_groups,
                                   const LeaveOneOutOptions& options);

}  // namespace podium

#endif  // PODIUM_ENGINE_INFERENCE_LEAVE_ONE_OUT_H_
