#include "engine/inference/bootstrap.h"

#include <gtest/gtest.h>

namespace podium {
namespace {

TEST(BootstrapTest, SameBytesOnAnyNumberOfThreads) {
  auto replicate = [](int r, Rng& rng, Eigen::VectorXd* row) {
    for (int k = 0; k < row->size(); ++k) (*row)(k) = rng.Uniform() + r;
  };
  const Eigen::MatrixXd one = RunBootstrap(101, 3, 9, 1, replicate);
  for (int threads : {2, 3, 8, 200}) {
    EXPECT_TRUE(one == RunBootstrap(101, 3, 9, threads, replicate)) << threads;
  }
  EXPECT_FALSE(one == RunBootstrap(101, 3, 10, 1, replicate));
}

TEST(BootstrapTest, QuantileIsNumpyLinear) {
  // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75; 0.975 of 0..100 -> 97.5
  EXPECT_DOUBLE_EQ(Quantile({4, 1, 3, 2}, 0.25), 1.75);
  std::vector<double> v;
  for (int k = 0; k <= 100; ++k) v.push_back(k);
  EXPECT_DOUBLE_EQ(Quantile(v, 0.975), 97.5);
  EXPECT_DOUBLE_EQ(Quantile({5}, 0.5), 5);
}

TEST(BootstrapTest, RankIntervalsAndArenaUpperBoundRank) {
  Eigen::MatrixXd reps(4, 3);
  reps << 3, 2, 1,  //
      3, 1, 2,      //
      3, 2, 1,      //
      1, 3, 2;
  std::vector<Interval> ranks = RankIntervals(reps, 0.5);  // 25% .. 75%
  EXPECT_EQ(ranks[0].low, 1);
  EXPECT_EQ(ranks[0].high, 1);
  EXPECT_EQ(ranks[1].low, 1);  // model 1 ranks 2, 3, 2, 1 -> sorted 1 2 2 3
  EXPECT_EQ(ranks[1].high, 2);
  EXPECT_EQ(ranks[2].high, 3);
  // Rank (UB): a model is behind those whose lower bound beats its upper bound.
  EXPECT_EQ(UpperBoundRanks({{10, 12}, {5, 9}, {8, 11}, {1, 2}}), (std::vector<int>{1, 2, 1, 4}));
}

}  // namespace
}  // namespace podium
