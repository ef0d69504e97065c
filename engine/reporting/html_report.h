// Podium's JSON reports -> one self-contained HTML page, for people who want
// to sort a table, hover a number for where it comes from, and see intervals
// and head-to-head probabilities as charts rather than read Markdown.
//
// The page is built from the JSON alone (schemas in docs/formats.md), so any
// report podium wrote can be viewed without the claims files or the registry:
// the leaderboard and h2h reports carry their "claims" and "sources" objects.
// Every number that comes from claims shows its provenance twice: in a hover
// `title` and in a <details> element that opens without JavaScript (claim id,
// source document title and file, line, the model and benchmark names as
// written there, the value as printed).
//
// The page carries its CSS and JavaScript inline and references nothing outside
// itself (no fonts, scripts, images or links off the page), so it opens from
// disk and prints. The only script sorts tables when a header is clicked; the
// tables are complete without it. Charts are inline SVG written here (a forest
// plot of intervals, a diverging heat map of win probabilities).
//
// Numbers are printed to the precision the data carries: leaderboard scores
// and cells by the Markdown report's rule (LeaderboardNumbersFor in
// text_format.h: 2 digits, 3 for 0–1 win rates and scaled values),
// benchmark cells as printed in the document, ratings and Elo gaps as
// integers, probabilities with 3 digits. A missing number is an en dash "–"
// whose hover title says why ("no claim", "no interval").
//
// Markup other code may rely on (the tests and tests/browser do): every table
// is <table class="sortable"> with <th data-type="num|text"> and numeric cells
// carrying data-sort (full precision); model names are <td class="name">;
// provenance is <details class="prov"> in a cell with a title; forest plots
// are <svg class="forest"> with circle.point and line.interval; heat maps are
// <svg class="heatmap"> with rect.cell; the table of contents is nav.toc.
//
// Output is a pure function of the input: no clock, no locale, no random ids;
// numbers are formatted with fmt. Fields missing from a report are shown as
// missing; malformed reports never throw.
//
// The parts, one file each; this header is the entry point and includes the
// public ones (html_page.h, html_svg.h, html_text.h):
//   html_json.h        reading a report, tolerant of missing fields
//   html_text.h        escaping; numbers as text
//   html_table.h       sortable tables of cells, and the other section blocks
//   html_provenance.h  the claims behind a number; the manifest
//   html_svg.h         forest plots and heat maps
//   html_sections.h    one section renderer per report schema, found by table
//   html_assets.h      the CSS and script, built in from html/report.{css,js}
//   html_page.h        sections and a page
#ifndef PODIUM_ENGINE_REPORTING_HTML_REPORT_H_
#define PODIUM_ENGINE_REPORTING_HTML_REPORT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "engine/reporting/html_page.h"
#include "engine/reporting/html_svg.h"
#include "engine/reporting/html_text.h"

namespace podium {

// HtmlPage(report["title"], "", {HtmlSection(report, "report")}); an empty or
// missing title becomes "podium report".
std::string ReportHtml(const nlohmann::ordered_json& report);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_REPORT_H_
