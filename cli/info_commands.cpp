// The commands that describe rather than run: check, show, scenarios, keys.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.hpp"
#include "cli/scenario_input.hpp"
#include "engine/i18n.hpp"
#include "engine/input_text.hpp"
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

// A short `--days` on a scenario whose warm-up is longer would otherwise be refused; unless the
// user set the warm-up themselves, it is shortened to a tenth of the run, and said so.
void shorten_warmup_to_fit(const ScenarioArgs& original, const std::string& days_text, bool quiet,
                           ScenarioArgs& input) {
  if (days_text.empty()) return;
  for (const std::string& o : input.overrides)
    if (o.rfind("run.warmup_days=", 0) == 0) return;
  const Scenario s = load_input(original);  // the scenario's own warm-up, before --days
  // Read as the loader reads run.days ("1e2" is 100); anything else the loader reports.
  const std::optional<double> value = parse_finite(trim(days_text));
  if (!value || *value != std::floor(*value) || *value > 1e9) return;
  const auto days = static_cast<std::int64_t>(*value);
  const std::optional<std::int64_t> fitted = warmup_to_fit(s.run.warmup_days, days);
  if (!fitted) return;
  const std::int64_t warmup = *fitted;
  if (!quiet)
    std::fprintf(
        stderr,
        i18n::tr("govsim: note: warm-up shortened from %lld to %lld days to fit --days %lld\n"),
        static_cast<long long>(s.run.warmup_days), static_cast<long long>(warmup),
        static_cast<long long>(days));
  input.overrides.push_back("run.warmup_days=" + std::to_string(warmup));
}

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
