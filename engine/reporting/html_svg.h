// The charts of the HTML report, as inline SVG written here (no library, no
// script): a forest plot of estimates and their intervals, and a diverging
// heat map of win probabilities. Each function returns a complete <svg>
// element, or "" when there is nothing to draw.
//
// Coordinates are in px, rounded to 0.1 px and printed without trailing zeros
// ("180", "180.5"). Text widths are estimated, as there are no font metrics
// without a browser: 7 px per ASCII character and 12 px per other character
// at 12 px (CJK glyphs are about square); a label too long for its column is
// cut at a character boundary and ends with "…". Every mark carries a hover
// <title>. Output is a pure function of the input.
#ifndef PODIUM_ENGINE_REPORTING_HTML_SVG_H_
#define PODIUM_ENGINE_REPORTING_HTML_SVG_H_

#include <limits>
#include <string>
#include <vector>

namespace podium {

// A linear axis whose ticks are 1, 2 or 5 times a power of ten apart and whose
// ends are ticks covering [min, max].
struct Axis {
  double low = 0;             // left end, the first tick
  double high = 1;            // right end, the last tick
  double step = 0.2;          // distance between ticks
  int decimals = 1;           // digits after the point in tick labels
  std::vector<double> ticks;  // low, low + step, ..., high
};

// The axis with the smallest nice step that covers [min, max] in at most
// `max_ticks` - 1 steps (before rounding the ends out to ticks, so up to
// max_ticks + 1 ticks). min == max is widened by 10% of |min| (or 1 at zero)
// on each side; NaN or infinite ends, or min > max, give [0, 1].
// Example: NiceAxis(10, 90) = [0, 100] with step 20.
Axis NiceAxis(double min, double max, int max_ticks = 6);

// One row of a forest plot.
struct ForestRow {
  std::string label;  // shown left of the row (shortened with "…" to fit)
  double point = std::numeric_limits<double>::quiet_NaN();  // the estimate; NaN = no mark
  double low = std::numeric_limits<double>::quiet_NaN();    // interval; NaN = no line
  double high = std::numeric_limits<double>::quiet_NaN();
  std::string title;  // hover text of the mark; empty = "label: point [low, high]"
};

struct ForestPlotOptions {
  int decimals = 2;  // digits of the numbers in the default hover text
  // A vertical reference line at this value (0 for differences); NaN = none.
  double reference = std::numeric_limits<double>::quiet_NaN();
  std::string axis_label;   // text under the x axis; empty = none
  double label_width = 0;   // px left of the plot for the labels; 0 = from the
                            // longest label (7 px per ASCII character, 12 px
                            // per other character, clamped to 60–260)
  double plot_width = 480;  // px from the axis' low end to its high end
  double row_height = 0;    // px per row; 0 = 20 up to 60 rows, else 12
};

// An inline <svg> forest plot: per row (top to bottom, in order) a
// <circle class="point"> at the estimate and, when both ends are finite, a
// <line class="interval"> from low to high; the labels at the left; an x axis
// with ticks and labels. Geometry, in px: the axis is NiceAxis over every
// finite point, interval end and the reference; x(v) = label_width +
// plot_width · (v − axis.low) / (axis.high − axis.low); row k is centred at
// y = 8 + row_height · (k + 0.5). Coordinates are rounded to 0.1 px and
// printed without trailing zeros ("180", "180.5"). Returns "" when no row has
// a finite point.
std::string ForestPlotSvg(const std::vector<ForestRow>& rows, const ForestPlotOptions& options);

// The fill of probability `p` on a diverging scale: white (#ffffff) at 0.5,
// linear in sRGB to red #b2182b at 1 and to blue #2166ac at 0, each channel
// rounded half away from zero; p is clamped to [0, 1]. Returns "#rrggbb";
// NaN gives light grey "#eeeeee". Example: DivergingColor(0.75) = "#d98c95".
std::string DivergingColor(double p);

// A matrix of probabilities for HeatMapSvg.
struct HeatMap {
  std::vector<std::string> rows;            // labels, top to bottom
  std::vector<std::string> columns;         // labels, left to right
  std::vector<std::vector<double>> values;  // [row][column] in [0, 1]; NaN = no cell
  // [row][column] hover text; missing or empty = "row vs column: value".
  std::vector<std::vector<std::string>> titles;
  std::string legend = "P(row beats column)";  // what the colour means
  // The values' range: low is blue, the middle white, high red (the legend
  // is labelled low, middle, high). Kendall's tau uses [-1, 1].
  double low = 0, high = 1;
};

// An inline <svg> heat map: one <rect class="cell"> per finite value, filled
// with DivergingColor((value − low) / (high − low)) and holding a <title>;
// the value printed in the cell (2 decimals) when there are at most 20 rows
// and 20 columns; a colour legend below. Cells are square, side =
// clamp(floor(720 / max(rows, columns)), 4, 36) px; the row and column labels
// (columns slanted at 45°, upright below 20 px) are drawn only when the side
// is at least 9 px, else the names are in the hover titles only.
// Returns "" for an empty matrix.
std::string HeatMapSvg(const HeatMap& map);

// A point of a calibration (reliability) plot.
struct CalibrationPoint {
  double predicted = 0;  // x, in [0, 1]
  double observed = 0;   // y, in [0, 1]
  double weight = 0;     // circle area is proportional to it
  std::string title;     // hover text
};

// An inline <svg> calibration plot, 300 x 300 px of plot: predicted (x)
// against observed (y), both from 0 to 1 with ticks every 0.2, the diagonal
// (perfect calibration) dashed, one <circle class="point"> per finite point
// (radius 3 to 12 px by the square root of its share of the largest weight)
// with its title. Returns "" when no point is finite.
std::string CalibrationPlotSvg(const std::vector<CalibrationPoint>& points,
                               const std::string& x_label, const std::string& y_label);

}  // namespace podium

#endif  // PODIUM_ENGINE_REPORTING_HTML_SVG_H_
