#include "engine/audit/data_claim.h"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "engine/base/csv_stream.h"
#include "engine/base/file_util.h"
#include "engine/base/number.h"
#include "engine/base/zip_archive.h"
#include "engine/ingest/located_json.h"

namespace podium {
namespace {

// "70.50" and "70.5" are the same number; the text is compared first so that
// a value that is not a number at all is still matched exactly.
bool SameNumber(const std::string& written, const std::string& claimed) {
  if (written == claimed) return true;
  std::optional<double> a = ParseFiniteDouble(written);
  std::optional<double> b = ParseFiniteDouble(claimed);
  return a && b && *a == *b;
}

ClaimCheck Problem(FindingKind kind, std::string message) { return {kind, std::move(message)}; }

class CsvFileIndex : public DataFileIndex {
 public:
  explicit CsvFileIndex(const SourceDocument& document) : path_(document.path) {
    Diagnostics diagnostics;
    CsvStream::ReadText(
        document.bytes, document.path, &diagnostics,
        [&](const CsvRecord& record) {
          std::vector<std::string> fields;
          for (size_t k = 0; k < record.size(); ++k) fields.emplace_back(record.field(k));
          if (header_.empty() && rows_.empty()) {
            header_ = std::move(fields);
            return;
          }
          const std::vector<Location> at = record.FieldLocations();
          for (size_t k = 0; k < fields.size() && k < header_.size(); ++k) {
            cells_[{at[k].line, header_[k]}] = {rows_.size(), k};
          }
          rows_.push_back(std::move(fields));
        },
        document.delimiter);
    if (diagnostics.has_errors()) {
      const Diagnostic& first = diagnostics.all().front();
      error_ = fmt::format("{}:{}:{}: {}", first.location.path, first.location.line,
                           first.location.column, first.message);
    }
  }

  ClaimCheck Check(const Claim& claim) const override {
    auto it = cells_.find({claim.line, claim.field});
    if (it == cells_.end()) {
      bool column = false;
      for (const std::string& name : header_) column = column || name == claim.field;
      std::string why = column ? fmt::format("no cell of column \"{}\" starts on line {}",
                                             claim.field, claim.line)
                               : fmt::format("{} has no column \"{}\"", path_, claim.field);
      if (!error_.empty()) why += fmt::format(" (the file does not parse: {})", error_);
      return Problem(FindingKind::kValueNotOnLine, why);
    }
    const std::vector<std::string>& row = rows_[it->second.first];
    const std::string& cell = row[it->second.second];
    if (!SameNumber(cell, claim.value_text)) {
      return Problem(
          FindingKind::kValueNotOnLine,
          fmt::format("column \"{}\" on line {} reads {}, the claim says {}", claim.field,
                      claim.line, cell.empty() ? "nothing" : cell, claim.value_text));
    }
    for (const std::string& field : row) {
      if (field == claim.model_as_written) return ClaimCheck::Verified();
    }
    return Problem(FindingKind::kRowLabelMismatch,
                   fmt::format("no cell of the row on line {} reads \"{}\"", claim.line,
                               claim.model_as_written));
  }

 private:
  std::string path_;
  std::string error_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
  std::map<std::pair<int, std::string>, std::pair<size_t, size_t>> cells_;
};

class JsonFileIndex : public DataFileIndex {
 public:
  // `names`: more text where the model may be named (HELM's run_spec.json).
  JsonFileIndex(std::string text, const std::string& shown, std::string names = "")
      : text_(text + names) {
    Diagnostics diagnostics;
    if (!json_.Parse(std::move(text), shown, &diagnostics)) {
      const Diagnostic& first = diagnostics.all().front();
      error_ = fmt::format("{}:{}:{}: {}", first.location.path, first.location.line,
                           first.location.column, first.message);
    }
  }

  ClaimCheck Check(const Claim& claim, const std::string& pointer) const {
    if (!error_.empty()) {
      return Problem(FindingKind::kValueNotOnLine, "the file does not parse: " + error_);
    }
    const Location at = json_.LocationOf(pointer);
    if (at.line == 0) {
      return Problem(FindingKind::kValueNotOnLine,
                     fmt::format("{} has no value at {}", json_.shown(), pointer));
    }
    if (at.line != claim.line) {
      return Problem(
          FindingKind::kValueNotOnLine,
          fmt::format("the value at {} is on line {}, not {}", pointer, at.line, claim.line));
    }
    const std::string written = json_.NumberText(pointer);
    if (!SameNumber(written, claim.value_text)) {
      return Problem(FindingKind::kValueNotOnLine,
                     fmt::format("the value at {} is {}, the claim says {}", pointer,
                                 written.empty() ? "not a number" : written, claim.value_text));
    }
    if (text_.find(claim.model_as_written) == std::string::npos) {
      return Problem(FindingKind::kModelNotNear,
                     fmt::format("{} does not name \"{}\"", json_.shown(), claim.model_as_written));
    }
    return ClaimCheck::Verified();
  }

  ClaimCheck Check(const Claim& claim) const override { return Check(claim, claim.field); }

 private:
  std::string text_;
  LocatedJson json_;
  std::string error_;
};

// JSON Lines (Every Eval Ever's .jsonl): one record a line; the pointer is
// within the record on the cited line.
class JsonLinesIndex : public DataFileIndex {
 public:
  explicit JsonLinesIndex(const SourceDocument& document) : document_(document) {}

  ClaimCheck Check(const Claim& claim) const override {
    if (claim.line < 1 || claim.line > static_cast<int>(document_.lines.size())) {
      return Problem(FindingKind::kLineOutOfRange,
                     fmt::format("{} has no line {}", document_.path, claim.line));
    }
    std::unique_ptr<JsonFileIndex>& record = records_[claim.line];
    if (record == nullptr) {
      record = std::make_unique<JsonFileIndex>(document_.lines[claim.line - 1],
                                               fmt::format("{}:{}", document_.path, claim.line));
    }
    Claim on_its_line = claim;
    on_its_line.line = 1;  // the record's own first line
    ClaimCheck check = record->Check(on_its_line, claim.field);
    if (check.problem && *check.problem == FindingKind::kModelNotNear) {
      // The model may be named anywhere in the file, as for a JSON document.
      if (document_.bytes.find(claim.model_as_written) != std::string::npos) return {};
    }
    return check;
  }

 private:
  const SourceDocument& document_;
  mutable std::map<int, std::unique_ptr<JsonFileIndex>> records_;
};

// An Inspect .eval log: `field` is "<member>#<pointer>"; each member is
// read and indexed as JSON on first use.
class ZipFileIndex : public DataFileIndex {
 public:
  explicit ZipFileIndex(const SourceDocument& document) : path_(document.path) {
    archive_ = ZipArchive::Open(document.file, &error_);
  }

  ClaimCheck Check(const Claim& claim) const override {
    const size_t hash = claim.field.find('#');
    if (hash == std::string::npos) {
      return Problem(FindingKind::kValueNotOnLine,
                     fmt::format("{} is a zip archive: the field must be <member>#<pointer>, "
                                 "not \"{}\"",
                                 path_, claim.field));
    }
    if (archive_ == nullptr) {
      return Problem(FindingKind::kValueNotOnLine, "the archive does not open: " + error_);
    }
    const std::string member = claim.field.substr(0, hash);
    std::unique_ptr<JsonFileIndex>& index = members_[member];
    if (index == nullptr) {
      std::string why;
      std::optional<std::string> text = archive_->Read(member, &why);
      if (!text) {
        return Problem(FindingKind::kValueNotOnLine,
                       fmt::format("{} has no readable member {}: {}", path_, member, why));
      }
      index = std::make_unique<JsonFileIndex>(std::move(*text), path_ + "#" + member);
    }
    return index->Check(claim, claim.field.substr(hash + 1));
  }

 private:
  std::string path_;
  std::string error_;
  std::unique_ptr<ZipArchive> archive_;
  mutable std::map<std::string, std::unique_ptr<JsonFileIndex>> members_;
};

}  // namespace

std::unique_ptr<DataFileIndex> IndexDataFile(const SourceDocument& document) {
  if (document.delimiter != 0) return std::make_unique<CsvFileIndex>(document);
  if (document.bytes.rfind(std::string("PK\x03\x04", 4), 0) == 0) {
    return std::make_unique<ZipFileIndex>(document);
  }
  if (document.file.size() > 6 &&
      document.file.compare(document.file.size() - 6, 6, ".jsonl") == 0) {
    return std::make_unique<JsonLinesIndex>(document);
  }
  // A HELM run names its model in run_spec.json, beside the stats.json its
  // numbers are in.
  std::string names;
  const std::filesystem::path file(document.file);
  if (file.filename() == "stats.json") {
    names = ReadFile((file.parent_path() / "run_spec.json").string()).value_or("");
  }
  return std::make_unique<JsonFileIndex>(document.bytes, document.path, std::move(names));
}

}  // namespace podium
