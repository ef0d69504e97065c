#include "tools/import_command.h"

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "engine/base/csv_write.h"
#include "engine/base/diagnostic.h"
#include "engine/base/number.h"
#include "engine/ingest/battles.h"
#include "engine/ingest/dataset_writer.h"
#include "engine/ingest/import_eee.h"
#include "engine/ingest/import_helm.h"
#include "engine/ingest/import_inspect.h"
#include "engine/ingest/import_lm_eval.h"
#include "engine/ingest/import_wide.h"

namespace podium {
namespace {

struct ImportRequest {
  std::string format;
  std::vector<std::string> files;
  std::string into;
  std::string model;  // --model: the model of files that do not name it
  // wide
  std::string model_column;
  std::vector<std::string> benchmarks;  // COLUMN or COLUMN=ID
  std::optional<double> scale;
  std::vector<std::string> n_items, chance, max;  // BENCHMARK=VALUE
  std::vector<std::string> lower_is_better;       // BENCHMARK
  // battles
  std::string columns, winner_labels;
};

constexpr const char* kFormats[] = {"wide", "lm-eval", "inspect", "helm", "eee", "battles"};

void AddImportOptions(CLI::App* c, ImportRequest* r) {
  c->add_option(
       "format", r->format,
       "What wrote the files: wide (a CSV/TSV score table), lm-eval (lm-evaluation-harness "
       "results_*.json), inspect (Inspect .eval or .json logs), helm (a HELM run folder), "
       "eee (Every Eval Ever records), battles (pairwise battles in any layout: "
       "DIR/battles/NAME.csv)")
      ->required()
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kFormats), std::end(kFormats))));
  c->add_option("files", r->files, "The files to import")->required()->check(CLI::ExistingPath);
  c->add_option("--into", r->into, "The dataset folder to write or update (claims/, registry/)")
      ->required();
  c->add_option("--model", r->model, "The model of files that do not name it");
  c->add_option("--model-column", r->model_column,
                "wide: the column naming the model (default: 'model', else the first)");
  c->add_option("--benchmarks", r->benchmarks,
                "wide: the benchmark columns, COLUMN or COLUMN=ID, comma-separated (default: "
                "every column of numbers)")
      ->delimiter(',');
  c->add_option("--columns", r->columns,
                "battles: model_a=COL,model_b=COL,winner=COL (the file's column names)");
  c->add_option("--winner-labels", r->winner_labels,
                "battles: VALUE=model_a,VALUE=model_b,VALUE=tie,... (only these are accepted)");
  c->add_option("--scale", r->scale,
                "The values' full scale, written as each new benchmark's max (100: percent, "
                "1: proportion)");
  c->add_option("--n-items", r->n_items, "BENCHMARK=N, comma-separated: items per benchmark")
      ->delimiter(',');
  c->add_option("--chance", r->chance, "BENCHMARK=X, comma-separated: the random-guess score")
      ->delimiter(',');
  c->add_option("--max", r->max, "BENCHMARK=X, comma-separated: the best possible score")
      ->delimiter(',');
  c->add_option("--lower-is-better", r->lower_is_better,
                "BENCHMARK, comma-separated: benchmarks where less is better")
      ->delimiter(',');
}

// "NAME=VALUE" -> (NAME, VALUE); an error at the option when '=' is missing.
bool SplitPair(const std::string& text, const char* option, std::string* name, std::string* value,
               Diagnostics* diagnostics) {
  const size_t eq = text.rfind('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
    diagnostics->Error(Location{"<command line>"}, option, text,
                       fmt::format("expected NAME=VALUE, got \"{}\"", text));
    return false;
  }
  *name = text.substr(0, eq);
  *value = text.substr(eq + 1);
  return true;
}

ImportSettings Settings(const ImportRequest& r, Diagnostics* diagnostics) {
  ImportSettings settings;
  settings.scale = r.scale;
  for (const std::string& b : r.benchmarks) {
    const size_t eq = b.rfind('=');
    if (eq != std::string::npos) settings.benchmark_ids[b.substr(0, eq)] = b.substr(eq + 1);
  }
  auto numbers = [&](const std::vector<std::string>& pairs, const char* option, auto set) {
    for (const std::string& pair : pairs) {
      std::string name, value;
      if (!SplitPair(pair, option, &name, &value, diagnostics)) continue;
      std::optional<double> number = ParseFiniteDouble(value);
      if (!number) {
        diagnostics->Error(Location{"<command line>"}, option, value,
                           fmt::format("\"{}\" is not a finite number", value));
        continue;
      }
      set(&settings.benchmarks[name], *number);
    }
  };
  numbers(r.n_items, "--n-items",
          [](BenchmarkSettings* s, double v) { s->n_items = static_cast<long long>(v); });
  numbers(r.chance, "--chance", [](BenchmarkSettings* s, double v) { s->chance = v; });
  numbers(r.max, "--max", [](BenchmarkSettings* s, double v) { s->max = v; });
  for (const std::string& name : r.lower_is_better) {
    settings.benchmarks[name].lower_is_better = true;
  }
  return settings;
}

ImportedResults ReadOne(const ImportRequest& r, const std::string& file, Diagnostics* diagnostics) {
  if (r.format == "lm-eval") return ImportLmEval(file, file, r.model, diagnostics);
  if (r.format == "helm") return ImportHelm(file, file, r.model, diagnostics);
  if (r.format == "inspect") return ImportInspect(file, file, r.model, diagnostics);
  if (r.format == "eee") return ImportEee(file, file, r.model, diagnostics);
  WideImportOptions options;
  options.model_column = r.model_column;
  for (const std::string& b : r.benchmarks)
    options.benchmark_columns.push_back(b.substr(0, b.rfind('=')));
  return ImportWide(file, file, options, diagnostics);
}

const char* OutcomeLabel(Outcome outcome) {
  switch (outcome) {
    case Outcome::kWinA:
      return "model_a";
    case Outcome::kWinB:
      return "model_b";
    case Outcome::kTie:
      break;
  }
  return "tie";
}

// Battles in any layout (--columns, --winner-labels) written in the Arena's,
// DIR/battles/<name>.csv: model_a, model_b, winner, in file order (tstamp
// kept when every battle has one; "tie (bothbad)" becomes "tie", and judge,
// prompt and category are not kept). Every file is read before any is
// written.
int ImportBattles(const ImportRequest& r, std::ostream& out, std::ostream& err) {
  Diagnostics diagnostics;
  std::optional<BattleLayout> layout = ParseBattleLayout(r.columns, r.winner_labels, &diagnostics);
  std::vector<std::pair<std::string, std::string>> outputs;
  int64_t battles = 0;
  for (const std::string& file : r.files) {
    if (!layout) break;
    BattleReadOptions options;
    options.layout = *layout;
    options.keep_sequence = true;
    const BattleData data = ReadBattles(file, file, options, &diagnostics);
    if (diagnostics.has_errors()) continue;
    std::string text =
        CsvLine(data.has_tstamp ? std::vector<std::string>{"model_a", "model_b", "winner", "tstamp"}
                                : std::vector<std::string>{"model_a", "model_b", "winner"});
    for (const Battle& b : data.sequence) {
      std::vector<std::string> row = {data.models[b.a], data.models[b.b], OutcomeLabel(b.outcome)};
      if (data.has_tstamp) row.push_back(fmt::format("{}", b.tstamp));
      text += CsvLine(row);
    }
    battles += static_cast<int64_t>(data.sequence.size());
    const std::string stem = std::filesystem::path(file).stem().string();
    outputs.emplace_back(r.into + "/battles/" + stem + ".csv", std::move(text));
  }
  diagnostics.Print(err);
  if (!layout || diagnostics.has_errors()) {
    err << "podium import: nothing written\n";
    return 2;
  }
  for (const auto& [path, text] : outputs) {
    if (WriteOutput(text, path, out, err, "import") != 0) return 2;
    out << "  wrote " << path << "\n";
  }
  out << fmt::format("imported {} battles from {} file{} into {}/battles\n", battles,
                     r.files.size(), r.files.size() == 1 ? "" : "s", r.into);
  return 0;
}

int RunImport(const ImportRequest& r, std::ostream& out, std::ostream& err) {
  if (r.format == "battles") return ImportBattles(r, out, err);
  Diagnostics diagnostics;
  ImportSettings settings = Settings(r, &diagnostics);
  std::vector<ImportedResults> inputs;
  for (const std::string& file : r.files) {
    inputs.push_back(ReadOne(r, file, &diagnostics));
    if (inputs.back().scores.empty() && !diagnostics.has_errors()) {
      diagnostics.Error(Location{file}, "", "", "no scores found: nothing to import");
    }
  }
  ImportSummary summary;
  if (!diagnostics.has_errors()) {
    summary = WriteImport(inputs, settings, r.into, r.into, &diagnostics);
  }
  diagnostics.Print(err);
  if (diagnostics.has_errors()) {
    err << "podium import: nothing written\n";
    return 2;
  }
  out << fmt::format(
      "imported {} scores{} from {} file{} into {}: {} new model{}, {} new benchmark{}, {} new "
      "source{}{}\n",
      summary.claims, summary.items > 0 ? fmt::format(" and {} item results", summary.items) : "",
      inputs.size(), inputs.size() == 1 ? "" : "s", r.into, summary.models_added,
      summary.models_added == 1 ? "" : "s", summary.benchmarks_added,
      summary.benchmarks_added == 1 ? "" : "s", summary.sources_added,
      summary.sources_added == 1 ? "" : "s",
      summary.sources_updated > 0 ? fmt::format(" ({} changed)", summary.sources_updated) : "");
  if (summary.written.empty()) {
    out << "nothing changed: every file already had these contents\n";
  } else {
    for (const std::string& file : summary.written) out << "  wrote " << file << "\n";
  }
  out << fmt::format("next: podium leaderboard --datasets {}\n", r.into);
  return 0;
}

}  // namespace

Command ImportCommand() {
  return PlainCommand("import",
                      "Import the results files of evaluation tools into a dataset folder",
                      AddImportOptions, RunImport);
}

}  // namespace podium
