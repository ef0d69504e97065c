#include "engine/ingest/claims.h"

#include <fmt/format.h>

#include <unordered_map>

#include "engine/base/number.h"
#include "engine/base/csv_table.h"

namespace podium {
namespace {

enum Column {
  kClaimId,
  kModel,
  kBenchmark,
  kValue,
  kUnit,
  kMetric,
  kSetting,
  kSource,
  kLine,
  kModelAsWritten,
  kBenchmarkAsWritten,
  kKind,
  kNotes,
  kStderr,
  kN,
  kCiLow,
  kCiHigh,
  kField,
};

const std::vector<CsvColumn>& ClaimColumns() {
  static const std::vector<CsvColumn> columns = {
      {"claim_id"},
      {"model"},
      {"benchmark"},
      {"value"},
      {"unit"},
      {"metric"},
      {"setting"},
      {"source"},
      {"line"},
      {"model_as_written"},
      {"benchmark_as_written"},
      {"kind"},
      {"notes"},
      {"stderr", false},
      {"n", false},
      {"ci_low", false},
      {"ci_high", false},
      {"field", false},
  };
  return columns;
}

// Parses an optional finite number; reports and returns false when malformed.
bool ParseOptional(const CsvTable& table, const CsvRow& row, int column, std::optional<double>* out,
                   Diagnostics* diagnostics) {
  const std::string& text = row.fields[column];
  if (text.empty()) return true;
  *out = ParseFiniteDouble(text);
  if (*out) return true;
  diagnostics->Error(table.At(row, column), table.columns[column].name, text,
                     fmt::format("\"{}\" is not a finite number", text));
  return false;
}

// Checks one row and fills `claim`; returns false if any field is bad.
// Long on purpose: every field of a claim row checked in column order, each
// problem reported at its cell, so one read of the function is one read of
// the format (docs/formats.md).
bool ParseClaimRow(const CsvTable& table, const CsvRow& row, const Registry& registry, Claim* claim,
                   Diagnostics* diagnostics) {
  const int errors_before = diagnostics->error_count();
  auto error = [&](int column, const std::string& message) {
    diagnostics->Error(table.At(row, column), table.columns[column].name, row.fields[column],
                       message);
  };
  const auto& f = row.fields;
  claim->id = f[kClaimId];
  if (claim->id.empty()) error(kClaimId, "must not be empty");

  if (auto id = registry.ResolveModel(f[kModel])) {
    claim->model = *id;
  } else {
    error(kModel, fmt::format("unknown model \"{}\" (not an id or alias in models.csv){}",
                              f[kModel], registry.SuggestModel(f[kModel])));
  }
  if (auto id = registry.ResolveBenchmark(f[kBenchmark])) {
    claim->benchmark = *id;
  } else {
    error(kBenchmark,
          fmt::format("unknown benchmark \"{}\" (not an id or alias in benchmarks.csv){}",
                      f[kBenchmark], registry.SuggestBenchmark(f[kBenchmark])));
  }
  claim->value_text = f[kValue];
  if (auto value = ParseFiniteDouble(f[kValue])) {
    claim->value = *value;
  } else {
    error(kValue, fmt::format("\"{}\" is not a finite number", f[kValue]));
  }
  claim->source = f[kSource];
  if (registry.FindSource(f[kSource]) == nullptr) {
    error(kSource, fmt::format("unknown source \"{}\" (not an id in sources.csv)", f[kSource]));
  }
  if (auto line = ParsePositiveInteger(f[kLine]); line && *line <= 1'000'000'000) {
    claim->line = static_cast<int>(*line);
  } else {
    error(kLine, fmt::format("\"{}\" is not a positive integer line number", f[kLine]));
  }
  if (f[kKind] == "table") {
    claim->kind = ClaimKind::kTable;
  } else if (f[kKind] == "prose") {
    claim->kind = ClaimKind::kProse;
  } else if (f[kKind] == "data") {
    claim->kind = ClaimKind::kData;
  } else {
    error(kKind, fmt::format("\"{}\" is not 'table', 'prose' or 'data'", f[kKind]));
  }
  claim->field = f[kField];
  if (claim->kind == ClaimKind::kData && claim->field.empty()) {
    error(kField, "a data claim names the field its value is in (column or JSON Pointer)");
  }
  claim->unit = f[kUnit];
  claim->metric = f[kMetric];
  claim->setting = f[kSetting];
  claim->model_as_written = f[kModelAsWritten];
  claim->benchmark_as_written = f[kBenchmarkAsWritten];
  claim->notes = f[kNotes];

  ParseOptional(table, row, kStderr, &claim->stderr_, diagnostics);
  if (claim->stderr_ && *claim->stderr_ < 0) error(kStderr, "must not be negative");
  if (!f[kN].empty()) {
    claim->n = ParsePositiveInteger(f[kN]);
    if (!claim->n) error(kN, fmt::format("\"{}\" is not a positive integer", f[kN]));
  }
  const bool low_ok = ParseOptional(table, row, kCiLow, &claim->ci_low, diagnostics);
  const bool high_ok = ParseOptional(table, row, kCiHigh, &claim->ci_high, diagnostics);
  if (low_ok && high_ok) {
    if (claim->ci_low.has_value() != claim->ci_high.has_value()) {
      error(claim->ci_low ? kCiHigh : kCiLow, "ci_low and ci_high come together");
    } else if (claim->ci_low && *claim->ci_low > *claim->ci_high) {
      error(kCiHigh, fmt::format("ci_high {} is below ci_low {}", f[kCiHigh], f[kCiLow]));
    }
  }
  claim->origin = table.At(row, kValue);
  return diagnostics->error_count() == errors_before;
}

}  // namespace

ClaimIndex IndexClaims(const std::vector<Claim>& claims) {
  ClaimIndex index;
  for (const Claim& c : claims) index.emplace(c.id, &c);
  return index;
}

ClaimIndex IndexClaims(const std::vector<Claim>* claims) {
  return claims == nullptr ? ClaimIndex() : IndexClaims(*claims);
}

const char* ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kTable:
      return "table";
    case ClaimKind::kProse:
      return "prose";
    case ClaimKind::kData:
      return "data";
  }
  return "table";
}

void ReadClaimsFile(const std::string& path, const std::string& display_path,
                    const Registry& registry, std::vector<Claim>* claims,
                    Diagnostics* diagnostics) {
  CsvTable table = ReadCsvTable(path, ClaimColumns(), diagnostics, display_path);
  std::unordered_map<std::string, size_t> seen;  // claim id -> index in *claims
  for (size_t i = 0; i < claims->size(); ++i) seen.emplace((*claims)[i].id, i);
  for (const CsvRow& row : table.rows) {
    Claim claim;
    if (!ParseClaimRow(table, row, registry, &claim, diagnostics)) continue;
    auto [it, inserted] = seen.emplace(claim.id, claims->size());
    if (!inserted) {
      const Location& first = (*claims)[it->second].origin;
      diagnostics->Error(table.At(row, kClaimId), "claim_id", claim.id,
                         fmt::format("duplicate claim id \"{}\" (first at {}:{})", claim.id,
                                     first.path, first.line));
      continue;
    }
    claim.order = static_cast<int>(claims->size());
    claims->push_back(std::move(claim));
  }
}

}  // namespace podium
