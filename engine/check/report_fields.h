// Reading the fields of a JSON report or of its manifest the way every part of
// `podium check` does: a field that is missing or not a string reads as "",
// never as an exception, since reports come from anywhere (an older podium,
// a hand edit, a fuzzer).
#ifndef PODIUM_ENGINE_CHECK_REPORT_FIELDS_H_
#define PODIUM_ENGINE_CHECK_REPORT_FIELDS_H_

#include <nlohmann/json.hpp>
#include <string>

namespace podium {

// The string `object[key]`; "" when `object` is not an object, has no `key`,
// or holds something else than a string there.
std::string StringField(const nlohmann::ordered_json& object, const char* key);

// `path` without its folders: "…/datasets/claims/x.csv:14" -> "x.csv:14",
// "x.csv" -> "x.csv". Only '/' separates folders.
std::string FileName(const std::string& path);

}  // namespace podium

#endif  // PODIUM_ENGINE_CHECK_REPORT_FIELDS_H_
