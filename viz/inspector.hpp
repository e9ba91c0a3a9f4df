// The grid inspector: who lives and works in the clicked grid, its open cases by domain and tier,
// and its recent cases, each with its path through the tiers and its times.
#pragma once

#include "viz/snapshot.hpp"

namespace govsim::viz {

// Draws into the current ImGui window. One tab per design in compare mode.
void draw_inspector(const Snapshot& snapshot, int grid);

}  // namespace govsim::viz
