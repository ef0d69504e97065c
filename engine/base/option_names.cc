#include "engine/base/option_names.h"

#include <utility>

namespace podium {
namespace {

std::map<std::string, std::string, std::less<>>& Spelling() {
  static std::map<std::string, std::string, std::less<>> spelling;
  return spelling;
}

}  // namespace

void SetOptionSpelling(std::map<std::string, std::string, std::less<>> spelling) {
  Spelling() = std::move(spelling);
}

std::string OptionName(std::string_view field) {
  const auto& spelling = Spelling();
  const auto it = spelling.find(field);
  return it == spelling.end() ? std::string(field) : it->second;
}

}  // namespace podium
