#include "engine/reporting/plan_report.h"

#include <fmt/format.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "engine/base/json_number.h"
#include "engine/base/number.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// A count of battles or items to add: "never" when infinite.
std::string CountText(double n) { return std::isinf(n) ? "never" : fmt::format("{:.0f}", n); }

Json CountJson(double n) { return std::isinf(n) ? Json(nullptr) : Json(static_cast<int64_t>(n)); }

std::string TargetText(const PowerOptions& o) {
  return fmt::format(
      "the {:g}% interval of the difference excludes 0 with {:g}% power, i.e. |difference| / se "
      "≥ z_{{{:g}}} + z_{{{:g}}} = {:.3f}",
      100 * o.level, 100 * o.power, (1 + o.level) / 2, o.power, PowerMultiplier(o));
}

std::string BattleMethod(const BattlePlan& p, const PlanContext& context) {
  return fmt::format(
      "Bradley–Terry fitted on all battles (ties: {}). Variance of the gap θ_A − θ_B from the "
      "Fisher information at the fit (not the sandwich), v0 = uᵀ I⁺ u with u = e_A − e_B. "
      "Target: {}, so Var ≤ T = (gap / {:.3f})². Battles between A and B only, at p = σ(gap): "
      "V(n) = v0 / (1 + n p (1 − p) v0) (Sherman–Morrison), n = ⌈(1/T − 1/v0) / (p (1 − p))⌉. "
      "Battles of every pair at the current mix: V(n) = v0 N / (N + n), n = ⌈N (v0/T − 1)⌉. "
      "Both assume the observed gap is the true one; \"never\" when it is 0.",
      context.ties, TargetText(p.options), PowerMultiplier(p.options));
}

const char* kScoreMethod =
    "Two-proportion test without continuity correction (Fleiss, Levin & Paik 2003, eq. 4.14): "
    "n = (z_a √(2 p̄ (1 − p̄)) + z_b √(p1 (1 − p1) + p2 (1 − p2)))² / (p1 − p2)² items per "
    "model, p̄ = (p1 + p2) / 2, rounded up; z_a = z_{(1 + level)/2}, z_b = z_{power}. Minimum "
    "detectable difference at n items: the smallest D with n(p, p ± D) ≤ n, the alternative "
    "taken toward 1/2 (p + D below 1/2, p − D otherwise), by bisection.";

Json OptionsJson(const PowerOptions& o) {
  return {{"level", JsonNumber(o.level)},
          {"power", JsonNumber(o.power)},
          {"z", JsonNumber(PowerMultiplier(o))}};
}

}  // namespace

std::string BattlePlanMarkdown(const BattlePlan& p, const PlanContext& context) {
  std::string out = fmt::format(
      "# {}\n\n", context.title.empty() ? "Battles needed: " + p.a + " vs " + p.b : context.title);
  out += "| | Value |\n|---|---:|\n";
  out += fmt::format("| Battles in the fit (N) | {} |\n", p.battles);
  out += fmt::format("| Battles between {} and {} | {} |\n", MarkdownCell(p.a), MarkdownCell(p.b),
                     p.direct);
  out += fmt::format("| Rating gap ({} − {}) | {} |\n", MarkdownCell(p.a), MarkdownCell(p.b),
                     FormatFixed(p.rating_gap, 1));
  out += fmt::format("| Standard error of the gap (Fisher) | {} |\n", FormatFixed(p.rating_se, 1));
  out += fmt::format("| P({} beats {}) from the gap | {} |\n", MarkdownCell(p.a), MarkdownCell(p.b),
                     FormatFixed(p.win_probability, 3));
  out += fmt::format("| Power now | {} |\n", FormatFixed(p.power_now, 3));
  out += fmt::format("| More battles between {} and {} only | {} |\n", MarkdownCell(p.a),
                     MarkdownCell(p.b), CountText(p.more_direct));
  out += fmt::format("| More battles at the current mix | {} |\n", CountText(p.more_field));
  return out + "\n" + BattleMethod(p, context) + "\n";
}

std::string BattlePlanJson(const BattlePlan& p, const PlanContext& context) {
  Json doc;
  doc["schema"] = "podium.plan/1";
  doc["title"] = context.title;
  doc["mode"] = "battles";
  doc["options"] = OptionsJson(p.options);
  doc["options"]["ties"] = context.ties;
  doc["options"]["method"] = BattleMethod(p, context);
  doc["inputs"] = context.inputs;
  doc["battles"] = {{"a", p.a},
                    {"b", p.b},
                    {"battles", p.battles},
                    {"direct", p.direct},
                    {"gap", JsonNumber(p.gap)},
                    {"rating_gap", JsonNumber(p.rating_gap)},
                    {"variance", JsonNumber(p.variance)},
                    {"rating_se", JsonNumber(p.rating_se)},
                    {"win_probability", JsonNumber(p.win_probability)},
                    {"target_variance", JsonNumber(p.target_variance)},
                    {"power_now", JsonNumber(p.power_now)},
                    {"more_direct", CountJson(p.more_direct)},
                    {"more_field", CountJson(p.more_field)},
                    {"never", std::isinf(p.more_direct) || std::isinf(p.more_field)}};
  return doc.dump(2) + "\n";
}

std::string ScorePlanMarkdown(const ScorePlan& p, const PlanContext& context) {
  std::string out = fmt::format("# {}\n\n", context.title.empty() ? "Items needed" : context.title);
  out += "| | Value |\n|---|---:|\n";
  out += fmt::format("| Accuracy p1 | {} |\n", fmt::format("{:g}", p.p1));
  if (p.p2) {
    out += fmt::format("| Accuracy p2 | {} |\n", fmt::format("{:g}", *p.p2));
    out += fmt::format("| Items per model to tell them apart | {} |\n",
                       CountText(ItemsNeeded(p.p1, *p.p2, p.options)));
  }
  if (p.items) {
    const double mdd = MinimumDetectableDifference(*p.items, p.p1, p.options);
    out += fmt::format("| Items per model | {} |\n", *p.items);
    out += fmt::format("| Minimum detectable difference | {} |\n",
                       std::isnan(mdd) ? "none (too few items)" : FormatFixed(mdd, 4));
  }
  out += fmt::format("\nTarget: {}. {}\n", TargetText(p.options), kScoreMethod);
  return out;
}

std::string ScorePlanJson(const ScorePlan& p, const PlanContext& context) {
  Json doc;
  doc["schema"] = "podium.plan/1";
  doc["title"] = context.title;
  doc["mode"] = "scores";
  doc["options"] = OptionsJson(p.options);
  doc["options"]["method"] = kScoreMethod;
  doc["inputs"] = context.inputs;
  Json scores = {{"p1", JsonNumber(p.p1)}};
  if (p.p2) {
    scores["p2"] = JsonNumber(*p.p2);
    scores["difference"] = JsonNumber(*p.p2 - p.p1);
    scores["items_per_model"] = CountJson(ItemsNeeded(p.p1, *p.p2, p.options));
  }
  if (p.items) {
    scores["items"] = *p.items;
    scores["minimum_detectable_difference"] =
        JsonNumber(MinimumDetectableDifference(*p.items, p.p1, p.options));
  }
  doc["scores"] = std::move(scores);
  return doc.dump(2) + "\n";
}

}  // namespace podium
