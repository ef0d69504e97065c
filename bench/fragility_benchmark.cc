// Google Benchmark of the board's fragility analyses (docs/performance.md):
//
//   bazel run -c opt //bench:fragility_benchmark -- \
//       --battles_csv=$PWD/../shared/data/battles/wildbench_v2_K-1.csv \
//       --groups_csv=/tmp/wildbench_size_categories.csv
//
// BM_VoteDropTop: FindVoteDrop for #1 on the battles of --battles_csv (read
// once, outside the timing): every candidate's influence order and every
// verification refit. BM_LeaveOneCategoryOut: LeaveOneGroupOut over the
// `category` column of --groups_csv. The whole commands are timed in
// docs/performance.md too.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

#include "engine/inference/leave_one_out.h"
#include "engine/inference/vote_dropping.h"
#include "engine/ingest/battles.h"

namespace podium {
namespace {

std::string battles_csv = "../shared/data/battles/wildbench_v2_K-1.csv";
std::string groups_csv = "/tmp/wildbench_size_categories.csv";

const BattleData& Read(const std::string& path, const std::string& group_by) {
  static std::map<std::string, BattleData> cache;
  auto it = cache.find(path + group_by);
  if (it != cache.end()) return it->second;
  BattleReadOptions options;
  options.group_by = group_by;
  Diagnostics d;
  BattleData data = ReadBattles(path, path, options, &d);
  if (d.has_errors()) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return cache.emplace(path + group_by, std::move(data)).first->second;
}

void BM_VoteDropTop(benchmark::State& state) {
  const BattleData& data = Read(battles_csv, "");
  VoteDropOptions options;
  int64_t dropped = 0;
  for (auto _ : state) {
    const VoteDropResult r =
        FindVoteDrop(static_cast<int>(data.models.size()), data.cells, options);
    dropped = r.dropped;
    state.counters["refits"] = r.refits;
  }
  state.counters["dropped"] = static_cast<double>(dropped);
}
BENCHMARK(BM_VoteDropTop)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LeaveOneCategoryOut(benchmark::State& state) {
  const BattleData& data = Read(groups_csv, "category");
  for (auto _ : state) {
    benchmark::DoNotOptimize(LeaveOneGroupOut(static_cast<int>(data.models.size()), data.cells,
                                              data.sequence,
                                              static_cast<int>(data.group_names.size()), {}));
  }
  state.counters["groups"] = static_cast<double>(data.group_names.size());
}
BENCHMARK(BM_LeaveOneCategoryOut)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace podium

int main(int argc, char** argv) {
  for (int k = 1; k < argc; ++k) {
    if (std::strncmp(argv[k], "--battles_csv=", 14) == 0) podium::battles_csv = argv[k] + 14;
    if (std::strncmp(argv[k], "--groups_csv=", 13) == 0) podium::groups_csv = argv[k] + 13;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  return 0;
}
