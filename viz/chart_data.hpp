// The six charts of the GUI, built from a snapshot's daily series: dispute rate; response time
// p50 and p90; backlog; escalations and bounces; trust and the three senses; volunteers. In
// compare mode each line appears twice, design A solid and design B dashed.
#pragma once

#include <vector>

#include "viz/charts.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

// smooth: noisy daily figures become trailing means (7 days; 30 for the dispute rate, like the
// map). Levels (backlog, trust, volunteers) are drawn as they are.
std::vector<ChartData> build_charts(const Snapshot& snapshot, bool smooth);

}  // namespace govsim::viz
