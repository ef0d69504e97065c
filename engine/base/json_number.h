// How reports write a floating-point number into JSON.
#ifndef PODIUM_ENGINE_BASE_JSON_NUMBER_H_
#define PODIUM_ENGINE_BASE_JSON_NUMBER_H_

#include <nlohmann/json.hpp>

namespace podium {

// `value` rounded to 12 significant digits for JSON, so that reports do not
// carry binary floating-point noise (57.400000000000006) yet keep far more
// precision than any published score; NaN and infinities become null, and
// negative zero becomes 0.
nlohmann::ordered_json JsonNumber(double value);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_JSON_NUMBER_H_
