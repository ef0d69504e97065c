// One HTML section renderer per podium report schema (docs/formats.md), and
// the table that picks it by the report's "schema".
//
// Each renderer turns one JSON report into <section id="ID" class="report
// KIND"> headed by <h2> with the report's title (a default when it has none)
// and closed by "</section>\n"; `id` is escaped, not validated. Reports are
// read with html_json.h, so a missing or mistyped field shows as missing and
// nothing throws. Tables are html_table.h's, charts html_svg.h's, and numbers
// that come from claims carry their provenance (html_provenance.h).
#ifndef PODIUM_ENGINE_REPORTING_HTML_SECTIONS_H_
#define PODIUM_ENGINE_REPORTING_HTML_SECTIONS_H_

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace podium {

// A section renderer: (report, id) -> the section's HTML.
using HtmlSectionRenderer = std::string (*)(const nlohmann::ordered_json& report,
                                            const std::string& id);

// The renderer of reports whose "schema" is `schema`, or nullptr when that
// schema has no HTML view (the audit report, an unknown or missing schema).
HtmlSectionRenderer FindHtmlSectionRenderer(std::string_view schema);

// podium.leaderboard/1 (html_leaderboard.cc): the method and uncertainty
// texts; the table (rank, model, score, the interval and rank columns of the
// report's uncertainty kind that some row fills, coverage, one column per
// benchmark), numbers printed by the Markdown's rule (LeaderboardNumbersFor
// in text_format.h) and each score and cell with its claims; a forest plot of
// the scores and intervals; the benchmarks and models left out; with an
// "agreement" object (--agreement), its method, a table per benchmark (mean
// tau, interval, pairs, the others' median, flagged) and a heat map of tau-b
// on [-1, 1].
std::string LeaderboardHtmlSection(const nlohmann::ordered_json& report, const std::string& id);

// podium.arena/1 (html_arena.cc): the battles and method; a warning when the
// fit did not converge; the table (component when there are several, rank,
// model, rating, interval, rank set, tier, battles, wins / losses / ties;
// models without a maximum-likelihood rating marked "not ranked"); a forest
// plot of the ratings; a heat map of predicted P(row beats column) with
// models by rating; the warnings.
std::string ArenaHtmlSection(const nlohmann::ordered_json& report, const std::string& id);

// podium.netwin/1 (html_netwin.cc): the net-win-rate formula; net win rates
// computed from judgments (with bootstrap intervals) and as reported in
// claims (with source and line), each as a table and a heat map of win
// probabilities (rows model A, and the task when there are several).
std::string NetWinHtmlSection(const nlohmann::ordered_json& report, const std::string& id);

// podium.h2h/1 (html_h2h.cc): the method, then per mode. "battles": one
// table of pairs (direct battles, observed and predicted win rates, exact
// test, rating difference, verdict). Otherwise per compared pair: a summary,
// a table of benchmarks (both values as printed with their claims, the
// advantage and its interval, P(A better), p, verdict), a forest plot of the
// advantages with a line at 0, and what the documents say about the pair.
// p-values are Holm-adjusted when the report compares all pairs.
std::string H2HHtmlSection(const nlohmann::ordered_json& report, const std::string& id);

// podium.robustness/1 (html_fragility.cc): the battles, the vote-dropping
// answer in words, the battles removed (file, line, models, winner; the
// first 200) and the board refitted without them.
std::string RobustnessHtmlSection(const nlohmann::ordered_json& report, const std::string& id);

// The "How fragile is this board" part of an arena section, from
// podium.arena/1 "fragility" (html_fragility.cc); "" when it is not an
// object: the vote-dropping answer as above, and the leave-one-out tables
// (per model the largest rating and rank change and the group behind each;
// per group its battles and #1 without it).
std::string FragilityHtml(const nlohmann::ordered_json& fragility);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_SECTIONS_H_
