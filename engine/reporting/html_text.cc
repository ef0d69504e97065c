#include "engine/reporting/html_text.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/base/number.h"

namespace podium {

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string FixedText(double v, int decimals) {
  return std::isfinite(v) ? FormatFixed(v, decimals) : kDash;
}

std::string ShortestText(double v) { return std::isfinite(v) ? fmt::format("{}", v + 0.0) : kDash; }

std::string SortKey(double v) { return std::isfinite(v) ? fmt::format("{:.12g}", v + 0.0) : ""; }

std::string ProbabilityText(double p) {
  if (!std::isfinite(p)) return kDash;
  return p < 0.001 ? "< 0.001" : FormatFixed(p, 3);
}

std::string PercentText(double level) { return fmt::format("{:g}%", 100 * level); }

std::string CommaJoined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

}  // namespace podium
