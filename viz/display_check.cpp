// Xlib's macros (None, Status, Bool...) clash with SFML and the standard library, so nothing
// else is included here.
#include "viz/display_check.hpp"

#include <X11/Xlib.h>

#include <cstdlib>

namespace govsim::viz {

DisplayConnection::DisplayConnection() {
  const char* name = std::getenv("DISPLAY");
  if (name == nullptr || *name == '\0') return;
  display_ = XOpenDisplay(nullptr);
}

DisplayConnection::~DisplayConnection() {
  if (display_) XCloseDisplay(static_cast<Display*>(display_));
}

}  // namespace govsim::viz
