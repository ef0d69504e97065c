// Report sections into one self-contained HTML page.
//
// A section is one JSON report rendered by its schema's renderer
// (html_sections.h) and closed by how the report was made (its manifest,
// html_provenance.h). A page is the header, a table of contents when there
// are several sections, the sections, and the CSS and script inline
// (html_assets.h): it references nothing outside itself, so it opens from disk
// and prints.
#ifndef PODIUM_ENGINE_REPORTING_HTML_PAGE_H_
#define PODIUM_ENGINE_REPORTING_HTML_PAGE_H_

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace podium {

// One podium JSON report as an HTML <section id="ID"> (no <html> wrapper),
// headed by an <h2> with the report's title. Handles the schemas
// podium.leaderboard/1, podium.arena/1, podium.netwin/1 and podium.h2h/1; any
// other schema (or none) gives a section saying it has no HTML view. `id`
// should be unique on the page; it is escaped, not validated. When the report
// has a manifest, its <details class="manifest"> ends the section.
std::string HtmlSection(const nlohmann::ordered_json& report, const std::string& id);

// A complete, self-contained UTF-8 page: <h1> `title` (escaped), then
// `intro_html` (inserted as is; may be empty), then the sections. With two or
// more sections a table of contents links them: each entry is the id of the
// section's opening <section id="…"> and the text of its first <h2>, as
// HtmlSection writes them (a section without either is left out of it).
std::string HtmlPage(const std::string& title, const std::string& intro_html,
                     const std::vector<std::string>& sections);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_PAGE_H_
