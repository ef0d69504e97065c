#include "engine/audit/data_claim.h"

#include <gtest/gtest.h>

#include "engine/base/text_position.h"

namespace podium {
namespace {

SourceDocument Document(const std::string& file, const std::string& bytes, char delimiter) {
  SourceDocument d;
  d.id = "s";
  d.path = file;
  d.file = file;
  d.found = true;
  d.bytes = bytes;
  d.delimiter = delimiter;
  for (std::string_view line : SplitLines(bytes)) d.lines.emplace_back(line);
  return d;
}

Claim DataClaim(const std::string& value, int line, const std::string& field,
                const std::string& model) {
  Claim c;
  c.kind = ClaimKind::kData;
  c.value_text = value;
  c.line = line;
  c.field = field;
  c.model_as_written = model;
  return c;
}

std::string Verdict(const DataFileIndex& index, const Claim& claim) {
  const ClaimCheck check = index.Check(claim);
  return check.problem ? check.message : "verified";
}

TEST(DataClaim, ACsvClaimIsTheCellOfItsColumnOnItsLine) {
  const SourceDocument d = Document("t.csv",
                                    "model,MMLU,GSM8K\n"
                                    "A,70.50,\n"
                                    "\"B, the second\",60,55.25\n",
                                    ',');
  const auto index = IndexDataFile(d);
  EXPECT_EQ(Verdict(*index, DataClaim("70.5", 2, "MMLU", "A")), "verified");  // as numbers
  EXPECT_EQ(Verdict(*index, DataClaim("55.25", 3, "GSM8K", "B, the second")), "verified");
  EXPECT_EQ(Verdict(*index, DataClaim("60", 3, "GSM8K", "B, the second")),
            "column \"GSM8K\" on line 3 reads 55.25, the claim says 60");
  EXPECT_EQ(Verdict(*index, DataClaim("1", 2, "GSM8K", "A")),
            "column \"GSM8K\" on line 2 reads nothing, the claim says 1");
  EXPECT_EQ(Verdict(*index, DataClaim("70.5", 2, "ARC", "A")), "t.csv has no column \"ARC\"");
  EXPECT_EQ(Verdict(*index, DataClaim("70.5", 4, "MMLU", "A")),
            "no cell of column \"MMLU\" starts on line 4");
  EXPECT_EQ(Verdict(*index, DataClaim("70.5", 2, "MMLU", "B")),
            "no cell of the row on line 2 reads \"B\"");
}

TEST(DataClaim, AJsonClaimIsTheValueAtItsPointerOnItsLine) {
  const SourceDocument d = Document("r.json",
                                    "{\"model_name\": \"m/x\",\n"
                                    " \"results\": {\"t\": {\"acc,none\": 0.4560,\n"
                                    "                   \"n\": 7}}}\n",
                                    0);
  const auto index = IndexDataFile(d);
  EXPECT_EQ(Verdict(*index, DataClaim("0.456", 2, "/results/t/acc,none", "m/x")), "verified");
  EXPECT_EQ(Verdict(*index, DataClaim("0.456", 3, "/results/t/acc,none", "m/x")),
            "the value at /results/t/acc,none is on line 2, not 3");
  EXPECT_EQ(Verdict(*index, DataClaim("0.45", 2, "/results/t/acc,none", "m/x")),
            "the value at /results/t/acc,none is 0.4560, the claim says 0.45");
  EXPECT_EQ(Verdict(*index, DataClaim("7", 3, "/results/t/k", "m/x")),
            "r.json has no value at /results/t/k");
  EXPECT_EQ(Verdict(*index, DataClaim("7", 3, "/results/t/n", "other")),
            "r.json does not name \"other\"");
}

TEST(DataClaim, AJsonLinesClaimIsTheValueInTheRecordOnItsLine) {
  const SourceDocument d = Document("e.jsonl",
                                    "{\"model\": \"a\", \"score\": 0.5}\n"
                                    "{\"model\": \"b\", \"score\": 0.25}\n",
                                    0);
  const auto index = IndexDataFile(d);
  EXPECT_EQ(Verdict(*index, DataClaim("0.25", 2, "/score", "b")), "verified");
  EXPECT_EQ(Verdict(*index, DataClaim("0.5", 2, "/score", "b")),
            "the value at /score is 0.25, the claim says 0.5");
  EXPECT_EQ(Verdict(*index, DataClaim("0.5", 3, "/score", "a")), "e.jsonl has no line 3");
}

TEST(DataClaim, AFileThatDoesNotParseFailsItsClaimsWithTheReason) {
  const SourceDocument d = Document("r.json", "{\"a\": 1,}", 0);
  const auto index = IndexDataFile(d);
  const std::string verdict = Verdict(*index, DataClaim("1", 1, "/a", "m"));
  EXPECT_EQ(verdict.rfind("the file does not parse: r.json:1:", 0), 0u) << verdict;
}

}  // namespace
}  // namespace podium
