// Saves what the window shows as an image (PNG by the file's extension). Call after everything
// is drawn and before display(), while the back buffer holds the frame.
#pragma once

#include <SFML/Graphics/RenderWindow.hpp>
#include <string>

namespace govsim::viz {

// Returns "" on success, else what went wrong.
std::string save_screenshot(const sf::RenderWindow& window, const std::string& path);

}  // namespace govsim::viz
