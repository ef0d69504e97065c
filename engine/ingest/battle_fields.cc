#include "engine/ingest/battle_fields.h"

#include <algorithm>
#include <utility>

#include "engine/base/json_input.h"

namespace podium {

std::optional<bool> ParseBoolText(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE" || text == "1") return true;
  if (text == "false" || text == "False" || text == "FALSE" || text == "0") return false;
  return std::nullopt;
}

std::optional<bool> SampledOf(const nlohmann::json& tag) {
  if (tag.is_boolean()) return tag.get<bool>();
  if (!tag.is_object()) return std::nullopt;
  const auto it = tag.find("sampled");
  if (it == tag.end()) return false;
  if (!it->is_boolean()) return std::nullopt;
  return it->get<bool>();
}

std::optional<bool> ParseDedupText(std::string_view text) {
  if (std::optional<bool> b = ParseBoolText(text)) return b;
  if (text.empty() || text.front() != '{' || FindJsonTooDeep(text) != std::string_view::npos) {
    return std::nullopt;
  }
  // Python's repr of a dict of plain keys and booleans becomes JSON by
  // swapping quotes and literals; a text this does not fit fails to parse.
  std::string json(text);
  std::replace(json.begin(), json.end(), '\'', '"');
  for (const auto& [python, word] : {std::pair<std::string, std::string>{"True", "true"},
                                     {"False", "false"},
                                     {"None", "null"}}) {
    for (size_t at = json.find(python); at != std::string::npos; at = json.find(python, at)) {
      json.replace(at, python.size(), word);
    }
  }
  const nlohmann::json tag = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  return tag.is_discarded() ? std::nullopt : SampledOf(tag);
}

const nlohmann::json* ResolveTag(const nlohmann::json& tags, std::string_view path,
                                 std::vector<std::string>* keys) {
  const nlohmann::json* node = &tags;
  while (node->is_object()) {
    const std::string* best = nullptr;
    for (auto it = node->begin(); it != node->end(); ++it) {
      const std::string& key = it.key();
      const bool fits =
          path == key || (path.size() > key.size() && path.substr(0, key.size()) == key &&
                          path[key.size()] == '.');
      if (fits && (best == nullptr || key.size() > best->size())) best = &key;
    }
    if (best == nullptr) return nullptr;
    keys->push_back(*best);
    const size_t taken = best->size();
    node = &(*node)[*best];
    if (path.size() == taken) return node;
    path.remove_prefix(taken + 1);
  }
  return nullptr;
}

std::string MetadataKey(const nlohmann::json& metadata, const std::string& feature, char side) {
  const std::string plain = feature + "_" + side;
  const std::string tokens = "_tokens";
  if (metadata.contains(plain) || feature.size() <= tokens.size() ||
      feature.compare(feature.size() - tokens.size(), tokens.size(), tokens) != 0) {
    return plain;
  }
  return feature.substr(0, feature.size() - tokens.size()) + "_" + side + tokens;
}

}  // namespace podium
