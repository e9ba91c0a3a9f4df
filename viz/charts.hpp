// Line charts drawn with ImDrawList (Debian has no ImPlot): axes with round-number ticks and
// labels, a legend, a read-out of every line under the mouse, and dashed vertical markers on the
// days a policy change took effect.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace govsim::viz {

struct ChartLine {
  std::string label;
  ImU32 colour = IM_COL32(255, 255, 255, 255);
  std::vector<float> y;  // one value a day from day 0; NaN = no data that day
  bool dashed = false;   // design B in compare mode
};

struct ChartMarker {
  float day = 0;
  std::string text;
  bool dashed_design = false;  // a change of design B
};

struct ChartData {
  std::string title;
  std::string unit;
  std::string note;  // after the title, e.g. "7-day mean"
  std::vector<ChartLine> lines;
  std::vector<ChartMarker> markers;
  std::vector<std::string> designs;  // in compare mode: names of A (solid) and B (dashed)
  float x_max = 1;                   // days on the axis
  bool from_zero = true;             // the y axis starts at 0
  const char* format = "%.1f";       // of values and ticks
};

// Draws one chart filling `size` at the cursor.
void draw_chart(const char* id, const ChartData& chart, ImVec2 size);

}  // namespace govsim::viz
