#include "engine/registry/registry.h"

#include <gtest/gtest.h>

#include "tests/testing.h"

namespace podium {
namespace {

using testing::Formatted;
using testing::TempDir;
using testing::WriteFile;

TEST(RegistryTest, ResolvesIdsNamesAndAliasesIgnoringCaseAndSpaces) {
  const Registry r = testing::SmallRegistry();
  EXPECT_EQ(r.ResolveModel("m1"), "m1");
  EXPECT_EQ(r.ResolveModel("model  ONE "), "m1");
  EXPECT_EQ(r.ResolveModel("모델1"), "m1");
  EXPECT_EQ(r.ResolveModel("m-1"), "m1");
  EXPECT_FALSE(r.ResolveModel("모델9").has_value());
  EXPECT_EQ(r.ResolveBenchmark("벤치1"), "b1");
  const Benchmark* b1 = r.FindBenchmark("b1");
  ASSERT_NE(b1, nullptr);
  EXPECT_EQ(b1->n_items, 1000);
  EXPECT_EQ(b1->chance, 25.0);
  EXPECT_FALSE(r.FindBenchmark("low")->higher_is_better);
  EXPECT_FALSE(r.FindBenchmark("low")->chance.has_value());
  EXPECT_EQ(r.FindSource("s2")->date, "2024-05");
}

TEST(RegistryTest, NormalizeName) {
  EXPECT_EQ(NormalizeName("  Llama\t3.1   8B "), "llama 3.1 8b");
  EXPECT_EQ(NormalizeName("라마 3.1 8B"), "라마 3.1 8b");
}

TEST(RegistryTest, ReportsDuplicateIdsSharedAliasesAndBadFields) {
  const std::string dir = TempDir();
  WriteFile(dir, "models.csv",
            "id,name,organization,aliases\n"
            "a,A,,x\n"
            "b,B,,X|y\n"
            "a,A again,,\n");
  WriteFile(dir, "benchmarks.csv",
            "id,name,aliases,category,metric,higher_is_better,n_items,chance,max\n"
            "q,Q,,,,yes,0,abc,100\n"
            "r,R,,,,true,10,50,50\n");
  WriteFile(dir, "sources.csv", "id,file,title,publisher,date,sha256\ns,s.txt,,,,XYZ\n");
  Diagnostics diagnostics;
  Registry::Read(dir, &diagnostics, "reg");
  EXPECT_EQ(Formatted(diagnostics),
            (std::vector<std::string>{
                "reg/benchmarks.csv:2:8: error: field 'higher_is_better': \"yes\" is not true "
                "or false",
                "reg/benchmarks.csv:2:12: error: field 'n_items': \"0\" is not a positive integer",
                "reg/benchmarks.csv:2:14: error: field 'chance': \"abc\" is not a finite number",
                "reg/benchmarks.csv:3:19: error: field 'max': chance and max must differ",
                "reg/sources.csv:2:12: error: field 'sha256': expected 64 lowercase hex digits",
                "reg/models.csv:3:1: error: field 'aliases': alias \"X\" of model 'b' already "
                "names 'a'",
                "reg/models.csv:4:1: error: field 'id': duplicate model id 'a' (first defined at "
                "line 2)",
            }));
}

}  // namespace
}  // namespace podium
