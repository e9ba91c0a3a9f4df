// The GUI's fonts: DejaVu Sans (Debian's fonts-dejavu-core) when it is installed, else ImGui's
// built-in font. GOVSIM_FONT may name another TrueType file (its bold face is looked for beside
// it as NAME-Bold.ttf).
#pragma once

#include <imgui.h>

namespace govsim::viz {

struct Fonts {
  ImFont* ui = nullptr;     // body text
  ImFont* small = nullptr;  // legends, notes
  ImFont* bold = nullptr;   // headings, map labels
  ImFont* title = nullptr;  // street names on the map
};

// Adds the fonts to ImGui's atlas; call before the renderer builds its font texture.
Fonts load_fonts();

}  // namespace govsim::viz
