// Loading the scenario a command names: a path, a shipped name, or nothing for the baseline.
#pragma once

#include <string>

#include "cli/commands.hpp"
#include "model/params.hpp"

namespace govsim {

Scenario load_input(const ScenarioArgs& args);  // throws InputError

// A short `--days` (days_text) on a scenario whose warm-up is longer would otherwise be refused;
// unless the user set the warm-up with --set, it is shortened to fit (appended to `input`'s
// overrides), and said so on stderr unless quiet.
void shorten_warmup_to_fit(const ScenarioArgs& original, const std::string& days_text, bool quiet,
                           ScenarioArgs& input);

}  // namespace govsim
