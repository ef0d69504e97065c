// How engine messages name an option: by the field of the engine's option
// struct ("min_battles", "on_conflict"), spelt the way the front end in use
// spells it. The command line maps every field to its flag once, at start
// ("min_battles" -> "--min-battles"), so messages and reports read
// "fewer than --min-battles 5"; a front end that sets nothing (a unit test,
// a library caller) gets the field names themselves.
//
// The spelling is process-wide configuration, set before any engine work
// starts (never while an engine call runs on another thread).
#ifndef PODIUM_ENGINE_BASE_OPTION_NAMES_H_
#define PODIUM_ENGINE_BASE_OPTION_NAMES_H_

#include <map>
#include <string>
#include <string_view>

namespace podium {

// Field -> name as the front end spells it; fields not listed keep their
// field name. Replaces any earlier spelling.
void SetOptionSpelling(std::map<std::string, std::string, std::less<>> spelling);

// `field` as the front end spells it ("--min-battles"), or `field`.
std::string OptionName(std::string_view field);

}  // namespace podium

#endif  // PODIUM_ENGINE_BASE_OPTION_NAMES_H_
