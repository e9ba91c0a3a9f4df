// The grid inspector: who lives and works in the clicked grid; its households, open disputes with
// both parties and incidents; its open cases by domain and tier, and its recent cases, each with
// its path through the tiers and its times.
#pragma once

#include <array>

#include "engine/i18n.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

// The inspector's tabs: the grid's figures and staff; its households, disputes with both parties
// and incidents (MODEL.md 7.24); its cases.
enum class InspectorTab : int { Now, People, Cases };
inline constexpr int kInspectorTabs = 3;
inline constexpr std::array<const char*, kInspectorTabs> kInspectorTabKeys{"overview", "people",
                                                                           "cases"};  // --inspect
inline constexpr std::array<const char*, kInspectorTabs> kInspectorTabLabels{
    N_("Overview"), N_("Households and disputes"), N_("Cases")};

// Draws into the current ImGui window. One tab per design in compare mode. `open_tab` is a tab to
// bring to the front (an InspectorTab, or -1 for none); it is set to -1 once the tab is shown.
void draw_inspector(const Snapshot& snapshot, int grid, int& open_tab);

}  // namespace govsim::viz
