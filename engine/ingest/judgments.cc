#include "engine/ingest/judgments.h"

#include <fmt/format.h>

#include "engine/base/number.h"
#include "engine/base/csv_table.h"

namespace podium {

std::vector<Judgment> ReadJudgments(const std::string& path, const std::string& shown,
                                    Diagnostics* diagnostics) {
  enum { kPrompt, kRater, kA, kB, kPreference };
  CsvTable table = ReadCsvTable(
      path, {{"prompt"}, {"rater"}, {"model_a"}, {"model_b"}, {"preference"}}, diagnostics, shown);
  std::vector<Judgment> out;
  for (const CsvRow& row : table.rows) {
    const auto& f = row.fields;
    int preference = 0;
    if (f[kPreference] == "+1" || f[kPreference] == "1") {
      preference = 1;
    } else if (f[kPreference] == "-1") {
      preference = -1;
    } else if (f[kPreference] != "0") {
      diagnostics->Error(table.At(row, kPreference), "preference", f[kPreference],
                         fmt::format("\"{}\" is not +1, 0 or -1", f[kPreference]));
      continue;
    }
    if (f[kA].empty() || f[kB].empty() || f[kA] == f[kB]) {
      diagnostics->Error(
          table.At(row, kB), "model_b", f[kB],
          f[kA].empty() || f[kB].empty() ? "model name is empty" : "a model judged against itself");
      continue;
    }
    out.push_back({f[kPrompt], f[kRater], f[kA], f[kB], preference});
  }
  return out;
}

ReportedNetWinRates ReadReportedNetWinRates(const std::string& path, const std::string& shown,
                                            Diagnostics* diagnostics) {
  enum { kClaim, kA, kB, kTask, kRate, kSource, kLine };
  const CsvTable table = ReadCsvTable(path,
                                      {{"claim_id"},
                                       {"model_a"},
                                       {"model_b"},
                                       {"task"},
                                       {"net_win_rate"},
                                       {"source"},
                                       {"line"},
                                       {"model_a_as_written", false},
                                       {"model_b_as_written", false},
                                       {"task_as_written", false},
                                       {"notes", false}},
                                      diagnostics, shown);
  ReportedNetWinRates out;
  out.rows = static_cast<int64_t>(table.rows.size());
  for (const CsvRow& row : table.rows) {
    const auto& f = row.fields;
    const std::optional<double> nwr = ParseFiniteDouble(f[kRate]);
    const std::optional<long long> line = ParsePositiveInteger(f[kLine]);
    if (!nwr || *nwr < -100 || *nwr > 100) {
      diagnostics->Error(table.At(row, kRate), "net_win_rate", f[kRate],
                         fmt::format("\"{}\" is not a net win rate in [-100, 100]", f[kRate]));
      continue;
    }
    out.rates.push_back({f[kClaim], f[kA], f[kB], f[kTask], f[kRate], f[kSource],
                         line ? static_cast<int>(*line) : 0, *nwr});
  }
  return out;
}

}  // namespace podium
