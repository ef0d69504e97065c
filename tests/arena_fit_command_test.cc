// Goodness of fit and the Rao–Kupper tie model through `podium arena`:
// --fit in every format, --ties auto choosing the tie model of the data, and
// the contradictions a user sees (exit 2, nothing written).
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "tests/testing.h"

namespace podium {
namespace {

namespace fs = std::filesystem;

// 3000 battles among four models drawn from a Davidson model with many ties
// (strengths 0, 0.4, 0.8, 1.2; nu = 1.5: P(tie) = 0.43 between equals).
std::string DavidsonFolder() {
  const std::string dir = testing::TempDir();
  std::mt19937_64 gen(20240615);
  const double strength[] = {0, 0.4, 0.8, 1.2}, nu = 1.5;
  std::string csv = "model_a,model_b,winner\n";
  for (int i = 0; i < 4; ++i) {
    for (int j = i + 1; j < 4; ++j) {
      const double pi = std::exp(strength[i]), pj = std::exp(strength[j]);
      const double d = pi + pj + nu * std::sqrt(pi * pj);
      for (int b = 0; b < 500; ++b) {
        const double u = static_cast<double>(gen() >> 11) * 0x1.0p-53;
        const std::string a = "m" + std::to_string(i), c = "m" + std::to_string(j);
        csv += a + "," + c + "," +
               (u < pi / d          ? "model_a"
                : u < (pi + pj) / d ? "model_b"
                                    : "tie") +
               "\n";
      }
    }
  }
  testing::WriteFile(dir, "ties.csv", csv);
  return dir;
}

TEST(ArenaFitCommandTest, FitInJsonHasEveryField) {
  const std::string dir = DavidsonFolder();
  const testing::PodiumRun r =
      testing::RunPodium(dir, "arena ties.csv --rounds 0 --fit --folds 4 --seed 9 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["options"]["ties"], "half");  // --fit alone does not change the board
  const nlohmann::json& fit = doc["goodness_of_fit"];
  ASSERT_TRUE(fit.is_object());
  EXPECT_EQ(fit["folds"], 4);
  EXPECT_EQ(fit["seed"], 9);
  EXPECT_EQ(fit["battles"], 3000);
  EXPECT_EQ(fit["ties_auto"], false);
  EXPECT_EQ(fit["calibrated"], "half");
  ASSERT_EQ(fit["models"].size(), 4u);
  const char* names[] = {"half", "drop", "davidson", "rao-kupper"};
  for (int k = 0; k < 4; ++k) {
    const nlohmann::json& m = fit["models"][k];
    EXPECT_EQ(m["ties"], names[k]);
    EXPECT_EQ(m["fold_log_loss"].size(), 4u);
    EXPECT_EQ(m["parameters"], 4);  // 3 strengths + 1 tie parameter
    EXPECT_NEAR(m["aic"].get<double>(), 8 - 2 * m["log_likelihood"].get<double>(), 1e-6);
    EXPECT_NEAR(m["bic"].get<double>(),
                4 * std::log(3000.0) - 2 * m["log_likelihood"].get<double>(), 1e-6);
    EXPECT_EQ(m["best"], m["ties"] == fit["best"]);
  }
  EXPECT_EQ(fit["calibration_bins"].size(), 10u);
  EXPECT_EQ(fit["calibration_pairs"].size(), 6u);
  EXPECT_EQ(fit["calibration_pairs"][0]["model_a"], "m0");
  EXPECT_EQ(fit["calibration_pairs"][0]["battles"], 500);
  EXPECT_TRUE(fit["calibration_error"].is_number());
}

TEST(ArenaFitCommandTest, TiesAutoPicksDavidsonAndSaysSo) {
  const std::string dir = DavidsonFolder();
  const testing::PodiumRun json =
      testing::RunPodium(dir, "arena ties.csv --rounds 0 --ties auto --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const nlohmann::json doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["options"]["ties"], "davidson");
  EXPECT_EQ(doc["goodness_of_fit"]["best"], "davidson");
  EXPECT_EQ(doc["goodness_of_fit"]["ties_auto"], true);
  EXPECT_EQ(doc["goodness_of_fit"]["calibrated"], "davidson");
  EXPECT_NEAR(doc["fit"]["tie_parameter"].get<double>(), 1.5, 0.2);
  const testing::PodiumRun md = testing::RunPodium(dir, "arena ties.csv --rounds 0 --ties auto");
  ASSERT_EQ(md.exit_code, 0) << md.err;
  EXPECT_NE(md.out.find("Ties: davidson, chosen by held-out log-loss (auto)."), std::string::npos);
  EXPECT_NE(md.out.find("## Goodness of fit"), std::string::npos);
  EXPECT_NE(md.out.find("| davidson (best) |"), std::string::npos);
}

TEST(ArenaFitCommandTest, CsvKeepsTheBoardAndAddsTwoTables) {
  const std::string dir = DavidsonFolder();
  const testing::PodiumRun plain =
      testing::RunPodium(dir, "arena ties.csv --rounds 0 --format csv");
  const testing::PodiumRun fit =
      testing::RunPodium(dir, "arena ties.csv --rounds 0 --fit --format csv");
  ASSERT_EQ(fit.exit_code, 0) << fit.err;
  ASSERT_EQ(fit.out.substr(0, plain.out.size()), plain.out);
  EXPECT_EQ(fit.out.substr(plain.out.size(), 20), "\ntie_model,held_out_");
  EXPECT_NE(fit.out.find("\ncalibrated_tie_model,bin_low,bin_high,battles,predicted,observed\n"),
            std::string::npos);
}

TEST(ArenaFitCommandTest, RunsWithoutFitAreUnchanged) {
  const std::string dir = DavidsonFolder();
  const testing::PodiumRun r = testing::RunPodium(dir, "arena ties.csv --rounds 0 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_FALSE(doc.contains("goodness_of_fit"));
  EXPECT_EQ(doc["options"]["method_text"].get<std::string>().find("auto"), std::string::npos);
}

TEST(ArenaFitCommandTest, RaoKupperBoard) {
  const std::string dir = DavidsonFolder();
  const testing::PodiumRun r =
      testing::RunPodium(dir, "arena ties.csv --rounds 0 --ties rao-kupper --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const nlohmann::json doc = nlohmann::json::parse(r.out);
  EXPECT_EQ(doc["options"]["ties"], "rao-kupper");
  EXPECT_GT(doc["fit"]["tie_parameter"].get<double>(), 1.0);
  EXPECT_TRUE(doc["fit"]["converged"].get<bool>());
  // Predicted given a decided battle: the two orientations sum to 1.
  const nlohmann::json& predicted = doc["matrices"]["predicted"];
  EXPECT_NEAR(predicted[0][3].get<double>() + predicted[3][0].get<double>(), 1, 1e-12);
}

TEST(ArenaFitCommandTest, ContradictionsAreErrorsAndWriteNothing) {
  const std::string dir = DavidsonFolder();
  struct Case {
    std::string args, message;
  };
  const Case cases[] = {
      {"arena ties.csv --folds 3 --out o.md", "field '--folds': applies to --fit or --ties auto"},
      {"arena ties.csv --fit --method elo --out o.md", "online Elo has no likelihood"},
      {"arena ties.csv --ties auto --method elo --out o.md", "online Elo has no likelihood"},
      {"arena ties.csv --ties auto --ci sandwich --out o.md", "auto may choose davidson"},
      {"arena ties.csv --ties rao-kupper --method elo --out o.md", "applies to --method bt only"},
      {"arena ties.csv --ties rao-kupper --ci sandwich --out o.md", "not rao-kupper"},
      {"arena ties.csv --fit --folds 1 --out o.md", "--folds"},
  };
  for (const Case& c : cases) {
    const testing::PodiumRun r = testing::RunPodium(dir, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_FALSE(fs::exists(dir + "/o.md")) << c.args;
  }
}

}  // namespace
}  // namespace podium
