// How a battles file writes the fields of vote cleaning and style control
// (engine/ingest/battles.h), read the same way from CSV cells and JSON
// values: booleans, the de-duplication tag, nested category tags, and the
// conv_metadata names of style features.
//
// The Arena's clean_battle_*.json records carry (FastChat,
// fastchat/serve/monitor/): `dedup_tag` = {"high_freq": bool, "sampled":
// bool} (deduplication.py), `category_tag` = {"criteria_v0.1": {...},
// "math_v0.1": {"math": bool}, "if_v0.1": {"if": bool, "score": int}, ...}
// (classify/label.py), and `conv_metadata` with per-side style counts
// (sum_assistant_a_tokens, header_count_a {h1..h6}, list_count_a {ordered,
// unordered}, bold_count_a {"**", "__"}, and their _b twins; elo_analysis.py
// STYLE_CONTROL_ELEMENTS_V1).
#ifndef PODIUM_ENGINE_INGEST_BATTLE_FIELDS_H_
#define PODIUM_ENGINE_INGEST_BATTLE_FIELDS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

// A boolean as CSV files write it: true/false, True/False (pandas),
// TRUE/FALSE, 1/0; nullopt for anything else.
std::optional<bool> ParseBoolText(std::string_view text);

// --dedup's decision for a dedup_tag value: the object's `sampled` (the
// battle is kept when it is true), false for an object without `sampled`
// (FastChat's notebooks: x.get("sampled", False)); a bare boolean is the
// decision itself. nullopt when `sampled` is not a boolean, or `tag` is
// neither an object nor a boolean.
std::optional<bool> SampledOf(const nlohmann::json& tag);

// The same for a tag written as text (a CSV cell): a boolean (ParseBoolText),
// or the object as JSON or as Python prints a dict ({'high_freq': False,
// 'sampled': True}: ' read as ", True/False/None as true/false/null).
// nullopt when the text is none of these (or nested too deeply to parse).
std::optional<bool> ParseDedupText(std::string_view text);

// The value that `path` names in nested tags (category_tag), or null when it
// names none. The path is keys joined by '.', and keys may hold dots
// themselves ("math_v0.1.math" is tags["math_v0.1"]["math"]): at each level
// the longest key equal to the rest of the path, or to a prefix of it that a
// '.' follows, is taken (no backtracking). The keys taken are appended to
// `keys`; when null is returned they lead to the last object reached.
const nlohmann::json* ResolveTag(const nlohmann::json& tags, std::string_view path,
                                 std::vector<std::string>* keys);

// The conv_metadata key of style feature `feature` on side `side` ('a' or
// 'b'): "FEATURE_a" when `metadata` has it; otherwise, for a feature ending
// in "_tokens", the side goes before that ending, as FastChat names them
// ("sum_assistant_tokens" -> "sum_assistant_a_tokens", "context_tokens" ->
// "context_a_tokens"); otherwise "FEATURE_a" (which `metadata` lacks).
std::string MetadataKey(const nlohmann::json& metadata, const std::string& feature, char side);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_BATTLE_FIELDS_H_
