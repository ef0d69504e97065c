#include "engine/provenance/manifest.h"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <cstdio>
#include <memory>

#include "engine/base/json_number.h"
#include "engine/base/sha256.h"

namespace podium {
namespace {

using Json = nlohmann::ordered_json;

// Standard output of a shell command, or nullopt when it fails.
std::optional<std::string> CommandOutput(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return std::nullopt;
  std::string out;
  std::array<char, 256> buffer;
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe.get()))
    out.append(buffer.data(), n);
  if (pclose(pipe.release()) != 0) return std::nullopt;
  return out;
}

}  // namespace

const char* PodiumVersion() { return "0.1.0"; }

std::string ShellQuote(const std::string& arg) {
  if (!arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                            "0123456789-_.,/=:@") == std::string::npos) {
    return arg;
  }
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string CommandLine(const std::vector<std::string>& argv, const std::string& program) {
  std::string out = program;
  for (const std::string& a : argv) out += " " + ShellQuote(a);
  return out;
}

std::optional<std::string> GitCommit(const std::string& home) {
  const std::string git = "git -C " + ShellQuote(home);
  std::optional<std::string> head = CommandOutput(git + " rev-parse HEAD 2>/dev/null");
  if (!head || head->size() < 40) return std::nullopt;
  std::string commit = head->substr(0, 40);
  std::optional<std::string> status =
      CommandOutput(git + " status --porcelain --untracked-files=no 2>/dev/null");
  if (status && !status->empty()) commit += "-dirty";
  return commit;
}

std::optional<Json> BuildManifest(const ManifestInput& input, Diagnostics* diagnostics) {
  Json m;
  m["podium_version"] = PodiumVersion();
  if (!input.reproducible) {
    std::optional<std::string> commit = GitCommit(input.home);
    m["git_commit"] = commit ? Json(*commit) : Json(nullptr);
  }
  m["command"] = input.argv;
  m["command_line"] = CommandLine(input.argv);
  m["options"] = input.options;
  for (const char* key : {"--seed", "--rounds"}) {
    if (!input.options.contains(key) || !input.options[key].is_string()) continue;
    const std::string text = input.options[key].get<std::string>();
    try {
      m[std::string(key + 2)] = std::stoll(text);
    } catch (const std::exception&) {
      m[std::string(key + 2)] = text;
    }
  }
  Json inputs = Json::array();
  Json dropped = Json::array();
  if (input.log != nullptr) {
    for (const RunLog::Input& f : input.log->inputs) {
      std::string error;
      int64_t bytes = 0;
      std::optional<std::string> sha256 = Sha256File(f.path, &bytes, &error);
      if (!sha256) {
        diagnostics->Error(Location{f.shown}, "", "", "cannot read input for its hash: " + error);
        return std::nullopt;
      }
      inputs.push_back({{"path", f.shown},
                        {"kind", f.kind},
                        {"rows", f.rows},
                        {"bytes", bytes},
                        {"sha256", *sha256}});
    }
    for (const RunLog::Dropped& d : input.log->dropped) {
      dropped.push_back({{"what", d.what}, {"count", d.count}, {"reason", d.reason}});
    }
  }
  m["inputs"] = std::move(inputs);
  m["dropped"] = std::move(dropped);
  m["reproducible"] = input.reproducible;
  if (!input.reproducible) m["seconds"] = JsonNumber(std::round(input.seconds * 1e4) / 1e4);
  return m;
}

std::optional<std::string> AttachManifest(const std::string& report_json,
                                          const ManifestInput& input, Diagnostics* diagnostics) {
  // Reports are written by Json::dump(2), so the manifest can be appended as
  // text, exactly as dump(2) would place a last key, without parsing a report
  // that may hold large matrices again.
  const std::string end = "\n}\n";
  if (report_json.size() < end.size() ||
      report_json.compare(report_json.size() - end.size(), end.size(), end) != 0 ||
      report_json.find("\n  \"manifest\": ") != std::string::npos) {
    diagnostics->Error(Location{"<report>"}, "", "",
                       "internal: a report to carry a manifest must be a dump(2) JSON object "
                       "without one");
    return std::nullopt;
  }
  std::optional<Json> manifest = BuildManifest(input, diagnostics);
  if (!manifest) return std::nullopt;
  std::string nested;
  for (char c : manifest->dump(2)) {
    nested += c;
    if (c == '\n') nested += "  ";
  }
  return report_json.substr(0, report_json.size() - end.size()) + ",\n  \"manifest\": " + nested +
         end;
}

}  // namespace podium
