// Classroom lessons in the GUI: the Lessons menu, and the panel that tells the student what the
// scenario is, what to try, what to look for, and asks one question.
#pragma once

#include <string>
#include <vector>

#include "scenarios/lesson.hpp"

namespace govsim::viz {

// Menu items, one per shipped lesson; returns the name of the one picked this frame, or "".
std::string lessons_menu_items(const std::vector<ShippedLesson>& lessons);

// The lesson's text in the language shown, with fields for the student's name and answer (kept
// in `student` and `answer`, which outlive the panel: Reset does not clear them).
void draw_lesson_panel(const Lesson& lesson, std::string& student, std::string& answer,
                       float wrap_width);

}  // namespace govsim::viz
