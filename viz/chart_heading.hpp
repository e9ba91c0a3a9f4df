// Where a chart's heading goes: the title (with its unit), the legend and the note, wrapped to the
// chart's width so that nothing runs into the next chart or into another piece of the heading (a
// projector at 1024x768 leaves a chart some 200 pixels). Pure arithmetic on text widths, so that a
// test can check the boxes at any width, in any language.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace govsim::viz {

struct TextBox {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool intersects(const TextBox& o) const {
    return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1;
  }
};

struct PlacedText {
  std::string text;
  TextBox box;
  bool small = false;  // drawn at the note's size
  int legend = -1;     // the index of the legend's line, or -1 for text
};

struct HeadingLayout {
  std::vector<PlacedText> pieces;
  float bottom = 0;  // where the plot may begin, from the chart's top
};

// Text width at a font size, e.g. ImFont::CalcTextSizeA.
using MeasureText = std::function<float(std::string_view text, float size)>;

// Splits `text` into lines no wider than `width`: at spaces, and between any two CJK characters
// (which are written without spaces). A word wider than a line is cut.
std::vector<std::string> wrap_text(std::string_view text, float width, float size,
                                   const MeasureText& measure);

// Lays out a heading in a chart `width` wide, with its pieces in the chart's own coordinates
// (0,0 at its top left). `legend` holds the labels of the legend's entries, each drawn after a
// swatch of `swatch` pixels.
HeadingLayout layout_heading(const std::string& title, const std::vector<std::string>& legend,
                             const std::string& note, float width, float font_size,
                             const MeasureText& measure);

// How many pairs of boxes overlap.
int count_overlaps(const std::vector<TextBox>& boxes);

// The layout check (govsim-gui --check-layout): the text boxes drawn in one frame, in window
// coordinates, each with what it is; kept only while `enabled`.
struct TextBoxLog {
  bool enabled = false;
  std::vector<TextBox> boxes;
  std::vector<std::string> what;
  void add(const TextBox& box, std::string_view name) {
    if (!enabled) return;
    boxes.push_back(box);
    what.emplace_back(name);
  }
};
TextBoxLog& text_box_log();

inline constexpr float kSwatch = 16, kSwatchGap = 6, kLegendGap = 10, kHeadingPad = 8;

}  // namespace govsim::viz
