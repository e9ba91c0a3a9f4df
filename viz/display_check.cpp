// Xlib's macros (None, Status, Bool...) clash with SFML and the standard library, so nothing
// else is included here.
#include "viz/display_check.hpp"

#include <X11/Xlib.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace govsim::viz {

DisplayConnection::DisplayConnection() {
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') return;
  display_ = XOpenDisplay(nullptr);
}

double DisplayConnection::dpi() const {
  if (!display_) return 0;
  auto* d = static_cast<Display*>(display_);
  if (const char* xft = XGetDefault(d, "Xft", "dpi")) {
    char* end = nullptr;
    const double value = std::strtod(xft, &end);
    if (end != xft && value > 0) return value;
  }
  const int screen = DefaultScreen(d);
  const int mm = DisplayWidthMM(d, screen);
  return mm > 0 ? DisplayWidth(d, screen) * 25.4 / mm : 0;
}

float scale_for_dpi(double dpi) {
  if (!(dpi > 120)) return 1;
  return std::clamp(static_cast<float>(std::round(dpi / 96 * 4) / 4), 1.0f, 4.0f);
}

DisplayConnection::~DisplayConnection() {
  if (display_) XCloseDisplay(static_cast<Display*>(display_));
}

}  // namespace govsim::viz
