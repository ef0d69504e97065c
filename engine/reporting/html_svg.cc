#include "engine/reporting/html_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <string_view>
#include <utility>

#include "engine/base/number.h"
#include "engine/reporting/html_text.h"

namespace podium {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// An SVG coordinate: rounded to 0.1 px, no trailing zeros.
std::string Px(double v) { return fmt::format("{:g}", std::round(v * 10) / 10 + 0.0); }

// Estimated width in px of `text` at 12 px: 7 per ASCII character, 12 per
// other character (CJK glyphs are about square). Close enough to size a
// label column; there is no font metrics without a browser.
double TextWidth(std::string_view text) {
  double width = 0;
  for (unsigned char c : text) {
    if (c < 0x80) {
      width += 7;
    } else if (c >= 0xC0) {  // first byte of a multi-byte character
      width += 12;
    }
  }
  return width;
}

// `text` cut at a character boundary to fit `max_width` px (TextWidth), with
// "…" appended when shortened.
std::string FitText(const std::string& text, double max_width) {
  if (TextWidth(text) <= max_width) return text;
  double width = 12;  // the ellipsis
  size_t end = 0;
  while (end < text.size()) {
    size_t next = end + 1;
    while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) ++next;
    width += TextWidth(text.substr(end, next - end));
    if (width > max_width) break;
    end = next;
  }
  return text.substr(0, end) + "…";
}

// Where the parts of a forest plot go, in px (geometry in the header).
struct ForestLayout {
  Axis axis;
  double left = 0;        // x of the axis' low end; labels end 8 px before it
  double plot_width = 0;  // px from the axis' low end to its high end
  double row_height = 0;
  double font = 12;   // label size
  double top = 8;     // y of the first row's top
  double bottom = 0;  // y of the axis line
  double width = 0, height = 0;
  double X(double v) const { return left + plot_width * (v - axis.low) / (axis.high - axis.low); }
  double Y(size_t k) const { return top + row_height * (k + 0.5); }
};

// The layout of `rows`, or nullopt when no row has a finite point.
std::optional<ForestLayout> LayOutForest(const std::vector<ForestRow>& rows,
                                         const ForestPlotOptions& o) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo, longest = 0;
  auto extend = [&](double v) {
    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  };
  for (const ForestRow& r : rows) {
    longest = std::max(longest, TextWidth(r.label));
    if (!std::isfinite(r.point)) continue;
    extend(r.point);
    if (std::isfinite(r.low) && std::isfinite(r.high)) extend(r.low), extend(r.high);
  }
  if (!std::isfinite(lo)) return std::nullopt;
  extend(o.reference);
  ForestLayout f;
  f.axis = NiceAxis(lo, hi);
  f.row_height = o.row_height > 0 ? o.row_height : rows.size() <= 60 ? 20 : 12;
  f.font = std::min(12.0, f.row_height - 2);
  f.left = o.label_width > 0 ? o.label_width : std::clamp(longest + 14, 60.0, 260.0);
  f.plot_width = o.plot_width;
  f.bottom = f.top + f.row_height * rows.size();
  f.width = f.left + f.plot_width + 24;
  f.height = f.bottom + 24 + (o.axis_label.empty() ? 0 : 16);
  return f;
}

// Row k: a band holding the hover title, the label, the interval, the point.
std::string ForestRowSvg(const ForestRow& r, size_t k, const ForestLayout& f, int decimals) {
  const double y = f.Y(k);
  const bool interval = std::isfinite(r.point) && std::isfinite(r.low) && std::isfinite(r.high);
  std::string title = r.title;
  if (title.empty()) {
    title = r.label + ": " + FixedText(r.point, decimals);
    if (interval) {
      title += fmt::format(" [{}, {}]", FixedText(r.low, decimals), FixedText(r.high, decimals));
    }
  }
  std::string out = fmt::format(
      "<g class=\"row\"><title>{}</title><rect class=\"band\" x=\"0\" y=\"{}\" width=\"{}\" "
      "height=\"{}\" fill=\"{}\"/>",
      HtmlEscape(title), Px(y - f.row_height / 2), Px(f.width), Px(f.row_height),
      k % 2 ? "#f6f6f6" : "#ffffff");
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{}\" fill=\"#222\">{}</text>",
      Px(f.left - 8), Px(y + f.font * 0.35), Px(f.font), HtmlEscape(FitText(r.label, f.left - 14)));
  if (interval) {
    out += fmt::format(
        "<line class=\"interval\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#1f4e9a\" "
        "stroke-width=\"2\"/>",
        Px(f.X(r.low)), Px(f.X(r.high)), Px(y));
  }
  if (std::isfinite(r.point)) {
    out += fmt::format("<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#1f4e9a\"/>",
                       Px(f.X(r.point)), Px(y), f.row_height >= 16 ? 4 : 3);
  }
  return out + "</g>\n";
}

// The x axis: line, ticks, tick labels and the axis label under them.
std::string ForestAxisSvg(const ForestLayout& f, const std::string& axis_label) {
  std::string out = fmt::format(
      "<line class=\"axis\" x1=\"{0}\" x2=\"{1}\" y1=\"{2}\" y2=\"{2}\" stroke=\"#777\"/>\n",
      Px(f.left), Px(f.left + f.plot_width), Px(f.bottom));
  for (double t : f.axis.ticks) {
    out += fmt::format(
        "<line class=\"tick\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#777\"/>"
        "<text x=\"{0}\" y=\"{3}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#333\">{4}"
        "</text>\n",
        Px(f.X(t)), Px(f.bottom), Px(f.bottom + 4), Px(f.bottom + 16),
        FormatFixed(t, f.axis.decimals));
  }
  if (axis_label.empty()) return out;
  return out + fmt::format(
                   "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\" "
                   "fill=\"#333\">{}</text>\n",
                   Px(f.left + f.plot_width / 2), Px(f.bottom + 34), HtmlEscape(axis_label));
}

// Where the parts of a heat map go, in px (rules in the header).
struct HeatLayout {
  double side = 36;             // cell side
  bool labels = true;           // row and column labels drawn
  bool numbers = true;          // values printed in the cells
  double font = 11, scale = 1;  // label size, and its ratio to TextWidth's 12 px
  double row_w = 0, col_w = 0;  // longest row and column label at `font`, clamped
  int angle = 45;               // column labels turned by this many degrees
  double left = 0, top = 0;     // the matrix' top-left corner
  double legend_y = 0;          // top of the colour legend
  double width = 0, height = 0;
};

HeatLayout LayOutHeatMap(const HeatMap& map) {
  const size_t n = std::max(map.rows.size(), map.columns.size());
  HeatLayout h;
  h.side = std::clamp(std::floor(720.0 / static_cast<double>(n)), 4.0, 36.0);
  h.labels = h.side >= 9;
  h.numbers = map.rows.size() <= 20 && map.columns.size() <= 20;
  h.font = std::min(11.0, h.side - 1);
  h.scale = h.font / 12;
  for (const std::string& s : map.rows) h.row_w = std::max(h.row_w, TextWidth(s) * h.scale);
  for (const std::string& s : map.columns) h.col_w = std::max(h.col_w, TextWidth(s) * h.scale);
  h.row_w = std::clamp(h.row_w, 24.0, 200.0);
  h.col_w = std::clamp(h.col_w, 24.0, 200.0);
  // Slanted labels need about 1.4 × the font between them: upright below 20 px.
  h.angle = h.side >= 20 ? 45 : 90;
  const double rise = h.angle == 45 ? 0.71 : 1.0, overhang = h.angle == 45 ? h.col_w * rise : 0;
  h.left = h.labels ? h.row_w + 10 : 8;
  h.top = h.labels ? h.col_w * rise + 12 : 8;
  h.legend_y = h.top + h.side * map.rows.size() + 14;
  h.width = std::max(h.left + h.side * map.columns.size() + (h.labels ? overhang : 0) + 8,
                     h.left + 11 * 18 + 12 + TextWidth(map.legend) + 8);
  h.height = h.legend_y + 30;
  return h;
}

// `v` on the colour scale: 0 at map.low, 1 at map.high.
double Scaled(const HeatMap& map, double v) { return (v - map.low) / (map.high - map.low); }

// TableCell (i, j) with its hover title and, when small enough, its value; "" when
// the value is missing.
std::string HeatCellSvg(const HeatMap& map, size_t i, size_t j, const HeatLayout& h) {
  const double v = i < map.values.size() && j < map.values[i].size() ? map.values[i][j] : kNaN;
  if (!std::isfinite(v)) return "";
  std::string title = i < map.titles.size() && j < map.titles[i].size() ? map.titles[i][j] : "";
  if (title.empty()) title = map.rows[i] + " vs " + map.columns[j] + ": " + FixedText(v, 3);
  const double x = h.left + h.side * j, y = h.top + h.side * i;
  std::string out = fmt::format(
      "<rect class=\"cell\" x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{2}\" fill=\"{3}\">"
      "<title>{4}</title></rect>",
      Px(x), Px(y), Px(h.side), DivergingColor(Scaled(map, v)), HtmlEscape(title));
  if (h.numbers) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"{}\" "
        "pointer-events=\"none\">{}</text>",
        Px(x + h.side / 2), Px(y + h.side / 2 + 3.5),
        std::abs(Scaled(map, v) - 0.5) > 0.3 ? "#fff" : "#111", FixedText(v, 2));
  }
  return out + "\n";
}

std::string HeatLabelsSvg(const HeatMap& map, const HeatLayout& h) {
  std::string out;
  for (size_t i = 0; i < map.rows.size(); ++i) {
    out += fmt::format(
        "<text class=\"row-label\" x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"{}\" "
        "fill=\"#222\">{}</text>\n",
        Px(h.left - 5), Px(h.top + h.side * (i + 0.5) + h.font * 0.35), Px(h.font),
        HtmlEscape(FitText(map.rows[i], h.row_w / h.scale + 0.5)));
  }
  for (size_t j = 0; j < map.columns.size(); ++j) {
    const double x = h.left + h.side * (j + 0.5) + h.font * 0.3, y = h.top - 5;
    out += fmt::format(
        "<text class=\"column-label\" x=\"{0}\" y=\"{1}\" transform=\"rotate(-{4} {0} {1})\" "
        "font-size=\"{2}\" fill=\"#222\">{3}</text>\n",
        Px(x), Px(y), Px(h.font), HtmlEscape(FitText(map.columns[j], h.col_w / h.scale + 0.5)),
        h.angle);
  }
  return out;
}

// Eleven swatches from low to high, labelled at both ends and the middle,
// and what they mean.
std::string HeatLegendSvg(const HeatMap& map, const HeatLayout& h) {
  const std::string& legend = map.legend;
  std::string out;
  for (int k = 0; k <= 10; ++k) {
    out += fmt::format(
        "<rect class=\"legend\" x=\"{}\" y=\"{}\" width=\"18\" height=\"10\" fill=\"{}\"/>",
        Px(h.left + 18 * k), Px(h.legend_y), DivergingColor(k / 10.0));
  }
  out += fmt::format(
      "<rect x=\"{}\" y=\"{}\" width=\"198\" height=\"10\" fill=\"none\" stroke=\"#999\" "
      "stroke-width=\"0.5\"/>\n",
      Px(h.left), Px(h.legend_y));
  const std::pair<int, std::string> ticks[] = {{0, ShortestText(map.low)},
                                               {5, ShortestText((map.low + map.high) / 2)},
                                               {10, ShortestText(map.high)}};
  for (const auto& [k, label] : ticks) {
    out += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#333\">{}</text>",
        Px(h.left + 18 * k + 9), Px(h.legend_y + 22), label);
  }
  return out + fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" fill=\"#333\">{}</text>\n",
                           Px(h.left + 11 * 18 + 10), Px(h.legend_y + 9), HtmlEscape(legend));
}

}  // namespace

Axis NiceAxis(double min, double max, int max_ticks) {
  if (!std::isfinite(min) || !std::isfinite(max) || min > max) min = 0, max = 1;
  if (min == max) {
    const double pad = min == 0 ? 1 : std::abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  const double raw = (max - min) / std::max(1, max_ticks - 1);
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  Axis axis;
  axis.step = 10 * magnitude;
  for (double m : {1.0, 2.0, 5.0}) {
    if (m * magnitude >= raw * (1 - 1e-9)) {
      axis.step = m * magnitude;
      break;
    }
  }
  // Ends on multiples of the step; the tolerance keeps 90 / 20 = 4.5000001 from
  // adding a tick beyond an end that is already a multiple.
  const long long first = static_cast<long long>(std::floor(min / axis.step + 1e-9));
  const long long last = static_cast<long long>(std::ceil(max / axis.step - 1e-9));
  axis.low = first * axis.step + 0.0;
  axis.high = last * axis.step + 0.0;
  axis.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(axis.step) + 1e-9)));
  for (long long k = first; k <= last; ++k) axis.ticks.push_back(k * axis.step + 0.0);
  return axis;
}

std::string ForestPlotSvg(const std::vector<ForestRow>& rows, const ForestPlotOptions& options) {
  const std::optional<ForestLayout> f = LayOutForest(rows, options);
  if (!f) return "";
  std::string out = fmt::format(
      "<svg class=\"forest\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"Forest plot\">\n",
      Px(f->width), Px(f->height));
  for (double t : f->axis.ticks) {
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#e4e4e4\"/>\n",
        Px(f->X(t)), Px(f->top), Px(f->bottom));
  }
  for (size_t k = 0; k < rows.size(); ++k) out += ForestRowSvg(rows[k], k, *f, options.decimals);
  if (std::isfinite(options.reference)) {
    out += fmt::format(
        "<line class=\"ref\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#b2182b\" "
        "stroke-dasharray=\"4 3\"/>\n",
        Px(f->X(options.reference)), Px(f->top), Px(f->bottom));
  }
  return out + ForestAxisSvg(*f, options.axis_label) + "</svg>\n";
}

std::string CalibrationPlotSvg(const std::vector<CalibrationPoint>& points,
                               const std::string& x_label, const std::string& y_label) {
  double largest = 0;
  for (const CalibrationPoint& p : points) {
    if (std::isfinite(p.predicted) && std::isfinite(p.observed))
      largest = std::max(largest, p.weight);
  }
  if (!(largest > 0)) return "";
  const double left = 48, top = 10, side = 300;
  const auto x = [&](double v) { return Px(left + side * v); };
  const auto y = [&](double v) { return Px(top + side * (1 - v)); };
  std::string out = fmt::format(
      "<svg class=\"calibration\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
      "role=\"img\" aria-label=\"Calibration plot\">\n",
      Px(left + side + 12), Px(top + side + 44));
  for (int k = 0; k <= 5; ++k) {
    const double v = k / 5.0;
    out += fmt::format(
        "<line class=\"grid\" x1=\"{0}\" x2=\"{0}\" y1=\"{1}\" y2=\"{2}\" stroke=\"#e4e4e4\"/>\n"
        "<line class=\"grid\" x1=\"{3}\" x2=\"{4}\" y1=\"{5}\" y2=\"{5}\" stroke=\"#e4e4e4\"/>\n"
        "<text x=\"{0}\" y=\"{6}\" font-size=\"11\" text-anchor=\"middle\">{7}</text>\n"
        "<text x=\"{8}\" y=\"{9}\" font-size=\"11\" text-anchor=\"end\">{7}</text>\n",
        x(v), y(0), y(1), x(0), x(1), y(v), Px(top + side + 14), FormatFixed(v, 1), Px(left - 4),
        Px(top + side * (1 - v) + 4));
  }
  out += fmt::format(
      "<line class=\"ref\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#b2182b\" "
      "stroke-dasharray=\"4 3\"/>\n",
      x(0), y(0), x(1), y(1));
  for (const CalibrationPoint& p : points) {
    if (!std::isfinite(p.predicted) || !std::isfinite(p.observed)) continue;
    out += fmt::format(
        "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"#2166ac\" "
        "fill-opacity=\"0.7\"><title>{}</title></circle>\n",
        x(p.predicted), y(p.observed), Px(3 + 9 * std::sqrt(std::max(0.0, p.weight) / largest)),
        HtmlEscape(p.title));
  }
  out += fmt::format(
      "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>\n"
      "<text x=\"12\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" "
      "transform=\"rotate(-90 12 {})\">{}</text>\n",
      Px(left + side / 2), Px(top + side + 36), HtmlEscape(x_label), Px(top + side / 2),
      Px(top + side / 2), HtmlEscape(y_label));
  return out + "</svg>\n";
}

std::string DivergingColor(double p) {
  if (std::isnan(p)) return "#eeeeee";
  p = std::clamp(p, 0.0, 1.0);
  const double t = std::abs(2 * p - 1);
  const int end[3] = {p >= 0.5 ? 0xb2 : 0x21, p >= 0.5 ? 0x18 : 0x66, p >= 0.5 ? 0x2b : 0xac};
  int rgb[3];
  for (int k = 0; k < 3; ++k) rgb[k] = static_cast<int>(std::lround(255 + (end[k] - 255) * t));
  return fmt::format("#{:02x}{:02x}{:02x}", rgb[0], rgb[1], rgb[2]);
}

std::string HeatMapSvg(const HeatMap& map) {
  if (map.rows.empty() || map.columns.empty()) return "";
  const HeatLayout h = LayOutHeatMap(map);
  std::string out = fmt::format(
      "<svg class=\"heatmap\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"Heat map: {2}\">\n",
      Px(h.width), Px(h.height), HtmlEscape(map.legend));
  out += fmt::format(
      "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f7f7f7\"/>\n",
      Px(h.left), Px(h.top), Px(h.side * map.columns.size()), Px(h.side * map.rows.size()));
  for (size_t i = 0; i < map.rows.size(); ++i) {
    for (size_t j = 0; j < map.columns.size(); ++j) out += HeatCellSvg(map, i, j, h);
  }
  if (h.labels) out += HeatLabelsSvg(map, h);
  return out + HeatLegendSvg(map, h) + "</svg>\n";
}

}  // namespace podium
