#include "engine/ingest/dataset_writer.h"

#include <gtest/gtest.h>

#include "engine/base/file_util.h"
#include "engine/ingest/claims.h"
#include "engine/ingest/import_wide.h"
#include "engine/registry/registry.h"
#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;
using testing::TempDir;
using testing::WriteFile;

TEST(IdFromName, KeepsWhatIdsMayHold) {
  EXPECT_EQ(IdFromName("Qwen/Qwen2.5-7B-Instruct"), "qwen-qwen2.5-7b-instruct");
  EXPECT_EQ(IdFromName("  GPT 4o (May) "), "gpt-4o-may");
  EXPECT_EQ(IdFromName("한국어"), "x");
  EXPECT_EQ(IdFromName("arc_easy (acc)"), "arc_easy-acc");
}

const char kTable[] =
    "model,MMLU,GSM8K,notes\n"
    "Alpha/One,70.5,,first\n"
    "beta,60,55.25,second\n"
    "Alpha/One,71,40,again\n";

TEST(WriteImport, WritesADatasetThatLoadsAndReImportsToTheSameBytes) {
  const std::string dir = TempDir();
  const std::string table = WriteFile(dir, "scores.csv", kTable);
  Diagnostics diagnostics;
  ImportedResults read = ImportWide(table, table, {}, &diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(read.scores.size(), 5u);  // the empty GSM8K cell is missing, notes is text
  EXPECT_EQ(read.scores[1].model, "beta");
  EXPECT_EQ(read.scores[3].model, "Alpha/One #2");
  EXPECT_EQ(read.scores[3].model_as_written, "Alpha/One");
  EXPECT_EQ(read.scores[1].line, 3);
  EXPECT_EQ(read.scores[1].field, "MMLU");
  EXPECT_EQ(read.scores[1].value_text, "60");
  EXPECT_EQ(diagnostics.all().size(), 1u);  // the warning about the two Alpha/One rows

  ImportSettings settings;
  settings.scale = 100;
  settings.benchmark_ids["GSM8K"] = "gsm8k";
  settings.benchmarks["gsm8k"].n_items = 1319;
  const std::string data = dir + "/data";
  ImportSummary summary = WriteImport({read}, settings, data, "data", &diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  EXPECT_EQ(summary.models_added, 3);
  EXPECT_EQ(summary.benchmarks_added, 2);
  EXPECT_EQ(summary.sources_added, 1);
  EXPECT_EQ(summary.claims, 5);
  EXPECT_EQ(summary.written.size(), 4u);  // claims file and the three registry files

  Diagnostics load;
  Registry registry = Registry::Read(data + "/registry", &load);
  std::vector<Claim> claims;
  ReadClaimsFile(data + "/claims/scores.csv", "c.csv", registry, &claims, &load);
  ASSERT_FALSE(load.has_errors()) << ::testing::PrintToString(Formatted(load));
  ASSERT_EQ(claims.size(), 5u);
  EXPECT_EQ(claims[3].model, "alpha-one-2");
  EXPECT_EQ(claims[3].model_as_written, "Alpha/One");
  EXPECT_EQ(claims[3].benchmark, "mmlu");
  EXPECT_EQ(claims[4].benchmark, "gsm8k");
  EXPECT_EQ(claims[4].kind, ClaimKind::kData);
  EXPECT_EQ(claims[4].field, "GSM8K");
  EXPECT_EQ(claims[4].line, 4);
  EXPECT_EQ(claims[4].unit, "%");
  EXPECT_EQ(*registry.FindBenchmark("gsm8k")->n_items, 1319);
  EXPECT_EQ(*registry.FindBenchmark("mmlu")->max, 100);
  EXPECT_EQ(registry.FindModel("alpha-one")->organization, "Alpha");
  const Source* source = registry.FindSource("scores");
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->file, "../scores.csv");
  EXPECT_EQ(source->sha256.size(), 64u);

  const std::string models = *ReadFile(data + "/registry/models.csv");
  Diagnostics again;
  ImportSummary second =
      WriteImport({ImportWide(table, table, {}, &again)}, settings, data, "data", &again);
  EXPECT_FALSE(again.has_errors());
  EXPECT_TRUE(second.written.empty());
  EXPECT_EQ(second.unchanged.size(), 1u);  // only the claims file is rebuilt and compared
  EXPECT_EQ(second.models_added, 0);
  EXPECT_EQ(*ReadFile(data + "/registry/models.csv"), models);
}

TEST(WriteImport, AChangedFileKeepsItsSourceAndGetsItsNewDigest) {
  const std::string dir = TempDir();
  const std::string table = WriteFile(dir, "t.csv", "model,a\nm,1\n");
  Diagnostics diagnostics;
  WriteImport({ImportWide(table, table, {}, &diagnostics)}, {}, dir + "/d", "d", &diagnostics);
  WriteFile(dir, "t.csv", "model,a\nm,2\n");
  ImportSummary summary =
      WriteImport({ImportWide(table, table, {}, &diagnostics)}, {}, dir + "/d", "d", &diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  EXPECT_EQ(summary.sources_added, 0);
  EXPECT_EQ(summary.sources_updated, 1);
  Diagnostics load;
  Registry registry = Registry::Read(dir + "/d/registry", &load);
  EXPECT_EQ(registry.sources().size(), 1u);
}

TEST(WriteImport, NamesThatMakeTheSameIdGetDistinctIdsAndAWarning) {
  const std::string dir = TempDir();
  const std::string table = WriteFile(dir, "t.csv", "model,a\nGPT 4,1\nGPT-4,2\n");
  Diagnostics diagnostics;
  ImportSummary summary =
      WriteImport({ImportWide(table, table, {}, &diagnostics)}, {}, dir + "/d", "d", &diagnostics);
  ASSERT_FALSE(diagnostics.has_errors());
  EXPECT_EQ(summary.models_added, 2);
  const std::vector<std::string> shown = Formatted(diagnostics);
  ASSERT_EQ(shown.size(), 1u);
  EXPECT_NE(shown[0].find("imported as a model of its own, \"GPT-4 #2\""), std::string::npos)
      << shown[0];
}

TEST(ImportWide, NamedColumnsAndBadCellsAreLocatedErrors) {
  const std::string dir = TempDir();
  const std::string table = WriteFile(dir, "t.tsv", "name\tx\ty\nm\t1\tn/a\n");
  Diagnostics diagnostics;
  WideImportOptions options;
  options.model_column = "name";
  options.benchmark_columns = {"y", "z"};
  ImportWide(table, "t.tsv", options, &diagnostics);
  EXPECT_EQ(Formatted(diagnostics),
            (std::vector<std::string>{
                "t.tsv:1:1: error: field '--benchmarks': no column \"z\" in the header",
                "t.tsv:2:5: error: field 'y': \"n/a\" is not a finite number"}));
}

}  // namespace
}  // namespace podium
