// Google Benchmark of the pairwise pipeline (docs/performance.md).
//
//   bazel run -c opt //bench:arena_benchmark -- --battles_csv=/tmp/b2m.csv
//
// BM_ReadBattles parses the CSV given by --battles_csv (bytes/s reported);
// BM_FitBradleyTerry fits the aggregated counts; BM_BootstrapRound does one
// multinomial draw + warm-started fit, for data sets of 100k and 2M battles, to
// show that a round's cost does not depend on the number of battles.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "engine/base/random.h"
#include "engine/ingest/battles.h"
#include "engine/matrix/pair_counts.h"
#include "engine/rating/bradley_terry.h"

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

void BM_BootstrapRound(benchmark::State& state) {
  const BattleData data = Synthetic(state.range(0));
  const PairCounts counts = ToPairCounts(130, data.cells);
  const BradleyTerryResult full = FitBradleyTerry(counts, {});
  std::vector<double> weights;
  for (const PairCell& c : data.cells) weights.push_back(static_cast<double>(c.count));
  BradleyTerryOptions options;
  options.start = &full.state;
  uint64_t round = 0;
  std::vector<int64_t> draw;
  for (auto _ : state) {
    Rng rng(7, round++);
    Multinomial(rng, data.battles, weights, &draw);
    benchmark::DoNotOptimize(
        FitBradleyTerry(ToPairCounts(130, data.cells, &draw), options).theta(0));
  }
}
BENCHMARK(BM_BootstrapRound)->Arg(100000)->Arg(2000000)->Unit(benchmark::kMicrosecond);

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
