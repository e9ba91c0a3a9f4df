#include "viz/fonts.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

#include "engine/i18n.hpp"

namespace govsim::viz {
namespace {

// Where Debian, Fedora and Arch put DejaVu Sans.
constexpr const char* kCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
};

// Chinese fonts, lightest first: Debian's fonts-wqy-microhei (5 MB), fonts-wqy-zenhei and
// fonts-noto-cjk; Fedora's and Arch's names of the same.
constexpr const char* kCjkCandidates[] = {
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
};

bool exists(const char* path) {
  std::error_code error;
  return path && *path && std::filesystem::is_regular_file(path, error);
}

std::string find_font() {
  if (const char* env = std::getenv("GOVSIM_FONT"); exists(env)) return env;
  for (const char* path : kCandidates)
    if (exists(path)) return path;
  return "";
}

std::string bold_of(const std::string& regular) {
  std::filesystem::path p(regular);
  const std::filesystem::path bold =
      p.parent_path() / (p.stem().string() + "-Bold" + p.extension().string());
  std::error_code error;
  return std::filesystem::exists(bold, error) ? bold.string() : regular;
}

// The ranges of the atlas: ImGui keeps a pointer to them until the atlas is built, so they live
// here until the next load.
ImVector<ImWchar>& glyph_ranges() {
  static ImVector<ImWchar> ranges;
  return ranges;
}

void build_ranges(std::string_view text) {
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesDefault());  // Basic Latin, Latin-1
  static const ImWchar kPunctuation[] = {
      0x2000, 0x206F,  // general punctuation: dashes, quotes, the ellipsis
      0x2190, 0x21FF,  // arrows
      0x3000, 0x303F,  // CJK symbols and punctuation: 、。「」
      0xFF00, 0xFFEF,  // full-width forms: ，：（）
      0,
  };
  builder.AddRanges(kPunctuation);
  builder.AddText(i18n::catalogue_text(i18n::Language::Zh).c_str());
  const std::string copy(text);
  builder.AddText(copy.c_str());
  glyph_ranges().clear();
  builder.BuildRanges(&glyph_ranges());
}

}  // namespace

std::string find_cjk_font() {
  if (const char* env = std::getenv("GOVSIM_CJK_FONT"); exists(env)) return env;
  for (const char* path : kCjkCandidates)
    if (exists(path)) return path;
  return "";
}

Fonts load_fonts(std::string_view text, float scale) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts f;
  const std::string regular = find_font();
  const std::string cjk = find_cjk_font();
  const auto fallback = [&] {
    io.Fonts->Clear();
    Fonts d;
    d.ui = io.Fonts->AddFontDefault();
    d.small = d.bold = d.title = d.ui;
    return d;
  };
  if (regular.empty()) return fallback();
  build_ranges(text);
  const std::string bold = bold_of(regular);
  // Each size: the text font, then the Chinese glyphs merged into it. Where both fonts have a
  // glyph, the text font's is kept.
  const auto add = [&](const std::string& file, float size) -> ImFont* {
    ImFontConfig config;
    config.OversampleH = 2;
    config.OversampleV = 1;
    ImFont* font =
        io.Fonts->AddFontFromFileTTF(file.c_str(), size * scale, &config, glyph_ranges().Data);
    if (font && !cjk.empty() && cjk != file) {
      ImFontConfig merge;
      merge.MergeMode = true;
      merge.OversampleH = 1;  // CJK strokes are dense; oversampling them costs atlas, not clarity
      merge.OversampleV = 1;
      io.Fonts->AddFontFromFileTTF(cjk.c_str(), size * scale, &merge, glyph_ranges().Data);
    }
    return font;
  };
  f.ui = add(regular, 15.0f);
  f.small = add(regular, 13.0f);
  f.bold = add(bold, 14.0f);
  f.title = add(bold, 18.0f);
  if (!f.ui || !f.small || !f.bold || !f.title) return fallback();
  f.text_file = regular;
  f.cjk_file = cjk;
  return f;
}

std::vector<unsigned> missing_glyphs(const ImFont* font, std::string_view text) {
  std::vector<unsigned> missing;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    const std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xe ? 3 : 4;
    if (i + n > text.size()) break;
    unsigned c = n == 1 ? b : b & (0x7fu >> n);
    for (std::size_t k = 1; k < n; ++k)
      c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3fu);
    i += n;
    if (c < 0x20 || c > 0xffff) continue;  // ImWchar is 16 bits in Debian's build
    if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c))) missing.push_back(c);
  }
  return missing;
}

}  // namespace govsim::viz
