// The HTML section of a podium.arena/1 report (html_sections.h).
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/html_svg.h"
#include "engine/reporting/html_table.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Indices into matrices.models of the ranked models, best rating first (the
// rows are ranked within their component).
std::vector<size_t> ByRating(const Json& r, const std::vector<std::string>& models) {
  std::map<std::string, size_t> index;
  for (size_t k = 0; k < models.size(); ++k) index[models[k]] = k;
  std::vector<std::pair<double, size_t>> order;
  for (const Json& row : JsonArray(r, "rows")) {
    const auto it = index.find(JsonStr(row, "model"));
    if (it != index.end()) order.push_back({JsonNum(row, "rating"), it->second});
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<size_t> out;
  for (const auto& [rating, k] : order) out.push_back(k);
  return out;
}

std::string ArenaCellTitle(const Json& matrices, const std::vector<std::string>& models, size_t i,
                           size_t j) {
  const double battles = JsonMatrixAt(JsonAt(matrices, "battles"), i, j);
  return fmt::format(
      "{} vs {}\npredicted P({} wins): {}\nobserved: {} (ties excluded)\nbattles: {}", models[i],
      models[j], models[i], FixedText(JsonMatrixAt(JsonAt(matrices, "predicted"), i, j), 3),
      FixedText(JsonMatrixAt(JsonAt(matrices, "win_fraction"), i, j), 3),
      std::isfinite(battles) ? ShortestText(battles) : "0");
}

// P(row beats column) predicted from the ratings, models by rating.
std::string ArenaHeatMap(const Json& r) {
  const Json& matrices = JsonAt(r, "matrices");
  const std::vector<std::string> models = JsonStrings(matrices, "models");
  const std::vector<size_t> order = ByRating(r, models);
  HeatMap map;
  for (size_t k : order) map.rows.push_back(models[k]);
  map.columns = map.rows;
  for (size_t i : order) {
    map.values.emplace_back();
    map.titles.emplace_back();
    for (size_t j : order) {
      map.values.back().push_back(i == j ? kNaN
                                         : JsonMatrixAt(JsonAt(matrices, "predicted"), i, j));
      map.titles.back().push_back(ArenaCellTitle(matrices, models, i, j));
    }
  }
  map.legend = "P(row beats column), predicted from the ratings";
  std::string caption =
      "Head-to-head: the probability that the row model beats the column model, predicted from "
      "the ratings (red: row favoured, blue: column favoured); hover a cell for the observed win "
      "fraction and the number of battles.";
  if (order.size() > 20) caption += " Too many models to print the numbers in the cells.";
  if (order.size() > 80) caption += " The names are in the hover text only.";
  return HtmlFigure(HeatMapSvg(map), caption);
}

std::vector<TableColumn> ArenaColumns(bool components, double level, bool sandwich) {
  std::vector<TableColumn> columns;
  if (components) columns.push_back({"Component", true, "Connected component of the battle graph"});
  columns.insert(columns.end(),
                 {{"Rank", true, ""},
                  {"Model", false, ""},
                  {"Rating", true, "Elo scale"},
                  {PercentText(level) + " CI", true,
                   sandwich ? "Normal interval from the sandwich covariance"
                            : "Bootstrap interval of the rating"},
                  {"Rank set", true, "Simultaneous rank set"},
                  {"Tier", true, "Models not told apart from the tier's leader"},
                  {"Battles", true, ""},
                  {"W / L / T", true, "Wins / losses / ties; sorts by wins"}});
  return columns;
}

std::vector<TableCell> ArenaRow(const Json& row, bool components) {
  std::vector<TableCell> cells;
  if (components) cells.push_back(CountCell(JsonAt(row, "component")));
  // A model without a rank: "—" with the reason on hover, and a marked name.
  const std::string not_ranked = JsonStr(row, "not_ranked");
  TableCell rank = not_ranked.empty() ? CountCell(JsonAt(row, "rank"))
                                      : MissingCell("not ranked: " + not_ranked);
  TableCell name = NameCell(JsonStr(row, "model"));
  if (!not_ranked.empty()) {
    name.html += " <span class=\"not-ranked\">(not ranked: " + HtmlEscape(not_ranked) + ")</span>";
    name.title = "No maximum-likelihood rating (" + not_ranked +
                 "): the rating comes from a ridge; --rank-all ranks it";
  }
  cells.insert(cells.end(),
               {rank, name, NumberCell(JsonNum(row, "rating"), 0, "no rating"),
                IntervalCell(JsonNum(row, "ci_low"), JsonNum(row, "ci_high"), 0),
                RankRangeCell(JsonAt(row, "rank_set_low"), JsonAt(row, "rank_set_high")),
                CountCell(JsonAt(row, "tier")), CountCell(JsonAt(row, "battles")),
                TallyCell(row, "wins", "losses", "ties")});
  return cells;
}

// The style-controlled board and its coefficients (podium.arena/1 "style_control").
std::string StyleHtml(const Json& style, double level) {
  std::string out = "<h3>Style-controlled board</h3>\n" +
                    HtmlParagraph(JsonStr(style, "method_text"));
  // As the Markdown: the Rank (UB) and interval columns only with intervals.
  const bool ci = JsonStr(style, "intervals") != "none";
  const std::string interval = PercentText(level) + " CI";
  std::vector<std::vector<TableCell>> body;
  for (const Json& row : JsonArray(style, "rows")) {
    const Json& change = JsonAt(row, "rank_change");
    std::vector<TableCell> cells = {CountCell(JsonAt(row, "rank"))};
    if (ci) cells.push_back(CountCell(JsonAt(row, "rank_ub")));
    cells.push_back(NameCell(JsonStr(row, "model")));
    cells.push_back(NumberCell(JsonNum(row, "rating"), 0, "no rating"));
    if (ci) cells.push_back(IntervalCell(JsonNum(row, "ci_low"), JsonNum(row, "ci_high"), 0));
    cells.push_back(CountCell(JsonAt(row, "uncontrolled_rank")));
    cells.push_back(change.is_number()
                        ? TextCell((JsonNum(change) > 0 ? "+" : "") + ShortestText(JsonNum(change)),
                                   "uncontrolled rank − controlled rank")
                        : MissingCell("not ranked on the uncontrolled board"));
    body.push_back(std::move(cells));
  }
  std::vector<TableColumn> columns = {{"Rank", true, ""}};
  if (ci) {
    columns.push_back({"Rank (UB)", true, "1 + models whose lower bound is above this upper bound"});
  }
  columns.push_back({"Model", false, ""});
  columns.push_back({"Rating", true, "Style-controlled, Elo scale"});
  if (ci) columns.push_back({interval, true, ""});
  columns.push_back({"Uncontrolled", true,
                     ci ? "Rank (UB) without style control" : "Rank without style control"});
  columns.push_back({"Change", true, "Positive: style control lifts the model"});
  out += HtmlTable(columns, body);
  std::vector<std::vector<TableCell>> coefficients;
  for (const Json& c : JsonArray(style, "coefficients")) {
    std::vector<TableCell> cells = {TextCell(JsonStr(c, "feature")),
                                    NumberCell(JsonNum(c, "estimate"), 4, "none")};
    if (ci) cells.push_back(IntervalCell(JsonNum(c, "ci_low"), JsonNum(c, "ci_high"), 4));
    cells.push_back(NumberCell(JsonNum(c, "covariate_mean"), 4, "none"));
    cells.push_back(NumberCell(JsonNum(c, "covariate_sd"), 4, "none"));
    coefficients.push_back(std::move(cells));
  }
  std::vector<TableColumn> coefficient_columns = {
      {"Feature", false, ""}, {"Coefficient", true, "Log-odds per sd of (a − b)/(a + b)"}};
  if (ci) coefficient_columns.push_back({interval, true, ""});
  coefficient_columns.push_back({"Mean", true, "Mean of (a − b)/(a + b) over battles"});
  coefficient_columns.push_back({"Sd", true, "Its population sd (the z-scoring)"});
  out += HtmlTable(coefficient_columns, coefficients);
  return out;
}

// The goodness of fit (podium.arena/1 "goodness_of_fit"): the tie models,
// the calibration bins and their plot.
std::string FitHtml(const Json& fit) {
  std::string out = "<h3>Goodness of fit</h3>\n" + HtmlParagraph(JsonStr(fit, "method_text"));
  std::vector<std::vector<TableCell>> models;
  for (const Json& m : JsonArray(fit, "models")) {
    TableCell name = TextCell(JsonStr(m, "ties"));
    if (JsonAt(m, "best") == true) name.html += " <strong>(best)</strong>";
    models.push_back({name, NumberCell(JsonNum(m, "held_out_log_loss"), 4, "infinite"),
                      NumberCell(JsonNum(m, "log_likelihood"), 1, "none"),
                      CountCell(JsonAt(m, "parameters")), NumberCell(JsonNum(m, "aic"), 1, "none"),
                      NumberCell(JsonNum(m, "bic"), 1, "none"),
                      NumberCell(JsonNum(m, "tie_parameter"), 4, "none")});
  }
  out += HtmlTable({{"Ties", false, ""},
                    {"Held-out log-loss", true, "Mean −ln P(outcome) per held-out battle, nats"},
                    {"Log-likelihood", true, "Full-data fit, three outcomes"},
                    {"Parameters", true, "Strengths + 1 tie parameter"},
                    {"AIC", true, "2k − 2 ln L"},
                    {"BIC", true, "k ln N − 2 ln L"},
                    {"Tie parameter", true, "τ (half, drop), ν (davidson), θ (rao-kupper)"}},
                   models);
  std::vector<std::vector<TableCell>> bins;
  std::vector<CalibrationPoint> points;
  for (const Json& b : JsonArray(fit, "calibration_bins")) {
    if (JsonNum(b, "battles") == 0) continue;
    const std::string range =
        FixedText(JsonNum(b, "low"), 1) + "–" + FixedText(JsonNum(b, "high"), 1);
    bins.push_back({TextCell(range), NumberCell(JsonNum(b, "battles"), 0, "none"),
                    NumberCell(JsonNum(b, "predicted"), 3, "none"),
                    NumberCell(JsonNum(b, "observed"), 3, "none")});
    points.push_back(
        {JsonNum(b, "predicted"), JsonNum(b, "observed"), JsonNum(b, "battles"),
         fmt::format("predicted {}: mean {}, observed {}, {} battles", range,
                     FixedText(JsonNum(b, "predicted"), 3), FixedText(JsonNum(b, "observed"), 3),
                     ShortestText(JsonNum(b, "battles")))});
  }
  out += HtmlParagraph(
      fmt::format("Calibration of {} (calibration error {}):", JsonStr(fit, "calibrated"),
                  FixedText(JsonNum(fit, "calibration_error"), 4)));
  out += HtmlTable({{"Predicted", false, "Bin of the predicted score"},
                    {"Battles", true, "Each battle counts in both orientations"},
                    {"Mean predicted", true, "P(i wins) + P(tie)/2"},
                    {"Observed", true, "(wins + ties/2) / battles"}},
                   bins);
  return out + HtmlFigure(CalibrationPlotSvg(points, "Predicted score", "Observed score"),
                          "Calibration: each bin's observed score against its mean predicted "
                          "score (area: battles); on the dashed diagonal the model is calibrated.");
}

}  // namespace

std::string ArenaHtmlSection(const Json& r, const std::string& id) {
  const Json& options = JsonAt(r, "options");
  const Json& fit = JsonAt(r, "fit");
  const Json& rows = JsonArray(r, "rows");
  std::string out = HtmlSectionStart(id, "arena", ReportTitle(r, "Arena leaderboard"));
  out += HtmlParagraph(fmt::format("{} battles among {} models from {}.",
                                   ShortestText(JsonNum(JsonAt(r, "input"), "battles")),
                                   rows.size(), JsonStr(JsonAt(r, "input"), "battles_file")),
                       "summary");
  out += HtmlParagraph(JsonStr(options, "method_text"));
  if (JsonAt(fit, "converged") == false) {
    out += HtmlParagraph(fmt::format("The fit did not converge ({} iterations).",
                                     ShortestText(JsonNum(fit, "iterations"))),
                         "warning");
  }
  const bool components = JsonNum(fit, "components") > 1;
  std::vector<std::vector<TableCell>> body;
  std::vector<ForestRow> forest;
  for (const Json& row : rows) {
    body.push_back(ArenaRow(row, components));
    forest.push_back({JsonStr(row, "model"), JsonNum(row, "rating"), JsonNum(row, "ci_low"),
                      JsonNum(row, "ci_high"), ""});
  }
  const bool sandwich = JsonStr(options, "ci") == "sandwich";
  out += HtmlTable(ArenaColumns(components, JsonNum(options, "level"), sandwich), body);
  ForestPlotOptions plot;
  plot.decimals = 0;
  plot.axis_label = "Rating";
  const std::string caption =
      sandwich ? fmt::format("Points: rating; lines: {} normal intervals from the sandwich "
                             "covariance.",
                             PercentText(JsonNum(options, "level")))
      : JsonNum(options, "rounds") > 0
          ? fmt::format("Points: rating; lines: {} percentile bootstrap intervals ({} rounds).",
                        PercentText(JsonNum(options, "level")),
                        ShortestText(JsonNum(options, "rounds")))
          : "Points: rating; no intervals (no bootstrap rounds).";
  out += HtmlFigure(ForestPlotSvg(forest, plot), caption) + ArenaHeatMap(r);
  const Json& style = JsonAt(r, "style_control");
  if (style.is_object()) out += StyleHtml(style, JsonNum(options, "level"));
  if (r.contains("goodness_of_fit")) out += FitHtml(JsonAt(r, "goodness_of_fit"));
  out += FragilityHtml(JsonAt(r, "fragility"));
  const std::vector<std::string> warnings = JsonStrings(r, "warnings");
  if (!warnings.empty()) out += "<h3>Warnings</h3>\n" + HtmlList(warnings);
  return out + "</section>\n";
}

}  // namespace podium
