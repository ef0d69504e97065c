#include "engine/reporting/arena_fragility.h"

#include <fmt/format.h>

#include <cmath>

#include "engine/base/csv_write.h"
#include "engine/base/number.h"
#include "engine/base/option_names.h"
#include "engine/reporting/text_format.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// Lines listed per removed cell in Markdown before "… and N more".
constexpr size_t kLinesShown = 12;

std::string Percent(double fraction) { return FormatFixed(100 * fraction, 3) + "%"; }

// What the set must change, in words: "who is #1", "the top 3", "the
// order of A and B".
std::string TargetText(const ArenaResult& r) {
  const ArenaOptions& o = r.options;
  if (!o.pair_a.empty()) return fmt::format("the order of {} and {}", o.pair_a, o.pair_b);
  return o.top_k == 1 ? "who is #1" : fmt::format("the top {}", o.top_k);
}

const char* TargetName(const ArenaResult& r) {
  if (!r.options.pair_a.empty()) return NameOf(kDropTargetNames, DropTarget::kPair);
  return NameOf(kDropTargetNames, r.options.top_k == 1 ? DropTarget::kTop : DropTarget::kTopK);
}

// The winner of a removed cell's battles, or "tie".
std::string WinnerOf(const ArenaResult& r, const DroppedCell& c) {
  if (c.outcome == Outcome::kTie) return "tie";
  return r.models[c.outcome == Outcome::kWinA ? c.i : c.j];
}


std::vector<std::string> Names(const ArenaResult& r, const std::vector<int>& models) {
  std::vector<std::string> out;
  for (int m : models) out.push_back(r.models[m]);
  return out;
}

// The board's rating of each model (matrix order).
Eigen::VectorXd BoardRatings(const ArenaResult& r) {
  Eigen::VectorXd ratings = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(r.models.size()));
  for (const ArenaRow& row : r.rows) ratings(row.index) = row.rating;
  return ratings;
}

std::string DescribeLeaveOneOut(const ArenaResult& r) {
  const ArenaLeaveOneOut& loo = *r.loo;
  int disconnecting = 0, top_changes = 0;
  int top = -1;
  for (const ArenaRow& row : r.rows) {
    if (row.rank == 1 && top < 0) top = row.index;
  }
  for (const LeftOutGroup& g : loo.result.groups) {
    disconnecting += g.disconnects;
    top_changes += !g.disconnects && g.battles > 0 && g.top != top;
  }
  std::string out = fmt::format(
      "Leave one {0} out ({1} {0}): each of the {2} values of {0} is left out in turn and the "
      "board refitted; per model, the largest rating change and the largest rank change, and "
      "the {0} that caused each. Leaving one out changes #1 for {3} of the {2}.",
      loo.by, OptionName("loo"), loo.groups.size(), top_changes);
  if (disconnecting > 0) {
    out += fmt::format(" {} {}s split the comparison graph when left out and were skipped.",
                       disconnecting, loo.by);
  }
  return out;
}

Json RobustnessJson(const ArenaResult& r, const std::string& battles_file) {
  const ArenaRobustness& rob = *r.robustness;
  const VoteDropResult& d = rob.drop;
  Json battles = Json::array();
  for (size_t k = 0; k < d.cells.size(); ++k) {
    for (int64_t line : rob.lines[k]) {
      battles.push_back({{"file", battles_file},
                         {"line", line},
                         {"model_a", r.models[d.cells[k].i]},
                         {"model_b", r.models[d.cells[k].j]},
                         {"winner", WinnerOf(r, d.cells[k])}});
    }
  }
  Json after = Json::array();
  if (d.flipped) {
    for (const ArenaRow& row : r.rows) {
      after.push_back({{"model", row.model},
                       {"rating", JsonNumber(rob.ratings_after(row.index))},
                       {"rank", rob.ranks_after[row.index] > 0 ? Json(rob.ranks_after[row.index])
                                                               : Json(nullptr)}});
    }
  }
  return {{"target", TargetName(r)},
          {"top_k", r.options.pair_a.empty() ? Json(r.options.top_k) : Json(nullptr)},
          {"pair", r.options.pair_a.empty() ? Json(nullptr)
                                            : Json::array({r.options.pair_a, r.options.pair_b})},
          {"max_drop", JsonNumber(r.options.max_drop)},
          {"max_battles", d.max_drop},
          {"battles_total", d.battles},
          {"flipped", d.flipped},
          {"dropped", d.dropped},
          {"fraction", JsonNumber(d.fraction())},
          {"approximation", d.approximation > 0 ? Json(d.approximation) : Json(nullptr)},
          {"exhaustive", d.exhaustive},
          {"refits", d.refits},
          {"ahead", d.ahead >= 0 ? Json(r.models[d.ahead]) : Json(nullptr)},
          {"behind", d.behind >= 0 ? Json(r.models[d.behind]) : Json(nullptr)},
          {"top_before", Names(r, d.top_before)},
          {"top_after", Names(r, d.top_after)},
          {"text", DescribeRobustness(r)},
          {"battles", std::move(battles)},
          {"board_after", std::move(after)}};
}

Json LeaveOneOutJson(const ArenaResult& r) {
  const ArenaLeaveOneOut& loo = *r.loo;
  const LeaveOneOutResult& res = loo.result;
  const auto group = [&](int g) { return g >= 0 ? Json(loo.groups[g]) : Json(nullptr); };
  Json groups = Json::array();
  for (size_t g = 0; g < res.groups.size(); ++g) {
    groups.push_back({{"group", loo.groups[g]},
                      {"battles", res.groups[g].battles},
                      {"disconnects", res.groups[g].disconnects},
                      {"top", res.groups[g].top >= 0 ? Json(r.models[res.groups[g].top])
                                                     : Json(nullptr)}});
  }
  Json models = Json::array();
  for (const ArenaRow& row : r.rows) {
    const LeaveOneOutModel& m = res.models[row.index];
    models.push_back({{"model", row.model},
                      {"rank", row.rank > 0 ? Json(row.rank) : Json(nullptr)},
                      {"rating", JsonNumber(row.rating)},
                      {"largest_rating_change",
                       m.rating_group >= 0 ? JsonNumber(m.rating_change) : Json(nullptr)},
                      {"rating_change_group", group(m.rating_group)},
                      {"largest_rank_change", m.rank_change},
                      {"rank_change_group", group(m.rank_group)},
                      {"absent_in", m.absent_in}});
  }
  return {{"by", loo.by},
          {"text", DescribeLeaveOneOut(r)},
          {"groups", std::move(groups)},
          {"models", std::move(models)}};
}

std::string SignedFixed(double v, int decimals) {
  return (v > 0 ? "+" : "") + FormatFixed(v, decimals);
}

}  // namespace

std::string DescribeRobustness(const ArenaResult& r) {
  const ArenaRobustness& rob = *r.robustness;
  const VoteDropResult& d = rob.drop;
  const std::string target = TargetText(r);
  if (!d.flipped) {
    return fmt::format(
        "No set of at most {} battles ({} of {}, {} {}) that the search tried changes {}{}.",
        d.max_drop, Percent(r.options.max_drop), d.battles, OptionName("max_drop"),
        fmt::format("{:g}", r.options.max_drop), target,
        d.exhaustive ? "; none exists (every such set was refitted)"
                     : ": each candidate set proposed by the influence approximation was "
                       "refitted and none flipped it");
  }
  const Eigen::VectorXd board = BoardRatings(r);
  std::string out = fmt::format(
      "Removing {} of {} battles ({}) changes {}: refitted without them, {} rates ahead of {} "
      "({} vs {}; on the full board {} vs {}).",
      d.dropped, d.battles, Percent(d.fraction()), target, r.models[d.behind], r.models[d.ahead],
      FormatFixed(rob.ratings_after(d.behind), 2), FormatFixed(rob.ratings_after(d.ahead), 2),
      FormatFixed(board(d.behind), 2), FormatFixed(board(d.ahead), 2));
  out += d.approximation > 0
             ? fmt::format(" The influence approximation proposed {} battles; every count was "
                           "checked by refitting ({} refits).",
                           d.approximation, d.refits)
             : fmt::format(" Every count was checked by refitting ({} refits).", d.refits);
  if (d.exhaustive) out += " No smaller set exists: every smaller one was refitted.";
  return out;
}

std::string FragilityMarkdown(const ArenaResult& r, const std::string& battles_file) {
  if (!r.robustness && !r.loo) return "";
  std::string out = "\n## How fragile is this board\n\n";
  if (r.robustness) {
    const ArenaRobustness& rob = *r.robustness;
    const VoteDropResult& d = rob.drop;
    out += DescribeRobustness(r) + "\n";
    if (d.flipped) {
      out += fmt::format("\nThe battles removed (lines of `{}`):\n\n", battles_file);
      out += "| Model A | Model B | Winner | Battles | Lines |\n|---|---|---|---:|---|\n";
      for (size_t k = 0; k < d.cells.size(); ++k) {
        const DroppedCell& c = d.cells[k];
        std::string lines;
        for (size_t l = 0; l < rob.lines[k].size() && l < kLinesShown; ++l) {
          lines += (l ? ", " : "") + std::to_string(rob.lines[k][l]);
        }
        if (rob.lines[k].size() > kLinesShown) {
          lines += fmt::format(", … and {} more", rob.lines[k].size() - kLinesShown);
        }
        out += fmt::format("| {} | {} | {} | {} | {} |\n", MarkdownCell(r.models[c.i]),
                           MarkdownCell(r.models[c.j]), MarkdownCell(WinnerOf(r, c)), c.count,
                           lines);
      }
      if (!d.top_before.empty()) {
        out += fmt::format("\nTop {} before: {}; after: {}.\n", d.top_before.size(),
                           fmt::join(Names(r, d.top_before), ", "),
                           fmt::join(Names(r, d.top_after), ", "));
      }
    }
  }
  if (r.loo) {
    const ArenaLeaveOneOut& loo = *r.loo;
    const LeaveOneOutResult& res = loo.result;
    out += (r.robustness ? "\n" : "") + DescribeLeaveOneOut(r) + "\n\n";
    out += fmt::format(
        "| Rank | Model | Rating | Largest rating change | Left out | Largest rank change | "
        "Left out |\n|---:|---|---:|---:|---|---:|---|\n");
    for (const ArenaRow& row : r.rows) {
      const LeaveOneOutModel& m = res.models[row.index];
      out += fmt::format(
          "| {} | {} | {} | {} | {} | {} | {} |\n", row.rank > 0 ? std::to_string(row.rank) : "—",
          MarkdownCell(row.model), FormatFixed(row.rating, 1),
          m.rating_group >= 0 ? SignedFixed(m.rating_change, 1) : "—",
          m.rating_group >= 0 ? MarkdownCell(loo.groups[m.rating_group]) : "—",
          m.rank_group >= 0 ? SignedFixed(m.rank_change, 0) : "0",
          m.rank_group >= 0 ? MarkdownCell(loo.groups[m.rank_group]) : "—");
    }
    out += fmt::format("\nA positive rank change is a worse rank. Per {}: battles, and #1 "
                       "without it:\n\n| {} | Battles | #1 without it |\n|---|---:|---|\n",
                       loo.by, loo.by);
    for (size_t g = 0; g < res.groups.size(); ++g) {
      const LeftOutGroup& group = res.groups[g];
      out += fmt::format("| {} | {} | {} |\n", MarkdownCell(loo.groups[g]), group.battles,
                         group.disconnects ? "— (splits the graph)"
                         : group.top >= 0  ? MarkdownCell(r.models[group.top])
                                           : "—");
    }
  }
  return out;
}

Json FragilityJson(const ArenaResult& r, const std::string& battles_file) {
  return {{"robustness", r.robustness ? RobustnessJson(r, battles_file) : Json(nullptr)},
          {"leave_one_out", r.loo ? LeaveOneOutJson(r) : Json(nullptr)}};
}

std::string DroppedBattlesCsv(const ArenaResult& r, const std::string& battles_file) {
  std::string out = CsvLine({"file", "line", "model_a", "model_b", "winner"});
  if (!r.robustness) return out;
  const ArenaRobustness& rob = *r.robustness;
  for (size_t k = 0; k < rob.drop.cells.size(); ++k) {
    const DroppedCell& c = rob.drop.cells[k];
    for (int64_t line : rob.lines[k]) {
      out += CsvLine({battles_file, std::to_string(line), r.models[c.i], r.models[c.j],
                      WinnerOf(r, c)});
    }
  }
  return out;
}

std::vector<std::string> FragilityCsvHeader(const ArenaResult& r) {
  std::vector<std::string> header;
  if (r.robustness) header.insert(header.end(), {"rating_after_drop", "rank_after_drop"});
  if (r.loo) {
    header.insert(header.end(), {"loo_rating_change", "loo_rating_group", "loo_rank_change",
                                 "loo_rank_group"});
  }
  return header;
}

std::vector<std::string> FragilityCsvFields(const ArenaResult& r, int index) {
  std::vector<std::string> fields;
  if (r.robustness) {
    const ArenaRobustness& rob = *r.robustness;
    const bool after = rob.drop.flipped;
    fields.push_back(after ? JsonNumber(rob.ratings_after(index)).dump() : "");
    fields.push_back(after && rob.ranks_after[index] > 0 ? std::to_string(rob.ranks_after[index])
                                                         : "");
  }
  if (r.loo) {
    const LeaveOneOutModel& m = r.loo->result.models[index];
    fields.push_back(m.rating_group >= 0 ? JsonNumber(m.rating_change).dump() : "");
    fields.push_back(m.rating_group >= 0 ? r.loo->groups[m.rating_group] : "");
    fields.push_back(std::to_string(m.rank_change));
    fields.push_back(m.rank_group >= 0 ? r.loo->groups[m.rank_group] : "");
  }
  return fields;
}

}  // namespace podium
