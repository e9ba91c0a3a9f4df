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

// Draws the knobs of `config` and edits it in place. `changed_from` (may be null) marks knobs
// that differ from that design, e.g. the scenario's own.
KnobEdit draw_knob_editor(GovernanceConfig& config, const GovernanceConfig* changed_from);

}  // namespace govsim::viz
