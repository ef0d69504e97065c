// One name table per enum: the names used on the command line, in reports and
// in manifests, and their parsing, written once.
//
//   inline constexpr EnumName<TieModel> kTieModelNames[] = {
//       {TieModel::kHalf, "half"}, {TieModel::kDrop, "drop"}, ...};
//   NameOf(kTieModelNames, TieModel::kDrop)   -> "drop"
//   ParseName(kTieModelNames, "drop")         -> TieModel::kDrop
//   ParseName(kTieModelNames, "draw")         -> nullopt (never a default)
//   NamesOf(kTieModelNames)                   -> {"half", "drop", "davidson"}
#ifndef PODIUM_ENGINE_BASE_ENUM_NAMES_H_
#define PODIUM_ENGINE_BASE_ENUM_NAMES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace podium {

template <typename Enum>
struct EnumName {
  Enum value;
  const char* name;
};

// The name of `value`; "" when the table lacks it (a table is complete by
// construction, and enum_names_test checks the tables of the engine).
template <typename Enum, size_t N>
const char* NameOf(const EnumName<Enum> (&table)[N], Enum value) {
  for (const EnumName<Enum>& e : table) {
    if (e.value == value) return e.name;
  }
  return "";
}

// The value named `name` (exact, case-sensitive), or nullopt.
template <typename Enum, size_t N>
std::optional<Enum> ParseName(const EnumName<Enum> (&table)[N], std::string_view name) {
  for (const EnumName<Enum>& e : table) {
    if (name == e.name) return e.value;
  }
  return std::nullopt;
}

// Every name, in table order (for help texts and option checks).
template <typename Enum, size_t N>
std::vector<std::string> NamesOf(const EnumName<Enum> (&table)[N]) {
  std::vector<std::string> names;
  for (const EnumName<Enum>& e : table) names.emplace_back(e.name);
  return names;
}

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_ENUM_NAMES_H_
