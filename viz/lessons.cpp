#include "viz/lessons.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include "engine/i18n.hpp"

namespace govsim::viz {
namespace {

void section(const char* heading, const LocalText& text, const ImVec4& colour) {
  ImGui::Spacing();
  ImGui::TextColored(colour, "%s", heading);
  ImGui::TextWrapped("%s", text.shown().c_str());
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
  section(i18n::tr("The setting"), lesson.intro, ImVec4(0.55f, 0.75f, 1.0f, 1.0f));
  section(i18n::tr("Try this"), lesson.try_this, ImVec4(0.55f, 0.75f, 1.0f, 1.0f));
  section(i18n::tr("Look for"), lesson.look_for, ImVec4(0.55f, 0.75f, 1.0f, 1.0f));
  section(i18n::tr("Question"), lesson.question, ImVec4(1.0f, 0.6f, 0.85f, 1.0f));
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
