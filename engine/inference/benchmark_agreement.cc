#include "engine/inference/benchmark_agreement.h"

#include <cmath>
#include <limits>

#include "engine/base/check.h"

namespace podium {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

int Sign(double v) { return (v > 0) - (v < 0); }

// Each pair's shared models, as (better-is-larger x, y) values.
struct SharedScores {
  std::vector<double> x, y;
};

SharedScores Shared(const Eigen::MatrixXd& values,
                    const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& present,
                    const std::vector<bool>& higher_is_better, int j, int k) {
  SharedScores s;
  for (int i = 0; i < values.rows(); ++i) {
    if (!present(i, j) || !present(i, k)) continue;
    s.x.push_back(higher_is_better[j] ? values(i, j) : -values(i, j));
    s.y.push_back(higher_is_better[k] ? values(i, k) : -values(i, k));
  }
  return s;
}

// tau_b of a resample of `s` (n draws with replacement).
double ResampledTau(const SharedScores& s, Rng& rng, SharedScores* scratch) {
  const size_t n = s.x.size();
  scratch->x.resize(n);
  scratch->y.resize(n);
  for (size_t k = 0; k < n; ++k) {
    const size_t pick = rng.Below(n);
    scratch->x[k] = s.x[pick];
    scratch->y[k] = s.y[pick];
  }
  return KendallTauB(scratch->x, scratch->y);
}

// The percentile interval of the finite values of column `c`, and how many
// there were; NaN ends when none.
Interval FiniteInterval(const Eigen::MatrixXd& replicates, int c, double level, int* defined) {
  std::vector<double> finite;
  for (int r = 0; r < replicates.rows(); ++r) {
    if (std::isfinite(replicates(r, c))) finite.push_back(replicates(r, c));
  }
  *defined = static_cast<int>(finite.size());
  if (finite.empty()) return {kNaN, kNaN};
  return {Quantile(finite, (1 - level) / 2), Quantile(finite, (1 + level) / 2)};
}

// Mean of the finite taus of benchmark j's pairs in `taus` (indexed as pairs).
double MeanTau(const std::vector<BenchmarkPair>& pairs, const double* taus, int j, int* count) {
  double sum = 0;
  *count = 0;
  for (size_t p = 0; p < pairs.size(); ++p) {
    if ((pairs[p].first != j && pairs[p].second != j) || !std::isfinite(taus[p])) continue;
    sum += taus[p];
    ++*count;
  }
  return *count > 0 ? sum / *count : kNaN;
}

// The others' median and the flag of every row (the rule in the header).
void Flag(std::vector<BenchmarkAgreementRow>* rows, bool has_intervals) {
  std::vector<int> scored;
  for (size_t j = 0; j < rows->size(); ++j) {
    if (std::isfinite((*rows)[j].mean_tau)) scored.push_back(static_cast<int>(j));
  }
  for (size_t j = 0; j < rows->size(); ++j) {
    BenchmarkAgreementRow& row = (*rows)[j];
    std::vector<double> others;
    for (int k : scored) {
      if (k != static_cast<int>(j)) others.push_back((*rows)[k].mean_tau);
    }
    row.others_median = others.empty() ? kNaN : Quantile(others, 0.5);
    row.flagged = has_intervals && scored.size() >= 3 && std::isfinite(row.mean_tau) &&
                  row.ci.high < row.others_median;
  }
}

}  // namespace

double KendallTauB(const std::vector<double>& x, const std::vector<double>& y) {
  PODIUM_CHECK(x.size() == y.size());
  const size_t n = x.size();
  if (n < 2) return kNaN;
  double concordant = 0, discordant = 0, tied_x = 0, tied_y = 0;
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      const int s = Sign(x[a] - x[b]) * Sign(y[a] - y[b]);
      concordant += s > 0;
      discordant += s < 0;
      tied_x += x[a] == x[b];
      tied_y += y[a] == y[b];
    }
  }
  const double pairs = n * (n - 1) / 2.0;
  const double denominator = std::sqrt((pairs - tied_x) * (pairs - tied_y));
  if (denominator == 0) return kNaN;
  return (concordant - discordant) / denominator;
}

BenchmarkAgreement ComputeBenchmarkAgreement(
    const Eigen::MatrixXd& values,
    const Eigen::Matrix<bool, Eigen::Dynamic, Eigen::Dynamic>& present,
    const std::vector<bool>& higher_is_better, const std::vector<std::string>& benchmarks,
    const BootstrapOptions& options) {
  const int b = static_cast<int>(benchmarks.size());
  PODIUM_CHECK(values.cols() == b && present.cols() == b && present.rows() == values.rows() &&
               static_cast<int>(higher_is_better.size()) == b);
  BenchmarkAgreement out;
  out.options = options;
  out.benchmarks = benchmarks;
  std::vector<SharedScores> shared;
  for (int j = 0; j < b; ++j) {
    for (int k = j + 1; k < b; ++k) {
      shared.push_back(Shared(values, present, higher_is_better, j, k));
      BenchmarkPair pair{j, k, static_cast<int>(shared.back().x.size()), kNaN, {kNaN, kNaN}, 0};
      if (pair.shared >= kMinSharedModels) pair.tau = KendallTauB(shared.back().x, shared.back().y);
      out.pairs.push_back(pair);
    }
  }
  const int num_pairs = static_cast<int>(out.pairs.size());
  std::vector<double> taus(num_pairs);
  for (int p = 0; p < num_pairs; ++p) taus[p] = out.pairs[p].tau;
  out.rows.resize(b);
  for (int j = 0; j < b; ++j) {
    out.rows[j].mean_tau = MeanTau(out.pairs, taus.data(), j, &out.rows[j].pairs);
    out.rows[j].ci = {kNaN, kNaN};
  }
  if (options.rounds > 0) {
    // Columns: the pairs' taus, then the benchmarks' means.
    const Eigen::MatrixXd replicates = RunBootstrap(
        options.rounds, num_pairs + b, options.seed, options.threads,
        [&](int, Rng& rng, Eigen::VectorXd* row) {
          SharedScores scratch;
          for (int p = 0; p < num_pairs; ++p) {
            (*row)(p) =
                std::isfinite(out.pairs[p].tau) ? ResampledTau(shared[p], rng, &scratch) : kNaN;
          }
          for (int j = 0; j < b; ++j) {
            int count = 0;
            (*row)(num_pairs + j) = MeanTau(out.pairs, row->data(), j, &count);
          }
        },
        options.progress);
    for (int p = 0; p < num_pairs; ++p) {
      if (!std::isfinite(out.pairs[p].tau)) continue;
      out.pairs[p].ci = FiniteInterval(replicates, p, options.level, &out.pairs[p].defined_rounds);
    }
    for (int j = 0; j < b; ++j) {
      int defined = 0;
      if (std::isfinite(out.rows[j].mean_tau)) {
        out.rows[j].ci = FiniteInterval(replicates, num_pairs + j, options.level, &defined);
      }
    }
  }
  Flag(&out.rows, options.rounds > 0);
  return out;
}

}  // namespace podium
