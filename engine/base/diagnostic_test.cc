#include "engine/base/diagnostic.h"

#include <gtest/gtest.h>

#include <sstream>

namespace podium {
namespace {

TEST(DiagnosticTest, FormatsLikeACompiler) {
  Diagnostic d{Severity::kError,
               {"datasets/claims/x.csv", 14, 25},
               "value",
               "n/a",
               "\"n/a\" is not a finite number"};
  EXPECT_EQ(FormatDiagnostic(d),
            "datasets/claims/x.csv:14:25: error: field 'value': \"n/a\" is not a finite number");
}

TEST(DiagnosticTest, OmitsUnknownParts) {
  EXPECT_EQ(FormatDiagnostic({Severity::kWarning, {"f.csv", 3, 0}, "", "", "odd"}),
            "f.csv:3: warning: odd");
  EXPECT_EQ(FormatDiagnostic({Severity::kError, {}, "", "", "bad"}), "error: bad");
}

TEST(DiagnosticTest, CountsErrorsNotWarningsAndKeepsOrder) {
  Diagnostics all;
  all.Warning({"a", 1, 1}, "", "", "w");
  EXPECT_FALSE(all.has_errors());
  all.Error({"a", 2, 1}, "", "", "e1");
  Diagnostics more;
  more.Error({"b", 1, 1}, "", "", "e2");
  all.Merge(more);
  EXPECT_EQ(all.error_count(), 2);
  std::ostringstream out;
  all.Print(out);
  EXPECT_EQ(out.str(), "a:1:1: warning: w\na:2:1: error: e1\nb:1:1: error: e2\n");
}

TEST(DiagnosticTest, KeepsTwentyOfAKindThenOneSummary) {
  Diagnostics d;
  for (int line = 2; line <= 5461; ++line) {
    const std::string label = line % 2 == 0 ? "maybe" : "perhaps";
    d.Error({"b.csv", line, 0}, "winner", label, "unknown winner \"" + label + "\"");
    if (line == 3) d.Error({"b.csv", line, 5}, "model_a", "", "model name is empty");
  }
  d.Error({"other.csv", 2, 0}, "winner", "x", "unknown winner \"x\"");
  EXPECT_EQ(d.error_count(), 5460 + 1 + 1);
  ASSERT_EQ(d.all().size(), 20u + 1 + 1 + 1);
  EXPECT_EQ(FormatDiagnostic(d.all()[0]),
            "b.csv:2: error: field 'winner': unknown winner \"maybe\"");
  EXPECT_EQ(FormatDiagnostic(d.all()[2]), "b.csv:3:5: error: field 'model_a': model name is empty");
  EXPECT_EQ(FormatDiagnostic(d.all()[21]),
            "b.csv: error: field 'winner': ... and 5440 more like this");
  EXPECT_EQ(FormatDiagnostic(d.all()[22]),
            "other.csv:2: error: field 'winner': unknown winner \"x\"");
}

}  // namespace
}  // namespace podium
