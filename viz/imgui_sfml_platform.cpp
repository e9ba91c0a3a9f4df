#include "viz/imgui_sfml_platform.hpp"

#include <SFML/Window/Clipboard.hpp>
#include <cfloat>

namespace govsim::viz {
namespace {

const char* get_clipboard(void* user) {
  auto* text = static_cast<std::string*>(user);
  const std::basic_string<sf::Uint8> utf8 = sf::Clipboard::getString().toUtf8();
  text->assign(utf8.begin(), utf8.end());
  return text->c_str();
}

void set_clipboard(void*, const char* text) {
  sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::char_traits<char>::length(text)));
}

int button_index(sf::Mouse::Button b) {
  switch (b) {
    case sf::Mouse::Left:
      return 0;
    case sf::Mouse::Right:
      return 1;
    case sf::Mouse::Middle:
      return 2;
    default:
      return -1;
  }
}

}  // namespace

ImGuiSfmlPlatform::ImGuiSfmlPlatform(sf::Window& window) : window_(window) {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "govsim_sfml";
  io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
  io.KeyMap[ImGuiKey_Tab] = sf::Keyboard::Tab;
  io.KeyMap[ImGuiKey_LeftArrow] = sf::Keyboard::Left;
  io.KeyMap[ImGuiKey_RightArrow] = sf::Keyboard::Right;
  io.KeyMap[ImGuiKey_UpArrow] = sf::Keyboard::Up;
  io.KeyMap[ImGuiKey_DownArrow] = sf::Keyboard::Down;
  io.KeyMap[ImGuiKey_PageUp] = sf::Keyboard::PageUp;
  io.KeyMap[ImGuiKey_PageDown] = sf::Keyboard::PageDown;
  io.KeyMap[ImGuiKey_Home] = sf::Keyboard::Home;
  io.KeyMap[ImGuiKey_End] = sf::Keyboard::End;
  io.KeyMap[ImGuiKey_Insert] = sf::Keyboard::Insert;
  io.KeyMap[ImGuiKey_Delete] = sf::Keyboard::Delete;
  io.KeyMap[ImGuiKey_Backspace] = sf::Keyboard::Backspace;
  io.KeyMap[ImGuiKey_Space] = sf::Keyboard::Space;
  io.KeyMap[ImGuiKey_Enter] = sf::Keyboard::Enter;
  io.KeyMap[ImGuiKey_Escape] = sf::Keyboard::Escape;
  io.KeyMap[ImGuiKey_KeyPadEnter] = sf::Keyboard::Enter;  // SFML 2.5 has one Enter key
  io.KeyMap[ImGuiKey_A] = sf::Keyboard::A;
  io.KeyMap[ImGuiKey_C] = sf::Keyboard::C;
  io.KeyMap[ImGuiKey_V] = sf::Keyboard::V;
  io.KeyMap[ImGuiKey_X] = sf::Keyboard::X;
  io.KeyMap[ImGuiKey_Y] = sf::Keyboard::Y;
  io.KeyMap[ImGuiKey_Z] = sf::Keyboard::Z;
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.ClipboardUserData = &clipboard_;

  const std::array<std::pair<ImGuiMouseCursor, sf::Cursor::Type>, 8> shapes{{
      {ImGuiMouseCursor_Arrow, sf::Cursor::Arrow},
      {ImGuiMouseCursor_TextInput, sf::Cursor::Text},
      {ImGuiMouseCursor_ResizeAll, sf::Cursor::SizeAll},
      {ImGuiMouseCursor_ResizeNS, sf::Cursor::SizeVertical},
      {ImGuiMouseCursor_ResizeEW, sf::Cursor::SizeHorizontal},
      {ImGuiMouseCursor_ResizeNESW, sf::Cursor::SizeBottomLeftTopRight},
      {ImGuiMouseCursor_ResizeNWSE, sf::Cursor::SizeTopLeftBottomRight},
      {ImGuiMouseCursor_Hand, sf::Cursor::Hand},
  }};
  for (const auto& [imgui, sfml] : shapes) {
    auto cursor = std::make_unique<sf::Cursor>();
    if (cursor->loadFromSystem(sfml)) cursors_[static_cast<std::size_t>(imgui)] = std::move(cursor);
  }
}

void ImGuiSfmlPlatform::process_event(const sf::Event& event) {
  ImGuiIO& io = ImGui::GetIO();
  switch (event.type) {
    case sf::Event::MouseMoved:
      io.MousePos = ImVec2(float(event.mouseMove.x), float(event.mouseMove.y));
      break;
    case sf::Event::MouseLeft:
      io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
      break;
    case sf::Event::MouseButtonPressed:
    case sf::Event::MouseButtonReleased: {
      const int b = button_index(event.mouseButton.button);
      if (b < 0) break;
      const bool pressed = event.type == sf::Event::MouseButtonPressed;
      down_[std::size_t(b)] = pressed;
      if (pressed) pressed_this_frame_[std::size_t(b)] = true;
      io.MousePos = ImVec2(float(event.mouseButton.x), float(event.mouseButton.y));
      break;
    }
    case sf::Event::MouseWheelScrolled:
      if (event.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) {
        io.MouseWheel += event.mouseWheelScroll.delta;
      } else {
        io.MouseWheelH += event.mouseWheelScroll.delta;
      }
      break;
    case sf::Event::KeyPressed:
    case sf::Event::KeyReleased: {
      const int code = event.key.code;
      if (code >= 0 && code < int(sizeof io.KeysDown / sizeof io.KeysDown[0])) {
        io.KeysDown[code] = event.type == sf::Event::KeyPressed;
      }
      io.KeyCtrl = event.key.control;
      io.KeyShift = event.key.shift;
      io.KeyAlt = event.key.alt;
      io.KeySuper = event.key.system;
      break;
    }
    case sf::Event::TextEntered:
      // Control characters arrive as key presses; 127 is Delete.
      if (event.text.unicode >= 32 && event.text.unicode != 127) {
        io.AddInputCharacter(event.text.unicode);
      }
      break;
    case sf::Event::LostFocus:
      for (bool& k : io.KeysDown) k = false;
      io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
      down_ = {};
      break;
    default:
      break;
  }
}

void ImGuiSfmlPlatform::new_frame(float delta_seconds) {
  ImGuiIO& io = ImGui::GetIO();
  const sf::Vector2u size = window_.getSize();
  io.DisplaySize = ImVec2(float(size.x), float(size.y));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  io.DeltaTime = delta_seconds > 0 ? delta_seconds : 1.0f / 60.0f;
  for (std::size_t b = 0; b < down_.size(); ++b) {
    io.MouseDown[b] = down_[b] || pressed_this_frame_[b];
    pressed_this_frame_[b] = false;
  }
  update_cursor();
}

void ImGuiSfmlPlatform::update_cursor() {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.ConfigFlags & ImGuiConfigFlags_NoMouseCursorChange) return;
  const ImGuiMouseCursor wanted = ImGui::GetMouseCursor();
  const bool visible = !io.MouseDrawCursor && wanted != ImGuiMouseCursor_None;
  if (visible != cursor_visible_) {
    window_.setMouseCursorVisible(visible);
    cursor_visible_ = visible;
  }
  if (!visible || wanted == current_cursor_) return;
  const auto& cursor = cursors_[static_cast<std::size_t>(wanted)];
  const auto& arrow = cursors_[static_cast<std::size_t>(ImGuiMouseCursor_Arrow)];
  if (cursor) {
    window_.setMouseCursor(*cursor);
  } else if (arrow) {
    window_.setMouseCursor(*arrow);
  }
  current_cursor_ = wanted;
}

}  // namespace govsim::viz
