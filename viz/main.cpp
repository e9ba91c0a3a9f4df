// govsim-gui: the interactive front end. Loads a scenario (a path, a shipped name, or the
// baseline), checks that there is a display, and runs the window; or, with --screenshot or
// --bench-frames, renders without a person at the screen and exits.
//
// Exit codes, as for govsim: 0 success, 2 a mistake in the input or no display, 1 an internal
// fault.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "engine/errors.hpp"
#include "engine/i18n.hpp"
#include "scenarios/lesson.hpp"
#include "scenarios/loader.hpp"
#include "viz/app.hpp"
#include "viz/display_check.hpp"
#include "viz/inspector.hpp"

namespace {

using govsim::Scenario;
using govsim::viz::AppOptions;

constexpr const char* kNoDisplay =
    "govsim-gui: no display (DISPLAY is not set or cannot be opened); run under xvfb-run or use "
    "govsim for headless runs";

Scenario load(const std::string& name, const std::vector<std::string>& overrides) {
  return name.empty() ? govsim::load_builtin_default(overrides)
                      : govsim::load_scenario(name, overrides);
}

std::string joined(const std::vector<std::string>& keys) {
  std::string list;
  for (const auto& k : keys) list += (list.empty() ? "" : ", ") + k;
  return list;
}

// The index of `key` in `keys` (a value CLI11 has checked), -1 if it is not there.
int index_of(const std::vector<std::string>& keys, const std::string& key) {
  for (std::size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return static_cast<int>(i);
  return -1;
}

int run(int argc, char** argv) {
  CLI::App cli{"govsim-gui: watch and steer a simulated city (SFML + Dear ImGui)", "govsim-gui"};
  std::string scenario, view = "map", metric = "trust", size = "1600x1000";
  std::vector<std::string> overrides;
  std::string days, seed;
  AppOptions o;
  cli.add_option("scenario", scenario,
                 "scenario file (.yaml) or shipped scenario name; none = the built-in baseline");
  cli.add_option("--set", overrides, "override one scenario key, e.g. --set run.days=90")
      ->type_name("KEY=VALUE");
  cli.add_option("--days", days, "days to simulate (same as --set run.days=N)")->type_name("N");
  cli.add_option("--seed", seed, "master random seed (same as --set run.seed=S)")->type_name("S");
  cli.add_option("--threads", o.threads, "simulation threads; 0 = every core but one")
      ->check(CLI::Range(0, 1024));
  cli.add_option("--compare", o.compare, "compare with the design of this scenario, side by side")
      ->type_name("SCENARIO");
  cli.add_option("--lesson", o.lesson, "start with a classroom lesson (see the Lessons menu)")
      ->type_name("NAME");
  cli.add_option("--view", view, "map, compare or charts")
      ->check(CLI::IsMember({"map", "compare", "charts"}));
  std::vector<std::string> metric_keys;
  for (const auto& info : govsim::viz::kMetricInfo) metric_keys.emplace_back(info.key);
  cli.add_option("--metric", metric, "colour the map by: " + joined(metric_keys))
      ->check(CLI::IsMember(metric_keys));
  cli.add_option("--select", o.select, "open the inspector on this grid (0-based index)")
      ->type_name("GRID");
  std::string inspect;
  const std::vector<std::string> tab_keys(govsim::viz::kInspectorTabKeys.begin(),
                                          govsim::viz::kInspectorTabKeys.end());
  cli.add_option(
         "--inspect", inspect,
         "with --select: the inspector's tab to show (overview, people: households, disputes "
         "and incidents, cases)")
      ->check(CLI::IsMember(tab_keys));
  cli.add_flag("--play", o.play, "start playing at once");
  cli.add_option("--speed", o.speed, "days a second; 0 = as fast as possible")
      ->check(CLI::Range(0.0, 100000.0));
  cli.add_option("--screenshot", o.screenshot, "render, save the window as PNG and exit")
      ->type_name("FILE");
  cli.add_option("--frames", o.frames, "frames to render before the screenshot")
      ->check(CLI::Range(1, 100000));
  cli.add_option("--until-day", o.until_day,
                 "before the screenshot, run to this day as fast as possible")
      ->check(CLI::Range(0, 36500));
  cli.add_option("--bench-frames", o.bench_frames,
                 "run the simulation at full speed, render N frames and print the frame rate")
      ->check(CLI::Range(1, 1000000));
  cli.add_option("--size", size, "window size in pixels")->type_name("WxH");
  std::string lang;
  cli.add_option("--lang", lang,
                 "zh or en: the language of the window (default: from LANGUAGE, LC_ALL, "
                 "LC_MESSAGES or LANG); the Language menu switches it while running")
      ->check(CLI::IsMember({"zh", "en"}));
  auto* scale =
      cli.add_option(
             "--scale", o.scale,
             "size of text and panels, e.g. 1.5 for a projector seen from the back of a room "
             "or 2 on a 2560x1440 screen (default: from the screen's DPI)")
          ->check(CLI::Range(0.5, 4.0));
  cli.add_flag("--check-layout", o.check_layout,
               "with --screenshot: list overlapping text and names without glyphs; exit 1 if any");
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = cli.exit(e);
    return code == 0 ? 0 : 2;
  }

  govsim::i18n::set_language(lang.empty() ? govsim::i18n::language_from_environment()
                                          : *govsim::i18n::parse_language(lang));
  unsigned w = 0, h = 0;
  char tail = 0;
  if (std::sscanf(size.c_str(), "%ux%u%c", &w, &h, &tail) != 2 || w < 640 || h < 480 || w > 8192 ||
      h > 8192) {
    std::cerr << "govsim-gui: error: --size " << size
              << ": expected WIDTHxHEIGHT from 640x480 to 8192x8192, e.g. 1600x1000\n";
    return 2;
  }
  o.width = w;
  o.height = h;
  o.view = view == "compare"
               ? govsim::viz::View::Compare
               : (view == "charts" ? govsim::viz::View::Charts : govsim::viz::View::Map);
  o.metric = static_cast<govsim::viz::MapMetric>(index_of(metric_keys, metric));
  o.inspect = index_of(tab_keys, inspect);

  Scenario s;
  try {
    if (!seed.empty()) overrides.push_back("run.seed=" + seed);
    if (!days.empty()) {
      // A short run keeps a tenth of itself as warm-up, as `govsim run --days` does.
      const Scenario before = load(scenario, overrides);
      overrides.push_back("run.days=" + days);
      long long n = 0;
      if (std::sscanf(days.c_str(), "%lld", &n) == 1 && n > 0 && before.run.warmup_days >= n)
        overrides.push_back("run.warmup_days=" + std::to_string(n / 10));
    } else if (o.bench_frames > 0) {
      // The benchmark measures frames while the simulation runs: give it a run that lasts.
      overrides.push_back("run.days=36500");
    }
    s = load(scenario, overrides);
    if (!o.lesson.empty()) s = govsim::load_lesson(o.lesson).resolved;
    if (!o.compare.empty()) govsim::load_scenario(o.compare);
  } catch (const govsim::InputError& e) {
    std::cerr << "govsim-gui: error: " << e.what() << "\n";
    return 2;
  }
  if (o.view == govsim::viz::View::Compare && o.compare.empty() && o.lesson.empty())
    o.compare = "modern";

  const govsim::viz::DisplayConnection display;
  if (!display.ok()) {
    std::cerr << kNoDisplay << "\n";
    return 2;
  }
  if (scale->count() == 0) o.scale = govsim::viz::scale_for_dpi(display.dpi());
  return govsim::viz::run_app(std::move(s), o);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const govsim::InputError& e) {
    std::cerr << "govsim-gui: error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "govsim-gui: internal error: " << e.what() << "\n";
    return 1;
  }
}
