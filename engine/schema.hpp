// Schema metadata: what a visitor is handed with each field of a parameter struct's `describe`
// list (model/params.hpp). The lists are walked by the scenario loader, the key table, the
// manifest and checkpoints; this header is all they share.
#pragma once

namespace govsim {

struct FieldDoc {
  const char* unit;    // "" when dimensionless
  const char* doc;     // one line: what it means
  const char* source;  // grade and source, e.g. "A: national 2021-25 plan"

  // The same unit and source with another meaning, for runs of alike fields.
  constexpr FieldDoc with(const char* meaning) const { return {unit, meaning, source}; }
};

}  // namespace govsim
