// The live editor of the governance design, generic over describe(v, GovernanceConfig&): every
// knob of the schema gets a widget of its type (number, whole number, flag, choice) with its
// range, unit and meaning, and a knob added to model/params.hpp appears here with no edit.
#pragma once

#include <string>

#include "model/params.hpp"

namespace govsim::viz {

struct KnobEdit {
  bool committed = false;  // the user finished changing a knob this frame
  bool active = false;     // a knob is being dragged or typed into
  std::string summary;     // "platform.level=0.8" when committed
};

// Why a knob (its path under governance, "deadlines.small_wd") does nothing in a run of
// `calendar` under design `config`, in the current language; nullptr when it acts. Such knobs
// stay editable (a later change of design may need them) but are drawn dimmed, with the reason.
const char* knob_idle_reason(const std::string& path, const GovernanceConfig& config,
                             const CalendarConfig& calendar);

// Draws the knobs of `config` and edits it in place. `changed_from` (may be null) marks knobs
// that differ from that design, e.g. the scenario's own; `calendar` (may be null) is the run's,
// for knob_idle_reason.
KnobEdit draw_knob_editor(GovernanceConfig& config, const GovernanceConfig* changed_from,
                          const CalendarConfig* calendar = nullptr);

// The keys a planner may look for in the knob panel that are not governance and cannot change
// during a run (the working calendar, people, space), with this run's values, in the current
// language: one paragraph for the foot of the panel.
std::string fixed_keys_note(const Scenario& scenario);

}  // namespace govsim::viz
