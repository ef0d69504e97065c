// The stylesheet and the script of every HTML page, compiled in from the files
// html/report.css and html/report.js by the cc_embed rule (html_embed.bzl):
// edit those files, not C++ strings. Each function returns exactly the bytes
// of its file, which ends with a newline; the page (html_page.h) puts them
// inline, so it references nothing outside itself.
#ifndef PODIUM_ENGINE_REPORTING_HTML_ASSETS_H_
#define PODIUM_ENGINE_REPORTING_HTML_ASSETS_H_

#include <string_view>

namespace podium {

// The page's CSS (html/report.css): light and print-friendly, system fonts
// only (no font files, no url()); styles the classes that html_table.h,
// html_svg.h and html_provenance.h write, and hides the table of contents and
// sort arrows in print.
std::string_view ReportCss();

// The page's only script (html/report.js): sorts a table.sortable when a
// header is clicked (or Enter or Space pressed on it): numerically on
// data-sort for numeric columns, else by text with numbers compared as
// numbers; missing values last in both directions; ties keep their order;
// aria-sort marks the column. It adds class "js" to <html> so that headers
// look clickable only when the script runs; the tables are complete without
// it.
std::string_view ReportJs();

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_ASSETS_H_
