// Checks that a govsim-gui screenshot is not blank: the map area holds several distinct colours
// of the map's colour scale, and the chart area has lines drawn in it.
//
//   check_screenshot FILE
//
// The regions follow the main view's layout (a fixed 370-pixel panel on the left; the map over
// the top 58 % of the rest and the charts below it), taken a little inside so that small layout
// changes do not matter. Exit 0 when the picture passes, 1 with the reasons when it does not.
#include <SFML/Graphics/Image.hpp>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace {

struct Box {
  unsigned x0, y0, x1, y1;
};

// A pixel of a colour scale or a chart line, not the grey of text, panels and backgrounds.
bool coloured(sf::Color c) {
  const int hi = std::max({c.r, c.g, c.b}), lo = std::min({c.r, c.g, c.b});
  return hi - lo >= 40;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: check_screenshot FILE\n");
    return 2;
  }
  sf::Image image;
  if (!image.loadFromFile(argv[1])) {
    std::fprintf(stderr, "check_screenshot: cannot read %s\n", argv[1]);
    return 1;
  }
  const sf::Vector2u size = image.getSize();
  if (size.x < 1000 || size.y < 700) {
    std::fprintf(stderr, "check_screenshot: %ux%u is smaller than the 1600x1000 window\n", size.x,
                 size.y);
    return 1;
  }
  const unsigned left = 380, top = 40;
  const unsigned map_bottom = top + (size.y - top) * 55 / 100;
  const Box map{left, top, size.x - 10, map_bottom};
  const Box charts{left, top + (size.y - top) * 62 / 100, size.x - 10, size.y - 10};

  // Grid fills are areas of one colour; lines, text and the legend's colour bar give many
  // colours of few pixels each. So a colour counts once it covers 40 pixels, and the legend's
  // corner (lower left) is left out.
  std::map<unsigned, unsigned> pixels_of;
  for (unsigned y = map.y0; y < map.y1; ++y)
    for (unsigned x = map.x0; x < map.x1; ++x) {
      if (x < map.x0 + 320 && y + 240 > map.y1) continue;
      const sf::Color c = image.getPixel(x, y);
      if (coloured(c)) ++pixels_of[(unsigned(c.r) << 16) | (unsigned(c.g) << 8) | c.b];
    }
  std::set<unsigned> map_colours;
  for (const auto& [colour, n] : pixels_of)
    if (n >= 40) map_colours.insert(colour);
  const sf::Color background = image.getPixel(size.x - 3, size.y - 3);
  unsigned long drawn = 0, lines = 0, total = 0;
  for (unsigned y = charts.y0; y < charts.y1; ++y)
    for (unsigned x = charts.x0; x < charts.x1; ++x) {
      const sf::Color c = image.getPixel(x, y);
      ++total;
      if (c != background) ++drawn;
      if (coloured(c)) ++lines;
    }

  bool ok = true;
  std::printf(
      "map: %zu distinct colours (of 40 pixels or more); charts: %.1f %% of pixels drawn, %lu "
      "coloured\n",
      map_colours.size(), 100.0 * double(drawn) / double(total), lines);
  if (map_colours.size() < 6) {
    std::fprintf(stderr,
                 "check_screenshot: the map shows %zu distinct colours, expected at least 6\n",
                 map_colours.size());
    ok = false;
  }
  if (drawn * 100 < total || lines < 300) {
    std::fprintf(stderr, "check_screenshot: the chart area looks empty\n");
    ok = false;
  }
  return ok ? 0 : 1;
}
