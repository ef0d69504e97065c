#include "engine/inference/vote_dropping.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <numeric>

#include "engine/base/check.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/comparison_graph.h"

namespace podium {
namespace {

constexpr double kFlipMargin = 1e-9;  // nats: "strictly ahead"
constexpr int64_t kUnreachable = std::numeric_limits<int64_t>::max();

// The outcome's y for the battle's first model: 1 win, 0 loss, ½ tie.
double OutcomeValue(Outcome outcome) {
  return outcome == Outcome::kWinA ? 1 : outcome == Outcome::kWinB ? 0 : 0.5;
}

// Battles to take from cells, in order: (cell, battles of it).
using Order = std::vector<std::pair<int, int64_t>>;

int64_t OrderLength(const Order& order) {
  int64_t n = 0;
  for (const auto& [cell, count] : order) n += count;
  return n;
}

class Dropper {
 public:
  Dropper(int m, const std::vector<PairCell>& cells, const VoteDropOptions& o)
      : m_(m), cells_(cells), o_(o) {
    for (const PairCell& c : cells) {
      base_.push_back(c.count);
      battles_ += c.count;
    }
    PODIUM_CHECK(o.fit.ties == TieModel::kHalf || o.fit.ties == TieModel::kDrop);
    if (o_.eligible.empty()) {
      eligible_.resize(m);
      std::iota(eligible_.begin(), eligible_.end(), 0);
    } else {
      eligible_ = o_.eligible;
    }
    const BradleyTerryResult full = Fit(base_);
    theta_ = full.theta;
    Factor();
  }

  int64_t battles() const { return battles_; }
  const Eigen::VectorXd& theta() const { return theta_; }
  const std::vector<int>& eligible() const { return eligible_; }

  // The top `k` eligible models by strength, best first (ties by index).
  std::vector<int> Top(const Eigen::VectorXd& theta, int k) const {
    std::vector<int> order = eligible_;
    std::stable_sort(order.begin(), order.end(),
                     [&](int x, int y) { return theta(x) > theta(y); });
    order.resize(std::min<size_t>(k, order.size()));
    return order;
  }

  // The cells that close the gap theta_a − theta_b, most first, and k̂.
  Order GapOrder(int a, int b, int64_t* approximation) const {
    Eigen::VectorXd u = Eigen::VectorXd::Zero(m_);
    u(a) = 1;
    u(b) = -1;
    const Eigen::VectorXd z = solver_.solve(u);
    std::vector<std::pair<double, int>> deltas;
    for (size_t k = 0; k < cells_.size(); ++k) {
      const PairCell& c = cells_[k];
      if (c.outcome == Outcome::kTie && o_.fit.ties == TieModel::kDrop) continue;
      const double p = Sigmoid(theta_(c.i) - theta_(c.j));
      const double delta = -(OutcomeValue(c.outcome) - p) * (z(c.i) - z(c.j));
      if (delta < 0) deltas.push_back({delta, static_cast<int>(k)});
    }
    std::stable_sort(deltas.begin(), deltas.end());
    Order order;
    double remaining = theta_(a) - theta_(b);
    *approximation = kUnreachable;
    int64_t taken = 0;
    for (const auto& [delta, k] : deltas) {
      const int64_t n = cells_[k].count;
      order.push_back({k, n});
      if (*approximation != kUnreachable) continue;
      if (static_cast<double>(n) * -delta >= remaining) {
        *approximation = taken + std::max<int64_t>(1, static_cast<int64_t>(std::ceil(remaining / -delta)));
      } else {
        taken += n;
        remaining += static_cast<double>(n) * delta;
      }
    }
    return order;
  }

  // The refit without the first k battles of `order`.
  Eigen::VectorXd RefitWithout(const Order& order, int64_t k) {
    std::vector<int64_t> counts = base_;
    for (const auto& [cell, count] : order) {
      if (k <= 0) break;
      const int64_t take = std::min(k, count);
      counts[cell] -= take;
      k -= take;
    }
    return Fit(counts).theta;
  }

  Eigen::VectorXd RefitCounts(const std::vector<int64_t>& counts) {
    return Fit(counts).theta;
  }

  int refits() const { return refits_; }
  const std::vector<int64_t>& base() const { return base_; }

 private:
  // A cold start: a warm one would leave a model whose battles were all
  // removed at its old strength instead of 0.
  BradleyTerryResult Fit(const std::vector<int64_t>& counts) {
    ++refits_;
    const PairCounts pc = ToPairCounts(m_, cells_, &counts);
    BradleyTerryOptions bt = o_.fit;
    bt.start = nullptr;
    bt.ridge = RidgeWithFallback(pc, bt.ties, bt.ridge);
    return FitBradleyTerry(pc, bt);
  }

  // F⁺ on mean-zero vectors: (P F P + 11ᵀ/m)⁻¹, F the Fisher information
  // of the full fit plus the ridge.
  void Factor() {
    Eigen::MatrixXd f = Eigen::MatrixXd::Zero(m_, m_);
    for (const PairTotal& p : ToPairCounts(m_, cells_).pairs) {
      const double n = p.wins_i + p.wins_j + (o_.fit.ties == TieModel::kDrop ? 0 : p.ties);
      const double q = Sigmoid(theta_(p.i) - theta_(p.j));
      const double w = n * q * (1 - q);
      f(p.i, p.i) += w;
      f(p.j, p.j) += w;
      f(p.i, p.j) -= w;
      f(p.j, p.i) -= w;
    }
    f.diagonal().array() += o_.fit.ridge;
    const Eigen::MatrixXd centre =
        Eigen::MatrixXd::Identity(m_, m_) - Eigen::MatrixXd::Constant(m_, m_, 1.0 / m_);
    solver_.compute(centre * f * centre + Eigen::MatrixXd::Constant(m_, m_, 1.0 / m_));
  }

  const int m_;
  const std::vector<PairCell>& cells_;
  const VoteDropOptions& o_;
  std::vector<int64_t> base_;
  int64_t battles_ = 0;
  std::vector<int> eligible_;
  Eigen::VectorXd theta_;
  Eigen::LDLT<Eigen::MatrixXd> solver_;
  int refits_ = 0;
};

// Whether `theta` breaks the target: for a pair, `behind` strictly ahead of
// `ahead`; for a top set, an outside eligible model strictly ahead of an
// inside one.
struct Target {
  bool pair = false;
  int ahead = -1, behind = -1;
  std::vector<int> top;       // inside (top set)
  std::vector<int> outside;   // eligible models not in it

  bool Broken(const Eigen::VectorXd& theta) const {
    if (pair) return theta(behind) > theta(ahead) + kFlipMargin;
    double lowest = std::numeric_limits<double>::infinity();
    for (int t : top) lowest = std::min(lowest, theta(t));
    for (int o : outside) {
      if (theta(o) > lowest + kFlipMargin) return true;
    }
    return false;
  }
};

// The smallest k in [1, limit] whose refit breaks the target, searching up
// from `start` and bisecting down; -1 when none does.
int64_t SearchOrder(Dropper& dropper, const Target& target, const Order& order, int64_t start,
                    int64_t limit) {
  limit = std::min(limit, OrderLength(order));
  if (limit < 1) return -1;
  const auto breaks = [&](int64_t k) { return target.Broken(dropper.RefitWithout(order, k)); };
  int64_t k = std::clamp<int64_t>(start, 1, limit);
  int64_t low = 0, high = -1;  // low never breaks, high breaks
  if (breaks(k)) {
    high = k;
  } else {
    low = k;
    while (k < limit) {
      k = std::min(limit, std::max(k + 1, static_cast<int64_t>(std::ceil(1.25 * k))));
      if (breaks(k)) {
        high = k;
        break;
      }
      low = k;
    }
  }
  if (high < 0) return -1;
  while (high - low > 1) {
    const int64_t mid = low + (high - low) / 2;
    (breaks(mid) ? high : low) = mid;
  }
  return high;
}

// How many count vectors (each cell 0..count) have a total of at most
// `bound`, capped at cap + 1.
int64_t CountVectors(const std::vector<int64_t>& counts, int64_t bound, int64_t cap) {
  std::vector<int64_t> ways(bound + 1, 0);
  ways[0] = 1;
  for (int64_t n : counts) {
    std::vector<int64_t> next(bound + 1, 0);
    for (int64_t s = 0; s <= bound; ++s) {
      if (ways[s] == 0) continue;
      for (int64_t t = 0; t <= n && s + t <= bound; ++t) {
        next[s + t] = std::min(cap + 1, next[s + t] + ways[s]);
      }
    }
    ways = std::move(next);
  }
  int64_t total = 0;
  for (int64_t w : ways) total = std::min(cap + 1, total + w);
  return total;
}

// Every way to remove exactly `size` battles (a count per cell), in
// lexicographic order; stops at the first that breaks the target.
bool ExhaustiveOfSize(Dropper& dropper, const Target& target, const std::vector<int64_t>& base,
                      int64_t size, std::vector<int64_t>* removed) {
  const size_t n = base.size();
  std::vector<int64_t> take(n, 0);
  // Recursive enumeration over cells.
  std::function<bool(size_t, int64_t)> walk = [&](size_t k, int64_t left) -> bool {
    if (k == n) {
      if (left != 0) return false;
      std::vector<int64_t> counts = base;
      for (size_t c = 0; c < n; ++c) counts[c] -= take[c];
      if (!target.Broken(dropper.RefitCounts(counts))) return false;
      *removed = take;
      return true;
    }
    for (int64_t t = std::min(left, base[k]); t >= 0; --t) {
      take[k] = t;
      if (walk(k + 1, left - t)) return true;
    }
    take[k] = 0;
    return false;
  };
  return walk(0, size);
}

}  // namespace

VoteDropResult FindVoteDrop(int num_models, const std::vector<PairCell>& cells,
                            const VoteDropOptions& options) {
  Dropper dropper(num_models, cells, options);
  VoteDropResult result;
  result.battles = dropper.battles();
  result.max_drop = static_cast<int64_t>(std::floor(options.max_fraction * result.battles));
  result.before = dropper.theta();
  const Eigen::VectorXd& theta = dropper.theta();

  // The candidate pairs (ahead, behind) and the target to break.
  Target target;
  std::vector<std::pair<int, int>> candidates;
  if (options.target == DropTarget::kPair) {
    PODIUM_CHECK(options.model_a >= 0 && options.model_b >= 0 && options.model_a != options.model_b);
    target.pair = true;
    target.ahead = options.model_a;
    target.behind = options.model_b;
    if (theta(target.behind) > theta(target.ahead)) std::swap(target.ahead, target.behind);
    candidates.push_back({target.ahead, target.behind});
  } else {
    const int k = options.target == DropTarget::kTop ? 1 : options.top_k;
    PODIUM_CHECK(k >= 1 && k < static_cast<int>(dropper.eligible().size()));
    target.top = dropper.Top(theta, k);
    result.top_before = target.top;
    for (int e : dropper.eligible()) {
      if (std::find(target.top.begin(), target.top.end(), e) == target.top.end()) {
        target.outside.push_back(e);
      }
    }
    for (int a : target.top) {
      for (int b : target.outside) candidates.push_back({a, b});
    }
  }

  // k̂ per candidate; verify the most promising ones.
  struct Candidate {
    int64_t approximation;
    int index;
    Order order;
  };
  std::vector<Candidate> ranked;
  for (size_t c = 0; c < candidates.size(); ++c) {
    int64_t approximation = 0;
    Order order = dropper.GapOrder(candidates[c].first, candidates[c].second, &approximation);
    ranked.push_back({approximation, static_cast<int>(c), std::move(order)});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Candidate& x, const Candidate& y) {
    return x.approximation < y.approximation;
  });
  if (ranked.size() > static_cast<size_t>(kMaxCandidates)) ranked.resize(kMaxCandidates);
  int64_t best = -1;
  const Candidate* chosen = nullptr;
  for (const Candidate& candidate : ranked) {
    const int64_t limit = best < 0 ? result.max_drop : best - 1;
    const int64_t start =
        candidate.approximation == kUnreachable ? limit : candidate.approximation;
    const int64_t k = SearchOrder(dropper, target, candidate.order, start, limit);
    if (k > 0 && (best < 0 || k < best)) {
      best = k;
      chosen = &candidate;
    }
  }
  std::vector<int64_t> removed(cells.size(), 0);
  if (chosen != nullptr) {
    int64_t k = best;
    for (const auto& [cell, count] : chosen->order) {
      if (k <= 0) break;
      removed[cell] = std::min(k, count);
      k -= removed[cell];
    }
    result.approximation =
        chosen->approximation == kUnreachable ? 0 : chosen->approximation;
    result.ahead = candidates[chosen->index].first;
    result.behind = candidates[chosen->index].second;
  }

  // Small problems: the exact answer, smallest size first, below the
  // approximation's (or up to the bound when it found none).
  const int64_t bound = best < 0 ? result.max_drop : best - 1;
  std::vector<int64_t> base = dropper.base();
  if (options.fit.ties == TieModel::kDrop) {
    for (size_t c = 0; c < cells.size(); ++c) {
      if (cells[c].outcome == Outcome::kTie) base[c] = 0;  // removing them changes nothing
    }
  }
  if (bound >= 1 && options.exhaustive_limit > 0 &&
      CountVectors(base, bound, options.exhaustive_limit) <= options.exhaustive_limit) {
    for (int64_t size = 1; size <= bound; ++size) {
      std::vector<int64_t> take;
      if (ExhaustiveOfSize(dropper, target, base, size, &take)) {
        removed = take;
        best = size;
        break;
      }
    }
    result.exhaustive = true;
  }
  if (best < 0) {
    result.refits = dropper.refits();
    return result;
  }
  std::vector<int64_t> counts = dropper.base();
  for (size_t c = 0; c < cells.size(); ++c) {
    counts[c] -= removed[c];
    if (removed[c] > 0) {
      result.cells.push_back({cells[c].i, cells[c].j, cells[c].outcome, removed[c]});
    }
  }
  if (result.exhaustive && chosen == nullptr) result.approximation = 0;
  result.after = dropper.RefitCounts(counts);
  PODIUM_CHECK(target.Broken(result.after));  // verified, never assumed
  result.flipped = true;
  result.dropped = best;
  if (!target.pair) {
    result.top_after = dropper.Top(result.after, static_cast<int>(target.top.size()));
    // Which pair flipped: the lowest inside model and the highest outside one.
    int low = target.top.front(), high = target.outside.front();
    for (int t : target.top) {
      if (result.after(t) < result.after(low)) low = t;
    }
    for (int o : target.outside) {
      if (result.after(o) > result.after(high)) high = o;
    }
    result.ahead = low;
    result.behind = high;
  } else {
    result.ahead = target.ahead;
    result.behind = target.behind;
  }
  result.refits = dropper.refits();
  return result;
}

}  // namespace podium
