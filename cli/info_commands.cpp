// The commands that describe rather than run: check, show, scenarios, keys.
#include <algorithm>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/scenario_input.hpp"
#include "output/json_writer.hpp"
#include "output/key_table.hpp"
#include "scenarios/loader.hpp"

namespace govsim {
namespace {

// A listing wants one line per scenario; a title is a sentence but may still be wrapped in YAML.
std::string one_line(const std::string& text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    const bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (is_space) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string plural(std::int64_t n, const char* one, const char* many) {
  return std::to_string(n) + ' ' + (n == 1 ? one : many);
}

}  // namespace

Scenario load_input(const ScenarioArgs& args) {
  return args.scenario.empty() ? load_builtin_default(args.overrides)
                               : load_scenario(args.scenario, args.overrides);
}

int check_command(const ScenarioArgs& args) {
  const Scenario s = load_input(args);
  const std::int64_t grids =
      s.grid_table.empty() ? s.city.grids : static_cast<std::int64_t>(s.grid_table.size());
  std::int64_t residents = s.city.residents;
  if (!s.grid_table.empty()) {
    residents = 0;
    for (const GridRecord& g : s.grid_table) residents += g.population;
  }
  std::cout << args.scenario << ": ok (" << plural(grids, "grid", "grids") << ", "
            << plural(residents, "resident", "residents") << ", "
            << plural(s.run.days, "day", "days") << ", "
            << plural(static_cast<std::int64_t>(s.changes.size()), "policy change",
                      "policy changes")
            << ")\n";
  return 0;
}

int show_command(const ScenarioArgs& args) {
  std::cout << to_file_text(scenario_to_json(load_input(args)));
  return 0;
}

int scenarios_command() {
  const std::vector<ShippedScenario> list = shipped_scenarios();
  std::size_t width = 0;
  for (const ShippedScenario& s : list) width = std::max(width, s.name.size());
  for (const ShippedScenario& s : list) {
    std::cout << s.name << std::string(width - s.name.size() + 2, ' ') << one_line(s.title.shown())
              << '\n';
  }
  return 0;
}

int keys_command(bool markdown) {
  const std::vector<KeyRow> rows = scenario_keys();
  std::cout << (markdown ? keys_markdown(rows) : keys_text(rows));
  // These two belong to the file format, not the schema, so describe() does not list them.
  if (!markdown) {
    std::cout << "\nA scenario file may also have `extends: NAME_OR_PATH` (start from another "
                 "scenario)\nand `changes:` (a list of {day: N, set: {governance keys}}, policy "
                 "switches during the run).\nDEFAULT is the value when no file sets the key; "
                 "the shipped scenarios extend `baseline`.\n";
  }
  return 0;
}

}  // namespace govsim
