#include "engine/base/json_number.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/base/number.h"

namespace podium {

nlohmann::ordered_json JsonNumber(double value) {
  if (!std::isfinite(value)) return nullptr;
  const double rounded = *ParseFiniteDouble(fmt::format("{:.12g}", value));
  return rounded == 0 ? 0.0 : rounded;  // no "-0.0"
}

}  // namespace podium
