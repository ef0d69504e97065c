#include "engine/reporting/html_json.h"

#include <limits>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

const Json& JsonAt(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  const auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

const Json& JsonArray(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  const Json& v = JsonAt(j, key);
  return v.is_array() ? v : kEmpty;
}

std::string JsonStr(const Json& j, const char* key) {
  const Json& v = JsonAt(j, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

double JsonNum(const Json& v) { return v.is_number() ? v.get<double>() : kNaN; }
double JsonNum(const Json& j, const char* key) { return JsonNum(JsonAt(j, key)); }

std::vector<std::string> JsonStrings(const Json& j, const char* key) {
  std::vector<std::string> out;
  for (const Json& v : JsonArray(j, key)) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

double JsonMatrixAt(const Json& m, size_t i, size_t j) {
  if (!m.is_array() || i >= m.size() || !m[i].is_array() || j >= m[i].size()) return kNaN;
  return JsonNum(m[i][j]);
}

std::string ReportTitle(const Json& report, const char* fallback) {
  const std::string t = JsonStr(report, "title");
  return t.empty() ? fallback : t;
}

}  // namespace podium
