#include "engine/reporting/agreement_report.h"

#include <fmt/format.h>

#include <cmath>
#include <vector>

#include "engine/base/csv_write.h"
#include "engine/base/json_number.h"
#include "engine/base/number.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

std::string Name(const Registry* registry, const std::string& id) {
  return registry == nullptr ? id : registry->BenchmarkName(id);
}

std::string Tau(double tau) { return std::isnan(tau) ? "—" : FormatFixed(tau, 2); }

std::string TauInterval(const Interval& ci) {
  if (std::isnan(ci.low)) return "—";
  return fmt::format("[{}, {}]", FormatFixed(ci.low, 2), FormatFixed(ci.high, 2));
}

std::string CsvNumber(double v) { return std::isnan(v) ? std::string() : JsonNumber(v).dump(); }

std::vector<std::string> Flagged(const BenchmarkAgreement& a) {
  std::vector<std::string> out;
  for (size_t j = 0; j < a.rows.size(); ++j) {
    if (a.rows[j].flagged) out.push_back(a.benchmarks[j]);
  }
  return out;
}

// Why a pair has no tau, in words.
std::string Undefined(const BenchmarkPair& p) {
  return p.shared < kMinSharedModels
             ? fmt::format("undefined (fewer than {} shared models)", kMinSharedModels)
             : "undefined (one benchmark ties every shared model)";
}

}  // namespace

std::string DescribeAgreement(const BenchmarkAgreement& a) {
  return fmt::format(
      "Kendall's tau-b between the model orders of each pair of benchmarks (higher score = "
      "better; lower-is-better benchmarks turned around), over the models ranked here that "
      "have both (the shared models); undefined with fewer than {} shared models. Intervals: "
      "{:g}% percentile bootstrap, {} rounds, seed {}, each pair's shared models resampled with "
      "replacement. Mean tau: the unweighted mean of a benchmark's defined taus with the "
      "others, with its interval from the same rounds (pairs resampled independently, so it "
      "is a screening rule, not a test). Flagged: the upper end of the mean tau's interval is "
      "below the median of the other benchmarks' mean taus (with at least 3 benchmarks that "
      "have one).",
      kMinSharedModels, 100 * a.options.level, a.options.rounds, a.options.seed);
}

std::string AgreementMarkdown(const BenchmarkAgreement& a, const Registry* registry) {
  std::string out = "\n## Benchmark agreement\n\n" + DescribeAgreement(a) + "\n\n";
  const std::string level = fmt::format("{:g}%", 100 * a.options.level);
  out += fmt::format(
      "| Benchmark | Mean τ | {} interval | Pairs | Median of the others | Disagrees |\n"
      "|---|---:|---:|---:|---:|---|\n",
      level);
  for (size_t j = 0; j < a.rows.size(); ++j) {
    const BenchmarkAgreementRow& r = a.rows[j];
    out +=
        fmt::format("| {} | {} | {} | {} | {} | {} |\n",
                    MarkdownCell(Name(registry, a.benchmarks[j])), Tau(r.mean_tau),
                    TauInterval(r.ci), r.pairs, Tau(r.others_median), r.flagged ? "**yes**" : "");
  }
  std::vector<std::string> flagged;
  for (const std::string& id : Flagged(a)) flagged.push_back(MarkdownCell(Name(registry, id)));
  out += flagged.empty()
             ? "\nNo benchmark is flagged.\n"
             : fmt::format("\nDisagree most with the rest: {}.\n", fmt::join(flagged, ", "));
  out += fmt::format(
      "\n| Benchmark A | Benchmark B | Shared models | Kendall τ-b | {} interval |\n"
      "|---|---|---:|---:|---:|\n",
      level);
  for (const BenchmarkPair& p : a.pairs) {
    out += fmt::format("| {} | {} | {} | {} | {} |\n",
                       MarkdownCell(Name(registry, a.benchmarks[p.first])),
                       MarkdownCell(Name(registry, a.benchmarks[p.second])), p.shared,
                       std::isnan(p.tau) ? Undefined(p) : Tau(p.tau), TauInterval(p.ci));
  }
  return out;
}

std::string AgreementCsv(const BenchmarkAgreement& a) {
  std::string out = "\n" + CsvLine({"benchmark_a", "benchmark_b", "shared", "tau", "tau_low",
                                    "tau_high", "defined_rounds"});
  for (const BenchmarkPair& p : a.pairs) {
    out += CsvLine({a.benchmarks[p.first], a.benchmarks[p.second], std::to_string(p.shared),
                    CsvNumber(p.tau), CsvNumber(p.ci.low), CsvNumber(p.ci.high),
                    std::to_string(p.defined_rounds)});
  }
  out += "\n" + CsvLine({"benchmark", "mean_tau", "mean_tau_low", "mean_tau_high", "pairs",
                         "others_median", "flagged"});
  for (size_t j = 0; j < a.rows.size(); ++j) {
    const BenchmarkAgreementRow& r = a.rows[j];
    out += CsvLine({a.benchmarks[j], CsvNumber(r.mean_tau), CsvNumber(r.ci.low),
                    CsvNumber(r.ci.high), std::to_string(r.pairs), CsvNumber(r.others_median),
                    r.flagged ? "true" : "false"});
  }
  return out;
}

Json AgreementJson(const BenchmarkAgreement& a) {
  Json doc;
  doc["method"] = DescribeAgreement(a);
  doc["statistic"] = "kendall_tau_b";
  doc["rounds"] = a.options.rounds;
  doc["seed"] = a.options.seed;
  doc["level"] = JsonNumber(a.options.level);
  doc["min_shared_models"] = kMinSharedModels;
  Json benchmarks = Json::array();
  for (size_t j = 0; j < a.rows.size(); ++j) {
    const BenchmarkAgreementRow& r = a.rows[j];
    benchmarks.push_back({{"benchmark", a.benchmarks[j]},
                          {"mean_tau", JsonNumber(r.mean_tau)},
                          {"ci_low", JsonNumber(r.ci.low)},
                          {"ci_high", JsonNumber(r.ci.high)},
                          {"pairs", r.pairs},
                          {"others_median", JsonNumber(r.others_median)},
                          {"flagged", r.flagged}});
  }
  doc["benchmarks"] = std::move(benchmarks);
  Json pairs = Json::array();
  for (const BenchmarkPair& p : a.pairs) {
    pairs.push_back({{"a", a.benchmarks[p.first]},
                     {"b", a.benchmarks[p.second]},
                     {"shared", p.shared},
                     {"tau", JsonNumber(p.tau)},
                     {"ci_low", JsonNumber(p.ci.low)},
                     {"ci_high", JsonNumber(p.ci.high)},
                     {"defined_rounds", p.defined_rounds},
                     {"undefined", std::isnan(p.tau) ? Json(Undefined(p)) : Json(nullptr)}});
  }
  doc["pairs"] = std::move(pairs);
  doc["flagged"] = Flagged(a);
  return doc;
}

}  // namespace podium
