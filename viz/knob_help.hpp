// The governance knobs' help in the window's language. Their meanings, units and group titles
// are written in English in the schema (describe() in model/params.hpp) and translated where they
// are shown, by the catalogue, keyed by the English text. This list marks those texts for the
// catalogue (scripts/update-po.sh extracts it); a test fails when a knob's text is not in it, so
// a new knob's help is translated before it ships.
#pragma once

#include <span>

namespace govsim::viz {

std::span<const char* const> knob_help_texts();

}  // namespace govsim::viz
