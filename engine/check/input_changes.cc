#include "engine/check/input_changes.h"

#include <functional>
#include <optional>
#include <tuple>

#include "engine/check/report_fields.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

struct InputFile {
  std::string path, kind, sha256;
  bool matched = false;
};

std::optional<std::vector<InputFile>> InputsOf(const Json& manifest) {
  if (!manifest.is_object() || !manifest.contains("inputs") || !manifest["inputs"].is_array()) {
    return std::nullopt;
  }
  std::vector<InputFile> out;
  for (const Json& input : manifest["inputs"]) {
    InputFile file{StringField(input, "path"), StringField(input, "kind"),
                   StringField(input, "sha256")};
    if (file.path.empty() || file.sha256.empty()) continue;
    out.push_back(std::move(file));
  }
  return out;
}

using Match = std::function<bool(const InputFile&, const InputFile&)>;

// Pairs each unmatched baseline file with the first unmatched current file
// that `match` accepts, calling `paired` on each pair.
void Pair(std::vector<InputFile>* before, std::vector<InputFile>* after, const Match& match,
          const std::function<void(const InputFile&, const InputFile&)>& paired) {
  for (InputFile& b : *before) {
    if (b.matched) continue;
    for (InputFile& c : *after) {
      if (c.matched || !match(b, c)) continue;
      b.matched = c.matched = true;
      paired(b, c);
      break;
    }
  }
}

}  // namespace

bool InputChange::operator==(const InputChange& o) const {
  return std::tie(status, kind, baseline_path, current_path, baseline_sha256, current_sha256) ==
         std::tie(o.status, o.kind, o.baseline_path, o.current_path, o.baseline_sha256,
                  o.current_sha256);
}

bool InputChange::operator<(const InputChange& o) const {
  return std::tie(status, kind, baseline_path, current_path, baseline_sha256, current_sha256) <
         std::tie(o.status, o.kind, o.baseline_path, o.current_path, o.baseline_sha256,
                  o.current_sha256);
}

InputComparison CompareInputs(const Json& baseline_manifest, const Json& current_manifest) {
  InputComparison out;
  std::optional<std::vector<InputFile>> before = InputsOf(baseline_manifest);
  std::optional<std::vector<InputFile>> after = InputsOf(current_manifest);
  if (!before || !after) return out;
  out.known = true;
  auto same_name = [](const InputFile& b, const InputFile& c) {
    return b.kind == c.kind && FileName(b.path) == FileName(c.path);
  };
  auto same = [&](const InputFile& b, const InputFile& c) {
    ++out.same;
    if (b.path != c.path) ++out.relocated;
  };
  for (const Match& m : std::vector<Match>{
           [&](const InputFile&b, const InputFile&c) {
             return b.sha256 == c.sha256 && same_name(b, c);
           },
           [](const InputFile&b, const InputFile&c) {
             return b.sha256 == c.sha256 && b.kind == c.kind;
           },
           [](const InputFile&b, const InputFile&c) { return b.sha256 == c.sha256; }}) {
    Pair(&*before, &*after, m, same);
  }
  auto changed = [&](const InputFile& b, const InputFile& c) {
    out.changes.push_back({"changed", b.kind, b.path, c.path, b.sha256, c.sha256});
  };
  Pair(
      &*before, &*after, [](const InputFile& b, const InputFile& c) { return b.path == c.path; },
      changed);
  Pair(&*before, &*after, same_name, changed);
  for (const InputFile& b : *before) {
    if (!b.matched) out.changes.push_back({"removed", b.kind, b.path, "", b.sha256, ""});
  }
  for (const InputFile& c : *after) {
    if (!c.matched) out.changes.push_back({"added", c.kind, "", c.path, "", c.sha256});
  }
  return out;
}

}  // namespace podium
