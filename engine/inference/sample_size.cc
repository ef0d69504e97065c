#include "engine/inference/sample_size.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "engine/base/check.h"
#include "engine/inference/intervals.h"

namespace podium {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

double Variance(double p) { return p * (1 - p); }

// T = (gap / (z_a + z_b))², the largest variance that meets the target.
double TargetVariance(double gap, const PowerOptions& options) {
  const double t = gap / PowerMultiplier(options);
  return t * t;
}

// Natural-log strength of every model (matrix order), up to a constant.
std::vector<double> Strengths(const ArenaResult& arena) {
  std::vector<double> theta(arena.models.size(), 0.0);
  for (const ArenaRow& row : arena.rows) theta[row.index] = row.rating / kEloPerNat;
  return theta;
}

std::vector<int> Components(const ArenaResult& arena) {
  std::vector<int> component(arena.models.size(), 0);
  for (const ArenaRow& row : arena.rows) component[row.index] = row.component;
  return component;
}

}  // namespace

double PowerMultiplier(const PowerOptions& o) {
  PODIUM_CHECK(o.level > 0 && o.level < 1 && o.power > 0 && o.power < 1);
  return NormalQuantile((1 + o.level) / 2) + NormalQuantile(o.power);
}

double ItemsNeededExact(double p1, double p2, const PowerOptions& options) {
  PODIUM_CHECK(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1);
  if (p1 == p2) return kInf;
  const double z_a = NormalQuantile((1 + options.level) / 2);
  const double z_b = NormalQuantile(options.power);
  const double pbar = (p1 + p2) / 2;
  const double root =
      z_a * std::sqrt(2 * Variance(pbar)) + z_b * std::sqrt(Variance(p1) + Variance(p2));
  return root * root / ((p1 - p2) * (p1 - p2));
}

double ItemsNeeded(double p1, double p2, const PowerOptions& options) {
  // The tolerance keeps 384.99999999 (rounding in the quantiles) from becoming 386.
  return std::ceil(ItemsNeededExact(p1, p2, options) - 1e-9);
}

double MinimumDetectableDifference(int64_t n, double p, const PowerOptions& options) {
  PODIUM_CHECK(p >= 0 && p <= 1);
  const bool up = p < 0.5;
  auto items = [&](double d) { return ItemsNeededExact(p, up ? p + d : p - d, options); };
  double low = 0, high = up ? 1 - p : p;
  if (n < 1 || !(items(high) <= static_cast<double>(n))) return std::nan("");
  while (high - low > 1e-9) {  // items(d) falls as d grows: keep items(high) <= n
    const double mid = (low + high) / 2;
    (items(mid) <= static_cast<double>(n) ? high : low) = mid;
  }
  return high;
}

double DirectBattlesNeeded(double gap, double v0, double p, const PowerOptions& options) {
  if (gap == 0) return kInf;
  const double target = TargetVariance(gap, options);
  if (v0 <= target) return 0;
  if (Variance(p) <= 0) return kInf;
  return std::ceil((1 / target - 1 / v0) / Variance(p));
}

double FieldBattlesNeeded(double gap, double v0, double battles, const PowerOptions& options) {
  if (gap == 0 || battles <= 0) return kInf;
  const double target = TargetVariance(gap, options);
  if (v0 <= target) return 0;
  return std::ceil(battles * (v0 / target - 1));
}

Eigen::MatrixXd BradleyTerryInformation(const ArenaResult& arena) {
  const int m = static_cast<int>(arena.models.size());
  const std::vector<double> theta = Strengths(arena);
  const std::vector<int> component = Components(arena);
  const bool drop_ties = arena.options.ties == TieModel::kDrop;
  Eigen::MatrixXd info = Eigen::MatrixXd::Identity(m, m) * arena.ridge_used;
  for (int i = 0; i < m; ++i) {
    for (int j = i + 1; j < m; ++j) {
      if (component[i] != component[j]) continue;
      const double n = arena.battles(i, j) - (drop_ties ? arena.ties(i, j) : 0.0);
      if (n <= 0) continue;
      const double p = 1 / (1 + std::exp(theta[j] - theta[i]));
      const double w = n * Variance(p);
      info(i, i) += w;
      info(j, j) += w;
      info(i, j) -= w;
      info(j, i) -= w;
    }
  }
  return info;
}

double GapVariance(const ArenaResult& arena, const Eigen::MatrixXd& information, int a, int b) {
  const std::vector<int> component = Components(arena);
  PODIUM_CHECK(component[a] == component[b]);
  std::vector<int> members;
  for (int i = 0; i < static_cast<int>(component.size()); ++i) {
    if (component[i] == component[a]) members.push_back(i);
  }
  const int m = static_cast<int>(members.size());
  // I + 11ᵀ/m is positive definite on a connected component and agrees with
  // I⁺ on contrasts (u ⟂ 1).
  Eigen::MatrixXd block(m, m);
  Eigen::VectorXd u = Eigen::VectorXd::Zero(m);
  for (int r = 0; r < m; ++r) {
    for (int c = 0; c < m; ++c) block(r, c) = information(members[r], members[c]) + 1.0 / m;
    if (members[r] == a) u(r) = 1;
    if (members[r] == b) u(r) = -1;
  }
  return u.dot(block.ldlt().solve(u));
}

BattlePlan PlanBattles(const ArenaResult& arena, int a, int b, const PowerOptions& options) {
  PODIUM_CHECK(a != b && arena.options.method == ArenaMethod::kBradleyTerry &&
               arena.options.ties != TieModel::kDavidson && !arena.options.reweight);
  const std::vector<double> theta = Strengths(arena);
  BattlePlan plan;
  plan.a = arena.models[a];
  plan.b = arena.models[b];
  plan.options = options;
  plan.gap = theta[a] - theta[b];
  plan.rating_gap = kEloPerNat * plan.gap;
  plan.variance = GapVariance(arena, BradleyTerryInformation(arena), a, b);
  plan.rating_se = kEloPerNat * std::sqrt(plan.variance);
  plan.win_probability = 1 / (1 + std::exp(-plan.gap));
  plan.target_variance = TargetVariance(plan.gap, options);
  const double z_a = NormalQuantile((1 + options.level) / 2);
  plan.power_now = NormalCdf(std::abs(plan.gap) / std::sqrt(plan.variance) - z_a);
  plan.battles = arena.total_battles;
  plan.direct = static_cast<int64_t>(std::llround(arena.battles(a, b)));
  plan.more_direct = DirectBattlesNeeded(plan.gap, plan.variance, plan.win_probability, options);
  plan.more_field =
      FieldBattlesNeeded(plan.gap, plan.variance, static_cast<double>(plan.battles), options);
  return plan;
}

}  // namespace podium
