#include "engine/reporting/html_report.h"

#include "engine/reporting/html_json.h"

namespace podium {

std::string ReportHtml(const nlohmann::ordered_json& report) {
  return HtmlPage(ReportTitle(report, "podium report"), "", {HtmlSection(report, "report")});
}

}  // namespace podium
