// Statements of the source documents about pairs of models ("A scored only
// slightly lower than B on HumanEval"), as listed in the "statements" arrays
// of datasets/reports.json (docs/formats.md), to be checked against the
// documents' numbers (engine/inference/head_to_head.h).
#ifndef PODIUM_ENGINE_INGEST_STATEMENTS_H_
#define PODIUM_ENGINE_INGEST_STATEMENTS_H_

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"

namespace podium {

// A document's own claim that one model is better than, worse than or
// similar to another on some benchmarks (e.g. "Ministral 8B scored only
// slightly lower than Llama 3.1 8B on HumanEval"), to be checked against the
// noise in the published numbers.
struct DocumentStatement {
  std::string first, second;  // canonical ids; `says` is about `first` vs `second`
  std::string says;           // "a_better" (first better), "b_better", "similar"
  std::vector<std::string> benchmarks;
  std::string source;  // source id
  int line = 0;
  std::string quote;    // as written in the document
  std::string english;  // a translation
};

// One entry of a "statements" array. Throws std::exception (nlohmann's or
// std::invalid_argument) when malformed.
DocumentStatement ParseStatement(const nlohmann::ordered_json& statement);

// The statements of the entry named `name` of the reports.json at `path`
// (shown as `shown`). Entries that are not objects with that name are
// skipped (regenerate reports what is wrong with them); a malformed
// statement is an error at `shown`. nullopt when no entry has that name (the
// caller says which option named it) or the file cannot be read.
std::optional<std::vector<DocumentStatement>> ReadStatements(const std::string& path,
                                                             const std::string& shown,
                                                             const std::string& name,
                                                             Diagnostics* diagnostics);

}  // namespace podium

#endif  // PODIUM_ENGINE_INGEST_STATEMENTS_H_
