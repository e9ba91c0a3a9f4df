// Loads scenarios: YAML files or the scenarios shipped in the binary, with `extends` chains,
// `changes:` lists and `--set key=value` overrides, every value validated against the schema in
// model/params.hpp. Any mistake is an InputError "file:line:column: key: problem".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/params.hpp"
#include "scenarios/local_text.hpp"

namespace govsim {

// name_or_path: a file path if it exists (or contains '/' or ends in .yaml/.yml), else the name
// of a shipped scenario. `overrides` are "path.to.key=value", applied after `extends` and before
// validation, the value read as a YAML scalar.
Scenario load_scenario(const std::string& name_or_path,
                       const std::vector<std::string>& overrides = {});

// The baseline city under today's design (shipped scenario "baseline").
Scenario load_builtin_default(const std::vector<std::string>& overrides = {});

// A run shortened to `days` on a scenario whose warm-up (`warmup_days`) is not shorter would be
// refused; the warm-up that fits is a tenth of the run. nullopt when the warm-up already fits
// (or days < 1, which the loader reports). `govsim run --days` and Python's govsim.run(days=)
// apply it unless the user set run.warmup_days themselves.
std::optional<std::int64_t> warmup_to_fit(std::int64_t warmup_days, std::int64_t days);

struct ShippedScenario {
  std::string name;       // what load_scenario takes
  LocalText title;        // first sentence of the description
  LocalText description;  // the scenario's `description`, in each language it gives
};

std::vector<ShippedScenario> shipped_scenarios();  // sorted by name

// A loaded scenario's `description` in each language its file gives: `description: {en: ...,
// zh: ...}` or one text for every language (Scenario::description holds the English). Reads the
// scenario's file again; only its English when the file cannot be read or no longer matches.
LocalText scenario_description(const Scenario& scenario);

// The YAML text of a shipped scenario as written (it may `extends:` another). Throws InputError
// for an unknown name.
std::string shipped_scenario_text(const std::string& name);

}  // namespace govsim
