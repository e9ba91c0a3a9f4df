// Compare mode: two designs on the same city, with the same seed and so the same per-agent random
// streams (every draw is keyed by seed, entity and time), so that any difference between them
// comes from the design. Here: picking design B, and the whole-run figures side by side.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "scenarios/loader.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

// A combo of the shipped scenarios whose design B can take. Returns the name picked this frame,
// "" to end compare mode, or nothing.
std::optional<std::string> draw_compare_picker(const Snapshot& snapshot,
                                               const std::vector<ShippedScenario>& shipped);

// The run's figures so far (after the warm-up): one column per design, and B - A.
void draw_figures_table(const Snapshot& snapshot);

}  // namespace govsim::viz
