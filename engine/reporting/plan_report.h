// Sample-size plans (podium plan; engine/inference/sample_size.h) as Markdown
// for people and JSON ("schema": "podium.plan/1", docs/formats.md).
#ifndef PODIUM_ENGINE_REPORTING_PLAN_REPORT_H_
#define PODIUM_ENGINE_REPORTING_PLAN_REPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/inference/sample_size.h"

namespace podium {

// A plan for benchmark scores: the items needed for p1 vs p2 (when p2 is
// set), or the minimum detectable difference at `items` (when set).
struct ScorePlan {
  double p1 = 0;                 // accuracy, a proportion in [0, 1]
  std::optional<double> p2;      // the accuracy to tell apart from p1
  std::optional<int64_t> items;  // items per model, for the inverse
  PowerOptions options;
};

struct PlanContext {
  std::string title;                // heading; empty = a default
  std::vector<std::string> inputs;  // files, as named (the battles)
  std::string ties;                 // battles: the tie model's name
};

std::string BattlePlanMarkdown(const BattlePlan& plan, const PlanContext& context);
std::string BattlePlanJson(const BattlePlan& plan, const PlanContext& context);
std::string ScorePlanMarkdown(const ScorePlan& plan, const PlanContext& context);
std::string ScorePlanJson(const ScorePlan& plan, const PlanContext& context);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_PLAN_REPORT_H_
