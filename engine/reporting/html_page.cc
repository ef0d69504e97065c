#include "engine/reporting/html_page.h"

#include <fmt/format.h>

#include "engine/reporting/html_assets.h"
#include "engine/reporting/html_json.h"
#include "engine/reporting/html_provenance.h"
#include "engine/reporting/html_sections.h"
#include "engine/reporting/html_table.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// The id and <h2> text of a section as HtmlSection writes it.
bool SectionHeading(const std::string& section, std::string* id, std::string* heading) {
  const std::string open = "<section id=\"";
  if (section.compare(0, open.size(), open) != 0) return false;
  const size_t id_end = section.find('"', open.size());
  const size_t h = section.find("<h2>");
  const size_t h_end = h == std::string::npos ? h : section.find("</h2>", h);
  if (id_end == std::string::npos || h_end == std::string::npos) return false;
  *id = section.substr(open.size(), id_end - open.size());
  *heading = section.substr(h + 4, h_end - h - 4);
  return true;
}

// The section of a report whose schema has no HTML view: a note saying so.
std::string NoViewSection(const Json& report, const std::string& id, const std::string& schema) {
  const std::string note =
      schema.empty() ? "This report names no schema, so it has no HTML view."
                     : "Schema " + schema + " has no HTML view; see its JSON or Markdown file.";
  return HtmlSectionStart(id, "other",
                          ReportTitle(report, schema.empty() ? "Report" : schema.c_str())) +
         HtmlParagraph(note, "note") + "</section>\n";
}

std::string SectionBody(const Json& report, const std::string& id) {
  const std::string schema = JsonStr(report, "schema");
  const HtmlSectionRenderer render = FindHtmlSectionRenderer(schema);
  return render != nullptr ? render(report, id) : NoViewSection(report, id, schema);
}

}  // namespace

std::string HtmlSection(const Json& report, const std::string& id) {
  std::string section = SectionBody(report, id);
  const std::string end = "</section>\n";
  const std::string manifest = ManifestDetails(report);
  if (!manifest.empty() && section.size() >= end.size() &&
      section.compare(section.size() - end.size(), end.size(), end) == 0) {
    section.insert(section.size() - end.size(), manifest);
  }
  return section;
}

std::string HtmlPage(const std::string& title, const std::string& intro_html,
                     const std::vector<std::string>& sections) {
  // The CSS and the script start on a line of their own, after <style> and
  // <script>; their files end with a newline.
  std::string out = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"podium\">\n<title>{}</title>\n<style>\n{}</style>\n"
      "</head>\n<body>\n<header>\n<h1>{}</h1>\n{}</header>\n",
      HtmlEscape(title), ReportCss(), HtmlEscape(title), intro_html);
  if (sections.size() > 1) {
    std::string items;
    for (const std::string& s : sections) {
      std::string id, heading;
      if (SectionHeading(s, &id, &heading)) {
        items += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, heading);
      }
    }
    if (!items.empty()) {
      out += "<nav class=\"toc\" aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n" + items +
             "</ol>\n</nav>\n";
    }
  }
  out += "<main>\n";
  for (const std::string& s : sections) out += s;
  return out + "</main>\n<script>\n" + std::string(ReportJs()) + "</script>\n</body>\n</html>\n";
}

}  // namespace podium
