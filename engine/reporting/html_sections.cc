#include "engine/reporting/html_sections.h"

namespace podium {
namespace {

struct SchemaRenderer {
  std::string_view schema;
  HtmlSectionRenderer render;
};

// Every schema with an HTML view. A new report schema gets its renderer by a
// line here.
constexpr SchemaRenderer kRenderers[] = {
    {"podium.leaderboard/1", LeaderboardHtmlSection},
    {"podium.arena/1", ArenaHtmlSection},
    {"podium.netwin/1", NetWinHtmlSection},
    {"podium.h2h/1", H2HHtmlSection},
    {"podium.robustness/1", RobustnessHtmlSection},
};

}  // namespace

HtmlSectionRenderer FindHtmlSectionRenderer(std::string_view schema) {
  for (const SchemaRenderer& r : kRenderers) {
    if (r.schema == schema) return r.render;
  }
  return nullptr;
}

}  // namespace podium
