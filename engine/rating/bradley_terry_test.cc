#include "engine/rating/bradley_terry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "engine/rating/comparison_graph.h"

namespace podium {
namespace {

PairCounts Counts(int m, std::vector<PairTotal> pairs) { return {m, std::move(pairs)}; }

Eigen::VectorXd Ratings(const BradleyTerryResult& r) {
  return (1000 + kEloPerNat * r.theta.array()).matrix();
}

TEST(BradleyTerryTest, TwoModelsClosedForm) {
  // 30 wins to 10: theta_a - theta_b = ln 3, i.e. 400 log10(3) = 190.85 Elo.
  BradleyTerryResult r = FitBradleyTerry(Counts(2, {{0, 1, 30, 10, 0}}), {});
  ASSERT_TRUE(r.converged);
  EXPECT_NEAR(r.theta(0) - r.theta(1), std::log(3.0), 1e-12);
  EXPECT_NEAR(Ratings(r)(0), 1000 + 200 * std::log10(3.0), 1e-9);
  EXPECT_NEAR(r.theta.sum(), 0, 1e-12);
  // Ties as half: 30 + 5 vs 10 + 5 -> ln(35 / 15).
  r = FitBradleyTerry(Counts(2, {{0, 1, 30, 10, 10}}), {});
  EXPECT_NEAR(r.theta(0) - r.theta(1), std::log(35.0 / 15.0), 1e-12);
  r = FitBradleyTerry(Counts(2, {{0, 1, 30, 10, 10}}), {TieModel::kDrop});
  EXPECT_NEAR(r.theta(0) - r.theta(1), std::log(3.0), 1e-12);
}

TEST(BradleyTerryTest, TieOnlyPairAndSymmetricDesignGiveEqualRatings) {
  BradleyTerryResult r = FitBradleyTerry(Counts(2, {{0, 1, 0, 0, 7}}), {});
  EXPECT_NEAR(r.theta(0), 0, 1e-12);
  EXPECT_NEAR(r.theta(1), 0, 1e-12);
  r = FitBradleyTerry(Counts(3, {{0, 1, 3, 3, 1}, {0, 2, 3, 3, 1}, {1, 2, 3, 3, 1}}), {});
  EXPECT_LT(r.theta.cwiseAbs().maxCoeff(), 1e-12);
}

TEST(BradleyTerryTest, ThreeModelsOnAChainClosedForm) {
  // a-b 2:1 and b-c 2:1, a and c never met: each edge is its own two-model fit.
  BradleyTerryResult r = FitBradleyTerry(Counts(3, {{0, 1, 2, 1, 0}, {1, 2, 2, 1, 0}}), {});
  EXPECT_NEAR(r.theta(0) - r.theta(1), std::log(2.0), 1e-12);
  EXPECT_NEAR(r.theta(1) - r.theta(2), std::log(2.0), 1e-12);
}

TEST(BradleyTerryTest, DavidsonTieParameterClosedForm) {
  // Equal models, 10 wins each way and 5 ties: P(tie) = nu / (2 + nu) = 5/25 -> nu = 0.5.
  BradleyTerryResult r = FitBradleyTerry(Counts(2, {{0, 1, 10, 10, 5}}), {TieModel::kDavidson});
  ASSERT_TRUE(r.converged);
  EXPECT_NEAR(r.tie_parameter, 0.5, 1e-10);
  EXPECT_NEAR(r.theta(0), 0, 1e-12);
}

// Rao–Kupper written out from the probabilities in the (pi, theta) form of
// the paper, for state x = (log pi, log ln theta).
double RaoKupperLogLikelihood(const PairCounts& c, const Eigen::VectorXd& x) {
  const double theta = std::exp(std::exp(x(c.num_models)));
  double ll = 0;
  for (const PairTotal& p : c.pairs) {
    const double pi = std::exp(x(p.i)), pj = std::exp(x(p.j));
    ll +=
        p.wins_i * std::log(pi / (pi + theta * pj)) + p.wins_j * std::log(pj / (pj + theta * pi)) +
        p.ties * std::log((theta * theta - 1) * pi * pj / ((pi + theta * pj) * (pj + theta * pi)));
  }
  return ll;
}

TEST(BradleyTerryTest, RaoKupperTwoModelsClosedFormAndGrid) {
  // Two models: the model has two free parameters for two free outcome
  // frequencies, so P(win) = a/n and P(loss) = b/n at the MLE:
  // d - eta = logit(a/n), -d - eta = logit(b/n).
  const PairCounts c = Counts(2, {{0, 1, 30, 10, 10}});
  const BradleyTerryResult r = FitBradleyTerry(c, {TieModel::kRaoKupper});
  ASSERT_TRUE(r.converged);
  const auto logit = [](double p) { return std::log(p / (1 - p)); };
  const double la = logit(30.0 / 50), lb = logit(10.0 / 50);
  EXPECT_NEAR(r.theta(0) - r.theta(1), (la - lb) / 2, 1e-10);
  EXPECT_NEAR(std::log(r.tie_parameter), -(la + lb) / 2, 1e-10);
  const OutcomeProbabilities p =
      TieModelProbabilities(TieModel::kRaoKupper, r.theta(0) - r.theta(1), r.tie_parameter);
  EXPECT_NEAR(p.win, 0.6, 1e-10);
  EXPECT_NEAR(p.loss, 0.2, 1e-10);
  EXPECT_NEAR(p.tie, 0.2, 1e-10);
  // No point of a grid over (d, theta) has a higher likelihood.
  const double best = RaoKupperLogLikelihood(c, r.state);
  EXPECT_NEAR(best, r.log_likelihood, 1e-9);
  for (double d = -2; d <= 2; d += 0.01) {
    for (double theta = 1.01; theta <= 5; theta += 0.01) {
      Eigen::Vector3d x(d / 2, -d / 2, std::log(std::log(theta)));
      EXPECT_LE(RaoKupperLogLikelihood(c, x), best + 1e-12);
    }
  }
}

TEST(BradleyTerryTest, RaoKupperGradientMatchesFiniteDifferences) {
  const PairCounts c = Counts(3, {{0, 1, 5, 3, 2}, {0, 2, 7, 1, 4}, {1, 2, 2, 6, 1}});
  const Eigen::Vector4d x(0.3, -0.1, -0.2, std::log(0.4));
  Eigen::VectorXd gradient;
  const double value = BradleyTerryLogLikelihood(c, TieModel::kRaoKupper, x, &gradient);
  EXPECT_NEAR(value, RaoKupperLogLikelihood(c, x), 1e-10);
  const double h = 1e-6;
  for (int k = 0; k < 4; ++k) {
    Eigen::VectorXd up = x, down = x;
    up(k) += h;
    down(k) -= h;
    const double numeric =
        (RaoKupperLogLikelihood(c, up) - RaoKupperLogLikelihood(c, down)) / (2 * h);
    EXPECT_NEAR(gradient(k), numeric, 1e-6) << k;
  }
}

TEST(BradleyTerryTest, TieModelProbabilitiesSumToOne) {
  for (TieModel ties : {TieModel::kHalf, TieModel::kDavidson, TieModel::kRaoKupper}) {
    for (double diff : {-30.0, -1.5, 0.0, 0.7, 30.0}) {
      const double parameter = ties == TieModel::kHalf ? 0.1 : 1.3;
      const OutcomeProbabilities p = TieModelProbabilities(ties, diff, parameter);
      EXPECT_NEAR(p.win + p.loss + p.tie, 1, 1e-12);
      const OutcomeProbabilities q = TieModelProbabilities(ties, -diff, parameter);
      EXPECT_NEAR(p.win, q.loss, 1e-15);
      EXPECT_NEAR(p.tie, q.tie, 1e-15);
    }
  }
  // Davidson: equal models, nu = 0.5 -> P(tie) = 0.5 / 2.5.
  EXPECT_NEAR(TieModelProbabilities(TieModel::kDavidson, 0, 0.5).tie, 0.2, 1e-15);
  // Half with tau = 0.2: P(win) = 0.8 sigma(ln 3) = 0.6.
  EXPECT_NEAR(TieModelProbabilities(TieModel::kHalf, std::log(3.0), 0.2).win, 0.6, 1e-15);
  // Rao–Kupper, decided battles: 0.6 / (0.6 + 0.2) for the two-model fit above.
  EXPECT_NEAR(DecisiveWinProbability(TieModel::kRaoKupper, 0, 2.0), 0.5, 1e-15);
}

PairCounts RandomCounts(int m, std::mt19937& gen) {
  PairCounts c{m, {}};
  for (int i = 0; i < m; ++i) {
    for (int j = i + 1; j < m; ++j) {
      if (gen() % 4 == 0) continue;  // leave some pairs unplayed
      c.pairs.push_back({i, j, 1.0 + gen() % 20, 1.0 + gen() % 20, static_cast<double>(gen() % 5)});
    }
  }
  return c;
}

// Reference 1: Zermelo/Hunter MM iteration (a different algorithm),
// pi_i <- W_i / sum_j n_ij / (pi_i + pi_j), run to a fixed point.
Eigen::VectorXd MmReference(const PairCounts& c) {
  Eigen::VectorXd pi = Eigen::VectorXd::Ones(c.num_models);
  for (int it = 0; it < 100000; ++it) {
    Eigen::VectorXd wins = Eigen::VectorXd::Zero(c.num_models), denom = wins;
    for (const PairTotal& p : c.pairs) {
      const double n = p.total();
      wins(p.i) += p.wins_i + p.ties / 2;
      wins(p.j) += p.wins_j + p.ties / 2;
      denom(p.i) += n / (pi(p.i) + pi(p.j));
      denom(p.j) += n / (pi(p.i) + pi(p.j));
    }
    Eigen::VectorXd next = wins.cwiseQuotient(denom);
    next /= std::exp(next.array().log().mean());
    const double change = (next - pi).cwiseAbs().maxCoeff();
    pi = next;
    if (change < 1e-15) break;
  }
  return pi.array().log();
}

// Reference 2: the Davidson (and Rao–Kupper) log-likelihood written out battle type by battle
// type from the probabilities, maximized by plain gradient ascent with
// central finite differences. Slow and obviously right.
double DavidsonLogLikelihood(const PairCounts& c, const Eigen::VectorXd& x) {
  const double nu = std::exp(x(c.num_models));
  double ll = 0;
  for (const PairTotal& p : c.pairs) {
    const double pi = std::exp(x(p.i)), pj = std::exp(x(p.j));
    const double d = pi + pj + nu * std::sqrt(pi * pj);
    ll += p.wins_i * std::log(pi / d) + p.wins_j * std::log(pj / d) +
          p.ties * std::log(nu * std::sqrt(pi * pj) / d);
  }
  return ll;
}

Eigen::VectorXd GradientAscent(const PairCounts& c,
                               double (*log_likelihood)(const PairCounts&,
                                                        const Eigen::VectorXd&)) {
  Eigen::VectorXd x = Eigen::VectorXd::Zero(c.num_models + 1);
  const double h = 1e-6;
  for (int it = 0; it < 20000; ++it) {
    Eigen::VectorXd g(x.size());
    for (int k = 0; k < x.size(); ++k) {
      Eigen::VectorXd up = x, down = x;
      up(k) += h;
      down(k) -= h;
      g(k) = (log_likelihood(c, up) - log_likelihood(c, down)) / (2 * h);
    }
    x += 0.01 * g;
    x.head(c.num_models).array() -= x.head(c.num_models).mean();
    if (g.cwiseAbs().maxCoeff() < 1e-7) break;
  }
  return x;
}

TEST(BradleyTerryTest, MatchesIndependentReferencesOnRandomDesigns) {
  std::mt19937 gen(11);
  for (int trial = 0; trial < 20; ++trial) {
    PairCounts c = RandomCounts(3 + trial % 5, gen);
    ComparisonGraph graph = AnalyzeComparisonGraph(c, TieModel::kHalf);
    if (graph.num_components != 1) continue;
    BradleyTerryResult r = FitBradleyTerry(c, {});
    ASSERT_TRUE(r.converged);
    Eigen::VectorXd reference = MmReference(c);
    EXPECT_LT((r.theta - reference).cwiseAbs().maxCoeff() * kEloPerNat, 1e-6) << "trial " << trial;
    if (trial < 6) {
      BradleyTerryResult dav = FitBradleyTerry(c, {TieModel::kDavidson});
      Eigen::VectorXd ref = GradientAscent(c, DavidsonLogLikelihood);
      EXPECT_LT((dav.theta - ref.head(c.num_models)).cwiseAbs().maxCoeff(), 1e-5);
      EXPECT_NEAR(std::log(dav.tie_parameter), ref(c.num_models), 1e-5);
      BradleyTerryResult rk = FitBradleyTerry(c, {TieModel::kRaoKupper});
      ASSERT_TRUE(rk.converged);
      ref = GradientAscent(c, RaoKupperLogLikelihood);
      EXPECT_LT((rk.theta - ref.head(c.num_models)).cwiseAbs().maxCoeff(), 1e-5);
      EXPECT_NEAR(std::log(std::log(rk.tie_parameter)), ref(c.num_models), 1e-5);
    }
  }
}

// Under half and drop a full Newton step may be accepted without the
// likelihood's value (a slope test): the reported log-likelihood must still
// be the likelihood at the solution, computed here pair by pair, and leaving
// it out (BradleyTerryOptions::log_likelihood) must change nothing else.
TEST(BradleyTerryTest, LogLikelihoodAtTheSolutionAndOptionalInReplicates) {
  std::mt19937 gen(23);
  for (int trial = 0; trial < 24; ++trial) {
    const PairCounts c = RandomCounts(3 + trial % 6, gen);
    for (TieModel ties : {TieModel::kHalf, TieModel::kDrop}) {
      for (double ridge : {0.0, 0.01}) {
        BradleyTerryOptions o;
        o.ties = ties;
        o.ridge = ridge;
        const BradleyTerryResult r = FitBradleyTerry(c, o);
        double expected = 0;
        for (const PairTotal& p : c.pairs) {
          const double share = ties == TieModel::kHalf ? p.ties / 2 : 0;
          const double win = 1 / (1 + std::exp(r.theta(p.j) - r.theta(p.i)));
          expected += (p.wins_i + share) * std::log(win) + (p.wins_j + share) * std::log(1 - win);
        }
        EXPECT_NEAR(r.log_likelihood, expected, 1e-9 * (1 + std::abs(expected))) << trial;
        EXPECT_DOUBLE_EQ(r.log_likelihood, BradleyTerryLogLikelihood(c, ties, r.state));
        // A replicate-like warm start from a perturbed solution.
        Eigen::VectorXd start = r.state;
        for (int i = 0; i < start.size(); ++i) start(i) += 0.05 * ((i * 7 + trial) % 5 - 2);
        start.array() -= start.mean();
        o.start = &start;
        const BradleyTerryResult with = FitBradleyTerry(c, o);
        o.log_likelihood = false;
        const BradleyTerryResult without = FitBradleyTerry(c, o);
        EXPECT_EQ(with.theta, without.theta) << trial;
        EXPECT_EQ(with.iterations, without.iterations);
        EXPECT_EQ(with.converged, without.converged);
      }
    }
  }
}

TEST(BradleyTerryTest, RelabellingDuplicatingAndSwappingSidesChangeNothing) {
  std::mt19937 gen(3);
  PairCounts c = RandomCounts(6, gen);
  const Eigen::VectorXd base = FitBradleyTerry(c, {}).theta;
  // Relabel: model k becomes 5 - k (pairs re-oriented so i < j).
  PairCounts relabelled{6, {}};
  PairCounts doubled{6, {}};
  PairCounts swapped{6, {}};
  for (const PairTotal& p : c.pairs) {
    relabelled.pairs.push_back({5 - p.j, 5 - p.i, p.wins_j, p.wins_i, p.ties});
    doubled.pairs.push_back({p.i, p.j, 2 * p.wins_i, 2 * p.wins_j, 2 * p.ties});
    swapped.pairs.push_back({p.j, p.i, p.wins_j, p.wins_i, p.ties});  // sides swapped
  }
  const Eigen::VectorXd r = FitBradleyTerry(relabelled, {}).theta;
  for (int k = 0; k < 6; ++k) EXPECT_NEAR(r(5 - k), base(k), 1e-10);
  EXPECT_LT((FitBradleyTerry(doubled, {}).theta - base).cwiseAbs().maxCoeff(), 1e-10);
  EXPECT_LT((FitBradleyTerry(swapped, {}).theta - base).cwiseAbs().maxCoeff(), 1e-10);
}

TEST(BradleyTerryTest, RidgeKeepsAnOnlyWinsModelFinite) {
  PairCounts c = Counts(3, {{0, 1, 5, 0, 0}, {1, 2, 3, 2, 0}});
  ComparisonGraph graph = AnalyzeComparisonGraph(c, TieModel::kHalf);
  EXPECT_FALSE(graph.mle_exists);
  EXPECT_EQ(graph.only_wins, std::vector<int>{0});
  BradleyTerryOptions options;
  options.ridge = 0.01;
  BradleyTerryResult r = FitBradleyTerry(c, options);
  EXPECT_TRUE(r.converged);
  EXPECT_TRUE(std::isfinite(r.theta(0)));
  EXPECT_GT(r.theta(0), r.theta(1));
  EXPECT_LT((r.theta(0) - r.theta(1)) * kEloPerNat, 1500);
}

TEST(ComparisonGraphTest, ComponentsAndExistence) {
  PairCounts c = Counts(5, {{0, 1, 2, 1, 0}, {2, 3, 1, 1, 0}});
  ComparisonGraph g = AnalyzeComparisonGraph(c, TieModel::kHalf);
  EXPECT_EQ(g.num_components, 3);  // {0,1}, {2,3}, {4}
  EXPECT_EQ(g.component, (std::vector<int>{0, 0, 1, 1, 2}));
  EXPECT_TRUE(g.mle_exists);
  // Ties make a pair strongly connected unless dropped.
  PairCounts ties = Counts(2, {{0, 1, 3, 0, 1}});
  EXPECT_TRUE(AnalyzeComparisonGraph(ties, TieModel::kHalf).mle_exists);
  EXPECT_FALSE(AnalyzeComparisonGraph(ties, TieModel::kDrop).mle_exists);
}

TEST(EloProbabilityTest, Arena) {
  EXPECT_DOUBLE_EQ(EloWinProbability(1000, 1000), 0.5);
  EXPECT_NEAR(EloWinProbability(1400, 1000), 10.0 / 11.0, 1e-15);
}

}  // namespace
}  // namespace podium
