// Writes a synthetic battles CSV with known true strengths, for benchmarks.
//
//   generate_battles --battles 2000000 --models 130 --seed 1 --out battles.csv
//       [--truth truth.csv]
//
// Model k ("model-007") has true rating 1000 + 400/ln10 * theta_k, theta_k
// evenly spread over [-2, 2]. Each battle picks two distinct models uniformly
// and an outcome from the Davidson model with nu = 0.3 (about 13% ties between
// equal models), so ties are present and the truth is known.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/base/output_file.h"
#include "engine/base/random.h"

int main(int argc, char** argv) {
  int64_t battles = 2000000;
  int models = 130;
  uint64_t seed = 1;
  std::string out = "battles.csv", truth;
  CLI::App app("Synthetic battles with known strengths", "generate_battles");
  app.add_option("--battles", battles)->capture_default_str();
  app.add_option("--models", models)->check(CLI::Range(2, 100000))->capture_default_str();
  app.add_option("--seed", seed)->capture_default_str();
  app.add_option("--out", out)->capture_default_str();
  app.add_option("--truth", truth, "Also write model,true_rating");
  CLI11_PARSE(app, argc, argv);

  std::vector<double> theta(models);
  for (int k = 0; k < models; ++k) theta[k] = -2.0 + 4.0 * k / (models - 1);
  // Built in memory and written through WriteOutputFile like every output
  // of podium (about 30 bytes a battle).
  std::string text = "model_a,model_b,winner\n";
  text.reserve(static_cast<size_t>(battles) * 30);
  char line[64];
  podium::Rng rng(seed, 0);
  const double nu = 0.3;
  for (int64_t n = 0; n < battles; ++n) {
    const int a = static_cast<int>(rng.Below(models));
    int b = static_cast<int>(rng.Below(models - 1));
    if (b >= a) ++b;
    const double pa = std::exp(theta[a]), pb = std::exp(theta[b]), tie = nu * std::sqrt(pa * pb);
    const double u = rng.Uniform() * (pa + pb + tie);
    const char* winner = u < pa ? "model_a" : u < pa + pb ? "model_b" : "tie";
    text.append(line, std::snprintf(line, sizeof line, "model-%03d,model-%03d,%s\n", a, b, winner));
  }
  std::string error;
  if (!podium::WriteOutputFile(out, text, &error)) {
    std::fprintf(stderr, "generate_battles: error: %s\n", error.c_str());
    return 2;
  }
  if (!truth.empty()) {
    std::string table = "model,true_rating\n";
    for (int k = 0; k < models; ++k) {
      table.append(line, std::snprintf(line, sizeof line, "model-%03d,%.6f\n", k,
                                       1000 + 400 / std::log(10.0) * theta[k]));
    }
    if (!podium::WriteOutputFile(truth, table, &error)) {
      std::fprintf(stderr, "generate_battles: error: %s\n", error.c_str());
      return 2;
    }
  }
  return 0;
}
