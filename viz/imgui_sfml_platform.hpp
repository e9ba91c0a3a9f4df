// The project's own small Dear ImGui platform layer for SFML 2.5 (Debian ships no ImGui-SFML):
// mouse, wheel, keys (ImGui 1.86's io.KeysDown / io.KeyMap), text input, clipboard, cursor
// shapes, display size and delta time. Rendering is ImGui's own OpenGL3 backend.
#pragma once

#include <imgui.h>

#include <SFML/Window/Cursor.hpp>
#include <SFML/Window/Event.hpp>
#include <SFML/Window/Window.hpp>
#include <array>
#include <memory>
#include <string>

namespace govsim::viz {

class ImGuiSfmlPlatform {
 public:
  // Needs a current ImGui context.
  explicit ImGuiSfmlPlatform(sf::Window& window);
  ImGuiSfmlPlatform(const ImGuiSfmlPlatform&) = delete;
  ImGuiSfmlPlatform& operator=(const ImGuiSfmlPlatform&) = delete;

  void process_event(const sf::Event& event);
  // Before ImGui::NewFrame: display size, delta time, mouse buttons, cursor shape.
  void new_frame(float delta_seconds);

 private:
  void update_cursor();

  sf::Window& window_;
  std::array<bool, 3> down_{};                // button held, from events
  std::array<bool, 3> pressed_this_frame_{};  // so that a click within one frame counts
  std::array<std::unique_ptr<sf::Cursor>, ImGuiMouseCursor_COUNT> cursors_;
  ImGuiMouseCursor current_cursor_ = ImGuiMouseCursor_Arrow;
  bool cursor_visible_ = true;
  std::string clipboard_;  // keeps the text ImGui asked for alive
};

}  // namespace govsim::viz
