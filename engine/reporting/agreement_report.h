// The "Benchmark agreement" part of a leaderboard report (podium leaderboard
// --agreement; engine/inference/benchmark_agreement.h): a Markdown section, a
// CSV block and the JSON "agreement" object (docs/formats.md).
#ifndef PODIUM_ENGINE_REPORTING_AGREEMENT_REPORT_H_
#define PODIUM_ENGINE_REPORTING_AGREEMENT_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "engine/inference/benchmark_agreement.h"
#include "engine/registry/registry.h"

namespace podium {

// The method in words: tau-b, the bootstrap (rounds, seed, level), the
// unweighted mean and the flag rule. Shared by the Markdown and JSON.
std::string DescribeAgreement(const BenchmarkAgreement& agreement);

// "## Benchmark agreement": the method, one row per benchmark (mean tau, its
// interval, pairs, the others' median, flagged), the flagged benchmarks in
// words, and one row per pair (shared models, tau [low, high], or why tau is
// undefined). `registry` (may be null) gives the benchmarks' names.
std::string AgreementMarkdown(const BenchmarkAgreement& agreement, const Registry* registry);

// Two CSV blocks, each after an empty line: the pairs
// (benchmark_a,benchmark_b,shared,tau,tau_low,tau_high,defined_rounds) and the
// benchmarks (benchmark,mean_tau,mean_tau_low,mean_tau_high,pairs,others_median,flagged);
// missing numbers are empty fields.
std::string AgreementCsv(const BenchmarkAgreement& agreement);

// The "agreement" object: method, rounds, seed, level, min_shared_models,
// benchmarks (per benchmark), pairs, flagged (ids).
nlohmann::ordered_json AgreementJson(const BenchmarkAgreement& agreement);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_AGREEMENT_REPORT_H_
