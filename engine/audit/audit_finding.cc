#include "engine/audit/audit_finding.h"

namespace podium {

bool IsAuditError(FindingKind kind) { return kind <= FindingKind::kModelNotNear; }

bool IsAuditWarning(FindingKind kind) { return kind == FindingKind::kUndecided; }

const char* FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kDocumentMissing:
      return "document_missing";
    case FindingKind::kDigestMismatch:
      return "digest_mismatch";
    case FindingKind::kLineOutOfRange:
      return "line_out_of_range";
    case FindingKind::kValueNotOnLine:
      return "value_not_on_line";
    case FindingKind::kWrongCell:
      return "wrong_cell";
    case FindingKind::kRowLabelMismatch:
      return "row_label_mismatch";
    case FindingKind::kWrongNumber:
      return "wrong_number";
    case FindingKind::kOtherBenchmark:
      return "other_benchmark";
    case FindingKind::kBenchmarkNotNear:
      return "benchmark_not_near";
    case FindingKind::kNumberCitedTwice:
      return "number_cited_twice";
    case FindingKind::kModelNotNear:
      return "model_not_near";
    case FindingKind::kUndecided:
      return "undecided";
    case FindingKind::kConflict:
      return "conflict";
    case FindingKind::kDuplicate:
      return "duplicate";
    case FindingKind::kAverageChecked:
      return "average_checked";
    case FindingKind::kAverageMismatch:
      return "average_mismatch";
    case FindingKind::kOrderMismatch:
      return "order_mismatch";
    case FindingKind::kUncitedNumber:
      return "uncited_number";
  }
  return "unknown";
}

}  // namespace podium
