// Writes a synthetic battles CSV with known true strengths, for benchmarks.
//
//   generate_battles --battles 2000000 --models 130 --seed 1 --out battles.csv
//       [--truth truth.csv]
//       [--style-features N --style-effects b1,...,bN --style-truth style.csv]
//
// Model k ("model-007") has true rating 1000 + 400/ln10 * theta_k, theta_k
// evenly spread over [-2, 2]. Each battle picks two distinct models uniformly
// and an outcome from the Davidson model with nu = 0.3 (about 13% ties between
// equal models), so ties are present and the truth is known.
//
// Style features (--style-features N, 1..4; without it the output is
// byte-identical to before): the first N of sum_assistant_tokens,
// header_count, list_count, bold_count, written as columns F_a, F_b after
// winner. For battle i, feature f and each side (a, then b) played by model
// k, the count is Binomial(T_f, s_kf·(0.2 + 0.8·u)), u uniform (a per-response
// draw), T = (1000, 8, 12, 16) and s_kf = 0.2 + 0.6·frac((k + 1)(f + 1)·0.618034),
// so style depends on the model and varies from battle to battle; these draws
// come from their own stream Rng(seed, 1). The covariates are those of
// engine/rating/style_features.h over the whole file:
//   r_if = (a − b)/(a + b) (0 when both are 0),
//   x_if = (r_if − mean_f)/sd_f (population sd; 0 when sd_f = 0),
// and the true effects β = --style-effects (default 0) enter the Davidson
// model through π_a = exp(θ_a + s/2), π_b = exp(θ_b − s/2), s = Σ_f β_f x_if:
//   P(a wins) = π_a/D, P(b wins) = π_b/D, P(tie) = ν√(π_a π_b)/D,
//   D = π_a + π_b + ν√(π_a π_b),
// so log(P(a wins)/P(b wins)) = θ_a − θ_b + xᵀβ. The pairs and the uniform
// deciding each outcome are drawn exactly as without style (stream Rng(seed,
// 0)): with all β = 0 the winner column is the plain output's. A
// Bradley–Terry fit with ties as half a win recovers θ and β only up to the
// attenuation Davidson ties cause (about 1/(1 + ν/2) near equal strengths).
// --style-truth writes feature,true_coefficient,mean,sd (β_f, and mean_f and
// sd_f of r_f) so that a fit can be checked against the truth.
//
// Groups (--categories C, --judges J; without them the output is unchanged):
// columns `category` ("category-00" ..) and `judge` ("judge-0000" ..) after
// the rest, each battle's drawn uniformly from their own stream Rng(seed, 2)
// (category first), so the winners are the plain output's. For
// leave-one-group-out (podium arena --loo).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "engine/base/output_file.h"
#include "engine/base/random.h"

namespace {

const char* const kStyleNames[] = {"sum_assistant_tokens", "header_count", "list_count",
                                   "bold_count"};
const int64_t kStyleTrials[] = {1000, 8, 12, 16};

// The style of one battle, drawn from the features' own stream.
struct StyleDraw {
  std::vector<int64_t> counts;   // per feature: side a, side b
  std::vector<double> relative;  // per feature: (a − b)/(a + b), 0 when both are 0
};

void DrawStyle(podium::Rng& rng, int a, int b, int features, StyleDraw* d) {
  d->counts.clear();
  d->relative.clear();
  for (int f = 0; f < features; ++f) {
    for (int k : {a, b}) {
      const double t = (k + 1) * (f + 1) * 0.618034;
      const double share = (0.2 + 0.6 * (t - std::floor(t))) * (0.2 + 0.8 * rng.Uniform());
      d->counts.push_back(podium::Binomial(rng, kStyleTrials[f], share));
    }
    const double ca = static_cast<double>(d->counts[2 * f]);
    const double cb = static_cast<double>(d->counts[2 * f + 1]);
    d->relative.push_back(ca + cb == 0 ? 0 : (ca - cb) / (ca + cb));
  }
}

// The pair of battle n: two distinct models, uniformly (as the plain output).
void DrawPair(podium::Rng& rng, int models, int* a, int* b) {
  *a = static_cast<int>(rng.Below(models));
  *b = static_cast<int>(rng.Below(models - 1));
  if (*b >= *a) ++*b;
}

}  // namespace

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
  int style_features = 0;
  std::vector<double> style_effects;
  std::string style_truth;
  app.add_option("--style-features", style_features,
                 "Style features F_a,F_b: the first N of sum_assistant_tokens, header_count, "
                 "list_count, bold_count")
      ->check(CLI::Range(0, 4));
  app.add_option("--style-effects", style_effects,
                 "True coefficients of the z-scored style covariates (one per feature)")
      ->delimiter(',');
  app.add_option("--style-truth", style_truth,
                 "Also write feature,true_coefficient,mean,sd (needs --style-features)");
  int categories = 0, judges = 0;
  app.add_option("--categories", categories, "Add a category column with this many categories")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--judges", judges, "Add a judge column with this many judges")
      ->check(CLI::Range(0, 100000000));
  CLI11_PARSE(app, argc, argv);
  if (style_effects.empty()) style_effects.assign(style_features, 0.0);
  if (static_cast<int>(style_effects.size()) != style_features ||
      (!style_truth.empty() && style_features == 0)) {
    std::fprintf(stderr,
                 "generate_battles: error: --style-effects needs one value per style feature "
                 "(%d), and --style-truth needs --style-features\n",
                 style_features);
    return 2;
  }

  std::vector<double> theta(models);
  for (int k = 0; k < models; ++k) theta[k] = -2.0 + 4.0 * k / (models - 1);
  // Built in memory and written through WriteOutputFile like every output
  // of podium (about 30 bytes a battle).
  // With style: a first pass over the same draws gives each feature's mean
  // and population sd (Welford), so that the covariates are z-scored over the
  // whole file before any outcome is drawn.
  std::vector<double> mean(style_features, 0), sd(style_features, 0);
  StyleDraw style;
  if (style_features > 0) {
    std::vector<double> m2(style_features, 0);
    podium::Rng pairs(seed, 0), styles(seed, 1);
    int a = 0, b = 0;
    for (int64_t n = 0; n < battles; ++n) {
      DrawPair(pairs, models, &a, &b);
      pairs.Uniform();  // the outcome's uniform, drawn again in the second pass
      DrawStyle(styles, a, b, style_features, &style);
      for (int f = 0; f < style_features; ++f) {
        const double delta = style.relative[f] - mean[f];
        mean[f] += delta / static_cast<double>(n + 1);
        m2[f] += delta * (style.relative[f] - mean[f]);
      }
    }
    for (int f = 0; f < style_features; ++f)
      sd[f] = std::sqrt(m2[f] / static_cast<double>(battles));
  }
  std::string text = "model_a,model_b,winner";
  for (int f = 0; f < style_features; ++f) {
    text += fmt::format(",{0}_a,{0}_b", kStyleNames[f]);
  }
  if (categories > 0) text += ",category";
  if (judges > 0) text += ",judge";
  text += "\n";
  podium::Rng groups(seed, 2);
  text.reserve(static_cast<size_t>(battles) * (30 + 12 * style_features));
  char line[64];
  podium::Rng rng(seed, 0), styles(seed, 1);
  const double nu = 0.3;
  for (int64_t n = 0; n < battles; ++n) {
    int a = 0, b = 0;
    DrawPair(rng, models, &a, &b);
    double shift = 0;  // s = Σ β_f x_f
    if (style_features > 0) {
      DrawStyle(styles, a, b, style_features, &style);
      for (int f = 0; f < style_features; ++f) {
        if (sd[f] > 0) shift += style_effects[f] * (style.relative[f] - mean[f]) / sd[f];
      }
    }
    const double pa = std::exp(theta[a] + shift / 2), pb = std::exp(theta[b] - shift / 2);
    const double tie = nu * std::sqrt(pa * pb);
    const double u = rng.Uniform() * (pa + pb + tie);
    const char* winner = u < pa ? "model_a" : u < pa + pb ? "model_b" : "tie";
    text.append(line, std::snprintf(line, sizeof line, "model-%03d,model-%03d,%s", a, b, winner));
    for (int f = 0; f < style_features; ++f) {
      text += fmt::format(",{},{}", style.counts[2 * f], style.counts[2 * f + 1]);
    }
    if (categories > 0) text += fmt::format(",category-{:02d}", groups.Below(categories));
    if (judges > 0) text += fmt::format(",judge-{:04d}", groups.Below(judges));
    text += '\n';
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
  if (!style_truth.empty()) {
    std::string table = "feature,true_coefficient,mean,sd\n";
    for (int f = 0; f < style_features; ++f) {
      table += fmt::format("{},{:.6f},{:.9f},{:.9f}\n", kStyleNames[f], style_effects[f], mean[f],
                           sd[f]);
    }
    if (!podium::WriteOutputFile(style_truth, table, &error)) {
      std::fprintf(stderr, "generate_battles: error: %s\n", error.c_str());
      return 2;
    }
  }
  return 0;
}
