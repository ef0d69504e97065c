// The include layers of engine/ and tools/ (docs/architecture.md, "Layers"):
// every `#include "..."` of a file under engine/ or tools/ names a file of its
// own folder or of a folder that kLayers below lets it include. kLayers is the
// one place the order is written down; docs/architecture.md quotes it.
//
// A violation reads, compiler-style,
//   engine/base/x.h:3: engine/base/x.h may not include engine/rating/y.h (base is below rating)
//
// What is checked: quoted includes whose path starts with a workspace folder
// (engine/, tools/, tests/, fuzz/, bench/); angle-bracket includes (system and
// third-party headers) and quoted paths outside those folders are not. Only
// hand-written files are scanned (the `sources` filegroups are globs, which
// never match generated files), and an included path is judged by its folder
// only, never looked up, so a generated header (a genrule's output under
// engine/reporting) trips nothing. fuzz/, bench/ and tests/ themselves may
// include anything and are not scanned; of tests/, only `_test.cc` files may
// include a header (test helpers never reach the product).
//
// Under `bazel test` the files come from the `sources` filegroup of each
// package (the data of //tests:include_layers_test); run the binary from the
// workspace root (bazel-bin/tests/include_layers_test) to check the working
// tree as it is. The self-tests run the same check over small trees made in a
// temporary folder, one clean and some with a planted wrong include.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace podium {
namespace {

namespace fs = std::filesystem;

// One folder of the layer order: `engine/<name>` or `tools`.
struct Layer {
  std::string_view folder;
  // Lower is more basic: a folder never includes one of a higher rank. Folders
  // of one rank include each other only where `may_include` says so. The rank
  // also words the message ("x is below y").
  int rank;
  // The other folders whose headers this one may include (its own always).
  std::vector<std::string_view> may_include;
};

// clang-format off
// The layer order (docs/architecture.md quotes this table).
const std::vector<Layer> kLayers = {
  // folder              rank  may include, besides its own folder
  {"engine/base",        0,    {}},
  {"engine/provenance",  1,    {"engine/base"}},
  {"engine/registry",    2,    {"engine/base"}},
  {"engine/ingest",      3,    {"engine/base", "engine/registry"}},
  {"engine/matrix",      4,    {"engine/base", "engine/registry", "engine/ingest"}},
  {"engine/normalize",   5,    {"engine/base", "engine/registry", "engine/ingest", "engine/matrix"}},
  // Rating aggregates normalized scores: it may include normalize, never the reverse.
  {"engine/rating",      5,    {"engine/base", "engine/registry", "engine/ingest", "engine/matrix",
                                "engine/normalize"}},
  {"engine/inference",   6,    {"engine/base", "engine/registry", "engine/ingest", "engine/matrix",
                                "engine/normalize", "engine/rating"}},
  // Audit checks claims against documents; check compares two JSON reports.
  {"engine/audit",       7,    {"engine/base", "engine/registry", "engine/ingest"}},
  {"engine/check",       7,    {"engine/base"}},
  {"engine/reporting",   8,    {"engine/base", "engine/provenance", "engine/registry",
                                "engine/ingest", "engine/matrix", "engine/normalize",
                                "engine/rating", "engine/inference", "engine/audit",
                                "engine/check"}},
  {"tools",              9,    {"engine/base", "engine/provenance", "engine/registry",
                                "engine/ingest", "engine/matrix", "engine/normalize",
                                "engine/rating", "engine/inference", "engine/audit",
                                "engine/check", "engine/reporting"}},
  // The Python module runs the command line in-process: a front end beside it.
  {"python",             10,   {"engine/base", "tools"}},
};
// clang-format on

// Top-level folders of the workspace that hold C++: a quoted include starting
// with one of them is a workspace path; any other quoted include is not judged.
const std::set<std::string_view> kWorkspaceFolders = {"engine", "tools", "python", "tests", "fuzz",
                                                      "bench"};

const Layer* FindLayer(std::string_view folder) {
  for (const Layer& layer : kLayers) {
    if (layer.folder == folder) return &layer;
  }
  return nullptr;
}

// The layer folder of a workspace path: "engine/x" for engine/x/..., "tools"
// for anything under tools/, else its first component ("tests", "fuzz", "engine"
// for a file right in engine/); "" when the path has no folder.
std::string FolderOf(std::string_view path) {
  const size_t slash = path.find('/');
  if (slash == std::string_view::npos) return "";
  const std::string_view top = path.substr(0, slash);
  if (top != "engine") return std::string(top);
  const size_t second = path.find('/', slash + 1);
  if (second == std::string_view::npos) return "engine";
  return std::string(path.substr(0, second));
}

// "rating" for engine/rating, "tools" for tools: the name in messages.
std::string_view ShortName(std::string_view folder) {
  constexpr std::string_view kEngine = "engine/";
  if (folder.substr(0, kEngine.size()) == kEngine) folder.remove_prefix(kEngine.size());
  return folder;
}

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

// Why a file of `from` may not include `included` (a workspace path of folder
// `to`), or "" when it may.
std::string Refusal(const std::string& file, const Layer& from, const std::string& to) {
  if (to == from.folder) return "";
  if (to == "tests") {
    return EndsWith(file, "_test.cc") ? "" : "only _test.cc files may include tests/";
  }
  const std::vector<std::string_view>& allowed = from.may_include;
  if (std::find(allowed.begin(), allowed.end(), to) != allowed.end()) return "";
  const Layer* target = FindLayer(to);
  const std::string x(ShortName(from.folder)), y(ShortName(to));
  if (target == nullptr) return y + "/ is outside the layers: engine/ and tools/ never include it";
  if (from.rank < target->rank) return x + " is below " + y;
  if (from.rank == target->rank) return x + " and " + y + " are side by side";
  std::string list;
  for (std::string_view folder : allowed) {
    list += (list.empty() ? "" : ", ") + std::string(ShortName(folder));
  }
  return x + " may include only " + (list.empty() ? "itself" : list);
}

// The quoted include of one line (`#include "path"`, spaces allowed around
// '#'), or "" when the line is not one.
std::string QuotedInclude(std::string_view line) {
  auto skip_spaces = [&line] {
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  };
  skip_spaces();
  if (line.empty() || line.front() != '#') return "";
  line.remove_prefix(1);
  skip_spaces();
  constexpr std::string_view kInclude = "include";
  if (line.substr(0, kInclude.size()) != kInclude) return "";
  line.remove_prefix(kInclude.size());
  skip_spaces();
  if (line.empty() || line.front() != '"') return "";
  const size_t close = line.find('"', 1);
  return close == std::string_view::npos ? "" : std::string(line.substr(1, close - 1));
}

// The violations of one file, `path` relative to `root`.
std::vector<std::string> CheckFile(const fs::path& root, const std::string& path) {
  const std::string folder = FolderOf(path);
  const Layer* layer = FindLayer(folder);
  if (layer == nullptr) {
    return {path + ": " + folder + " is not in the layer table (tests/include_layers_test.cc)"};
  }
  std::vector<std::string> violations;
  std::ifstream in(root / path);
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    const std::string included = QuotedInclude(line);
    if (included.empty() || !kWorkspaceFolders.count(included.substr(0, included.find('/')))) {
      continue;
    }
    const std::string why = Refusal(path, *layer, FolderOf(included));
    if (!why.empty()) {
      violations.push_back(path + ":" + std::to_string(number) + ": " + path + " may not include " +
                           included + " (" + why + ")");
    }
  }
  return violations;
}

// The .h and .cc files under root/engine and root/tools, relative to root, sorted.
std::vector<std::string> SourceFiles(const fs::path& root) {
  std::vector<std::string> files;
  for (const char* top : {"engine", "tools", "python"}) {
    if (!fs::is_directory(root / top)) continue;
    for (const fs::directory_entry& entry : fs::recursive_directory_iterator(
             root / top, fs::directory_options::follow_directory_symlink)) {
      const std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".h" || extension == ".cc")) {
        files.push_back(entry.path().lexically_relative(root).generic_string());
      }
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Every violation under root, in file and line order.
std::vector<std::string> CheckIncludeLayers(const fs::path& root) {
  std::vector<std::string> violations;
  for (const std::string& file : SourceFiles(root)) {
    for (std::string& violation : CheckFile(root, file)) violations.push_back(std::move(violation));
  }
  return violations;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + "\n";
  return text;
}

// A fresh folder for one self-test tree.
fs::path TempTree(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  const fs::path dir = fs::path(tmp != nullptr ? tmp : fs::temp_directory_path().string()) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void Write(const fs::path& root, const std::string& path, const std::string& text) {
  fs::create_directories((root / path).parent_path());
  std::ofstream(root / path) << text;
}

TEST(IncludeLayersSelfTest, PlantedWrongIncludeFailsWithFileLineAndReason) {
  const fs::path root = TempTree("planted");
  Write(root, "engine/base/x.h",
        "// A base header.\n#include <string>\n#include \"engine/rating/y.h\"\n");
  Write(root, "engine/rating/y.h", "#include \"engine/base/x.h\"\n");
  EXPECT_EQ(CheckIncludeLayers(root),
            std::vector<std::string>{"engine/base/x.h:3: engine/base/x.h may not include "
                                     "engine/rating/y.h (base is below rating)"});
}

TEST(IncludeLayersSelfTest, CleanTreePasses) {
  const fs::path root = TempTree("clean");
  Write(root, "engine/base/x.h", "#include \"engine/base/y.h\"\n#include <vector>\n");
  Write(root, "engine/rating/r.cc",
        "#include \"engine/rating/r.h\"\n"
        "#include \"engine/normalize/n.h\"\n"
        "  #  include \"engine/matrix/m.h\"\n"
        "// #include \"engine/reporting/commented_out.h\"\n"
        "#include \"third_party/lib.h\"\n");
  Write(root, "engine/rating/r_test.cc", "#include \"tests/testing.h\"\n");
  // A generated header is judged by its folder, never looked up.
  Write(
      root, "engine/reporting/page.cc",
      "#include \"engine/reporting/generated_css.h\"\n#include \"engine/provenance/manifest.h\"\n");
  Write(root, "tools/cli.cc",
        "#include \"engine/reporting/page.h\"\n#include \"tools/command.h\"\n");
  Write(root, "tools/fuzz/notes.txt", "#include \"fuzz/anything.h\"\n");  // not a source file
  EXPECT_EQ(Joined(CheckIncludeLayers(root)), "");
}

TEST(IncludeLayersSelfTest, EachKindOfViolationIsNamed) {
  const fs::path root = TempTree("kinds");
  Write(root, "engine/normalize/n.h", "#include \"engine/rating/r.h\"\n");
  Write(root, "engine/registry/registry.cc",
        "#include \"engine/ingest/csv_table.h\"\n#include \"engine/provenance/run_log.h\"\n");
  Write(root, "engine/check/c.cc", "#include \"engine/matrix/m.h\"\n");
  Write(root, "engine/inference/i.cc", "#include \"engine/audit/a.h\"\n");
  Write(root, "engine/ingest/x.cc", "#include \"tools/command.h\"\n#include \"tests/testing.h\"\n");
  Write(root, "tools/cli.cc", "#include \"fuzz/fuzz_util.h\"\n");
  Write(root, "engine/newfolder/z.h", "\n");
  EXPECT_EQ(Joined(CheckIncludeLayers(root)),
            "engine/check/c.cc:1: engine/check/c.cc may not include engine/matrix/m.h "
            "(check may include only base)\n"
            "engine/inference/i.cc:1: engine/inference/i.cc may not include engine/audit/a.h "
            "(inference is below audit)\n"
            "engine/ingest/x.cc:1: engine/ingest/x.cc may not include tools/command.h "
            "(ingest is below tools)\n"
            "engine/ingest/x.cc:2: engine/ingest/x.cc may not include tests/testing.h "
            "(only _test.cc files may include tests/)\n"
            "engine/newfolder/z.h: engine/newfolder is not in the layer table "
            "(tests/include_layers_test.cc)\n"
            "engine/normalize/n.h:1: engine/normalize/n.h may not include engine/rating/r.h "
            "(normalize and rating are side by side)\n"
            "engine/registry/registry.cc:1: engine/registry/registry.cc may not include "
            "engine/ingest/csv_table.h (registry is below ingest)\n"
            "engine/registry/registry.cc:2: engine/registry/registry.cc may not include "
            "engine/provenance/run_log.h (registry may include only base)\n"
            "tools/cli.cc:1: tools/cli.cc may not include fuzz/fuzz_util.h "
            "(fuzz/ is outside the layers: engine/ and tools/ never include it)\n");
}

// The table itself: every folder it lets another include is a folder of the
// table of a rank no higher (never upward), and no folder is listed twice.
TEST(IncludeLayersSelfTest, TableNeverPointsUpward) {
  std::set<std::string_view> seen;
  for (const Layer& layer : kLayers) {
    EXPECT_TRUE(seen.insert(layer.folder).second) << layer.folder << " listed twice";
    for (std::string_view folder : layer.may_include) {
      const Layer* target = FindLayer(folder);
      ASSERT_NE(target, nullptr) << layer.folder << " lists " << folder;
      EXPECT_NE(target, &layer) << layer.folder << " lists itself";
      EXPECT_LE(target->rank, layer.rank) << layer.folder << " may include higher " << folder;
    }
  }
}

// The real tree: under `bazel test`, the sources given as data; run by hand,
// the current folder (the workspace root).
TEST(IncludeLayersTest, EngineAndToolsFollowTheLayers) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  const fs::path root = srcdir != nullptr
                            ? fs::path(srcdir) / (workspace != nullptr ? workspace : "podium")
                            : fs::current_path();
  // Each folder of the table reached the test (a package without a `sources`
  // filegroup in the data would pass unseen).
  std::set<std::string> folders;
  for (const std::string& file : SourceFiles(root)) folders.insert(FolderOf(file));
  for (const Layer& layer : kLayers) {
    EXPECT_TRUE(folders.count(std::string(layer.folder)))
        << "no .h or .cc file of " << layer.folder << " under " << root
        << ": add its `sources` filegroup to the data of //tests:include_layers_test";
  }
  const std::vector<std::string> violations = CheckIncludeLayers(root);
  EXPECT_TRUE(violations.empty()) << violations.size() << " include(s) break the layer order "
                                  << "(docs/architecture.md, \"Layers\"):\n"
                                  << Joined(violations);
}

}  // namespace
}  // namespace podium
