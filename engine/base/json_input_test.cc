#include "engine/base/json_input.h"

#include <gtest/gtest.h>

#include <string>

namespace podium {
namespace {

TEST(JsonInputTest, FindsTheFirstBracketBeyondTheLimit) {
  EXPECT_EQ(FindJsonTooDeep("[{\"a\": [1, 2]}]", 3), std::string_view::npos);
  EXPECT_EQ(FindJsonTooDeep("[{\"a\": [1, 2]}]", 2), 7u);
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  EXPECT_EQ(FindJsonTooDeep(deep), static_cast<size_t>(kMaxJsonDepth));
}

TEST(JsonInputTest, IgnoresBracketsInsideStrings) {
  EXPECT_EQ(FindJsonTooDeep("[\"[[[[\\\"[[[\", {}]", 2), std::string_view::npos);
}

TEST(JsonInputTest, ReasonWithoutTheLibraryPrefix) {
  EXPECT_EQ(JsonErrorReason("[json.exception.parse_error.101] parse error at line 1, column 2: "
                            "syntax error while parsing value - invalid literal; last read: 'x'"),
            "syntax error while parsing value - invalid literal; last read: 'x'");
  EXPECT_EQ(JsonErrorReason("plain"), "plain");
  EXPECT_EQ(JsonErrorReason("[json.exception.out_of_range.406] number overflow parsing '1e309'"),
            "number overflow parsing '1e309'");
}

TEST(JsonInputTest, LocatesATokenNamedByTheError) {
  EXPECT_EQ(LocateJsonToken("[{\"a\": 1e309}]",
                            "[json.exception.out_of_range.406] number overflow parsing '1e309'"),
            7u);
  EXPECT_EQ(LocateJsonToken("[]", "no token"), 0u);
}

}  // namespace
}  // namespace podium
