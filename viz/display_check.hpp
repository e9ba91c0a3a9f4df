// Whether an X display can be opened. SFML aborts the process when it cannot open one, so the
// GUI asks first and can say what to do instead.
#pragma once

namespace govsim::viz {

// Holds its connection open while it lives: an X server that resets when its last client leaves
// (Xvfb under xvfb-run does) would otherwise be mid-reset when SFML connects a moment later.
class DisplayConnection {
 public:
  DisplayConnection();  // tries $DISPLAY
  ~DisplayConnection();
  DisplayConnection(const DisplayConnection&) = delete;
  DisplayConnection& operator=(const DisplayConnection&) = delete;

  bool ok() const { return display_ != nullptr; }

 private:
  void* display_ = nullptr;  // Display*, kept opaque so Xlib's macros stay in the .cpp
};

}  // namespace govsim::viz
