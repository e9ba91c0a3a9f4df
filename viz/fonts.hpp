// The GUI's fonts: DejaVu Sans (Debian's fonts-dejavu-core) for Latin text, with the Chinese
// glyphs merged in from WenQuanYi Micro Hei (fonts-wqy-microhei) or Noto Sans CJK
// (fonts-noto-cjk), else ImGui's built-in font. GOVSIM_FONT may name another TrueType or
// OpenType file for the text (its bold face is looked for beside it as NAME-Bold.ttf), and
// GOVSIM_CJK_FONT another for the Chinese glyphs; a font that has both serves for both.
//
// Only the glyphs needed are put in the atlas: Latin, the punctuation, the characters of the
// Chinese catalogue and those of the `text` given (the names of the city, the scenario and the
// lesson), so that start-up and memory stay small; the app rebuilds the atlas when a city with new
// characters is loaded.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace govsim::viz {

struct Fonts {
  ImFont* ui = nullptr;     // body text
  ImFont* small = nullptr;  // legends, notes
  ImFont* bold = nullptr;   // headings, map labels
  ImFont* title = nullptr;  // street names on the map
  std::string text_file;    // the fonts read, for messages ("" = ImGui's own)
  std::string cjk_file;
};

// Adds the fonts, at `scale` times their normal size, to ImGui's atlas (cleared first); call
// before the renderer builds its font texture.
Fonts load_fonts(std::string_view text = {}, float scale = 1.0f);

// The characters of `text` that `font` has no glyph for (the atlas must be built).
std::vector<unsigned> missing_glyphs(const ImFont* font, std::string_view text);

// The Chinese font found (GOVSIM_CJK_FONT, else the Debian packages'), or "".
std::string find_cjk_font();

}  // namespace govsim::viz
