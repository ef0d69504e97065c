#include "engine/reporting/arena_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/base/option_names.h"
#include "engine/base/number.h"
#include "engine/reporting/arena_fragility.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

std::string DescribeArena(const ArenaResult& r) {
  const ArenaOptions& o = r.options;
  std::string text =
      o.method == ArenaMethod::kBradleyTerry
          ? fmt::format(
                "Bradley–Terry maximum likelihood on the Elo scale (P(i beats j) = 1 / "
                "(1 + 10^((R_j - R_i)/400))), ties {}",
                o.ties == TieModel::kHalf       ? "counted as half a win for each side"
                : o.ties == TieModel::kDrop     ? "dropped"
                : o.ties == TieModel::kDavidson ? "modelled by Davidson (1970)"
                                                : "modelled by Rao & Kupper (1967): P(i beats j) = "
                                                  "σ(θ_i − θ_j − ln θ), a tie otherwise; the "
                                                  "predicted probabilities are given a decided "
                                                  "battle")
          : fmt::format(
                "Online Elo as FastChat's compute_elo (K = {:g}, base {:g}, scale {:g}, "
                "initial {:g}; battles in {} order; a tie is half a win)",
                o.elo.k, o.elo.base, o.elo.scale, o.elo.initial, "file or tstamp");
  text +=
      o.anchor_model.empty()
          ? (o.method == ArenaMethod::kBradleyTerry ? "; ratings centred on a mean of 1000" : "")
          : fmt::format("; anchored at {} = {:g}", o.anchor_model, o.anchor_rating);
  text += ".";
  if (o.ties_auto) {
    text += fmt::format(" Ties: {}, chosen by held-out log-loss (auto).", TieModelName(o.ties));
  }
  if (o.reweight) {
    text +=
        " Reweighted as arena-rank's reweighted=True: each battle of a pair weighs 1 / max(battles "
        "of the pair, 50), in the fit and in the intervals.";
  }
  if (o.ci == ArenaIntervals::kSandwich) {
    text += fmt::format(
        " Intervals: {:g}% normal intervals from the sandwich (robust) covariance H⁻¹GH⁻¹ of "
        "the fit, as arena-rank (the Arena's default since July 2025); the rating shown is the "
        "full-data fit. Rank (UB) = 1 + the number of models whose lower bound is above this "
        "model's upper bound. Rank CI: the interval of each model's rank over {} Gaussian draws "
        "(seed {}) from that covariance. Rank set: ranks that hold for all models at once "
        "(Mogstad, Romano, Shaikh & Wilhelm 2024, Gaussian max-t step-down over the same "
        "draws); Tier: models not told apart from the tier's leader.",
        100 * o.level, o.draws, o.seed);
  } else if (o.rounds > 0) {
    text += fmt::format(
        " Intervals: {:g}% percentile bootstrap over {} rounds (seed {}), resampling {}; the "
        "rating shown is the full-data fit. Rank (UB) = 1 + the number of models whose lower "
        "bound is above this model's upper bound. Rank CI: the interval of each model's "
        "bootstrap rank. Rank set: ranks that hold for all models at once (Mogstad, Romano, "
        "Shaikh & Wilhelm 2024, max-t step-down); Tier: models not told apart from the tier's "
        "leader.",
        100 * o.level, o.rounds, o.seed,
        o.method == ArenaMethod::kBradleyTerry
            ? "battles as multinomial counts over the distinct (pair, outcome) cells"
            : "battles with replacement, played in the drawn order");
  }
  return text;
}

Json MatrixJson(const Eigen::MatrixXd& m) {
  Json rows = Json::array();
  for (int i = 0; i < m.rows(); ++i) {
    Json row = Json::array();
    for (int j = 0; j < m.cols(); ++j) row.push_back(JsonNumber(m(i, j)));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string DescribeStyle(const StyleBoard& b, const ArenaOptions& o) {
  std::string text = fmt::format(
      "Style control as the Arena's contextual Bradley–Terry (lmarena/arena-rank): each "
      "feature becomes (a − b)/(a + b) (0 when both are 0), z-scored over the {} battles; "
      "P(a beats b) = σ(θ_a − θ_b + xᵀβ) with the ratings unpenalized and {} on the mean "
      "log-likelihood{}.",
      b.battles,
      b.options.l2 > 0 ? fmt::format("an L2 penalty {:g}/2·‖β‖² on the coefficients", b.options.l2)
                       : std::string("no penalty on the coefficients"),
      b.options.reweight ? ", battles weighted 1/max(battles of the pair, 50) (mean 1)" : "");
  if (b.intervals == "sandwich") {
    text += fmt::format(" Intervals: {:g}% normal intervals from the sandwich covariance.",
                        100 * o.level);
  } else if (b.intervals == "bootstrap") {
    text += fmt::format(
        " Intervals: {:g}% percentile bootstrap over {} rounds (seed {}), resampling battles "
        "with their features.",
        100 * o.level, o.rounds, o.seed);
  }
  text +=
      " Rank change = the uncontrolled board's Rank (UB) minus the controlled Rank (UB) "
      "(positive: style control lifts the model). A coefficient is in log-odds per sd of the "
      "relative difference: positive means the answer with more of the feature tends to win.";
  if (b.options.l2 > 0) {
    text += fmt::format(
        " The penalty is on the per-battle mean, so it shrinks the coefficients strongly "
        "whatever the number of battles (roughly by I/(I + {:g}), I ≈ 0.25 the information per "
        "battle of a z-scored covariate); `--control-l2 0` fits them unpenalized.",
        b.options.l2);
  }
  return text;
}

std::string StyleMarkdown(const StyleBoard& b, const ArenaOptions& o) {
  const bool ci = b.intervals != "none";
  std::string out = "\n## Style-controlled board\n\n";
  out += ci ? "| Rank | Rank (UB) | Model | Rating | CI | Uncontrolled | Change |\n"
              "|---:|---:|---|---:|---:|---:|---:|\n"
            : "| Rank | Model | Rating | Uncontrolled | Change |\n|---:|---|---:|---:|---:|\n";
  for (const StyleRow& row : b.rows) {
    // A model the uncontrolled board does not rank has no rank change.
    const std::string uncontrolled =
        row.uncontrolled_rank > 0 ? std::to_string(row.uncontrolled_rank) : "—";
    const std::string change = row.uncontrolled_rank == 0 ? "—"
                               : row.rank_change > 0      ? fmt::format("+{}", row.rank_change)
                                                          : std::to_string(row.rank_change);
    if (ci) {
      out += fmt::format("| {} | {} | {} | {} | {} – {} | {} | {} |\n", row.rank, row.rank_ub,
                         MarkdownCell(row.model), FormatFixed(row.rating, 1),
                         FormatFixed(row.ci_low, 1), FormatFixed(row.ci_high, 1),
                         uncontrolled, change);
    } else {
      out += fmt::format("| {} | {} | {} | {} | {} |\n", row.rank, MarkdownCell(row.model),
                         FormatFixed(row.rating, 1), uncontrolled, change);
    }
  }
  out += ci ? "\n| Feature | Coefficient | CI | Mean of (a − b)/(a + b) | Its sd |\n"
              "|---|---:|---:|---:|---:|\n"
            : "\n| Feature | Coefficient | Mean of (a − b)/(a + b) | Its sd |\n|---|---:|---:|---:|\n";
  for (const StyleCoefficientRow& c : b.coefficients) {
    if (ci) {
      out += fmt::format("| {} | {} | {} – {} | {} | {} |\n", MarkdownCell(c.feature),
                         FormatFixed(c.estimate, 4), FormatFixed(c.ci_low, 4),
                         FormatFixed(c.ci_high, 4), FormatFixed(c.covariate_mean, 4),
                         FormatFixed(c.covariate_sd, 4));
    } else {
      out += fmt::format("| {} | {} | {} | {} |\n", MarkdownCell(c.feature),
                         FormatFixed(c.estimate, 4), FormatFixed(c.covariate_mean, 4),
                         FormatFixed(c.covariate_sd, 4));
    }
  }
  return out + "\n" + DescribeStyle(b, o) + "\n";
}

Json StyleJson(const StyleBoard& b, const ArenaOptions& o) {
  Json rows = Json::array();
  for (const StyleRow& row : b.rows) {
    rows.push_back({{"model", row.model},
                    {"rating", JsonNumber(row.rating)},
                    {"ci_low", JsonNumber(row.ci_low)},
                    {"ci_high", JsonNumber(row.ci_high)},
                    {"rank", row.rank},
                    {"rank_ub", row.rank_ub},
                    {"uncontrolled_rank",
                     row.uncontrolled_rank > 0 ? Json(row.uncontrolled_rank) : Json(nullptr)},
                    {"rank_change",
                     row.uncontrolled_rank > 0 ? Json(row.rank_change) : Json(nullptr)}});
  }
  Json coefficients = Json::array();
  for (const StyleCoefficientRow& c : b.coefficients) {
    coefficients.push_back({{"feature", c.feature},
                            {"estimate", JsonNumber(c.estimate)},
                            {"sd", JsonNumber(c.sd)},
                            {"ci_low", JsonNumber(c.ci_low)},
                            {"ci_high", JsonNumber(c.ci_high)},
                            {"covariate_mean", JsonNumber(c.covariate_mean)},
                            {"covariate_sd", JsonNumber(c.covariate_sd)}});
  }
  return {{"features", b.options.features},
          {"l2", JsonNumber(b.options.l2)},
          {"reweight", b.options.reweight},
          {"intervals", b.intervals},
          {"battles", b.battles},
          {"iterations", b.iterations},
          {"converged", b.converged},
          {"unconverged_replicates", b.unconverged_replicates},
          {"method_text", DescribeStyle(b, o)},
          {"rows", std::move(rows)},
          {"coefficients", std::move(coefficients)}};
}

// --- Goodness of fit (--fit, --ties auto): one function per format. ---

std::string DescribeFit(const GoodnessOfFit& g) {
  return fmt::format(
      "Every tie model is scored on the three outcomes (win, loss, tie) of the same {} battles; "
      "half and drop, which do not model ties, give a tie the tie rate τ of the battles fitted "
      "on and a win (1 − τ)·σ(θ_i − θ_j). Held-out log-loss: the mean −ln P(outcome) per "
      "battle (nats) over {}-fold cross-validation, battles assigned to folds at random with "
      "seed {}. Log-likelihood, AIC = 2k − 2 ln L and BIC = k ln N − 2 ln L are those of the "
      "full-data fit, k = the strengths (models − components) + 1 tie parameter (τ, ν or θ). "
      "Fits are unweighted. Calibration of {}: the predicted score P(i wins) + P(tie)/2 of "
      "each pair against the observed (wins + ties/2)/battles, pairs binned by predicted "
      "probability in both orientations (so each battle counts twice), weighted by battles; "
      "the calibration error is the battle-weighted mean |observed − predicted| over the bins.",
      g.battles, g.options.folds, g.options.seed, TieModelName(g.calibrated));
}

std::string TieParameterText(const TieModelFit& f) {
  const char* name = ModelsTies(f.ties) ? (f.ties == TieModel::kDavidson ? "ν" : "θ") : "τ";
  return fmt::format("{} = {}", name, FormatFixed(f.tie_parameter, 4));
}

std::string FitMarkdown(const GoodnessOfFit& g) {
  std::string out =
      "\n## Goodness of fit\n\n"
      "| Ties | Held-out log-loss | Log-likelihood | Parameters | AIC | BIC | Tie parameter |\n"
      "|---|---:|---:|---:|---:|---:|---:|\n";
  for (const TieModelFit& f : g.models) {
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} | {} |\n", TieModelName(f.ties),
                       f.ties == g.best ? " (best)" : "", FormatFixed(f.held_out_log_loss, 4),
                       FormatFixed(f.log_likelihood, 1), f.parameters, FormatFixed(f.aic, 1),
                       FormatFixed(f.bic, 1), TieParameterText(f));
  }
  out += fmt::format(
      "\nCalibration of {} (calibration error {}):\n\n"
      "| Predicted | Battles | Mean predicted | Observed |\n|---|---:|---:|---:|\n",
      TieModelName(g.calibrated), FormatFixed(g.calibration_error, 4));
  for (const CalibrationBin& b : g.bins) {
    if (b.battles == 0) continue;
    out +=
        fmt::format("| {}–{} | {:g} | {} | {} |\n", FormatFixed(b.low, 1), FormatFixed(b.high, 1),
                    b.battles, FormatFixed(b.predicted, 3), FormatFixed(b.observed, 3));
  }
  return out + "\n" + DescribeFit(g) + "\n";
}

// Two more tables after the board, each after an empty line: the tie models,
// then the calibration bins.
std::string FitCsv(const GoodnessOfFit& g) {
  std::string out = "\n" + CsvLine({"tie_model", "held_out_log_loss", "log_likelihood",
                                    "parameters", "aic", "bic", "tie_parameter", "best"});
  for (const TieModelFit& f : g.models) {
    out += CsvLine({TieModelName(f.ties), JsonNumber(f.held_out_log_loss).dump(),
                    JsonNumber(f.log_likelihood).dump(), std::to_string(f.parameters),
                    JsonNumber(f.aic).dump(), JsonNumber(f.bic).dump(),
                    JsonNumber(f.tie_parameter).dump(), f.ties == g.best ? "true" : "false"});
  }
  out += "\n" + CsvLine({"calibrated_tie_model", "bin_low", "bin_high", "battles", "predicted",
                         "observed"});
  for (const CalibrationBin& b : g.bins) {
    out += CsvLine({TieModelName(g.calibrated), JsonNumber(b.low).dump(), JsonNumber(b.high).dump(),
                    JsonNumber(b.battles).dump(), JsonNumber(b.predicted).dump(),
                    JsonNumber(b.observed).dump()});
  }
  return out;
}

Json FitJson(const GoodnessOfFit& g, const ArenaResult& r) {
  Json models = Json::array();
  for (const TieModelFit& f : g.models) {
    Json folds = Json::array();
    for (double loss : f.fold_log_loss) folds.push_back(JsonNumber(loss));
    models.push_back({{"ties", TieModelName(f.ties)},
                      {"best", f.ties == g.best},
                      {"held_out_log_loss", JsonNumber(f.held_out_log_loss)},
                      {"fold_log_loss", std::move(folds)},
                      {"log_likelihood", JsonNumber(f.log_likelihood)},
                      {"parameters", f.parameters},
                      {"aic", JsonNumber(f.aic)},
                      {"bic", JsonNumber(f.bic)},
                      {"tie_parameter", JsonNumber(f.tie_parameter)},
                      {"converged", f.converged}});
  }
  Json bins = Json::array();
  for (const CalibrationBin& b : g.bins) {
    bins.push_back({{"low", JsonNumber(b.low)},
                    {"high", JsonNumber(b.high)},
                    {"battles", JsonNumber(b.battles)},
                    {"predicted", JsonNumber(b.predicted)},
                    {"observed", JsonNumber(b.observed)}});
  }
  Json pairs = Json::array();
  for (const CalibrationPair& p : g.pairs) {
    pairs.push_back({{"model_a", r.models[p.i]},
                     {"model_b", r.models[p.j]},
                     {"battles", p.battles},
                     {"predicted", JsonNumber(p.predicted)},
                     {"observed", JsonNumber(p.observed)}});
  }
  return {{"folds", g.options.folds},
          {"seed", g.options.seed},
          {"battles", g.battles},
          {"fold_battles", g.fold_battles},
          {"ties_auto", r.options.ties_auto},
          {"best", TieModelName(g.best)},
          {"method_text", DescribeFit(g)},
          {"models", std::move(models)},
          {"calibrated", TieModelName(g.calibrated)},
          {"calibration_error", JsonNumber(g.calibration_error)},
          {"calibration_bins", std::move(bins)},
          {"calibration_pairs", std::move(pairs)}};
}

}  // namespace

// Long on purpose: the page's sections in reading order; each is a few lines.
std::string ArenaMarkdown(const ArenaResult& r, const ArenaInput& input) {
  std::string out =
      fmt::format("# {}\n\n", input.title.empty() ? "Arena leaderboard" : input.title);
  out += fmt::format("{} battles among {} models from `{}`.\n\n", r.total_battles, r.rows.size(),
                     input.path);
  const bool ci = r.options.has_intervals();
  const bool components = r.num_components > 1;
  out += components ? "| Component " : "";
  out +=
      ci ? "| Rank | Rank (UB) | Rank CI | Rank set | Tier | Model | Rating | CI | Battles | W / L "
           "/ T |\n"
         : "| Rank | Model | Rating | Battles | W / L / T |\n";
  out += components ? "|---:" : "";
  out +=
      ci ? "|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|\n" : "|---:|---|---:|---:|---:|\n";
  bool any_not_ranked = false;
  for (const ArenaRow& row : r.rows) {
    if (components) out += fmt::format("| {} ", row.component + 1);
    const bool ranked = row.not_ranked.empty();
    any_not_ranked = any_not_ranked || !ranked;
    // A model without a rank shows "—" in every rank column and a mark.
    const std::string model = MarkdownCell(row.model) + (ranked ? "" : " ‡");
    const std::string rank = ranked ? std::to_string(row.rank) : "—";
    if (ci) {
      const auto span = [&](int low, int high) {
        return ranked ? fmt::format("{}–{}", low, high) : std::string("—");
      };
      out += fmt::format(
          "| {} | {} | {} | {} | {} | {} | {} | {} – {} | {} | {} / {} / {} |\n", rank,
          ranked ? std::to_string(row.rank_ub) : "—", span(row.rank_ci_low, row.rank_ci_high),
          span(row.rank_set_low, row.rank_set_high), ranked ? std::to_string(row.tier) : "—", model,
          FormatFixed(row.rating, 1), FormatFixed(row.ci_low, 1), FormatFixed(row.ci_high, 1),
          row.battles, row.wins, row.losses, row.ties);
    } else {
      out += fmt::format("| {} | {} | {} | {} | {} / {} / {} |\n", rank, model,
                         FormatFixed(row.rating, 1), row.battles, row.wins, row.losses, row.ties);
    }
  }
  if (any_not_ranked) {
    out += "\n‡ Not ranked: ";
    std::string sep;
    for (const ArenaRow& row : r.rows) {
      if (row.not_ranked.empty()) continue;
      out += sep + MarkdownCell(row.model) + " has " + row.not_ranked;
      sep = "; ";
    }
    out +=
        ". Such a model has no maximum-likelihood rating (it is infinite); the rating shown "
        "comes from a ridge. `" +
        OptionName("rank_all") + "` ranks it anyway.\n";
  }
  out += "\n" + DescribeArena(r) + "\n";
  if (r.style) out += StyleMarkdown(*r.style, r.options);
  if (r.goodness_of_fit) out += FitMarkdown(*r.goodness_of_fit);
  out += FragilityMarkdown(r, input.path);
  if (!r.warnings.empty()) {
    out += "\nWarnings:\n\n";
    for (const std::string& w : r.warnings) out += "- " + w + "\n";
  }
  if (r.models.size() <= 16) {
    out += "\nPredicted probability that the row model beats the column model:\n\n|  |";
    for (const std::string& m : r.models) out += " " + MarkdownCell(m) + " |";
    out += "\n|---|";
    for (size_t j = 0; j < r.models.size(); ++j) out += "---:|";
    out += "\n";
    for (size_t i = 0; i < r.models.size(); ++i) {
      out += "| " + MarkdownCell(r.models[i]) + " |";
      for (size_t j = 0; j < r.models.size(); ++j) {
        out += " " + (i == j ? std::string("—") : FormatFixed(r.predicted(i, j), 2)) + " |";
      }
      out += "\n";
    }
  }
  return out;
}

std::string ArenaCsv(const ArenaResult& r) {
  std::vector<std::string> header = {"component", "rank",         "rank_ub", "rank_ci_low",
                                     "rank_ci_high", "rank_set_low", "rank_set_high", "tier",
                                     "model",     "rating",       "ci_low",  "ci_high",
                                     "battles",   "wins",         "losses",  "ties",
                                     "not_ranked"};
  // With style control, each row also carries its controlled rating and ranks.
  std::vector<const StyleRow*> controlled(r.models.size(), nullptr);
  if (r.style) {
    header.insert(header.end(), {"controlled_rating", "controlled_ci_low", "controlled_ci_high",
                                 "controlled_rank", "controlled_rank_ub", "rank_change"});
    for (const StyleRow& row : r.style->rows) controlled[row.index] = &row;
  }
  const std::vector<std::string> fragility = FragilityCsvHeader(r);
  header.insert(header.end(), fragility.begin(), fragility.end());
  std::string out = CsvLine(header);
  for (const ArenaRow& row : r.rows) {
    // Rank columns of a model without a rank are empty, and not_ranked says
    // why; the ranks that come from intervals are empty without intervals
    // (--rounds 0), as they are null in JSON.
    const auto rank = [&](int value) {
      return row.not_ranked.empty() ? std::to_string(value) : std::string();
    };
    const auto interval_rank = [&](int value) {
      return r.options.has_intervals() ? rank(value) : std::string();
    };
    std::vector<std::string> fields = {
        std::to_string(row.component + 1), rank(row.rank), interval_rank(row.rank_ub),
        interval_rank(row.rank_ci_low), interval_rank(row.rank_ci_high),
        interval_rank(row.rank_set_low), interval_rank(row.rank_set_high),
        interval_rank(row.tier), row.model, JsonNumber(row.rating).dump(),
        JsonNumber(row.ci_low).dump(), JsonNumber(row.ci_high).dump(),
        std::to_string(row.battles), std::to_string(row.wins), std::to_string(row.losses),
        std::to_string(row.ties), row.not_ranked};
    if (const StyleRow* c = r.style ? controlled[row.index] : nullptr) {
      fields.insert(fields.end(), {JsonNumber(c->rating).dump(), JsonNumber(c->ci_low).dump(),
                                   JsonNumber(c->ci_high).dump(), std::to_string(c->rank),
                                   std::to_string(c->rank_ub),
                                   c->uncontrolled_rank > 0 ? std::to_string(c->rank_change)
                                                            : std::string()});
    }
    const std::vector<std::string> extra = FragilityCsvFields(r, row.index);
    fields.insert(fields.end(), extra.begin(), extra.end());
    out += CsvLine(fields);
  }
  if (r.goodness_of_fit) out += FitCsv(*r.goodness_of_fit);
  return out;
}

// Long on purpose: the report's schema key by key (docs/formats.md).
std::string ArenaJson(const ArenaResult& r, const ArenaInput& input) {
  const ArenaOptions& o = r.options;
  Json doc;
  doc["schema"] = "podium.arena/1";
  doc["title"] = input.title.empty() ? "Arena leaderboard" : input.title;
  doc["options"] = {
      {"method", ArenaMethodName(o.method)},
      {"ties", TieModelName(o.ties)},
      {"anchor", o.anchor_model.empty()
                     ? Json(nullptr)
                     : Json({{"model", o.anchor_model}, {"rating", JsonNumber(o.anchor_rating)}})},
      {"min_battles", o.min_battles},
      {"per_component", o.per_component},
      {"rank_all", o.rank_all},
      {"ridge", JsonNumber(o.ridge)},
      {"ci", ArenaIntervalsName(o.ci)},
      {"reweight", o.reweight},
      {"rounds", o.rounds},
      {"draws", o.ci == ArenaIntervals::kSandwich ? Json(o.draws) : Json(nullptr)},
      {"seed", o.seed},
      {"level", JsonNumber(o.level)},
      {"elo",
       {{"k", JsonNumber(o.elo.k)},
        {"base", JsonNumber(o.elo.base)},
        {"scale", JsonNumber(o.elo.scale)},
        {"initial", JsonNumber(o.elo.initial)}}},
      {"method_text", DescribeArena(r)}};
  doc["input"] = {
      {"battles_file", input.path},         {"battles", r.total_battles},
      {"models", r.models.size()},          {"dropped_category", input.dropped_category},
      {"dropped_ties", input.dropped_ties}, {"dropped_models", r.dropped_models}};
  Json cleaning = Json::array();  // every step that ran, in order, with what it dropped
  for (const CleaningStep& step : input.cleaning) {
    cleaning.push_back({{"step", step.name}, {"dropped", step.dropped}});
  }
  doc["input"]["cleaning"] = std::move(cleaning);
  doc["fit"] = {{"iterations", r.iterations},
                {"converged", r.converged},
                {"ridge_used", JsonNumber(r.ridge_used)},
                {"tie_parameter",
                 ModelsTies(o.ties) ? JsonNumber(r.tie_parameter) : Json(nullptr)},
                {"components", r.num_components},
                {"degenerate_replicates", r.degenerate_replicates}};
  Json rows = Json::array();
  for (const ArenaRow& row : r.rows) {
    // Rank fields are null for a model without a rank; not_ranked says why.
    const bool ranked = row.not_ranked.empty();
    const auto rank = [&](int value) {
      return ranked && o.has_intervals() ? Json(value) : Json(nullptr);
    };
    Json item = {{"model", row.model},
                 {"component", row.component + 1},
                 {"rating", JsonNumber(row.rating)},
                 {"ci_low", JsonNumber(row.ci_low)},
                 {"ci_high", JsonNumber(row.ci_high)},
                 {"rank", ranked ? Json(row.rank) : Json(nullptr)},
                 {"rank_ub", rank(row.rank_ub)},
                 {"rank_ci_low", rank(row.rank_ci_low)},
                 {"rank_ci_high", rank(row.rank_ci_high)},
                 {"rank_set_low", rank(row.rank_set_low)},
                 {"rank_set_high", rank(row.rank_set_high)},
                 {"tier", rank(row.tier)},
                 {"battles", row.battles},
                 {"wins", row.wins},
                 {"losses", row.losses},
                 {"ties", row.ties}};
    if (!ranked) item["not_ranked"] = row.not_ranked;
    rows.push_back(std::move(item));
  }
  doc["rows"] = std::move(rows);
  doc["matrices"] = {{"models", r.models},
                     {"battles", MatrixJson(r.battles)},
                     {"win_fraction", MatrixJson(r.win_fraction)},
                     {"win_fraction_ties_half", MatrixJson(r.win_fraction_ties_half)},
                     {"predicted", MatrixJson(r.predicted)},
                     {"rating_covariance", r.covariance.size() == 0
                                               ? Json(nullptr)
                                               : MatrixJson(kEloPerNat * kEloPerNat *
                                                            r.covariance)}};
  doc["style_control"] = r.style ? StyleJson(*r.style, o) : Json(nullptr);
  if (r.goodness_of_fit) doc["goodness_of_fit"] = FitJson(*r.goodness_of_fit, r);
  if (r.robustness || r.loo) doc["fragility"] = FragilityJson(r, input.path);
  doc["warnings"] = r.warnings;
  return doc.dump(2) + "\n";
}

std::string RobustnessMarkdown(const ArenaResult& r, const ArenaInput& input) {
  const ArenaOptions& o = r.options;
  std::string out = fmt::format(
      "# {}\n\n", input.title.empty() ? fmt::format("How many battles decide {} vs {}",
                                                     o.pair_a, o.pair_b)
                                       : input.title);
  out += fmt::format("{} battles among {} models from `{}`; Bradley–Terry, ties {}.\n", r.total_battles,
                     r.rows.size(), input.path, TieModelName(o.ties));
  std::string section = FragilityMarkdown(r, input.path);
  return out + section.substr(section.find("\n\n", 1) + 1);  // without its heading
}

std::string RobustnessJson(const ArenaResult& r, const ArenaInput& input) {
  const ArenaOptions& o = r.options;
  Json doc;
  doc["schema"] = "podium.robustness/1";
  doc["title"] = input.title.empty()
                     ? fmt::format("How many battles decide {} vs {}", o.pair_a, o.pair_b)
                     : input.title;
  doc["options"] = {{"method", ArenaMethodName(o.method)},
                    {"ties", TieModelName(o.ties)},
                    {"min_battles", o.min_battles},
                    {"max_drop", JsonNumber(o.max_drop)}};
  doc["input"] = {{"battles_file", input.path},
                  {"battles", r.total_battles},
                  {"models", r.models.size()},
                  {"dropped_category", input.dropped_category},
                  {"dropped_ties", input.dropped_ties}};
  doc["robustness"] = FragilityJson(r, input.path)["robustness"];
  doc["warnings"] = r.warnings;
  return doc.dump(2) + "\n";
}

std::string NetWinMarkdown(const NetWinReport& r) {
  std::string out = fmt::format("# {}\n\n", r.title.empty() ? "Net win rates" : r.title);
  out +=
      "Net win rate NWR = 100 · mean of the judgments (+1 A preferred, 0 tie, -1 B "
      "preferred); equivalent win probability p = (1 + NWR/100) / 2; Elo gap = 400 · "
      "log10(p / (1 - p)).\n";
  if (!r.computed.empty()) {
    out += fmt::format(
        "\nFrom judgments in `{}` ({:g}% interval: percentile bootstrap over "
        "prompts, {} rounds, seed {}):\n\n",
        r.judgments_path, 100 * r.level, r.rounds, r.seed);
    out +=
        "| A | B | Judgments | Prompts | W / T / L | NWR | CI | p(A beats B) | Elo gap |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const NetWinRate& n : r.computed) {
      out += fmt::format("| {} | {} | {} | {} | {} / {} / {} | {} | {} – {} | {} | {} |\n",
                         MarkdownCell(n.model_a), MarkdownCell(n.model_b), n.judgments, n.prompts,
                         n.wins, n.ties, n.losses, FormatFixed(n.nwr, 1), FormatFixed(n.ci_low, 1),
                         FormatFixed(n.ci_high, 1), FormatFixed(n.win_probability, 3),
                         FormatFixed(n.elo_gap, 1));
    }
  }
  if (!r.reported.empty()) {
    out +=
        "\nReported net win rates (claims), converted the same way (no interval: the "
        "judgments are not published):\n\n"
        "| A | B | Task | NWR | p(A beats B) | Elo gap | Claim |\n"
        "|---|---|---|---:|---:|---:|---|\n";
    for (const ReportedNetWinRate& n : r.reported) {
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} ({} line {}) |\n",
                         MarkdownCell(n.model_a), MarkdownCell(n.model_b), MarkdownCell(n.task),
                         n.value_text, FormatFixed(NetWinProbability(n.nwr), 3),
                         FormatFixed(NetWinEloGap(n.nwr), 1), n.claim_id, n.source, n.line);
    }
  }
  return out;
}

std::string NetWinJson(const NetWinReport& r) {
  Json doc;
  doc["schema"] = "podium.netwin/1";
  doc["title"] = r.title.empty() ? "Net win rates" : r.title;
  doc["options"] = {{"rounds", r.rounds},
                    {"seed", r.seed},
                    {"level", JsonNumber(r.level)},
                    {"judgments_file", r.judgments_path}};
  Json computed = Json::array();
  for (const NetWinRate& n : r.computed) {
    computed.push_back({{"model_a", n.model_a},
                        {"model_b", n.model_b},
                        {"judgments", n.judgments},
                        {"prompts", n.prompts},
                        {"wins", n.wins},
                        {"ties", n.ties},
                        {"losses", n.losses},
                        {"nwr", JsonNumber(n.nwr)},
                        {"ci_low", JsonNumber(n.ci_low)},
                        {"ci_high", JsonNumber(n.ci_high)},
                        {"win_probability", JsonNumber(n.win_probability)},
                        {"elo_gap", JsonNumber(n.elo_gap)}});
  }
  doc["computed"] = std::move(computed);
  Json reported = Json::array();
  for (const ReportedNetWinRate& n : r.reported) {
    reported.push_back({{"claim", n.claim_id},
                        {"model_a", n.model_a},
                        {"model_b", n.model_b},
                        {"task", n.task},
                        {"nwr", JsonNumber(n.nwr)},
                        {"win_probability", JsonNumber(NetWinProbability(n.nwr))},
                        {"elo_gap", JsonNumber(NetWinEloGap(n.nwr))},
                        {"source", n.source},
                        {"line", n.line}});
  }
  doc["reported"] = std::move(reported);
  return doc.dump(2) + "\n";
}

}  // namespace podium
