#include "viz/lessons.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "engine/i18n.hpp"
#include "viz/chart_heading.hpp"

namespace govsim::viz {
namespace {

// Text wrapped to `width` by the GUI's own rules (between words in English, between characters in
// Chinese, never a line that starts with a comma or a full stop), not by ImGui's, which breaks
// Chinese anywhere, even inside "0.8".
void wrapped(const std::string& text, float width) {
  const ImFont* font = ImGui::GetFont();
  const MeasureText measure = [font](std::string_view t, float size) {
    return font->CalcTextSizeA(size, 1e9f, 0, t.data(), t.data() + t.size()).x;
  };
  for (const std::string& line : wrap_text(text, width, ImGui::GetFontSize(), measure))
    ImGui::TextUnformatted(line.c_str());
}

void section(const char* heading, const LocalText& text, const ImVec4& colour, float width) {
  ImGui::Spacing();
  ImGui::TextColored(colour, "%s", heading);
  wrapped(text.shown(), width);
}

}  // namespace

std::string lessons_menu_items(const std::vector<ShippedLesson>& lessons) {
  std::string picked;
  for (const ShippedLesson& l : lessons)
    if (ImGui::MenuItem(l.title.shown().c_str())) picked = l.name;
  return picked;
}

void draw_lesson_panel(const Lesson& lesson, std::string& student, std::string& answer,
                       float wrap_width) {
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap_width);
  ImGui::TextColored(ImVec4(1.0f, 0.84f, 0.47f, 1.0f), "%s", lesson.title.shown().c_str());
  ImGui::TextDisabled(i18n::tr("scenario: %s%s%s"), lesson.scenario.c_str(),
                      lesson.compare.empty() ? "" : i18n::tr(", compared with "),
                      lesson.compare.c_str());
  section(i18n::tr("The setting"), lesson.intro, ImVec4(0.55f, 0.75f, 1.0f, 1.0f), wrap_width);
  section(i18n::tr("Try this"), lesson.try_this, ImVec4(0.55f, 0.75f, 1.0f, 1.0f), wrap_width);
  section(i18n::tr("Look for"), lesson.look_for, ImVec4(0.55f, 0.75f, 1.0f, 1.0f), wrap_width);
  section(i18n::tr("Question"), lesson.question, ImVec4(1.0f, 0.6f, 0.85f, 1.0f), wrap_width);
  if (lesson.stop_at_day >= 0) {
    ImGui::TextDisabled(i18n::tr("The run pauses by itself on day %lld."),
                        static_cast<long long>(lesson.stop_at_day));
  }
  ImGui::PopTextWrapPos();
  ImGui::SetNextItemWidth(wrap_width);
  ImGui::InputTextWithHint("##student", i18n::tr("Your name"), &student);
  ImGui::InputTextMultiline("##answer", &answer, ImVec2(wrap_width, ImGui::GetFontSize() * 4));
  if (answer.empty()) {
    const ImVec2 box = ImGui::GetItemRectMin();
    ImGui::GetWindowDrawList()->AddText(ImVec2(box.x + 6, box.y + 4),
                                        ImGui::GetColorU32(ImGuiCol_TextDisabled),
                                        i18n::tr("Your answer..."));
  }
  ImGui::TextDisabled("%s", i18n::tr("File > Save answers keeps them with your name"));
}

}  // namespace govsim::viz
