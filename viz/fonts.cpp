#include "viz/fonts.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace govsim::viz {
namespace {

// Where Debian, Fedora and Arch put DejaVu Sans.
constexpr const char* kCandidates[] = {
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
};

std::string find_font() {
  std::error_code error;
  if (const char* env = std::getenv("GOVSIM_FONT"); env && std::filesystem::exists(env, error))
    return env;
  for (const char* path : kCandidates)
    if (std::filesystem::exists(path, error)) return path;
  return "";
}

std::string bold_of(const std::string& regular) {
  std::filesystem::path p(regular);
  const std::filesystem::path bold =
      p.parent_path() / (p.stem().string() + "-Bold" + p.extension().string());
  std::error_code error;
  return std::filesystem::exists(bold, error) ? bold.string() : regular;
}

}  // namespace

Fonts load_fonts() {
  ImGuiIO& io = ImGui::GetIO();
  Fonts f;
  const std::string regular = find_font();
  if (regular.empty()) {
    f.ui = io.Fonts->AddFontDefault();
    f.small = f.bold = f.title = f.ui;
    return f;
  }
  const std::string bold = bold_of(regular);
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  f.ui = io.Fonts->AddFontFromFileTTF(regular.c_str(), 15.0f, &config);
  f.small = io.Fonts->AddFontFromFileTTF(regular.c_str(), 13.0f, &config);
  f.bold = io.Fonts->AddFontFromFileTTF(bold.c_str(), 14.0f, &config);
  f.title = io.Fonts->AddFontFromFileTTF(bold.c_str(), 18.0f, &config);
  if (!f.ui || !f.small || !f.bold || !f.title) {
    io.Fonts->Clear();
    f = Fonts{};
    f.ui = io.Fonts->AddFontDefault();
    f.small = f.bold = f.title = f.ui;
  }
  return f;
}

}  // namespace govsim::viz
