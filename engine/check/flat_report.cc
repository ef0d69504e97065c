#include "engine/check/flat_report.h"

#include <fmt/format.h>

#include "engine/check/report_fields.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

bool StartsWith(const ReportPath& path, const ReportPath& prefix) {
  return path.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), path.begin());
}

class Flattener {
 public:
  Flattener(const std::vector<ReportPath>& ignore, FlatReport* out) : ignore_(ignore), out_(out) {}

  void Walk(const Json& j, ReportPath* path) {
    if (LeftOut(*path)) return;
    if (j.is_object() && !j.empty()) {
      for (auto it = j.begin(); it != j.end(); ++it) {
        path->push_back({it.key(), false});
        Walk(it.value(), path);
        path->pop_back();
      }
    } else if (j.is_array() && !j.empty()) {
      std::map<std::string, int> seen;
      for (size_t k = 0; k < j.size(); ++k) {
        std::string id = ElementIdentity(j[k]);
        if (!id.empty() && seen[id]++ > 0) id += fmt::format("#{}", seen[id]);
        path->push_back({id.empty() ? std::to_string(k) : id, true});
        if (!id.empty() && !LeftOut(*path)) out_->elements.emplace(PathText(*path), j[k]);
        Walk(j[k], path);
        path->pop_back();
      }
    } else {
      const bool row_location =
          !path->empty() && path->back().name == "claims_row" && j.is_string();
      Add(*path, row_location ? Json(FileName(j.get<std::string>())) : j);
    }
  }

 private:
  bool LeftOut(const ReportPath& path) {
    if (path.size() == 1 && path[0].name == "manifest") return true;
    for (const ReportPath& location : kLocationFields) {
      if (StartsWith(path, location)) return true;
    }
    for (size_t k = 0; k < ignore_.size(); ++k) {
      if (IgnorePatternCovers(ignore_[k], path)) {
        out_->ignore_used.insert(k);
        return true;
      }
    }
    return false;
  }

  void Add(const ReportPath& path, const Json& leaf) {
    std::string text = PathText(path);
    if (out_->leaves.count(text) > 0) return;
    out_->order.push_back(text);
    out_->leaves.emplace(std::move(text), FlatLeaf{path, leaf});
  }

  const std::vector<ReportPath>& ignore_;
  FlatReport* out_;
};

}  // namespace

const std::vector<ReportPath> kLocationFields = {
    {{"inputs", false}},
    {{"sources_directory", false}},
    {{"input", false}, {"battles_file", false}},
    {{"options", false}, {"judgments_file", false}},
};

std::string PathText(const ReportPath& path, size_t length) {
  std::string out;
  for (size_t k = 0; k < path.size() && k < length; ++k) {
    if (path[k].element) {
      out += "[" + path[k].name + "]";
    } else {
      out += (out.empty() ? "" : ".") + path[k].name;
    }
  }
  return out;
}

ReportPath ParsePath(const std::string& text) {
  ReportPath out;
  std::string key;
  size_t k = 0;
  while (k < text.size()) {
    const char c = text[k];
    if (c == '.' || c == '[') {
      if (!key.empty()) out.push_back({key, false});
      key.clear();
      if (c == '[') {
        const size_t close = text.find(']', k + 1);
        const size_t end = close == std::string::npos ? text.size() : close;
        out.push_back({text.substr(k + 1, end - k - 1), true});
        k = end;
      }
    } else {
      key += c;
    }
    ++k;
  }
  if (!key.empty()) out.push_back({key, false});
  return out;
}

std::string ElementIdentity(const Json& element) {
  auto text = [&](const char* key) { return StringField(element, key); };
  if (!text("model").empty()) return text("model");
  if (!text("a").empty() && !text("b").empty()) return text("a") + " vs " + text("b");
  for (const char* key : {"benchmark", "claim", "id"}) {
    if (!text(key).empty()) return text(key);
  }
  if (!text("model_a").empty() && !text("model_b").empty()) {
    return text("model_a") + " vs " + text("model_b");
  }
  return "";
}

bool IgnorePatternCovers(const ReportPath& pattern, const ReportPath& path) {
  if (pattern.empty()) return false;
  if (pattern.size() == 1 && !pattern[0].element) {
    for (const PathSegment& s : path) {
      if (!s.element && s.name == pattern[0].name) return true;
    }
    return false;
  }
  if (path.size() < pattern.size()) return false;
  for (size_t k = 0; k < pattern.size(); ++k) {
    const bool any_element = pattern[k].element && pattern[k].name == "*" && path[k].element;
    if (!any_element && !(pattern[k] == path[k])) return false;
  }
  return true;
}

const Json* FlatReport::Find(const std::string& path) const {
  auto it = leaves.find(path);
  return it == leaves.end() ? nullptr : &it->second.value;
}

FlatReport FlattenReport(const Json& report, const std::vector<ReportPath>& ignore) {
  FlatReport out;
  ReportPath path;
  Flattener(ignore, &out).Walk(report, &path);
  return out;
}

}  // namespace podium
