#include "engine/check/report_check.h"

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The identity of an array element, or "" to match by index.
std::string Identity(const Json& element) {
  if (!element.is_object()) return "";
  auto text = [&](const char* key) {
    auto it = element.find(key);
    return it != element.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  if (!text("model").empty()) return text("model");
  if (!text("a").empty() && !text("b").empty()) return text("a") + " vs " + text("b");
  for (const char* key : {"benchmark", "claim", "id"}) {
    if (!text(key).empty()) return text(key);
  }
  return "";
}

// Flattens `j` into path -> leaf value; `elements` gets the path and value of
// every array element matched by identity (a whole row added or removed is
// then one change, not one per field).
void Flatten(const Json& j, const std::string& path, std::map<std::string, Json>* out,
             std::vector<std::string>* order, std::map<std::string, Json>* elements) {
  auto add = [&](const std::string& p, const Json& leaf) {
    if (out->emplace(p, leaf).second) order->push_back(p);
  };
  if (j.is_object()) {
    if (j.empty()) add(path, j);
    for (auto it = j.begin(); it != j.end(); ++it) {
      if (path.empty() && it.key() == "manifest") continue;
      Flatten(it.value(), path.empty() ? it.key() : path + "." + it.key(), out, order, elements);
    }
  } else if (j.is_array()) {
    if (j.empty()) add(path, j);
    std::map<std::string, int> seen;
    for (size_t k = 0; k < j.size(); ++k) {
      std::string id = Identity(j[k]);
      if (!id.empty() && seen[id]++ > 0) id += fmt::format("#{}", seen[id]);
      const std::string element = fmt::format("{}[{}]", path, id.empty() ? std::to_string(k) : id);
      if (!id.empty()) elements->emplace(element, j[k]);
      Flatten(j[k], element, out, order, elements);
    }
  } else {
    add(path, j);
  }
}

// The row path of a leaf ("rows[x]" for "rows[x].score"), and its last key.
std::pair<std::string, std::string> SplitLeaf(const std::string& path) {
  const size_t dot = path.rfind('.');
  if (dot == std::string::npos) return {"", path};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

double NumberAt(const std::map<std::string, Json>& leaves, const std::string& path) {
  auto it = leaves.find(path);
  return it != leaves.end() && it->second.is_number() ? it->second.get<double>() : std::nan("");
}

}  // namespace

bool CompareReports(const Json& baseline, const Json& current, const CheckOptions& options,
                    ReportComparison* out, std::string* error) {
  auto schema = [](const Json& j) {
    return j.is_object() && j.contains("schema") && j["schema"].is_string()
               ? j["schema"].get<std::string>()
               : std::string();
  };
  if (schema(baseline).empty() || schema(current).empty()) {
    *error = "not a podium report (no \"schema\" field)";
    return false;
  }
  if (schema(baseline) != schema(current)) {
    *error =
        fmt::format("schemas differ: baseline {} vs current {}", schema(baseline), schema(current));
    return false;
  }
  out->schema = schema(baseline);
  std::map<std::string, Json> before, after, elements_before, elements_after;
  std::vector<std::string> order_before, order_after;
  Flatten(baseline, "", &before, &order_before, &elements_before);
  Flatten(current, "", &after, &order_after, &elements_after);
  // The outermost element containing `path` that the other side lacks.
  auto lacking = [](const std::string& path, const std::map<std::string, Json>& mine,
                    const std::map<std::string, Json>& theirs) -> std::string {
    for (size_t k = path.find('['); k != std::string::npos; k = path.find('[', k + 1)) {
      const size_t close = path.find(']', k);
      if (close == std::string::npos) break;
      const std::string element = path.substr(0, close + 1);
      if (mine.count(element) > 0 && theirs.count(element) == 0) return element;
    }
    return "";
  };
  std::map<std::string, bool> reported;
  auto whole = [&](const std::string& element, const char* kind, const Json& value) {
    if (reported[element]) return;
    reported[element] = true;
    ReportChange change;
    change.path = element;
    change.kind = kind;
    (std::string(kind) == "removed" ? change.baseline : change.current) = value.dump();
    change.delta = std::nan("");
    out->changes.push_back(change);
  };
  for (const std::string& path : order_before) {
    if (const std::string e = lacking(path, elements_before, elements_after); !e.empty()) {
      whole(e, "removed", elements_before.at(e));
      continue;
    }
    const Json& b = before.at(path);
    auto it = after.find(path);
    ReportChange change;
    change.path = path;
    change.baseline = b.dump();
    change.delta = std::nan("");
    if (it == after.end()) {
      change.kind = "removed";
      out->changes.push_back(change);
      continue;
    }
    const Json& c = it->second;
    change.current = c.dump();
    if (b.is_number() && c.is_number()) {
      const double x = b.get<double>(), y = c.get<double>();
      if (std::abs(y - x) <= std::max(options.abs_tol, options.rel_tol * std::abs(x))) continue;
      change.kind = "changed";
      change.delta = y - x;
      const auto [row, key] = SplitLeaf(path);
      const double low = NumberAt(before, row + ".ci_low"),
                   high = NumberAt(before, row + ".ci_high");
      const bool has_interval = !std::isnan(low) && !std::isnan(NumberAt(after, row + ".ci_low"));
      if (has_interval &&
          (key == "score" || key == "rating" || key == "ci_low" || key == "ci_high")) {
        const bool within = std::abs(change.delta) <= (high - low) / 2;
        change.interval = within ? "within" : "beyond";
        if (within && options.allow_within_interval) change.regression = false;
      }
    } else if (b == c) {
      continue;
    } else {
      change.kind = "changed";
    }
    out->changes.push_back(change);
  }
  for (const std::string& path : order_after) {
    if (before.count(path) > 0) continue;
    if (const std::string e = lacking(path, elements_after, elements_before); !e.empty()) {
      whole(e, "added", elements_after.at(e));
      continue;
    }
    ReportChange change;
    change.path = path;
    change.kind = "added";
    change.current = after.at(path).dump();
    change.delta = std::nan("");
    out->changes.push_back(change);
  }
  out->regressions = 0;
  for (const ReportChange& c : out->changes) out->regressions += c.regression ? 1 : 0;
  return true;
}

}  // namespace podium
