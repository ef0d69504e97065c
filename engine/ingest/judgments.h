// Readers of pairwise human judgments: individual judgments (prompt, rater,
// model_a, model_b, preference) and net win rates as documents report them.
#ifndef PODIUM_ENGINE_INGEST_JUDGMENTS_H_
#define PODIUM_ENGINE_INGEST_JUDGMENTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

struct Judgment {
  std::string prompt, rater, model_a, model_b;
  int preference = 0;  // +1 A preferred, 0 tie, -1 B preferred
};

// Reads prompt,rater,model_a,model_b,preference; a preference outside
// {+1, 0, -1} (also "1", "-1") or a model judged against itself is an error.
std::vector<Judgment> ReadJudgments(const std::string& path, const std::string& shown,
                                    Diagnostics* diagnostics);

// A reported net win rate (a claim of a document), in [-100, 100].
struct ReportedNetWinRate {
  std::string claim_id, model_a, model_b, task, value_text, source;
  int line = 0;  // the line of the source document; 0 when not a positive integer
  double nwr = 0;
};

struct ReportedNetWinRates {
  std::vector<ReportedNetWinRate> rates;
  int64_t rows = 0;  // data rows read, the rejected ones included
};

// Reads claim_id,model_a,model_b,task,net_win_rate,source,line (optional:
// model_a_as_written, model_b_as_written, task_as_written, notes); a rate
// that is not a number in [-100, 100] is an error at its cell.
ReportedNetWinRates ReadReportedNetWinRates(const std::string& path, const std::string& shown,
                                            Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_JUDGMENTS_H_
