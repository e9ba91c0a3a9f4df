// The `changes:` list: policy switches during a run, each a partial governance block applied on
// top of the governance in force before it.
#pragma once

#include <vector>

#include "model/params.hpp"
#include "scenarios/yaml_tree.hpp"

namespace govsim {

struct ReadChanges {
  std::vector<PolicyChange> changes;  // sorted by day
  std::vector<Where> day_where;       // where each change's day is written, same order
};

// Reads `changes:` (a list of {day: N, set: {governance keys}}); `set` keys are relative to
// `governance` and may be dotted (platform.level) or nested. Throws InputError at the node.
ReadChanges read_changes(const Tree& list, const GovernanceConfig& base);

}  // namespace govsim
