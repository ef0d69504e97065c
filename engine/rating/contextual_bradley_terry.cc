#include "engine/rating/contextual_bradley_terry.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <thread>
#include <unordered_map>

#include "engine/base/check.h"

namespace podium {
namespace {

constexpr int kMaxBlocks = 8;                // fixed blocks: the same sums on any thread count
constexpr int64_t kBattlesPerBlock = 16384;  // fewer blocks below 8 of these

// What the fit sees: the data and its sizes.
struct Problem {
  int m = 0, k = 0;
  int64_t n = 0;
  const std::vector<Battle>* battles = nullptr;
  const Eigen::MatrixXd* covariates = nullptr;
  const std::vector<double>* weights = nullptr;  // empty = all 1

  double Weight(int64_t i) const { return weights->empty() ? 1 : (*weights)[i]; }
};

// Sums over a range of battles. The Gram matrix Σ h·d dᵀ is kept in three
// parts that a battle touches in O((k + 2)²): `pair` (h at (a, b) only),
// `cross` (k x m, column a += h·x, column b −= h·x) and the lower triangle
// of `features` (Σ h·x xᵀ); Gram() assembles the (m + k)-square matrix.
struct Sums {
  double value = 0;          // Σ w·ℓ
  Eigen::VectorXd score;     // Σ w·(y − p)·d
  Eigen::MatrixXd pair;      // m x m
  Eigen::MatrixXd cross;     // k x m
  Eigen::MatrixXd features;  // k x k, lower triangle

  void Reset(int m, int k, bool derivatives) {
    value = 0;
    if (!derivatives) return;
    score.setZero(m + k);
    pair.setZero(m, m);
    cross.setZero(k, m);
    features.setZero(k, k);
  }

  void Add(const Sums& other, bool derivatives) {
    value += other.value;
    if (!derivatives) return;
    score += other.score;
    pair += other.pair;
    cross += other.cross;
    features += other.features;
  }

  // h·d dᵀ for d = (e_a − e_b, x).
  void AddOuter(int a, int b, const double* x, int k, double h) {
    pair(a, b) += h;
    for (int f = 0; f < k; ++f) {
      const double hx = h * x[f];
      cross(f, a) += hx;
      cross(f, b) -= hx;
      for (int g = 0; g <= f; ++g) features(f, g) += hx * x[g];
    }
  }

  Eigen::MatrixXd Gram() const {
    const int m = static_cast<int>(pair.rows()), k = static_cast<int>(features.rows());
    Eigen::MatrixXd out(m + k, m + k);
    const Eigen::MatrixXd both = pair + pair.transpose();
    out.topLeftCorner(m, m) = -both;
    out.topLeftCorner(m, m).diagonal() = both.rowwise().sum();
    out.topRightCorner(m, k) = cross.transpose();
    out.bottomLeftCorner(k, m) = cross;
    out.bottomRightCorner(k, k) = features.selfadjointView<Eigen::Lower>();
    return out;
  }
};

// The log-likelihood (and its score and Gram matrix) over battles [begin, end)
// at parameters `x` = (θ, β). One exp and one log1p per battle: with
// e = exp(−|z|), log(1 + e^z) = max(z, 0) + log1p(e), σ(z) = 1/(1 + e) or e/(1 + e).
void Pass(const Problem& pb, const Eigen::VectorXd& x, bool derivatives, int64_t begin, int64_t end,
          Sums* s) {
  const Eigen::MatrixXd& cov = *pb.covariates;
  std::vector<double> row(pb.k);
  for (int64_t i = begin; i < end; ++i) {
    const double w = pb.Weight(i);
    if (w == 0) continue;
    const Battle& battle = (*pb.battles)[i];
    double z = x(battle.a) - x(battle.b);
    for (int f = 0; f < pb.k; ++f) {
      row[f] = cov(i, f);
      z += row[f] * x(pb.m + f);
    }
    const double y = OutcomeScore(battle.outcome);
    const double e = std::exp(-std::abs(z)), softplus = std::max(z, 0.0) + std::log1p(e);
    s->value += w * (y * z - softplus);
    if (!derivatives) continue;
    const double p = z >= 0 ? 1 / (1 + e) : e / (1 + e);
    const double r = w * (y - p);
    s->score(battle.a) += r;
    s->score(battle.b) -= r;
    for (int f = 0; f < pb.k; ++f) s->score(pb.m + f) += r * row[f];
    s->AddOuter(battle.a, battle.b, row.data(), pb.k, w * p * (1 - p));
  }
}

// The sums over all battles: per fixed block, then added in block order
// (blocks are handed to threads round-robin; `blocks` is scratch space).
Sums Evaluate(const Problem& pb, const Eigen::VectorXd& x, bool derivatives, int threads,
              std::vector<Sums>* blocks) {
  const int count = static_cast<int>(
      std::clamp<int64_t>((pb.n + kBattlesPerBlock - 1) / kBattlesPerBlock, 1, kMaxBlocks));
  blocks->resize(count);
  auto run = [&](int first, int stride) {
    for (int b = first; b < count; b += stride) {
      (*blocks)[b].Reset(pb.m, pb.k, derivatives);
      Pass(pb, x, derivatives, pb.n * b / count, pb.n * (b + 1) / count, &(*blocks)[b]);
    }
  };
  threads = std::clamp(threads, 1, count);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(run, t, threads);
  run(0, threads);
  for (std::thread& t : pool) t.join();
  Sums total = std::move((*blocks)[0]);
  for (int b = 1; b < count; ++b) total.Add((*blocks)[b], derivatives);
  return total;
}

// Per model, its connected component among the battles with positive weight
// (union-find), numbered by smallest model.
std::vector<int> Components(const Problem& pb) {
  std::vector<int> parent(pb.m);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (int64_t i = 0; i < pb.n; ++i) {
    if (pb.Weight(i) == 0) continue;
    const int ra = find((*pb.battles)[i].a), rb = find((*pb.battles)[i].b);
    if (ra != rb) parent[std::max(ra, rb)] = std::min(ra, rb);
  }
  std::vector<int> id(pb.m, -1), out(pb.m);
  int next = 0;
  for (int v = 0; v < pb.m; ++v) {
    const int root = find(v);
    if (id[root] < 0) id[root] = next++;
    out[v] = id[root];
  }
  return out;
}

// θ re-centred to mean 0 within each component.
void Centre(const std::vector<int>& component, Eigen::VectorXd* x) {
  const int c = *std::max_element(component.begin(), component.end()) + 1;
  std::vector<double> sum(c, 0), size(c, 0);
  for (size_t v = 0; v < component.size(); ++v) {
    sum[component[v]] += (*x)(v);
    size[component[v]] += 1;
  }
  for (size_t v = 0; v < component.size(); ++v) (*x)(v) -= sum[component[v]] / size[component[v]];
}

double Loss(const Problem& pb, const Sums& s, const Eigen::VectorXd& x, double l2) {
  return -s.value / pb.n + l2 / 2 * x.tail(pb.k).squaredNorm();
}

Eigen::VectorXd Gradient(const Problem& pb, const Sums& s, const Eigen::VectorXd& x, double l2) {
  Eigen::VectorXd g = -s.score / pb.n;
  g.tail(pb.k) += l2 * x.tail(pb.k);
  return g;
}

// The Newton system: the loss's Hessian plus (1/|C|)·1_C 1_Cᵀ per component
// (its null space; the gradient is orthogonal to it, so the step keeps each
// component's sum of θ). A covariate that is 0 in every battle has a zero
// row when l2 = 0: it is pinned (its coefficient stays where it is).
Eigen::MatrixXd NewtonMatrix(const Problem& pb, const Sums& s, const std::vector<int>& component,
                             double l2) {
  Eigen::MatrixXd a = s.Gram() / static_cast<double>(pb.n);
  std::vector<int> size(pb.m, 0);
  for (int c : component) ++size[c];
  for (int i = 0; i < pb.m; ++i) {
    for (int j = 0; j < pb.m; ++j) {
      if (component[i] == component[j]) a(i, j) += 1.0 / size[component[i]];
    }
  }
  for (int f = 0; f < pb.k; ++f) {
    a(pb.m + f, pb.m + f) += l2;
    if (a(pb.m + f, pb.m + f) == 0) a(pb.m + f, pb.m + f) = 1;
  }
  return a;
}

void CheckInputs(int num_models, const std::vector<Battle>& battles,
                 const Eigen::MatrixXd& covariates, const std::vector<double>& weights) {
  PODIUM_CHECK(num_models >= 1 && !battles.empty());
  PODIUM_CHECK_MSG(covariates.rows() == static_cast<int64_t>(battles.size()),
                   "one covariate row per battle");
  PODIUM_CHECK_MSG(weights.empty() || weights.size() == battles.size(), "one weight per battle");
  for (const Battle& b : battles) {
    PODIUM_CHECK(0 <= b.a && b.a < num_models && 0 <= b.b && b.b < num_models && b.a != b.b);
  }
  for (double w : weights) PODIUM_CHECK_MSG(w >= 0 && std::isfinite(w), "weights must be >= 0");
}

}  // namespace

double OutcomeScore(Outcome outcome) {
  return outcome == Outcome::kWinA ? 1 : outcome == Outcome::kWinB ? 0 : 0.5;
}

ContextualBradleyTerryResult FitContextualBradleyTerry(
    int num_models, const std::vector<Battle>& battles, const Eigen::MatrixXd& covariates,
    const std::vector<double>& weights, const ContextualBradleyTerryOptions& options) {
  CheckInputs(num_models, battles, covariates, weights);
  PODIUM_CHECK(options.l2 >= 0 && options.threads >= 1 && options.max_iterations >= 0);
  const Problem pb{num_models,
                   static_cast<int>(covariates.cols()),
                   static_cast<int64_t>(battles.size()),
                   &battles,
                   &covariates,
                   &weights};
  const double l2 = options.l2;
  ContextualBradleyTerryResult result;
  result.l2 = l2;
  result.component = Components(pb);
  Eigen::VectorXd x = Eigen::VectorXd::Zero(pb.m + pb.k);
  if (options.start != nullptr) {
    PODIUM_CHECK_MSG(options.start->size() == x.size(), "warm start of size m + k");
    x = *options.start;
    Centre(result.component, &x);
  }
  std::vector<Sums> blocks;
  Sums d = Evaluate(pb, x, true, options.threads, &blocks);
  double loss = Loss(pb, d, x, l2);
  for (result.iterations = 0; result.iterations < options.max_iterations; ++result.iterations) {
    const Eigen::VectorXd step =
        NewtonMatrix(pb, d, result.component, l2).ldlt().solve(-Gradient(pb, d, x, l2));
    // Line search: the full step is evaluated with its derivatives (one pass
    // when it is accepted, as it always is near the optimum); otherwise it is
    // halved, the loss alone evaluated, until the loss does not increase
    // (beyond rounding).
    double scale = 1;
    Eigen::VectorXd next;
    Sums nd;
    for (int halving = 0; halving < 40; ++halving, scale /= 2) {
      next = x + scale * step;
      Centre(result.component, &next);
      nd = Evaluate(pb, next, halving == 0, options.threads, &blocks);
      if (Loss(pb, nd, next, l2) <= loss + 1e-12 * std::abs(loss)) break;
    }
    const double moved = (next - x).cwiseAbs().maxCoeff();
    x = next;
    d = scale == 1 ? std::move(nd) : Evaluate(pb, x, true, options.threads, &blocks);
    loss = Loss(pb, d, x, l2);
    if (!(moved >= options.tolerance)) {  // also stops on NaN
      result.converged = std::isfinite(moved) && std::isfinite(loss);
      ++result.iterations;
      break;
    }
  }
  result.theta = x.head(pb.m);
  result.coefficients = x.tail(pb.k);
  result.loss = loss;
  result.gradient_norm = Gradient(pb, d, x, l2).cwiseAbs().maxCoeff();
  result.state = x;
  return result;
}

std::vector<double> ContextualPairWeights(int num_models, const std::vector<Battle>& battles,
                                          double min_pair_count) {
  PODIUM_CHECK(!battles.empty() && min_pair_count > 0);
  auto key = [&](const Battle& b) {
    PODIUM_CHECK(0 <= b.a && b.a < num_models && 0 <= b.b && b.b < num_models);
    return static_cast<int64_t>(std::min(b.a, b.b)) * num_models + std::max(b.a, b.b);
  };
  std::unordered_map<int64_t, int64_t> pair_battles;
  for (const Battle& b : battles) ++pair_battles[key(b)];
  std::vector<double> out;
  out.reserve(battles.size());
  double sum = 0;
  for (const Battle& b : battles) {
    out.push_back(1 / std::max(static_cast<double>(pair_battles[key(b)]), min_pair_count));
    sum += out.back();
  }
  const double mean = sum / static_cast<double>(battles.size());
  for (double& w : out) w /= mean;
  return out;
}

Eigen::MatrixXd WeightedDesignGram(int num_models, const std::vector<Battle>& battles,
                                   const Eigen::MatrixXd& covariates,
                                   const std::vector<double>& v) {
  CheckInputs(num_models, battles, covariates, {});
  PODIUM_CHECK(v.size() == battles.size());
  const int k = static_cast<int>(covariates.cols());
  Sums s;
  s.Reset(num_models, k, true);
  std::vector<double> row(k);
  for (size_t i = 0; i < battles.size(); ++i) {
    if (v[i] == 0) continue;
    for (int f = 0; f < k; ++f) row[f] = covariates(i, f);
    s.AddOuter(battles[i].a, battles[i].b, row.data(), k, v[i]);
  }
  return s.Gram();
}

}  // namespace podium
