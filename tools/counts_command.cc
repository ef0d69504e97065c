#include "tools/counts_command.h"

#include <fmt/format.h>

#include "engine/base/option_names.h"
#include "engine/reporting/pair_counts_csv.h"
#include "tools/battle_options.h"
#include "tools/command_options.h"

namespace podium {
namespace {

struct CountsRequest {
  std::string battles;
  std::string by;  // "category": one row per (category, pair); "" = per pair
  BattleReadFlags read;
  OutputOptions output;
};

void AddCountsOptions(CLI::App* c, CountsRequest* r) {
  c->add_option("battles", r->battles,
                "Battles, in any form podium arena reads (pair counts too: rows of a pair add "
                "up)")
      ->required();
  c->add_option("--by", r->by,
                "category: one row per category and pair, the category first (the battles' "
                "`category` field)")
      ->check(CLI::IsMember({"category"}));
  AddBattleLayoutOptions(c, &r->read);
  AddVoteCleaningOptions(c, &r->read);
  AddOutputOptions(c, &r->output, {"csv"}, false);
}

std::optional<std::string> RenderCounts(const CountsRequest& r, const std::string&,
                                        Session& session, Diagnostics* diagnostics) {
  std::optional<BattleReadOptions> read = BattleReadOptionsOf(r.read, diagnostics);
  if (!read) return std::nullopt;
  read->group_by = r.by;
  // The reader names group_by's flag by arena's --loo; here it is --by.
  std::map<std::string, std::string, std::less<>> spelling = CommandLineSpelling();
  spelling["loo"] = "--by";
  SetOptionSpelling(std::move(spelling));
  const std::optional<BattleData> data =
      ReadBattlesLogged(r.battles, *read, session.log, diagnostics);
  if (!data) return std::nullopt;
  std::string csv = PairCountsCsv(*data, !r.by.empty());
  session.log.Note(
      fmt::format("counts: {} battles of {} models", data->battles, data->models.size()));
  return csv;
}

}  // namespace

Command CountsCommand() {
  return ReportCommand("counts",
                       "Write battles as pair counts (model_a,model_b,wins_a,wins_b,ties; "
                       "per category with --by category)",
                       AddCountsOptions, RenderCounts);
}

}  // namespace podium
