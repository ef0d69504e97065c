#include "engine/check/folder_check.h"

#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "engine/base/file_util.h"
#include "engine/base/json_file.h"

namespace podium {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

void CompareFiles(const std::string& name, const std::string& baseline, const std::string& current,
                  const CheckOptions& options, std::vector<CheckedReport>* reports,
                  Diagnostics* diagnostics) {
  const std::optional<Json> b = ReadJsonFile(baseline, baseline, diagnostics);
  const std::optional<Json> c = ReadJsonFile(current, current, diagnostics);
  if (!b || !c) return;
  CheckedReport report{name, "compared", {}};
  report.comparison.name = name;
  std::string error;
  if (!CompareReports(*b, *c, options, &report.comparison, &error)) {
    diagnostics->Error(Location{current}, "", "", error);
    return;
  }
  reports->push_back(std::move(report));
}

std::set<std::string> JsonFiles(const std::string& dir, Diagnostics* diagnostics) {
  std::set<std::string> names;
  std::error_code error;
  for (fs::directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".json") {
      names.insert(it->path().filename().string());
    }
  }
  if (error) diagnostics->Error(Location{dir}, "", "", "cannot list folder: " + error.message());
  return names;
}

// A report only one folder has: one change, and it fails.
CheckedReport OnlyInOne(const std::string& name, const char* status) {
  CheckedReport report{name, status, {}};
  report.comparison.name = name;
  report.comparison.changed = report.comparison.failures = 1;
  return report;
}

void CompareFolders(const std::string& baseline, const std::string& current,
                    const CheckOptions& options, std::vector<CheckedReport>* reports,
                    Diagnostics* diagnostics) {
  const std::set<std::string> before = JsonFiles(baseline, diagnostics),
                              after = JsonFiles(current, diagnostics);
  std::set<std::string> all = before;
  all.insert(after.begin(), after.end());
  for (const std::string& name : all) {
    if (before.count(name) == 0 || after.count(name) == 0) {
      reports->push_back(OnlyInOne(name, before.count(name) == 0 ? "added" : "removed"));
      continue;
    }
    CompareFiles(name, JoinPath(baseline, name), JoinPath(current, name), options, reports,
                 diagnostics);
  }
}

// Both paths exist and are both files or both folders; else errors.
void CheckPaths(const std::string& baseline, const std::string& current, Diagnostics* diagnostics) {
  std::error_code error;
  bool missing = false;
  for (const std::string& path : {baseline, current}) {
    if (!fs::exists(path, error)) {
      diagnostics->Error(Location{path}, "", "", "no such file or directory");
      missing = true;
    }
  }
  if (missing) return;
  const bool dir_b = fs::is_directory(baseline, error), dir_c = fs::is_directory(current, error);
  if (dir_b != dir_c) {
    diagnostics->Error(Location{current}, "", "",
                       fmt::format("a {} compared with the {} `{}`: compare a file with a file "
                                   "or a folder with a folder",
                                   dir_c ? "folder" : "file", dir_b ? "folder" : "file", baseline));
  }
}

// Sums the reports' counts and groups the compared ones by cause.
void Total(CheckResult* result) {
  std::vector<const ReportComparison*> comparisons;
  for (const CheckedReport& report : result->reports) {
    const ReportComparison& c = report.comparison;
    result->differing += c.changes.empty() && report.compared() ? 0 : 1;
    result->better += c.better;
    result->worse += c.worse;
    result->changed += c.changed;
    result->failures += c.failures;
    result->ignore_used.insert(c.ignore_used.begin(), c.ignore_used.end());
    if (!report.compared()) continue;
    result->compared.push_back(&report);
    comparisons.push_back(&c);
  }
  result->causes = GroupByCause(comparisons);
}

}  // namespace

std::optional<CheckResult> CheckReportPaths(const std::string& baseline, const std::string& current,
                                            const CheckOptions& options, Diagnostics* diagnostics) {
  const int errors = diagnostics->error_count();
  auto failed = [&] { return diagnostics->error_count() > errors; };
  CheckResult result;
  result.baseline = baseline;
  result.current = current;
  result.options = options;
  CheckPaths(baseline, current, diagnostics);
  if (!failed() && fs::is_directory(baseline)) {
    CompareFolders(baseline, current, options, &result.reports, diagnostics);
  } else if (!failed()) {
    CompareFiles(fs::path(current).filename().string(), baseline, current, options, &result.reports,
                 diagnostics);
  }
  if (failed()) return std::nullopt;
  Total(&result);
  return result;
}

}  // namespace podium
