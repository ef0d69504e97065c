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

}  // namespace
}  // namespace podium
