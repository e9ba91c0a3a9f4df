// The GUI's text without a display: chart headings laid out without overlaps at a projector's
// widths in both languages, Chinese wrapped between characters, and a font atlas that holds a
// glyph for every character of a Chinese city's names (and not for characters nobody needs).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "engine/i18n.hpp"
#include "scenarios/loader.hpp"
#include "viz/chart_heading.hpp"
#include "viz/fonts.hpp"

using namespace govsim;
using namespace govsim::viz;

namespace {

// 8 pixels a byte of ASCII and 15 a CJK character (3 bytes in UTF-8), close to the GUI's font.
float fake_width(std::string_view text, float size) {
  float w = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) w += 8;
    if (c >= 0xe0) w += 15;
  }
  return w * size / 15;
}

// An ImGui context with the GUI's fonts for `text`, built on the CPU (no GL needed).
class FontAtlas {
 public:
  explicit FontAtlas(std::string_view text) {
    ImGui::CreateContext();
    fonts = load_fonts(text);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
  }
  ~FontAtlas() { ImGui::DestroyContext(); }
  FontAtlas(const FontAtlas&) = delete;
  FontAtlas& operator=(const FontAtlas&) = delete;
  Fonts fonts;
};

std::vector<TextBox> boxes_of(const HeadingLayout& layout) {
  std::vector<TextBox> boxes;
  for (const PlacedText& p : layout.pieces) boxes.push_back(p.box);
  return boxes;
}

}  // namespace

TEST_CASE("Chinese wraps between characters, English at spaces", "[text]") {
  const auto zh = wrap_text("纠纷率（每千人每月）", 60, 15, fake_width);
  // No line ends with an opening bracket or starts with closing punctuation (禁则).
  CHECK(zh == std::vector<std::string>{"纠纷率", "（每千人", "每月）"});
  CHECK(wrap_text("一二三，四五。", 45, 15, fake_width) ==
        std::vector<std::string>{"一二", "三，四", "五。"});
  for (const std::string& line : wrap_text("居民的获得感、幸福感、安全感。", 45, 15, fake_width)) {
    INFO(line);
    CHECK(!line.starts_with("、"));
    CHECK(!line.starts_with("。"));
  }
  const auto en = wrap_text("Dispute rate (per 1k a month)", 90, 15, fake_width);
  REQUIRE(en.size() >= 3);
  CHECK(en[0] == "Dispute");
  for (const std::string& line : en) CHECK(fake_width(line, 15) <= 90);
  // A word longer than the line is cut rather than drawn over the next chart.
  for (const std::string& line : wrap_text("Escalations", 40, 15, fake_width))
    CHECK(fake_width(line, 15) <= 40);
}

TEST_CASE("chart headings keep inside their chart with no piece over another", "[text]") {
  // The chart widths of 1024x768 (three charts beside the left panel), 1600x1000 and a narrow
  // one; the headings of the GUI's busiest charts in both languages.
  struct Heading {
    std::string title, note;
    std::vector<std::string> legend;
  };
  const std::vector<Heading> headings = {
      {"Dispute rate (per 1k a month)", "30-day mean", {"disputes"}},
      {"Response time (h)",
       "last 7 days' responses; solid: A baseline, dashed: B modern",
       {"p50", "p90"}},
      {"Trust and the three senses (0-1)", "", {"trust", "gain", "happiness", "security"}},
      {"信任与“三感”(0-1)", "", {"信任", "获得感", "幸福感", "安全感"}},
      {"纠纷率 (每千人每月)", "30日均值；实线：A 东关南浦新河示范区，虚线：B modern", {"纠纷"}},
  };
  for (const float width : {120.0f, 212.0f, 400.0f}) {
    for (const Heading& h : headings) {
      INFO(h.title << " at " << width << " px");
      const HeadingLayout layout = layout_heading(h.title, h.legend, h.note, width, 15, fake_width);
      const std::vector<TextBox> boxes = boxes_of(layout);
      CHECK(count_overlaps(boxes) == 0);
      for (const TextBox& b : boxes) {
        CHECK(b.x0 >= 0);
        CHECK(b.x1 <= width);
        CHECK(b.y1 <= layout.bottom);
      }
      std::size_t legend = 0;
      for (const PlacedText& p : layout.pieces) legend += p.legend >= 0 ? 1 : 0;
      CHECK(legend == h.legend.size());
    }
  }
}

TEST_CASE("the overlap count sees touching boxes apart and crossing ones together", "[text]") {
  CHECK(count_overlaps({{0, 0, 10, 10}, {10, 0, 20, 10}}) == 0);
  CHECK(count_overlaps({{0, 0, 10, 10}, {9, 9, 20, 20}}) == 1);
  CHECK(count_overlaps({{0, 0, 10, 10}, {2, 2, 4, 4}, {30, 30, 40, 40}}) == 1);
}

TEST_CASE("the font atlas has a glyph for every character of a Chinese city's names", "[text]") {
  if (find_cjk_font().empty()) {
    WARN("no Chinese font installed (apt-get install fonts-wqy-microhei): nothing to check");
    return;
  }
  const Scenario s = load_scenario("chinese-district");
  std::string names = s.name;
  for (const GridRecord& g : s.grid_table) names += g.street + g.community + g.name;
  REQUIRE(names.find("东关街道") != std::string::npos);
  const FontAtlas atlas(names);
  for (const ImFont* font :
       {atlas.fonts.ui, atlas.fonts.small, atlas.fonts.bold, atlas.fonts.title})
    CHECK(missing_glyphs(font, names).empty());
  // The catalogue's characters are there too, so that switching language needs no new atlas.
  CHECK(
      missing_glyphs(atlas.fonts.ui, i18n::tr_in(i18n::Language::Zh, "Sense of security")).empty());
  // Only what is needed: a character in no name and no message is left out of the atlas.
  CHECK(missing_glyphs(atlas.fonts.ui, "龘").size() == 1);
}
