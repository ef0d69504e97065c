#include "engine/inference/goodness_of_fit.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "engine/rating/comparison_graph.h"

namespace podium {
namespace {

std::vector<PairCell> OnePair(int64_t a, int64_t b, int64_t t) {
  return {{0, 1, Outcome::kWinA, a}, {0, 1, Outcome::kWinB, b}, {0, 1, Outcome::kTie, t}};
}

TEST(FoldLabelsTest, BalancedDeterministicAndSeeded) {
  const std::vector<uint8_t> labels = FoldLabels(103, 5, 7);
  std::vector<int> sizes(5, 0);
  for (uint8_t f : labels) ++sizes[f];
  EXPECT_EQ(sizes, (std::vector<int>{21, 21, 21, 20, 20}));
  EXPECT_EQ(labels, FoldLabels(103, 5, 7));
  EXPECT_NE(labels, FoldLabels(103, 5, 8));
}

TEST(GoodnessOfFitTest, OnePairClosedForms) {
  // 30 wins, 10 losses, 10 ties between two models.
  const GoodnessOfFit fit = ComputeGoodnessOfFit(2, OnePair(30, 10, 10), {});
  ASSERT_EQ(fit.models.size(), 4u);
  EXPECT_EQ(fit.battles, 50);
  const double tau = 0.2;
  // half: sigma = (30 + 5) / 50; drop: sigma = 30 / 40; both with P(tie) = tau.
  const double half_sigma = 0.7, drop_sigma = 0.75;
  const auto three = [&](double sigma) {
    return 30 * std::log((1 - tau) * sigma) + 10 * std::log((1 - tau) * (1 - sigma)) +
           10 * std::log(tau);
  };
  EXPECT_NEAR(FitOf(fit, TieModel::kHalf).log_likelihood, three(half_sigma), 1e-9);
  EXPECT_NEAR(FitOf(fit, TieModel::kDrop).log_likelihood, three(drop_sigma), 1e-9);
  // Two models: Davidson and Rao–Kupper have two parameters for two free
  // frequencies, so they reach the multinomial maximum.
  const double saturated = 30 * std::log(0.6) + 10 * std::log(0.2) + 10 * std::log(0.2);
  EXPECT_NEAR(FitOf(fit, TieModel::kDavidson).log_likelihood, saturated, 1e-8);
  EXPECT_NEAR(FitOf(fit, TieModel::kRaoKupper).log_likelihood, saturated, 1e-8);
  EXPECT_NEAR(FitOf(fit, TieModel::kHalf).tie_parameter, tau, 1e-15);
  // AIC and BIC: one strength difference and one tie parameter.
  for (const TieModelFit& f : fit.models) {
    EXPECT_EQ(f.parameters, 2);
    EXPECT_NEAR(f.aic, 4 - 2 * f.log_likelihood, 1e-12);
    EXPECT_NEAR(f.bic, 2 * std::log(50.0) - 2 * f.log_likelihood, 1e-12);
    EXPECT_TRUE(f.converged);
  }
  // Calibration of the best model: one pair, observed (30 + 5) / 50.
  ASSERT_EQ(fit.pairs.size(), 1u);
  EXPECT_EQ(fit.pairs[0].battles, 50);
  EXPECT_NEAR(fit.pairs[0].observed, 0.7, 1e-15);
  // A saturated model predicts the observed score exactly.
  EXPECT_NEAR(fit.pairs[0].predicted, 0.7, 1e-8);
  EXPECT_NEAR(fit.calibration_error, 0, 1e-8);
}

TEST(GoodnessOfFitTest, OnePairHeldOutLossOfHalfIsTheClosedForm) {
  const std::vector<PairCell> cells = OnePair(30, 10, 10);
  GoodnessOfFitOptions options;
  options.folds = 5;
  options.seed = 3;
  const GoodnessOfFit fit = ComputeGoodnessOfFit(2, cells, options);
  // Fold by fold: train counts -> sigma = (a + t/2) / n, tau = t / n.
  const std::vector<uint8_t> labels = FoldLabels(50, 5, 3);
  double total = 0;
  for (int f = 0; f < 5; ++f) {
    double train[3] = {0, 0, 0}, held[3] = {0, 0, 0};
    for (int b = 0; b < 50; ++b) {
      const int outcome = b < 30 ? 0 : b < 40 ? 1 : 2;
      (labels[b] == f ? held : train)[outcome] += 1;
    }
    const double n = train[0] + train[1] + train[2], tau = train[2] / n;
    const double sigma = (train[0] + train[2] / 2) / n;
    const double loss = -(held[0] * std::log((1 - tau) * sigma) +
                          held[1] * std::log((1 - tau) * (1 - sigma)) + held[2] * std::log(tau));
    EXPECT_NEAR(FitOf(fit, TieModel::kHalf).fold_log_loss[f], loss / 10, 1e-9) << f;
    total += loss;
  }
  EXPECT_NEAR(FitOf(fit, TieModel::kHalf).held_out_log_loss, total / 50, 1e-9);
}

// The slow, obviously-correct reference: battles listed one by one, each
// fold's training counts accumulated battle by battle, the probabilities
// written from the papers' formulas.
struct ListedBattle {
  int i, j;
  Outcome outcome;
};

double ReferenceProbability(TieModel ties, const BradleyTerryResult& r, double tau,
                            const ListedBattle& b) {
  const double pi = std::exp(r.theta(b.i)), pj = std::exp(r.theta(b.j));
  double win = 0, loss = 0, tie = 0;
  if (ties == TieModel::kDavidson) {
    const double nu = r.tie_parameter, d = pi + pj + nu * std::sqrt(pi * pj);
    win = pi / d, loss = pj / d, tie = nu * std::sqrt(pi * pj) / d;
  } else if (ties == TieModel::kRaoKupper) {
    const double th = r.tie_parameter;
    win = pi / (pi + th * pj), loss = pj / (pj + th * pi);
    tie = (th * th - 1) * pi * pj / ((pi + th * pj) * (pj + th * pi));
  } else {
    win = (1 - tau) * pi / (pi + pj), loss = (1 - tau) * pj / (pi + pj), tie = tau;
  }
  return b.outcome == Outcome::kWinA ? win : b.outcome == Outcome::kWinB ? loss : tie;
}

double ReferenceHeldOutLoss(int m, const std::vector<PairCell>& cells, TieModel ties, int folds,
                            uint64_t seed) {
  std::vector<ListedBattle> battles;
  for (const PairCell& c : cells) {
    for (int64_t k = 0; k < c.count; ++k) battles.push_back({c.i, c.j, c.outcome});
  }
  const std::vector<uint8_t> labels = FoldLabels(static_cast<int64_t>(battles.size()), folds, seed);
  double loss = 0;
  for (int f = 0; f < folds; ++f) {
    std::map<std::pair<int, int>, PairTotal> totals;
    double n = 0, tied = 0;
    for (size_t k = 0; k < battles.size(); ++k) {
      if (labels[k] == f) continue;
      const ListedBattle& b = battles[k];
      PairTotal& p = totals[{b.i, b.j}];
      p.i = b.i, p.j = b.j;
      (b.outcome == Outcome::kWinA   ? p.wins_i
       : b.outcome == Outcome::kWinB ? p.wins_j
                                     : p.ties) += 1;
      n += 1;
      tied += b.outcome == Outcome::kTie;
    }
    PairCounts train{m, {}};
    for (const auto& [key, p] : totals) train.pairs.push_back(p);
    BradleyTerryOptions options;
    options.ties = ties;
    options.ridge = RidgeWithFallback(train, ties, 0);
    const BradleyTerryResult r = FitBradleyTerry(train, options);
    for (size_t k = 0; k < battles.size(); ++k) {
      if (labels[k] == f) loss -= std::log(ReferenceProbability(ties, r, tied / n, battles[k]));
    }
  }
  return loss / static_cast<double>(battles.size());
}

std::vector<PairCell> RandomCells(int m, std::mt19937& gen) {
  std::vector<PairCell> cells;
  for (int i = 0; i < m; ++i) {
    for (int j = i + 1; j < m; ++j) {
      for (Outcome o : {Outcome::kWinA, Outcome::kWinB, Outcome::kTie}) {
        const int64_t count = gen() % 6;
        if (count > 0) cells.push_back({i, j, o, count});
      }
    }
  }
  return cells;
}

TEST(GoodnessOfFitTest, MatchesTheBattleByBattleReference) {
  std::mt19937 gen(5);
  for (int trial = 0; trial < 4; ++trial) {
    const int m = 3 + trial;
    const std::vector<PairCell> cells = RandomCells(m, gen);
    GoodnessOfFitOptions options;
    options.folds = 3 + trial;
    options.seed = 10 + trial;
    const GoodnessOfFit fit = ComputeGoodnessOfFit(m, cells, options);
    for (TieModel ties : kComparedTieModels) {
      EXPECT_NEAR(FitOf(fit, ties).held_out_log_loss,
                  ReferenceHeldOutLoss(m, cells, ties, options.folds, options.seed), 1e-9)
          << "trial " << trial << " " << TieModelName(ties);
    }
  }
}

TEST(GoodnessOfFitTest, SameOnAnyThreadCountAndBestIsTheLowestLoss) {
  std::mt19937 gen(9);
  const std::vector<PairCell> cells = RandomCells(6, gen);
  GoodnessOfFitOptions one;
  GoodnessOfFitOptions four = one;
  four.threads = 4;
  const GoodnessOfFit a = ComputeGoodnessOfFit(6, cells, one);
  const GoodnessOfFit b = ComputeGoodnessOfFit(6, cells, four);
  for (size_t k = 0; k < a.models.size(); ++k) {
    EXPECT_EQ(a.models[k].held_out_log_loss, b.models[k].held_out_log_loss);
    EXPECT_EQ(a.models[k].fold_log_loss, b.models[k].fold_log_loss);
    EXPECT_EQ(a.models[k].log_likelihood, b.models[k].log_likelihood);
    EXPECT_GE(a.models[k].held_out_log_loss, FitOf(a, a.best).held_out_log_loss);
  }
  EXPECT_EQ(a.best, b.best);
  EXPECT_EQ(a.calibrated, a.best);
  int64_t held = 0;
  for (int64_t n : a.fold_battles) held += n;
  EXPECT_EQ(held, a.battles);
}

TEST(GoodnessOfFitTest, CalibrationBinsAreSymmetric) {
  std::mt19937 gen(2);
  GoodnessOfFitOptions options;
  options.calibrate = TieModel::kHalf;
  const GoodnessOfFit fit = ComputeGoodnessOfFit(5, RandomCells(5, gen), options);
  EXPECT_EQ(fit.calibrated, TieModel::kHalf);
  ASSERT_EQ(fit.bins.size(), 10u);
  double battles = 0;
  for (int b = 0; b < 10; ++b) {
    const CalibrationBin& bin = fit.bins[b];
    const CalibrationBin& mirror = fit.bins[9 - b];
    EXPECT_NEAR(bin.low, b / 10.0, 1e-15);
    battles += bin.battles;
    if (bin.battles == 0) continue;
    EXPECT_GE(bin.predicted, bin.low);
    EXPECT_LE(bin.predicted, bin.high);
    // Exactly 1/2 falls in the upper middle bin from both sides; others mirror.
    if (b != 4 && b != 5) {
      EXPECT_NEAR(bin.battles, mirror.battles, 1e-9);
      EXPECT_NEAR(bin.observed, 1 - mirror.observed, 1e-12);
    }
  }
  EXPECT_NEAR(battles, 2.0 * fit.battles, 1e-9);
}

TEST(GoodnessOfFitTest, DavidsonWinsOnDavidsonData) {
  // Four models with strengths 0, 0.5, 1, 1.5 and many ties (nu = 1.5), drawn.
  std::mt19937_64 gen(4);
  std::uniform_real_distribution<double> uniform(0, 1);
  const double strength[] = {0, 0.5, 1, 1.5}, nu = 1.5;
  std::vector<PairCell> cells;
  for (int i = 0; i < 4; ++i) {
    for (int j = i + 1; j < 4; ++j) {
      int64_t counts[3] = {0, 0, 0};
      const OutcomeProbabilities p =
          TieModelProbabilities(TieModel::kDavidson, strength[i] - strength[j], nu);
      for (int b = 0; b < 800; ++b) {
        const double u = uniform(gen);
        ++counts[u < p.win ? 0 : u < p.win + p.loss ? 1 : 2];
      }
      cells.push_back({i, j, Outcome::kWinA, counts[0]});
      cells.push_back({i, j, Outcome::kWinB, counts[1]});
      cells.push_back({i, j, Outcome::kTie, counts[2]});
    }
  }
  const GoodnessOfFit fit = ComputeGoodnessOfFit(4, cells, {});
  EXPECT_EQ(fit.best, TieModel::kDavidson);
  EXPECT_NEAR(FitOf(fit, TieModel::kDavidson).tie_parameter, nu, 0.15);
  EXPECT_LT(FitOf(fit, TieModel::kDavidson).aic, FitOf(fit, TieModel::kHalf).aic);
}

}  // namespace
}  // namespace podium
