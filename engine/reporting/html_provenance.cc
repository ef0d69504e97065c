#include "engine/reporting/html_provenance.h"

#include <fmt/format.h>

#include "engine/reporting/html_json.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The value as printed, with "%" when that is its unit.
std::string Value(const Json& c) {
  return JsonStr(c, "value_text") + (JsonStr(c, "unit") == "%" ? "%" : "");
}

std::string LineOf(const Json& c) {
  const Json& line = JsonAt(c, "line");
  return line.is_number() ? fmt::format("{}", line.get<long long>()) : "?";
}

// " [METRIC, SETTING]" with the non-empty ones, or "".
std::string Qualifiers(const Json& c) {
  std::string q;
  for (const char* key : {"metric", "setting"}) {
    const std::string v = JsonStr(c, key);
    if (!v.empty()) q += (q.empty() ? "" : ", ") + v;
  }
  return q.empty() ? "" : " [" + q + "]";
}

// "TITLE (FILE)" of the claim's source, or the source id when `sources` does
// not describe it.
std::string Document(const Json& c, const Json& sources) {
  const Json& s = JsonAt(sources, JsonStr(c, "source").c_str());
  if (!s.is_object()) return JsonStr(c, "source");
  return fmt::format("{} ({})", JsonStr(s, "title"), JsonStr(s, "file"));
}

}  // namespace

ClaimProvenance::ClaimProvenance(const Json& report)
    : claims_(JsonAt(report, "claims")), sources_(JsonAt(report, "sources")) {}

std::string ClaimProvenance::Line(const std::string& id) const {
  const Json& c = JsonAt(claims_, id.c_str());
  if (!c.is_object()) return "claim " + id;
  if (!JsonAt(c, "source").is_string()) {
    return fmt::format("{}: from per-item results ({}) = {}", id, JsonStr(c, "notes"), Value(c));
  }
  return fmt::format("{}: {}, line {}, {}: “{}” on “{}” = {}{}", id, Document(c, sources_),
                     LineOf(c), JsonStr(c, "kind"), JsonStr(c, "model_as_written"),
                     JsonStr(c, "benchmark_as_written"), Value(c), Qualifiers(c));
}

std::string ClaimProvenance::Item(const std::string& id) const {
  const Json& c = JsonAt(claims_, id.c_str());
  std::string out = "<li><b>" + HtmlEscape(id) + "</b> ";
  if (!c.is_object()) return out + "(no details in this report)</li>";
  if (!JsonAt(c, "source").is_string()) {
    out += "from per-item results = " + HtmlEscape(Value(c));
  } else {
    const Json& s = JsonAt(sources_, JsonStr(c, "source").c_str());
    out += s.is_object() ? fmt::format("<cite>{}</cite> ({})", HtmlEscape(JsonStr(s, "title")),
                                       HtmlEscape(JsonStr(s, "file")))
                         : HtmlEscape(JsonStr(c, "source"));
    out += fmt::format(", line {}, {}: “{}” on “{}” = {}{}", LineOf(c),
                       HtmlEscape(JsonStr(c, "kind")), HtmlEscape(JsonStr(c, "model_as_written")),
                       HtmlEscape(JsonStr(c, "benchmark_as_written")), HtmlEscape(Value(c)),
                       HtmlEscape(Qualifiers(c)));
  }
  const std::string notes = JsonStr(c, "notes");
  if (!notes.empty()) out += "<br><small>" + HtmlEscape(notes) + "</small>";
  return out + "</li>";
}

TableCell ClaimProvenance::Wrap(const std::string& shown, const std::string& sort,
                                const std::vector<std::string>& ids) const {
  if (ids.empty()) return {HtmlEscape(shown), sort, "", "num"};
  std::string title, items;
  for (const std::string& id : ids) {
    title += (title.empty() ? "" : "\n") + Line(id);
    items += Item(id) + "\n";
  }
  return {"<details class=\"prov\"><summary>" + HtmlEscape(shown) + "</summary>\n<ul>\n" + items +
              "</ul></details>",
          sort, title, "num"};
}

std::string ClaimProvenance::ValueText(const std::vector<std::string>& ids) const {
  if (ids.empty()) return "";
  return JsonStr(JsonAt(claims_, ids.front().c_str()), "value_text");
}

std::string ManifestDetails(const Json& report) {
  const Json& m = JsonAt(report, "manifest");
  if (!m.is_object()) return "";
  std::string out =
      "<details class=\"manifest\"><summary>How this report was made (manifest)</summary>\n<ul>\n";
  out += "<li>Command: <code>" + HtmlEscape(JsonStr(m, "command_line")) + "</code></li>\n";
  std::string made = "podium " + JsonStr(m, "podium_version");
  if (JsonAt(m, "git_commit").is_string()) made += ", commit " + JsonStr(m, "git_commit");
  if (JsonAt(m, "seed").is_number()) made += fmt::format(", seed {}", JsonAt(m, "seed").dump());
  if (JsonAt(m, "rounds").is_number()) {
    made += fmt::format(", {} rounds", JsonAt(m, "rounds").dump());
  }
  if (JsonAt(m, "seconds").is_number()) {
    made += fmt::format(", {} s", ShortestText(JsonNum(m, "seconds")));
  }
  out += "<li>Made by " + HtmlEscape(made) + "</li>\n";
  for (const Json& input : JsonArray(m, "inputs")) {
    out += fmt::format("<li>Input <code>{}</code> ({}, {} rows): SHA-256 <code>{}</code></li>\n",
                       HtmlEscape(JsonStr(input, "path")), HtmlEscape(JsonStr(input, "kind")),
                       JsonAt(input, "rows").dump(), HtmlEscape(JsonStr(input, "sha256")));
  }
  for (const Json& d : JsonArray(m, "dropped")) {
    out += fmt::format("<li>Left out {} {}: {}</li>\n", JsonAt(d, "count").dump(),
                       HtmlEscape(JsonStr(d, "what")), HtmlEscape(JsonStr(d, "reason")));
  }
  return out + "</ul>\n</details>\n";
}

}  // namespace podium
