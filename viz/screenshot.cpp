#include "viz/screenshot.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>

namespace govsim::viz {

std::string save_screenshot(const sf::RenderWindow& window, const std::string& path) {
  const sf::Vector2u size = window.getSize();
  sf::Texture texture;
  if (!texture.create(size.x, size.y)) return "cannot create a texture to copy the window into";
  texture.update(window);
  const sf::Image image = texture.copyToImage();
  if (!image.saveToFile(path)) return "cannot write '" + path + "'";
  return "";
}

}  // namespace govsim::viz
