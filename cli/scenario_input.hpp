// Loading the scenario a command names: a path, a shipped name, or nothing for the baseline.
#pragma once

#include "cli/commands.hpp"
#include "model/params.hpp"

namespace govsim {

Scenario load_input(const ScenarioArgs& args);  // throws InputError

}  // namespace govsim
