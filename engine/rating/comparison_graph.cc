#include "engine/rating/comparison_graph.h"

#include <functional>
#include <numeric>

namespace podium {
namespace {

// Nodes reachable from `start` along `edges`.
std::vector<bool> Reachable(int start, const std::vector<std::vector<int>>& edges) {
  std::vector<bool> seen(edges.size(), false);
  std::vector<int> stack = {start};
  seen[start] = true;
  while (!stack.empty()) {
    const int v = stack.back();
    stack.pop_back();
    for (int w : edges[v]) {
      if (!seen[w]) {
        seen[w] = true;
        stack.push_back(w);
      }
    }
  }
  return seen;
}

}  // namespace

ComparisonGraph AnalyzeComparisonGraph(const PairCounts& counts, TieModel ties) {
  const int m = counts.num_models;
  ComparisonGraph g;
  std::vector<int> parent(m);
  std::iota(parent.begin(), parent.end(), 0);
  std::function<int(int)> find = [&](int v) {
    return parent[v] == v ? v : parent[v] = find(parent[v]);
  };
  std::vector<std::vector<int>> beat(m), beaten_by(m);
  std::vector<double> wins(m, 0), losses(m, 0);
  const bool ties_count = ties != TieModel::kDrop;
  for (const PairTotal& p : counts.pairs) {
    parent[find(p.i)] = find(p.j);
    const double tie = ties_count ? p.ties : 0;
    if (p.wins_i + tie > 0) {
      beat[p.i].push_back(p.j);
      beaten_by[p.j].push_back(p.i);
    }
    if (p.wins_j + tie > 0) {
      beat[p.j].push_back(p.i);
      beaten_by[p.i].push_back(p.j);
    }
    wins[p.i] += p.wins_i + tie;
    wins[p.j] += p.wins_j + tie;
    losses[p.i] += p.wins_j + tie;
    losses[p.j] += p.wins_i + tie;
  }
  g.component.assign(m, -1);
  for (int v = 0; v < m; ++v) {
    if (g.component[v] >= 0) continue;
    const int root = find(v);
    for (int w = v; w < m; ++w) {
      if (find(w) == root) g.component[w] = g.num_components;
    }
    ++g.num_components;
    // Strongly connected iff every node reaches v and v reaches every node.
    const std::vector<bool> forward = Reachable(v, beat), backward = Reachable(v, beaten_by);
    for (int w = v; w < m; ++w) {
      if (find(w) == root && (!forward[w] || !backward[w])) g.mle_exists = false;
    }
  }
  for (int v = 0; v < m; ++v) {
    if (wins[v] > 0 && losses[v] == 0) g.only_wins.push_back(v);
    if (losses[v] > 0 && wins[v] == 0) g.only_losses.push_back(v);
  }
  return g;
}

double RidgeWithFallback(const ComparisonGraph& graph, double ridge) {
  return ridge == 0 && !graph.mle_exists ? kFallbackRidge : ridge;
}

double RidgeWithFallback(const PairCounts& counts, TieModel ties, double ridge) {
  return ridge == 0 ? RidgeWithFallback(AnalyzeComparisonGraph(counts, ties), ridge) : ridge;
}

}  // namespace podium
