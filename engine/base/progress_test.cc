#include "engine/base/progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <thread>
#include <vector>

namespace podium {
namespace {

TEST(ProgressTest, LineShowsDoneRateAndTimeLeft) {
  // 3,400 of 10,000 in 2 s: 1,700 rounds/s, 6,600 left -> 3.9 s.
  EXPECT_EQ(Progress::Line("bootstrap", "rounds", 3400, 10000, 2.0),
            "bootstrap: 3,400/10,000 rounds · 1,700 rounds/s · 3.9 s left");
  // Minutes once past 60 s: 1,000 left at 10/s = 100 s.
  EXPECT_EQ(Progress::Line("bootstrap", "rounds", 10, 1010, 1.0),
            "bootstrap: 10/1,010 rounds · 10 rounds/s · 1:40 min left");
  // Nothing done yet: no rate, no estimate.
  EXPECT_EQ(Progress::Line("fit", "models", 0, 5, 0.0), "fit: 0/5 models");
  // Done: no time left.
  EXPECT_EQ(Progress::Line("b", "rounds", 5, 5, 1.0), "b: 5/5 rounds · 5 rounds/s");
}

TEST(ProgressTest, SilentWithoutAStreamButCounts) {
  Progress progress("bootstrap", "rounds", 100, nullptr);
  for (int i = 0; i < 100; ++i) progress.Add();
  progress.Finish();
  EXPECT_EQ(progress.done(), 100);
}

TEST(ProgressTest, RedrawsInPlaceAndEndsWithASummaryLine) {
  std::ostringstream out;
  {
    Progress progress("bootstrap", "rounds", 3, &out, /*redraw_seconds=*/0.0);
    progress.Add();
    progress.Add(2);
  }  // the destructor finishes
  const std::string text = out.str();
  EXPECT_NE(text.find("\r\033[Kbootstrap: 1/3 rounds"), std::string::npos) << text;
  EXPECT_NE(text.find("\r\033[Kbootstrap: 3 rounds in "), std::string::npos) << text;
  EXPECT_EQ(text.back(), '\n');
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1);
}

TEST(ProgressTest, CountsEveryUnitFromManyThreads) {
  std::ostringstream out;
  Progress progress("bootstrap", "rounds", 8000, &out, 0.0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) progress.Add();
    });
  }
  for (std::thread& t : threads) t.join();
  progress.Finish();
  EXPECT_EQ(progress.done(), 8000);
  EXPECT_NE(out.str().find("bootstrap: 8,000 rounds in"), std::string::npos);
}

}  // namespace
}  // namespace podium
