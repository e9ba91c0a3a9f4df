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
  // The screen's dots per inch: the desktop's setting (the X resource Xft.dpi, which GNOME, KDE
  // and xrdb set for a high-DPI screen) or else the screen's pixels over its size in mm; 0 when
  // neither is known. (SFML 2.5 tells a screen's pixels, not its size, so this asks X.)
  double dpi() const;

 private:
  void* display_ = nullptr;  // Display*, kept opaque so Xlib's macros stay in the .cpp
};

// The --scale for a screen of `dpi`: 1 up to 120 dpi (an ordinary screen, a projector, Xvfb),
// then dpi / 96 in steps of 0.25 (2 at 192 dpi, e.g. 2560x1440 on a 15" laptop), at most 4.
float scale_for_dpi(double dpi);

}  // namespace govsim::viz
