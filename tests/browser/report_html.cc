// Writes podium JSON reports as HTML for the browser test (a stand-in for
// `podium ... --format html` until the CLI has it).
//
//   report_html OUT.html IN.json            ReportHtml(IN)
//   report_html OUT.html IN.json IN2.json…  one page, a section per report
//                                           (id = file name without .json)
//   report_html --expect IN.json…           what that page must contain,
//                                           counted from the JSON alone:
//                                           "rows=N points=N intervals=N
//                                           cells=N prov=ok|none toc=N"
// Exit code 0 on success, 1 on a file that cannot be read or parsed.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/reporting/html_report.h"

namespace {

using Json = nlohmann::ordered_json;

bool ReadJson(const std::string& path, Json* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << path << ": error: cannot open\n";
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  *out = Json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (out->is_discarded()) {
    std::cerr << path << ": error: not valid JSON\n";
    return false;
  }
  return true;
}

const Json& Get(const Json& j, const char* key) {
  static const Json kNull;
  return j.is_object() && j.contains(key) ? j[key] : kNull;
}

size_t Size(const Json& j) { return j.is_array() ? j.size() : 0; }

bool HasIds(const Json& ids) { return ids.is_array() && !ids.empty(); }

// What the page of `reports` must show, counted from the JSON (not the HTML):
// body rows of all tables, forest-plot points and interval lines, heat-map
// cells, whether some number has claims to show, and table-of-contents links.
std::string Expectations(const std::vector<Json>& reports) {
  size_t rows = 0, points = 0, intervals = 0, cells = 0;
  bool provenance = false;
  for (const Json& r : reports) {
    const std::string schema = r.value("schema", "");
    const bool claims = Get(r, "claims").is_object() && !Get(r, "claims").empty();
    auto interval = [](const Json& x) {
      return Get(x, "ci_low").is_number() && Get(x, "ci_high").is_number();
    };
    if (schema == "podium.leaderboard/1" || schema == "podium.arena/1") {
      for (const Json& row : Get(r, "rows")) {
        ++rows;
        points += Get(row, schema == "podium.arena/1" ? "rating" : "score").is_number();
        intervals += interval(row);
        provenance |= claims && HasIds(Get(row, "claims"));
      }
    }
    if (schema == "podium.leaderboard/1") {
      // Benchmark agreement: a row per benchmark, a heat-map cell per
      // defined tau in both orientations.
      const Json& agreement = Get(r, "agreement");
      rows += Size(Get(agreement, "benchmarks"));
      for (const Json& pair : Get(agreement, "pairs")) cells += 2 * Get(pair, "tau").is_number();
    }
    if (schema == "podium.arena/1") {
      // The style-controlled board and its coefficients: two more tables.
      const Json& style = Get(r, "style_control");
      rows += Size(Get(style, "rows")) + Size(Get(style, "coefficients"));
      // Goodness of fit: the tie models, and the calibration bins that hold battles.
      const Json& fit = Get(r, "goodness_of_fit");
      rows += Size(Get(fit, "models"));
      for (const Json& bin : Get(fit, "calibration_bins")) {
        rows += Get(bin, "battles").is_number() && Get(bin, "battles").get<double>() > 0;
      }
      // How fragile: the removed battles (the first 200) and the board without
      // them; leave-one-out per model and per group.
      const Json& robustness = Get(Get(r, "fragility"), "robustness");
      rows += std::min<size_t>(Size(Get(robustness, "battles")), 200) +
              Size(Get(robustness, "board_after"));
      const Json& loo = Get(Get(r, "fragility"), "leave_one_out");
      rows += Size(Get(loo, "models")) + Size(Get(loo, "groups"));
      const Json& predicted = Get(Get(r, "matrices"), "predicted");
      for (size_t i = 0; i < Size(predicted); ++i) {
        for (size_t j = 0; j < Size(predicted[i]); ++j) cells += predicted[i][j].is_number();
      }
    }
    if (schema == "podium.netwin/1") {
      const size_t n = Size(Get(r, "computed")) + Size(Get(r, "reported"));
      rows += n;
      cells += n;  // one cell per (A, task, B)
    }
    if (schema == "podium.h2h/1" && r.value("mode", "") == "battles") {
      rows += Size(Get(r, "comparisons"));
    } else if (schema == "podium.h2h/1") {
      for (const Json& c : Get(r, "comparisons")) {
        rows += Size(Get(c, "statements"));
        for (const Json& b : Get(c, "benchmarks")) {
          ++rows;
          points += Get(b, "advantage").is_number();
          intervals += interval(b);
          provenance |= claims && (HasIds(Get(b, "a_claims")) || HasIds(Get(b, "b_claims")));
        }
      }
    }
  }
  return "rows=" + std::to_string(rows) + " points=" + std::to_string(points) +
         " intervals=" + std::to_string(intervals) + " cells=" + std::to_string(cells) +
         " prov=" + (provenance ? "ok" : "none") +
         " toc=" + std::to_string(reports.size() > 1 ? reports.size() : 0);
}

std::string Stem(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') + 1);
  const size_t dot = name.rfind(".json");
  return dot == std::string::npos ? name : name.substr(0, dot);
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() >= 2 && args[0] == "--expect") {
    std::vector<Json> reports(args.size() - 1);
    for (size_t k = 1; k < args.size(); ++k) {
      if (!ReadJson(args[k], &reports[k - 1])) return 1;
    }
    std::cout << Expectations(reports) << "\n";
    return 0;
  }
  if (args.size() < 2) {
    std::cerr << "usage: report_html OUT.html IN.json... | --expect IN.json...\n";
    return 1;
  }
  std::vector<Json> reports(args.size() - 1);
  for (size_t k = 1; k < args.size(); ++k) {
    if (!ReadJson(args[k], &reports[k - 1])) return 1;
  }
  std::string html;
  if (reports.size() == 1) {
    html = podium::ReportHtml(reports[0]);
  } else {
    std::vector<std::string> sections;
    for (size_t k = 0; k < reports.size(); ++k) {
      sections.push_back(podium::HtmlSection(reports[k], Stem(args[k + 1])));
    }
    html = podium::HtmlPage("podium reports", "<p>Reports rendered by the browser test.</p>\n",
                            sections);
  }
  std::ofstream out(args[0], std::ios::binary);
  out << html;
  if (!out.flush()) {
    std::cerr << args[0] << ": error: cannot write\n";
    return 1;
  }
  return 0;
}
