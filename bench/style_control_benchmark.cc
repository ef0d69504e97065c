// Google Benchmark of style control (docs/performance.md): the contextual
// Bradley–Terry fit and its sandwich on 1,000,000 synthetic battles among
// 130 models with 4 style covariates (tests/style_battles.h; θ evenly over
// [−2, 2], β = (0.25, 0.1, 0.05, 0.1), 10% ties, arena-rank's reweighting,
// l2 = 1). The target: fit plus sandwich within 3 s on 2 cores.
//
//   bazel run -c opt //bench:style_control_benchmark
//
// BM_FitStyleControl/T fits on T threads (cold start); BM_StyleSandwich
// computes H, G and the covariance at the fit; BM_StyleBootstrapRound is one
// bootstrap round (resample, warm-started refit on one thread).
#include <benchmark/benchmark.h>

#include "engine/base/random.h"
#include "engine/inference/style_control.h"
#include "engine/rating/contextual_bradley_terry.h"
#include "tests/style_battles.h"

namespace podium {
namespace {

struct Data {
  testing::StyleBattles battles;
  std::vector<double> weights;
  ContextualBradleyTerryResult fit;
};

const Data& Million() {
  static const Data* data = [] {
    auto* d = new Data;
    Eigen::VectorXd theta(130), beta(4);
    for (int k = 0; k < 130; ++k) theta(k) = -2.0 + 4.0 * k / 129;
    beta << 0.25, 0.1, 0.05, 0.1;
    Rng rng(1, 0);
    d->battles = testing::SimulateStyleBattles(theta, beta, 1000000, 0.1, rng);
    d->weights = ContextualPairWeights(130, d->battles.battles);
    d->fit =
        FitContextualBradleyTerry(130, d->battles.battles, d->battles.covariates, d->weights, {});
    return d;
  }();
  return *data;
}

void BM_FitStyleControl(benchmark::State& state) {
  const Data& d = Million();
  ContextualBradleyTerryOptions o;
  o.threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const ContextualBradleyTerryResult fit =
        FitContextualBradleyTerry(130, d.battles.battles, d.battles.covariates, d.weights, o);
    state.counters["iterations"] = fit.iterations;
    benchmark::DoNotOptimize(fit.theta.data());
  }
}
BENCHMARK(BM_FitStyleControl)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StyleSandwich(benchmark::State& state) {
  const Data& d = Million();
  for (auto _ : state) {
    const StyleControlIntervals s =
        StyleSandwichIntervals(130, d.battles.battles, d.battles.covariates, d.weights, d.fit, {});
    benchmark::DoNotOptimize(s.rating_sds.data());
  }
}
BENCHMARK(BM_StyleSandwich)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_StyleBootstrapRound(benchmark::State& state) {
  const Data& d = Million();
  StyleBootstrapOptions o;
  o.rounds = 1;
  for (auto _ : state) {
    const StyleControlIntervals s =
        StyleBootstrapIntervals(130, d.battles.battles, d.battles.covariates, d.weights, d.fit, o);
    benchmark::DoNotOptimize(s.replicates.data());
  }
}
BENCHMARK(BM_StyleBootstrapRound)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace podium

BENCHMARK_MAIN();
