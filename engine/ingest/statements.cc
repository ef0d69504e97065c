#include "engine/ingest/statements.h"

#include <fmt/format.h>

#include <stdexcept>

#include "engine/base/json_file.h"

namespace podium {

using Json = nlohmann::ordered_json;

DocumentStatement ParseStatement(const Json& j) {
  DocumentStatement s;
  const auto pair = j.at("pair").get<std::vector<std::string>>();
  if (pair.size() != 2) throw std::invalid_argument("a statement's \"pair\" has two models");
  s.first = pair[0];
  s.second = pair[1];
  s.says = j.at("says").get<std::string>();
  if (s.says != "a_better" && s.says != "b_better" && s.says != "similar") {
    throw std::invalid_argument("\"says\" must be a_better, b_better or similar");
  }
  s.benchmarks = j.at("benchmarks").get<std::vector<std::string>>();
  s.source = j.at("source").get<std::string>();
  s.line = j.at("line").get<int>();
  s.quote = j.at("quote").get<std::string>();
  s.english = j.value("english", "");
  return s;
}

std::optional<std::vector<DocumentStatement>> ReadStatements(const std::string& path,
                                                             const std::string& shown,
                                                             const std::string& name,
                                                             Diagnostics* diagnostics) {
  const std::optional<Json> doc = ReadJsonFile(path, shown, diagnostics);
  if (!doc) return std::nullopt;
  std::vector<DocumentStatement> out;
  bool found = false;
  const Json reports = doc->is_object() ? doc->value("reports", Json::array()) : Json::array();
  for (const Json& r : reports) {
    if (!r.is_object() || !r.contains("name") || r["name"] != name) continue;
    found = true;
    try {
      for (const Json& j : r.value("statements", Json::array())) out.push_back(ParseStatement(j));
    } catch (const std::exception& e) {
      diagnostics->Error(Location{shown}, "statements", name,
                         fmt::format("report \"{}\": {}", name, e.what()));
    }
  }
  if (!found) return std::nullopt;
  return out;
}

}  // namespace podium
