#include "tools/init_command.h"

#include <fmt/format.h>

#include <filesystem>

#include "engine/base/diagnostic.h"
#include "engine/base/output_file.h"
#include "engine/ingest/dataset_writer.h"
#include "engine/ingest/import_wide.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

struct InitRequest {
  std::string folder;
};

void AddInitOptions(CLI::App* c, InitRequest* r) {
  c->add_option("folder", r->folder, "The project folder to create (absent or empty)")->required();
}

constexpr const char kScores[] =
    "model,MMLU,GSM8K,HumanEval\n"
    "Model A,71.2,78.5,62.2\n"
    "Model B,68.9,80.1,55.5\n"
    "Model C,64.0,61.3,48.8\n"
    "Model D,58.4,44.7,30.5\n";

constexpr const char kBattles[] =
    "model_a,model_b,winner\n"
    R"EX(Model C,Model A,model_a
Model A,Model B,model_b
Model B,Model A,tie
Model D,Model A,model_b
Model A,Model C,model_a
Model A,Model C,model_a
Model B,Model A,model_a
Model D,Model A,model_b
Model B,Model A,model_b
Model C,Model A,model_a
Model A,Model C,model_a
Model D,Model B,model_b
Model C,Model B,model_a
Model B,Model A,model_b
Model C,Model D,model_a
Model A,Model D,model_a
Model C,Model A,model_b
Model A,Model C,model_b
Model C,Model B,model_b
Model D,Model A,model_b
Model D,Model C,model_a
Model C,Model D,model_b
Model D,Model B,model_b
Model C,Model A,model_b
Model A,Model B,tie
Model C,Model A,model_b
Model D,Model A,model_b
Model C,Model A,model_b
Model C,Model D,model_a
Model D,Model A,model_b
Model B,Model C,model_a
Model B,Model D,model_a
Model C,Model D,model_b
Model A,Model B,model_b
Model D,Model B,model_a
Model D,Model A,model_b
Model D,Model A,tie
Model A,Model D,tie
Model B,Model C,tie
Model C,Model D,tie
Model B,Model C,model_a
Model C,Model D,model_a
Model D,Model B,model_b
Model B,Model A,model_b
Model D,Model C,model_a
Model C,Model A,model_b
Model C,Model D,model_b
Model C,Model D,model_a
Model B,Model C,model_a
Model B,Model C,model_b
Model B,Model A,model_b
Model B,Model A,model_b
Model A,Model D,model_a
Model B,Model C,model_a
Model C,Model B,tie
Model A,Model D,model_a
Model D,Model C,model_b
Model A,Model B,model_a
Model A,Model C,tie
Model D,Model C,model_b
)EX";

constexpr const char kReports[] = R"EX({
  "reports": [
    {
      "name": "scores",
      "title": "Example leaderboard: mean of three benchmarks",
      "description": "data/scores.csv, imported with podium import wide; 95% intervals and rank sets from a parametric bootstrap over each benchmark's items.",
      "args": ["--bootstrap", "parametric", "--rounds", "1000", "--seed", "1"],
      "formats": ["md", "json", "html"]
    },
    {
      "name": "arena",
      "command": "arena",
      "title": "Example arena: Bradley-Terry ratings from data/battles.csv",
      "description": "Pairwise battles rated as Chatbot Arena does (ties as half a win), 95% intervals from 1,000 bootstrap rounds.",
      "args": ["data/battles.csv", "--rounds", "1000", "--seed", "1"],
      "formats": ["md", "json", "html"]
    },
    {
      "name": "h2h-model-a-vs-model-b",
      "command": "h2h",
      "title": "Example head-to-head: Model A vs Model B",
      "description": "Per benchmark: is the difference larger than the benchmark's noise?",
      "args": ["model-a", "model-b"],
      "formats": ["md", "json"]
    }
  ]
}
)EX";

constexpr const char kReadme[] = R"EX(# A podium project

Made by `podium init`. The numbers in [data/scores.csv](data/scores.csv) and
[data/battles.csv](data/battles.csv) are made-up examples: replace them with
your own.

## Rebuild every report

    podium regenerate

(inside this folder, or `podium --project FOLDER regenerate` from anywhere).
It reads [datasets/reports.json](datasets/reports.json) and writes `reports/`:
a README with the command behind each report, `index.html` with every report
on one page, and each report as Markdown, JSON (with a manifest of inputs and
options) and HTML.

## Bring your own results

    podium import wide my-scores.csv --into datasets --scale 100
    podium import lm-eval results_2026-01-21T03-44-18.json --into datasets
    podium import inspect logs/*.eval --into datasets
    podium import helm runs/mmlu:subject=philosophy,model=x --into datasets

Each imported file becomes a source (its path and SHA-256) and each number a
claim citing its line and column (or JSON key path) in that file. Then add
reports to `datasets/reports.json` (`podium leaderboard --help`, `podium
arena --help`, `podium h2h --help` list their options) and regenerate.

## Check the numbers

    podium audit                        # every claim against its file
    podium verify reports/scores.json   # a report re-made from its manifest
    podium check reports/ NEW-REPORTS/  # CI: fails when a number moved
)EX";

int RunInit(const InitRequest& r, std::ostream& out, std::ostream& err) {
  std::error_code error;
  if (fs::exists(r.folder, error) &&
      (!fs::is_directory(r.folder, error) || !fs::is_empty(r.folder, error))) {
    err << fmt::format(
        "{}: error: already exists and is not an empty folder; podium init "
        "never overwrites a project\n",
        r.folder);
    return 2;
  }
  const std::string data = r.folder + "/data";
  for (const auto& [name, text] : std::initializer_list<std::pair<std::string, const char*>>{
           {data + "/scores.csv", kScores},
           {data + "/battles.csv", kBattles},
           {r.folder + "/datasets/reports.json", kReports},
           {r.folder + "/README.md", kReadme}}) {
    std::string why;
    if (!WriteOutputFile(name, text, &why)) {
      err << "podium init: error: " << why << "\n";
      return 2;
    }
  }
  Diagnostics diagnostics;
  ImportedResults scores = ImportWide(data + "/scores.csv", data + "/scores.csv", {}, &diagnostics);
  ImportSettings settings;
  settings.scale = 100;
  settings.benchmark_ids = {{"MMLU", "mmlu"}, {"GSM8K", "gsm8k"}, {"HumanEval", "humaneval"}};
  settings.benchmarks["mmlu"].n_items = 14042;
  settings.benchmarks["gsm8k"].n_items = 1319;
  settings.benchmarks["humaneval"].n_items = 164;
  WriteImport({scores}, settings, r.folder + "/datasets", r.folder + "/datasets", &diagnostics);
  diagnostics.Print(err);
  if (diagnostics.has_errors()) return 2;
  out << fmt::format(
      "made a podium project in {}: example scores and battles (data/), their dataset "
      "(datasets/), three reports (datasets/reports.json)\n"
      "next: cd {} && podium regenerate\n",
      r.folder, r.folder);
  return 0;
}

}  // namespace

Command InitCommand() {
  return PlainCommand("init", "Make a small working leaderboard project in a new folder",
                      AddInitOptions, RunInit);
}

}  // namespace podium
