// The GUI application: the window, the frame loop, the layout of the panels and the map, and the
// headless modes (--screenshot, --bench-frames).
#pragma once

#include <cstdint>
#include <string>

#include "model/params.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

enum class View { Map, Compare, Charts };

struct AppOptions {
  unsigned width = 1600, height = 1000;
  View view = View::Map;
  MapMetric metric = MapMetric::Trust;
  std::string compare;  // design B's scenario; "" = one design
  std::string lesson;   // a lesson to start with
  int select = -1;      // a grid to open in the inspector
  int inspect = -1;     // the inspector's tab to show first (InspectorTab), -1 = as it was
  bool play = false;
  double speed = 20;       // days a second; 0 = as fast as possible
  int threads = 0;         // simulation threads; 0 = every core but one
  std::string screenshot;  // save the window here after `frames` frames, then exit
  int frames = 30;
  std::int64_t until_day = -1;  // before the screenshot, run to this day as fast as possible
  int bench_frames = 0;         // measure this many frames at full simulation speed, then exit
  float scale = 1;              // the size of text and panels (--scale; a projector, a 4K screen)
  bool check_layout = false;    // with --screenshot: report overlapping text and missing glyphs
};

// Runs until the window closes (or the screenshot or benchmark is done). Returns the exit code.
int run_app(Scenario scenario, const AppOptions& options);

}  // namespace govsim::viz
