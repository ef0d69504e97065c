// Google Benchmark of the pairwise pipeline (docs/performance.md).
//
//   bazel run -c opt //bench:arena_benchmark -- --battles_csv=/tmp/b2m.csv
//
// BM_ReadBattles parses the CSV given by --battles_csv (bytes/s reported);
// BM_Aggregate folds the (pair, outcome) cells into per-pair totals;
// BM_FitBradleyTerry fits the aggregated counts; BM_MultinomialDraw compares
// the exact samplers of a replicate's cell counts (conditional binomials
// against MultinomialSampler); BM_BootstrapRound does one draw + warm-started
// fit, for data sets of 100k and 2M battles, to show that a round's cost does
// not depend on the number of battles; BM_EloRound replays one online-Elo
// bootstrap replicate of a WildBench-sized sequence (146,829 battles, 54
// models), with an order vector over 40-byte battles against
// ResampledOnlineElo.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "engine/base/multinomial_sampler.h"
#include "engine/base/random.h"
#include "engine/ingest/battles.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/bradley_terry.h"
#include "engine/rating/elo.h"

namespace podium {
namespace {

std::string battles_csv = "/tmp/podium_bench_2m.csv";

// Synthetic counts of `n` battles among 130 models (as bench/generate_battles).
BattleData Synthetic(int64_t n) {
  const int m = 130;
  Rng rng(1, 0);
  std::vector<double> theta(m);
  for (int k = 0; k < m; ++k) theta[k] = -2.0 + 4.0 * k / (m - 1);
  std::map<std::tuple<int, int, int>, int64_t> counts;
  for (int64_t b = 0; b < n; ++b) {
    int i = static_cast<int>(rng.Below(m)), j = static_cast<int>(rng.Below(m - 1));
    if (j >= i) ++j;
    const double pi = std::exp(theta[i]), pj = std::exp(theta[j]), tie = 0.3 * std::sqrt(pi * pj);
    const double u = rng.Uniform() * (pi + pj + tie);
    int outcome = u < pi ? 0 : u < pi + pj ? 1 : 2;
    if (i > j) {
      std::swap(i, j);
      if (outcome < 2) outcome = 1 - outcome;
    }
    ++counts[{i, j, outcome}];
  }
  BattleData data;
  for (int k = 0; k < m; ++k) data.models.push_back(std::to_string(k));
  for (const auto& [key, c] : counts) {
    data.cells.push_back(
        {std::get<0>(key), std::get<1>(key), static_cast<Outcome>(std::get<2>(key)), c});
  }
  data.battles = n;
  return data;
}

void BM_ReadBattles(benchmark::State& state) {
  if (!std::filesystem::exists(battles_csv)) {
    state.SkipWithError("no --battles_csv file (make one with //bench:generate_battles)");
    return;
  }
  for (auto _ : state) {
    Diagnostics d;
    BattleData data = ReadBattles(battles_csv, "", {}, &d);
    benchmark::DoNotOptimize(data.cells.size());
  }
  state.SetBytesProcessed(state.iterations() * std::filesystem::file_size(battles_csv));
}
BENCHMARK(BM_ReadBattles)->Unit(benchmark::kMillisecond);

void BM_FitBradleyTerry(benchmark::State& state) {
  const BattleData data = Synthetic(state.range(0));
  const PairCounts counts = ToPairCounts(130, data.cells);
  for (auto _ : state) benchmark::DoNotOptimize(FitBradleyTerry(counts, {}).theta(0));
}
BENCHMARK(BM_FitBradleyTerry)->Arg(100000)->Arg(2000000)->Unit(benchmark::kMillisecond);

void BM_Aggregate(benchmark::State& state) {
  const BattleData data = Synthetic(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(ToPairCounts(130, data.cells).pairs.size());
}
BENCHMARK(BM_Aggregate)->Arg(2000000)->Unit(benchmark::kMicrosecond);

std::vector<int64_t> CellCounts(const BattleData& data) {
  std::vector<int64_t> counts;
  for (const PairCell& c : data.cells) counts.push_back(c.count);
  return counts;
}

// range(0): battles; range(1): 0 = conditional binomials, 1 = MultinomialSampler.
void BM_MultinomialDraw(benchmark::State& state) {
  const BattleData data = Synthetic(state.range(0));
  const std::vector<int64_t> counts = CellCounts(data);
  const std::vector<double> weights(counts.begin(), counts.end());
  const MultinomialSampler sampler(counts);
  uint64_t round = 0;
  std::vector<int64_t> draw;
  for (auto _ : state) {
    Rng rng(7, round++);
    if (state.range(1) == 0) {
      Multinomial(rng, data.battles, weights, &draw);
    } else {
      sampler.Draw(rng, &draw);
    }
    benchmark::DoNotOptimize(draw.data());
  }
  state.counters["cells"] = static_cast<double>(counts.size());
}
BENCHMARK(BM_MultinomialDraw)
    ->Args({2000000, 0})
    ->Args({2000000, 1})
    ->Unit(benchmark::kMicrosecond);

void BM_BootstrapRound(benchmark::State& state) {
  const BattleData data = Synthetic(state.range(0));
  const PairCounts counts = ToPairCounts(130, data.cells);
  const BradleyTerryResult full = FitBradleyTerry(counts, {});
  const MultinomialSampler sampler(CellCounts(data));
  BradleyTerryOptions options;
  options.start = &full.state;
  options.log_likelihood = false;
  uint64_t round = 0;
  std::vector<int64_t> draw;
  for (auto _ : state) {
    Rng rng(7, round++);
    sampler.Draw(rng, &draw);
    benchmark::DoNotOptimize(
        FitBradleyTerry(ToPairCounts(130, data.cells, &draw), options).theta(0));
  }
}
BENCHMARK(BM_BootstrapRound)->Arg(100000)->Arg(2000000)->Unit(benchmark::kMicrosecond);

// range(0): 0 = order vector + OnlineElo over Battle, 1 = ResampledOnlineElo.
void BM_EloRound(benchmark::State& state) {
  const int m = 54, n = 146829;
  Rng rng(3, 0);
  std::vector<Battle> battles(n);
  for (Battle& b : battles) {
    b.a = static_cast<int32_t>(rng.Below(m));
    b.b = static_cast<int32_t>(rng.Below(m - 1));
    if (b.b >= b.a) ++b.b;
    b.outcome = static_cast<Outcome>(rng.Below(3));
  }
  const std::vector<PackedBattle> packed = PackBattles(battles);
  uint64_t round = 0;
  std::vector<int> order(n);
  for (auto _ : state) {
    Rng draw(7, round++);
    if (state.range(0) == 0) {
      for (int k = 0; k < n; ++k) order[k] = static_cast<int>(draw.Below(n));
      benchmark::DoNotOptimize(OnlineElo(m, battles, EloOptions(), &order)(0));
    } else {
      benchmark::DoNotOptimize(ResampledOnlineElo(m, packed, EloOptions(), draw)(0));
    }
  }
}
BENCHMARK(BM_EloRound)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace podium

int main(int argc, char** argv) {
  for (int k = 1; k < argc; ++k) {
    const std::string arg = argv[k];
    if (arg.rfind("--battles_csv=", 0) == 0) podium::battles_csv = arg.substr(14);
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
