#include "viz/app.hpp"

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>
#include <SFML/System/Err.hpp>
#include <SFML/Window/Event.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <map>

#include "engine/i18n.hpp"
#include "scenarios/lesson.hpp"
#include "scenarios/loader.hpp"
#include "viz/chart_data.hpp"
#include "viz/chart_heading.hpp"
#include "viz/charts.hpp"
#include "viz/classroom.hpp"
#include "viz/compare.hpp"
#include "viz/fonts.hpp"
#include "viz/imgui_sfml_platform.hpp"
#include "viz/inspector.hpp"
#include "viz/knob_editor.hpp"
#include "viz/lessons.hpp"
#include "viz/map_view.hpp"
#include "viz/screenshot.hpp"
#include "viz/series_export.hpp"
#include "viz/sim_thread.hpp"

namespace govsim::viz {
namespace {

constexpr float kLeftWidth = 370;  // at scale 1
constexpr float kInspectorWidth = 390;
// The fixed panels draw no background of their own: the window is cleared to their colour. Under
// llvmpipe every pixel ImGui fills costs, and the panels cover half the window.
const sf::Color kPanelColour(24, 27, 32);
constexpr ImGuiWindowFlags kPanel = ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                                    ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoCollapse |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus |
                                    ImGuiWindowFlags_NoSavedSettings;

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 0;
  s.FrameRounding = 3;
  s.GrabRounding = 3;
  s.TabRounding = 3;
  s.WindowBorderSize = 1;
  s.FramePadding = ImVec2(6, 3);
  s.ItemSpacing = ImVec2(7, 5);
  s.IndentSpacing = 14;
  s.ScrollbarSize = 12;
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(24 / 255.0f, 27 / 255.0f, 32 / 255.0f, 1.0f);
  c[ImGuiCol_ChildBg] = ImVec4(0.095f, 0.105f, 0.125f, 1.0f);
  c[ImGuiCol_PopupBg] = ImVec4(0.11f, 0.12f, 0.145f, 0.98f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.13f, 0.145f, 0.17f, 1.0f);
  c[ImGuiCol_Border] = ImVec4(0.24f, 0.26f, 0.30f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.16f, 0.18f, 0.21f, 1.0f);
  c[ImGuiCol_FrameBgHovered] = ImVec4(0.22f, 0.25f, 0.30f, 1.0f);
  c[ImGuiCol_FrameBgActive] = ImVec4(0.26f, 0.30f, 0.36f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.18f, 0.22f, 0.28f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.24f, 0.30f, 0.38f, 1.0f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.28f, 0.35f, 0.45f, 1.0f);
  c[ImGuiCol_Button] = ImVec4(0.20f, 0.27f, 0.36f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.27f, 0.37f, 0.50f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.32f, 0.45f, 0.60f, 1.0f);
  c[ImGuiCol_TitleBg] = ImVec4(0.13f, 0.145f, 0.17f, 1.0f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.16f, 0.19f, 0.24f, 1.0f);
  c[ImGuiCol_TableRowBgAlt] = ImVec4(1, 1, 1, 0.035f);
  c[ImGuiCol_PlotHistogram] = ImVec4(0.25f, 0.50f, 0.80f, 1.0f);
}

const char* view_name(View v) {
  switch (v) {
    case View::Map:
      return "map";
    case View::Compare:
      return "compare";
    case View::Charts:
      return "charts";
  }
  return "map";
}

// Days a second from a slider position 0..1 (log scale, 1 to 1000).
double speed_of(float t) { return std::pow(10.0, 3.0 * double(t)); }
float position_of(double speed) {
  return static_cast<float>(std::clamp(std::log10(std::max(speed, 1.0)) / 3.0, 0.0, 1.0));
}

struct Editing {
  GovernanceConfig config;
  std::uint64_t awaiting = 0;  // the command that carries the last edit
  bool active = false;         // a knob is being dragged
  std::string error;
};

class App {
 public:
  App(Scenario scenario, const AppOptions& options);
  ~App();
  int run();

 private:
  int report_layout() const;
  void handle_event(const sf::Event& e);
  void sync();
  void compute_regions();
  void draw_ui();
  void set_language(i18n::Language language);
  std::string names_text() const;
  void check_glyphs();
  float left_width() const;
  void draw_menu();
  void save_answers();
  void save_scenario();
  void draw_left_panel();
  void draw_controls();
  void draw_governance();
  void draw_charts_window();
  void draw_inspector_window();
  void draw_map_overlay();
  void hover_tooltip();
  int map_at(float x, float y) const;
  FitReserve fit_reserve() const;
  bool ready() const;

  AppOptions options_;
  sf::RenderWindow window_;
  Fonts fonts_;
  std::unique_ptr<ImGuiSfmlPlatform> platform_;
  std::unique_ptr<SimThread> sim_;
  std::shared_ptr<const Snapshot> snap_;
  std::uint64_t seen_generation_ = 0, seen_version_ = 0;
  const Lesson* seen_lesson_ = nullptr;
  std::shared_ptr<const MapLayout> layout_;
  std::array<MapView, 2> maps_;
  Camera camera_;
  ColourScale scale_;
  MapMetric metric_;
  MapMetric coloured_metric_ = MapMetric::Trust;
  bool lock_scale_ = false;
  bool colours_dirty_ = true;
  MapOverlay overlay_;
  std::vector<ChartData> charts_;
  bool smooth_ = true;
  bool charts_dirty_ = true;
  View view_;
  int selected_ = -1;
  int inspect_tab_ = -1;  // the inspector's tab to bring to the front (--inspect)
  int hovered_ = -1, hovered_map_ = -1;
  std::array<Editing, 2> editing_;
  bool dragging_ = false, drag_moved_ = false;
  float drag_x_ = 0, drag_y_ = 0;
  Vec2 drag_centre_;
  std::array<Region, 2> map_regions_;
  int map_count_ = 1;
  Region charts_region_;
  float menu_height_ = 22;
  std::vector<ShippedScenario> shipped_;
  std::vector<ShippedLesson> lessons_;
  std::map<std::string, std::string> answers_;  // by lesson: kept over Reset and reloading
  std::string student_;                         // the student's name, for Save answers
  std::size_t typed_seen_ = 0;                  // the size of what the student had typed
  std::string answers_path_ = "govsim-answers.yaml";
  LocalText description_;  // the scenario's description in each language
  std::string load_text_;
  std::string export_path_ = "govsim-series.csv";
  std::string status_;
  std::uint64_t seed_input_ = 1;
  double speed_ = 20;
  bool max_speed_ = false;
  bool open_load_popup_ = false;
  bool save_picture_ = false;  // File > Save screenshot (F12): after this frame is drawn
  std::string glyph_text_;     // the names the font atlas was built for
  sf::Clock anim_clock_;
  float fps_ = 0;
};

App::App(Scenario scenario, const AppOptions& options)
    : options_(options),
      metric_(options.metric),
      view_(options.view),
      selected_(options.select),
      inspect_tab_(options.inspect),
      seed_input_(scenario.run.seed),
      speed_(options.speed > 0 ? options.speed : 20),
      max_speed_(options.speed <= 0) {
  const bool headless = !options.screenshot.empty() || options.bench_frames > 0;
  {
    // SFML reports that Xvfb cannot switch vertical sync, which it never asked to; keep that
    // noise out of the output while the window opens.
    std::streambuf* saved = sf::err().rdbuf(nullptr);
    window_.create(sf::VideoMode(options.width, options.height), "govsim - " + scenario.name,
                   sf::Style::Default);
    sf::err().rdbuf(saved);
    // Without a window manager (Xvfb) the window can land partly off the screen, where the
    // pointer cannot reach it: put it where it fits.
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    window_.setPosition({std::max(0, (int(desktop.width) - int(options.width)) / 2),
                         std::max(0, (int(desktop.height) - int(options.height)) / 2)});
  }
  window_.setFramerateLimit(headless ? 0 : 60);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // no imgui.ini in the user's directory
  apply_style();
  ImGui::GetStyle().ScaleAllSizes(options.scale);
  shipped_ = shipped_scenarios();
  lessons_ = shipped_lessons();
  description_ = scenario_description(scenario);
  glyph_text_ = scenario.name + description_.en + description_.zh + names_text();
  fonts_ = load_fonts(glyph_text_, options.scale);
  text_box_log().enabled = options.check_layout;
  platform_ = std::make_unique<ImGuiSfmlPlatform>(window_);
  ImGui_ImplOpenGL3_Init("#version 130");

  sim_ = std::make_unique<SimThread>(std::move(scenario), options.threads);
  if (!options.lesson.empty()) sim_->load_lesson(options.lesson);
  if (!options.compare.empty()) {
    sim_->set_compare(options.compare);
    if (options.view == View::Map) view_ = View::Compare;
  }
  if (options.select >= 0) sim_->select_grid(options.select);
  if (options.bench_frames > 0) {
    sim_->set_speed(0);
    sim_->play(true);
  } else if (!options.screenshot.empty()) {
    if (options.until_day >= 0) {
      sim_->run_until(options.until_day);
    } else {
      sim_->set_speed(0);
      sim_->play(true);
    }
  } else {
    sim_->set_speed(max_speed_ ? 0 : speed_);
    if (options.play) sim_->play(true);
  }
  sim_->start();
}

App::~App() {
  sim_.reset();
  ImGui_ImplOpenGL3_Shutdown();
  ImGui::DestroyContext();
}

bool App::ready() const {
  return snap_ && !snap_->lanes.empty() && layout_ && (camera_.fitted || map_count_ == 0);
}

int App::map_at(float x, float y) const {
  for (int m = 0; m < map_count_; ++m)
    if (map_regions_[std::size_t(m)].contains(x, y)) return m;
  return -1;
}

// The title, the legend and (when a grid is selected) the inspector cover parts of the map.
FitReserve App::fit_reserve() const {
  FitReserve keep;
  keep.top = fonts_.title->FontSize + 16;
  const ImVec2 legend = map_legend_size(overlay_.flows, fonts_.small);
  keep.legend_w = legend.x + 14;
  keep.legend_h = legend.y + 14;
  if (selected_ >= 0 && map_count_ == 1) keep.right = kInspectorWidth * options_.scale + 12;
  return keep;
}

void App::handle_event(const sf::Event& e) {
  platform_->process_event(e);
  const ImGuiIO& io = ImGui::GetIO();
  switch (e.type) {
    case sf::Event::Closed:
      window_.close();
      break;
    case sf::Event::Resized:
      window_.setView(sf::View(sf::FloatRect(0, 0, float(e.size.width), float(e.size.height))));
      break;
    case sf::Event::KeyPressed:
      if (io.WantCaptureKeyboard || !snap_) break;
      if (e.key.code == sf::Keyboard::Space) sim_->play(!snap_->playing);
      if (e.key.code == sf::Keyboard::Right || e.key.code == sf::Keyboard::Period) sim_->step();
      if (e.key.code == sf::Keyboard::F && layout_)
        fit_camera(camera_, *layout_, map_regions_[0], fit_reserve());
      if (e.key.code >= sf::Keyboard::Num1 && e.key.code < sf::Keyboard::Num1 + kMapMetrics) {
        metric_ = static_cast<MapMetric>(e.key.code - sf::Keyboard::Num1);
      }
      if (e.key.code == sf::Keyboard::Escape) selected_ = -1, sim_->select_grid(-1);
      if (e.key.code == sf::Keyboard::F12) save_picture_ = true;
      break;
    case sf::Event::MouseWheelScrolled: {
      const float x = float(e.mouseWheelScroll.x), y = float(e.mouseWheelScroll.y);
      const int m = map_at(x, y);
      if (io.WantCaptureMouse || m < 0) break;
      zoom_camera(camera_, map_regions_[std::size_t(m)], std::pow(1.18f, e.mouseWheelScroll.delta),
                  x, y);
      break;
    }
    case sf::Event::MouseButtonPressed: {
      const float x = float(e.mouseButton.x), y = float(e.mouseButton.y);
      if (io.WantCaptureMouse || map_at(x, y) < 0) break;
      dragging_ = true;
      drag_moved_ = e.mouseButton.button != sf::Mouse::Left;  // other buttons only pan
      drag_x_ = x;
      drag_y_ = y;
      drag_centre_ = camera_.centre;
      break;
    }
    case sf::Event::MouseMoved:
      if (dragging_) {
        const float dx = float(e.mouseMove.x) - drag_x_, dy = float(e.mouseMove.y) - drag_y_;
        if (std::fabs(dx) + std::fabs(dy) > 4) drag_moved_ = true;
        if (drag_moved_)
          camera_.centre = {drag_centre_.x - dx / camera_.scale,
                            drag_centre_.y - dy / camera_.scale};
      }
      break;
    case sf::Event::MouseButtonReleased:
      if (dragging_ && !drag_moved_ && layout_) {
        const float x = float(e.mouseButton.x), y = float(e.mouseButton.y);
        const int m = map_at(x, y);
        if (m >= 0) {
          selected_ = pick_grid(*layout_, to_world(map_regions_[std::size_t(m)], camera_, x, y));
          sim_->select_grid(selected_);
        }
      }
      dragging_ = false;
      break;
    default:
      break;
  }
}

// Takes the latest snapshot; rebuilds the layout when the city changed, and the colours and
// charts when the figures changed.
void App::sync() {
  snap_ = sim_->latest();
  if (!snap_ || !snap_->city) return;
  if (snap_->generation != seen_generation_) {
    seen_generation_ = snap_->generation;
    layout_ = std::make_shared<const MapLayout>(
        build_map_layout(*snap_->city, snap_->scenario->city.table.empty()));
    for (MapView& m : maps_) m.set_layout(layout_);
    camera_.fitted = false;
    if (selected_ >= 0 && static_cast<std::uint32_t>(selected_) >= snap_->city->grids) {
      selected_ = -1;
      sim_->select_grid(-1);
    }
    seed_input_ = snap_->seed;
    description_ = scenario_description(*snap_->scenario);
    colours_dirty_ = charts_dirty_ = true;
    window_.setTitle(
        sf::String::fromUtf8(snap_->scenario->name.begin(), snap_->scenario->name.end()));
    check_glyphs();
  }
  if (snap_->lesson.get() != seen_lesson_) {
    seen_lesson_ = snap_->lesson.get();
    check_glyphs();
    if (seen_lesson_) view_ = seen_lesson_->compare.empty() ? View::Map : View::Compare;
  }
  // What the student types (a name, an answer in Chinese) gets glyphs too, between frames.
  std::size_t typed = student_.size();
  for (const auto& [lesson, answer] : answers_) typed += answer.size();
  if (typed != typed_seen_) {
    typed_seen_ = typed;
    check_glyphs();
  }
  if (snap_->version != seen_version_) {
    seen_version_ = snap_->version;
    colours_dirty_ = charts_dirty_ = true;
  }
  if (coloured_metric_ != metric_) colours_dirty_ = true;
  if (colours_dirty_ && !snap_->lanes.empty()) {
    const auto m = static_cast<std::size_t>(metric_);
    std::vector<const std::vector<float>*> values;
    for (const LaneView& lane : snap_->lanes) values.push_back(&lane.grid_metric[m]);
    const bool share = metric_ >= MapMetric::Trust && metric_ <= MapMetric::Security;
    if (!lock_scale_ || coloured_metric_ != metric_)
      scale_ =
          fit_scale(values, kMetricInfo[m].higher_is_better, share,
                    metric_ == MapMetric::Backlog || metric_ == MapMetric::DisputeRate ||
                        metric_ == MapMetric::MedianResponse || metric_ == MapMetric::Incidents);
    for (std::size_t l = 0; l < snap_->lanes.size() && l < maps_.size(); ++l)
      maps_[l].set_colours(*values[l], scale_);
    float norm = 0.5f;
    for (const LaneView& lane : snap_->lanes)
      for (const auto* v : {&lane.flows.up_to_community, &lane.flows.up_to_street,
                            &lane.flows.down_to_grid, &lane.flows.new_cases})
        for (float x : *v) norm = std::max(norm, x);
    overlay_.flow_norm = norm;
    coloured_metric_ = metric_;
    colours_dirty_ = false;
  }
  if (charts_dirty_ && !snap_->lanes.empty()) {
    charts_ = build_charts(*snap_, smooth_);
    charts_dirty_ = false;
  }
}

// The names on screen that may need glyphs beyond Latin: the city's, the scenario's, the
// lesson's, and those in the menus.
std::string App::names_text() const {
  std::string text;
  const auto add = [&text](const LocalText& t) { text += t.en + t.zh; };
  for (const ShippedScenario& s : shipped_) add(s.title);
  for (const ShippedLesson& l : lessons_) add(l.title);
  add(description_);
  if (!snap_) return text;
  if (snap_->scenario) text += snap_->scenario->name;
  if (snap_->city)
    for (const auto* names :
         {&snap_->city->street_names, &snap_->city->community_names, &snap_->city->grid_names})
      for (const std::string& n : *names) text += n;
  if (snap_->lesson) {
    const Lesson& l = *snap_->lesson;
    for (const LocalText* t : {&l.title, &l.intro, &l.try_this, &l.look_for, &l.question}) add(*t);
  }
  for (const LaneView& lane : snap_->lanes) text += lane.label;
  text += student_;
  for (const auto& [lesson, answer] : answers_) text += answer;
  return text;
}

// A city or a lesson with characters the atlas lacks: the atlas is built again with them (between
// frames: sync() runs before NewFrame).
void App::check_glyphs() {
  // Only characters not asked for before: one that no font has stays missing, and must not
  // rebuild the atlas at every key the student presses.
  std::string wanted;
  for (const unsigned c : missing_glyphs(fonts_.ui, names_text())) {
    char utf8[5];
    ImTextCharToUtf8(utf8, c);
    if (glyph_text_.find(utf8) == std::string::npos) wanted += utf8;
  }
  if (wanted.empty()) return;
  glyph_text_ += wanted;
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  fonts_ = load_fonts(glyph_text_, options_.scale);
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void App::set_language(i18n::Language language) {
  i18n::set_language(language);
  charts_dirty_ = true;  // titles and legends are made when the charts are built
}

float App::left_width() const {
  return std::min(kLeftWidth * options_.scale, float(window_.getSize().x) * 0.4f);
}

void App::compute_regions() {
  const sf::Vector2u size = window_.getSize();
  const float W = float(size.x), H = float(size.y);
  const float top = menu_height_;
  const float left = left_width();
  const float rest_w = W - left, rest_h = H - top;
  map_count_ = view_ == View::Charts ? 0 : (view_ == View::Compare ? 2 : 1);
  if (view_ == View::Map) {
    const float maps_h = std::floor(rest_h * 0.58f);
    map_regions_[0] = {left, top, rest_w, maps_h};
    charts_region_ = {left, top + maps_h, rest_w, rest_h - maps_h};
  } else if (view_ == View::Compare) {
    const float maps_h = std::floor(rest_h * 0.56f);
    const float half = std::floor(rest_w / 2);
    map_regions_[0] = {left, top, half - 2, maps_h};
    map_regions_[1] = {left + half + 2, top, rest_w - half - 2, maps_h};
    charts_region_ = {left, top + maps_h, rest_w, rest_h - maps_h};
  } else {
    charts_region_ = {left, top, rest_w, rest_h};
  }
  if (layout_ && !camera_.fitted && map_count_ > 0)
    fit_camera(camera_, *layout_, map_regions_[0], fit_reserve());
}

void App::draw_menu() {
  if (!ImGui::BeginMainMenuBar()) return;
  menu_height_ = ImGui::GetWindowSize().y;
  if (ImGui::BeginMenu(i18n::tr("File"))) {
    if (ImGui::MenuItem(i18n::tr("Load scenario..."))) open_load_popup_ = true;
    if (ImGui::MenuItem(i18n::tr("Export series to CSV")) && snap_)
      status_ = export_series(*snap_, export_path_);
    if (ImGui::MenuItem(i18n::tr("Save screenshot"), "F12")) save_picture_ = true;
    if (ImGui::MenuItem(i18n::tr("Save answers"), nullptr, false, snap_ && snap_->lesson))
      save_answers();
    if (ImGui::MenuItem(i18n::tr("Save scenario"), nullptr, false, ready())) save_scenario();
    ImGui::Separator();
    if (ImGui::MenuItem(i18n::tr("Quit"))) window_.close();
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(i18n::tr("Scenarios"))) {
    for (const ShippedScenario& s : shipped_) {
      if (ImGui::MenuItem(s.name.c_str())) sim_->load(s.name, {});
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.title.shown().c_str());
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(i18n::tr("Lessons"))) {
    const std::string picked = lessons_menu_items(lessons_);
    if (!picked.empty()) sim_->load_lesson(picked);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(i18n::tr("View"))) {
    if (ImGui::MenuItem(i18n::tr("Map and charts"), "", view_ == View::Map)) view_ = View::Map;
    if (ImGui::MenuItem(i18n::tr("Compare two designs"), "", view_ == View::Compare)) {
      view_ = View::Compare;
      if (snap_ && snap_->lanes.size() < 2) sim_->set_compare("modern");
    }
    if (ImGui::MenuItem(i18n::tr("Charts only"), "", view_ == View::Charts)) view_ = View::Charts;
    ImGui::Separator();
    for (int m = 0; m < kMapMetrics; ++m) {
      char shortcut[4];
      std::snprintf(shortcut, sizeof shortcut, "%d", m + 1);
      if (ImGui::MenuItem(i18n::tr(kMetricInfo[std::size_t(m)].label), shortcut, int(metric_) == m))
        metric_ = static_cast<MapMetric>(m);
    }
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(i18n::tr("Language"))) {
    for (const i18n::Language l : i18n::kLanguages)
      if (ImGui::MenuItem(i18n::native_name(l), "", i18n::language() == l)) set_language(l);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(i18n::tr("Help"))) {
    ImGui::TextUnformatted(i18n::tr("Space: play or pause    Right arrow: one day"));
    ImGui::TextUnformatted(i18n::tr("1-9: colour the map by a metric    F: fit the map"));
    ImGui::TextUnformatted(
        i18n::tr("Drag: pan    Wheel: zoom    Click a grid: inspect it    Esc: close"));
    ImGui::TextUnformatted(i18n::tr("Knob changes take effect at the start of the next day."));
    ImGui::EndMenu();
  }
  // Status at the right end of the bar.
  if (snap_) {
    char text[160];
    const bool headless = !options_.screenshot.empty();  // a picture for the docs: no frame rate
    const char* loading = snap_->loading ? i18n::tr("building the city...") : "";
    std::snprintf(text, sizeof text, "%s   %.0f fps", loading, double(fps_));
    if (headless) std::snprintf(text, sizeof text, "%s", loading);
    const float w = ImGui::CalcTextSize(text).x;
    ImGui::SameLine(ImGui::GetWindowWidth() - w - 12);
    ImGui::TextDisabled("%s", text);
  }
  ImGui::EndMainMenuBar();
}

// File > Save answers: the student's answer to the lesson's question, appended to a YAML file
// with the name, the lesson, the seed and the day.
void App::save_answers() {
  if (!snap_ || !snap_->lesson) return;
  const Lesson& lesson = *snap_->lesson;
  Answer a;
  a.student = student_;
  a.lesson = lesson.name;
  a.title = lesson.title.shown();
  a.question = lesson.question.shown();
  a.seed = snap_->seed;
  a.day = snap_->day;
  a.answer = answers_[lesson.name];
  a.saved_at = utc_now();
  const std::string problem = append_answer(answers_path_, a);
  status_ = problem.empty() ? i18n::tr("answers saved to ") + answers_path_
                            : i18n::tr("answers not saved: ") + problem;
}

// File > Save scenario: design A's knobs as they are now, as a scenario that extends the one
// loaded and holds them from day 0.
void App::save_scenario() {
  if (!snap_ || !snap_->scenario || snap_->lanes.empty()) return;
  const LaneView& lane = snap_->lanes.front();
  Scenario edited = *snap_->scenario;
  edited.governance = lane.pending ? *lane.pending : lane.governance;
  edited.changes.clear();
  edited.name += "-saved";
  edited.description = "The knobs of " + snap_->scenario->name + " on day " +
                       std::to_string(snap_->day) + ", saved from govsim-gui.";
  const std::string path = edited.name + ".yaml";
  try {
    const std::string extends = extends_reference(*snap_->scenario);
    const Scenario parent = load_scenario(extends);
    const std::string problem = write_text_file(
        path, scenario_yaml(edited, parent, extends,
                            "Saved by govsim-gui; run it with: govsim run " + path));
    status_ = problem.empty() ? i18n::tr("scenario saved to ") + path
                              : i18n::tr("scenario not saved: ") + problem;
  } catch (const std::exception& e) {
    status_ = i18n::tr("scenario not saved: ") + std::string(e.what());
  }
}

void App::draw_controls() {
  const Snapshot& s = *snap_;
  float label_w = 0;
  for (const char* label : {N_("speed"), N_("seed"), N_("colour"), N_("compare")})
    label_w = std::max(label_w, ImGui::CalcTextSize(i18n::tr(label)).x);
  label_w += 14;
  ImGui::PushFont(fonts_.title);
  ImGui::TextUnformatted(s.scenario ? s.scenario->name.c_str() : "");
  ImGui::PopFont();
  if (s.scenario && ImGui::IsItemHovered() && !description_.empty()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(description_.shown().c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
  if (s.city) {
    const auto plural = [](std::uint64_t n, const char* one, const char* many) {
      return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    ImGui::PushTextWrapPos(0.0f);  // two lines in a narrow panel rather than cut off
    ImGui::TextDisabled(
        "%s, %s, %s, %s",
        plural(s.city->residents, i18n::tr("resident"), i18n::tr("residents")).c_str(),
        plural(s.city->streets, i18n::tr("street"), i18n::tr("streets")).c_str(),
        plural(s.city->communities, i18n::tr("community"), i18n::tr("communities")).c_str(),
        plural(s.city->grids, i18n::tr("grid"), i18n::tr("grids")).c_str());
    ImGui::PopTextWrapPos();
  }
  char progress[96];
  std::snprintf(progress, sizeof progress, i18n::tr("day %lld of %lld"),
                static_cast<long long>(s.day), static_cast<long long>(s.days));
  if (s.playing) {
    const std::size_t used = std::strlen(progress);
    std::snprintf(progress + used, sizeof progress - used, i18n::tr(", %.0f days a second"),
                  s.measured_speed);
  }
  ImGui::ProgressBar(s.days > 0 ? float(s.day) / float(s.days) : 0.0f, ImVec2(-1, 0), progress);

  const float bw = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (ImGui::Button(i18n::tr(s.playing ? N_("Pause") : (s.done ? N_("Done") : N_("Play"))),
                    ImVec2(bw, 0)) &&
      !s.done)
    sim_->play(!s.playing);
  ImGui::SameLine();
  if (ImGui::Button(i18n::tr("Step a day"), ImVec2(bw, 0))) sim_->step();
  ImGui::SameLine();
  if (ImGui::Button(i18n::tr("Reset"), ImVec2(bw, 0))) {
    seed_input_ = std::min<std::uint64_t>(seed_input_, 9007199254740991ull);  // the schema's range
    sim_->reset(seed_input_);
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", i18n::tr("Back to day 0 with the seed below"));

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(i18n::tr("speed"));
  ImGui::SameLine(label_w);
  // Room for the "max" check box and its label, whatever the language and the scale.
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - ImGui::GetFrameHeight() -
                          style.ItemInnerSpacing.x - ImGui::CalcTextSize(i18n::tr("max")).x -
                          style.ItemSpacing.x);
  float t = position_of(speed_);
  char speed_text[48];
  std::snprintf(speed_text, sizeof speed_text,
                max_speed_ ? i18n::tr("max") : i18n::tr("%.0f days/s"), speed_);
  ImGui::BeginDisabled(max_speed_);
  if (ImGui::SliderFloat("##speed", &t, 0, 1, speed_text)) {
    speed_ = std::round(speed_of(t));
    sim_->set_speed(speed_);
  }
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Checkbox(i18n::tr("max"), &max_speed_)) sim_->set_speed(max_speed_ ? 0 : speed_);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("As fast as the simulation can go"));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(i18n::tr("seed"));
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  ImGui::InputScalar("##seed", ImGuiDataType_U64, &seed_input_);

  ImGui::Spacing();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(i18n::tr("colour"));
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginCombo("##metric", i18n::tr(kMetricInfo[std::size_t(metric_)].label))) {
    for (int m = 0; m < kMapMetrics; ++m)
      if (ImGui::Selectable(i18n::tr(kMetricInfo[std::size_t(m)].label), int(metric_) == m))
        metric_ = static_cast<MapMetric>(m);
    ImGui::EndCombo();
  }
  ImGui::Checkbox(i18n::tr("case flows"), &overlay_.flows);
  ImGui::SameLine();
  ImGui::Checkbox(i18n::tr("labels"), &overlay_.labels);
  ImGui::SameLine();
  if (ImGui::Checkbox(i18n::tr("lock scale"), &lock_scale_)) colours_dirty_ = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s", i18n::tr("Keep the colour scale as it is now"));
  if (ImGui::Checkbox(i18n::tr("smooth the charts (7 and 30-day means)"), &smooth_))
    charts_dirty_ = true;

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(i18n::tr("compare"));
  ImGui::SameLine(label_w);
  if (const auto picked = draw_compare_picker(s, shipped_)) {
    sim_->set_compare(*picked);
    view_ = picked->empty() ? View::Map : View::Compare;
  }
  if (!s.error.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", s.error.c_str());
    ImGui::PopTextWrapPos();
  }
  // One line, always there, so that the widgets below do not jump when a message comes.
  const std::string& line = status_.empty() ? s.message : status_;
  ImGui::TextDisabled("%s", line.empty() ? " " : line.c_str());
  if (ImGui::IsItemHovered() && !line.empty()) ImGui::SetTooltip("%s", line.c_str());
}

void App::draw_governance() {
  const Snapshot& s = *snap_;
  const auto edit_lane = [&](std::size_t l) {
    const LaneView& lane = s.lanes[l];
    Editing& e = editing_[l];
    if (!e.active && s.acknowledged >= e.awaiting)
      e.config = lane.pending ? *lane.pending : lane.governance;
    if (lane.pending) {
      ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1.0f),
                         i18n::tr("change waiting: takes effect on day %lld"),
                         static_cast<long long>(s.day + 1));
    } else {
      ImGui::TextDisabled("%s", i18n::tr("changes take effect at the start of the next day"));
    }
    if (!e.error.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", e.error.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::PushID(static_cast<int>(l));
    const KnobEdit edit =
        draw_knob_editor(e.config, &lane.initial, s.scenario ? &s.scenario->calendar : nullptr);
    ImGui::PopID();
    e.active = edit.active;
    if (edit.committed && s.scenario) {
      Scenario probe = *s.scenario;
      probe.governance = e.config;
      probe.changes.clear();
      const std::string problem = cross_check(probe);
      if (problem.empty()) {
        e.awaiting = sim_->set_governance(static_cast<int>(l), e.config, edit.summary);
        e.error.clear();
      } else {
        e.error = i18n::tr("not applied: ") + problem;
        e.config = lane.pending ? *lane.pending : lane.governance;
      }
    }
  };
  if (s.lanes.size() == 1) {
    edit_lane(0);
  } else if (ImGui::BeginTabBar("lanes")) {
    for (std::size_t l = 0; l < s.lanes.size(); ++l) {
      const std::string tab = std::string(l == 0 ? "A: " : "B: ") + s.lanes[l].label;
      if (ImGui::BeginTabItem(tab.c_str())) {
        edit_lane(l);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
  }
  if (s.scenario) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", fixed_keys_note(*s.scenario).c_str());
    ImGui::PopTextWrapPos();
  }
}

void App::draw_left_panel() {
  const sf::Vector2u size = window_.getSize();
  ImGui::SetNextWindowPos(ImVec2(0, menu_height_));
  ImGui::SetNextWindowSize(ImVec2(left_width(), float(size.y) - menu_height_));
  ImGui::Begin("##left", nullptr, kPanel | ImGuiWindowFlags_NoTitleBar);
  if (!snap_ || snap_->lanes.empty()) {
    ImGui::TextDisabled("%s", i18n::tr("building the city..."));
    if (snap_ && !snap_->error.empty()) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(ImVec4(1, 0.45f, 0.4f, 1), "%s", snap_->error.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::End();
    return;
  }
  draw_controls();
  const float wrap = ImGui::GetContentRegionAvail().x;
  if (snap_->lesson) {
    ImGui::SetNextItemOpen(true, ImGuiCond_Appearing);
    if (ImGui::CollapsingHeader(i18n::tr("Lesson")))
      draw_lesson_panel(*snap_->lesson, student_, answers_[snap_->lesson->name], wrap);
  }
  ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (ImGui::CollapsingHeader(i18n::tr("Figures so far"))) draw_figures_table(*snap_);
  if (!snap_->lesson) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
  if (ImGui::CollapsingHeader(i18n::tr("Governance (live)"))) draw_governance();
  if (ImGui::CollapsingHeader(i18n::tr("Export"))) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - 70);
    ImGui::InputText("##export", &export_path_);
    ImGui::SameLine();
    if (ImGui::Button("CSV")) status_ = export_series(*snap_, export_path_);
    ImGui::TextDisabled("%s", i18n::tr("the daily series; design B goes to NAME-b.csv"));
  }
  ImGui::End();

  if (open_load_popup_) {
    ImGui::OpenPopup("###load");
    open_load_popup_ = false;
  }
  ImGui::SetNextWindowSize(ImVec2(520 * options_.scale, 0));
  if (ImGui::BeginPopupModal((std::string(i18n::tr("Load scenario")) + "###load").c_str(), nullptr,
                             ImGuiWindowFlags_NoSavedSettings)) {
    ImGui::TextWrapped("%s",
                       i18n::tr("A scenario file (.yaml) or the name of a shipped scenario:"));
    ImGui::SetNextItemWidth(-1);
    const bool enter =
        ImGui::InputText("##path", &load_text_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::Button(i18n::tr("Load")) || enter) {
      sim_->load(load_text_, {});
      ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel"))) ImGui::CloseCurrentPopup();
    ImGui::TextDisabled("%s", i18n::tr("Errors appear in the panel on the left."));
    ImGui::EndPopup();
  }
}

void App::draw_charts_window() {
  const Region& r = charts_region_;
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y));
  ImGui::SetNextWindowSize(ImVec2(r.w, r.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
  ImGui::Begin("##charts", nullptr,
               kPanel | ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar |
                   ImGuiWindowFlags_NoScrollWithMouse);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(6, 6));
  if (!charts_.empty()) {
    const int cols = view_ == View::Charts ? 2 : 3;
    const int rows = int((charts_.size() + std::size_t(cols) - 1) / std::size_t(cols));
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float w = (avail.x - 6 * float(cols - 1)) / float(cols);
    const float h = (avail.y - 6 * float(rows - 1)) / float(rows);
    for (std::size_t i = 0; i < charts_.size(); ++i) {
      if (i % std::size_t(cols) != 0) ImGui::SameLine();
      const std::string id = "chart" + std::to_string(i);
      draw_chart(id.c_str(), charts_[i], ImVec2(std::floor(w), std::floor(h)));
    }
  }
  ImGui::PopStyleVar();
  ImGui::End();
  ImGui::PopStyleVar();
}

void App::draw_inspector_window() {
  if (selected_ < 0 || !snap_ || map_count_ == 0) return;
  const Region& last = map_regions_[std::size_t(map_count_ - 1)];
  const float w = kInspectorWidth * options_.scale;
  const float x = last.x + last.w - w - 8;
  float bottom = last.y + last.h - 8;
  // On a narrow map the legend (lower left) reaches under the inspector: end the inspector above
  // it.
  const ImVec2 legend = map_legend_size(overlay_.flows, fonts_.small);
  if (last.x + 10 + legend.x > x) bottom = std::min(bottom, last.y + last.h - 10 - legend.y - 8);
  const float h = std::max(std::min(640.0f, bottom - (last.y + 8)), 160.0f);
  text_box_log().add({x, last.y + 8, x + w, last.y + 8 + h}, "grid inspector");
  ImGui::SetNextWindowPos(ImVec2(x, last.y + 8), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.96f);
  bool open = true;
  ImGui::Begin((std::string(i18n::tr("Grid inspector")) + "###inspector").c_str(), &open,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings);
  draw_inspector(*snap_, selected_, inspect_tab_);
  ImGui::End();
  if (!open) {
    selected_ = -1;
    sim_->select_grid(-1);
  }
}

void App::draw_map_overlay() {
  if (!snap_ || !snap_->city || !layout_) return;
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  for (int m = 0; m < map_count_; ++m) {
    const Region& r = map_regions_[std::size_t(m)];
    if (std::size_t(m) >= snap_->lanes.size()) {
      const char* text = i18n::tr("Choose design B under \"compare\" on the left");
      const ImVec2 size = ImGui::CalcTextSize(text);
      dl->AddRectFilled(ImVec2(r.x, r.y), ImVec2(r.x + r.w, r.y + r.h), IM_COL32(24, 28, 34, 255));
      dl->AddText(ImVec2(r.x + (r.w - size.x) / 2, r.y + r.h / 2), IM_COL32(200, 200, 200, 255),
                  text);
      continue;
    }
    if (overlay_.labels)
      maps_[std::size_t(m)].draw_labels(dl, *snap_->city, r, camera_, fonts_.title, fonts_.bold);
    draw_map_legend(dl, r, metric_, scale_, overlay_.flows, fonts_.small);
    if (static_cast<std::size_t>(m) < snap_->lanes.size()) {
      char title[160];
      std::snprintf(title, sizeof title, i18n::tr("%s%s   day %lld"),
                    map_count_ > 1 ? (m == 0 ? "A: " : "B: ") : "",
                    snap_->lanes[std::size_t(m)].label.c_str(), static_cast<long long>(snap_->day));
      const ImVec2 size = fonts_.title->CalcTextSizeA(fonts_.title->FontSize, 1e9f, 0, title);
      dl->AddRectFilled(ImVec2(r.x + 8, r.y + 8), ImVec2(r.x + 20 + size.x, r.y + 14 + size.y),
                        IM_COL32(18, 21, 26, 220), 4);
      dl->AddText(fonts_.title, fonts_.title->FontSize, ImVec2(r.x + 14, r.y + 11),
                  IM_COL32(255, 255, 255, 255), title);
      text_box_log().add({r.x + 14, r.y + 11, r.x + 14 + size.x, r.y + 11 + size.y}, title);
    }
    if (snap_->loading) {
      const char* text = i18n::tr("building the city...");
      const ImVec2 size = ImGui::CalcTextSize(text);
      dl->AddText(ImVec2(r.x + (r.w - size.x) / 2, r.y + r.h / 2), IM_COL32(255, 255, 255, 255),
                  text);
    }
    if (m > 0) {
      dl->AddLine(ImVec2(r.x - 2, r.y), ImVec2(r.x - 2, r.y + r.h), IM_COL32(60, 66, 76, 255), 4);
    }
  }
}

void App::hover_tooltip() {
  const ImGuiIO& io = ImGui::GetIO();
  hovered_ = -1;
  hovered_map_ = -1;
  if (!layout_ || !snap_ || snap_->lanes.empty() || io.WantCaptureMouse || dragging_) return;
  const int m = map_at(io.MousePos.x, io.MousePos.y);
  if (m < 0) return;
  hovered_map_ = m;
  hovered_ = pick_grid(
      *layout_, to_world(map_regions_[std::size_t(m)], camera_, io.MousePos.x, io.MousePos.y));
  if (hovered_ < 0) return;
  const City& city = *snap_->city;
  const auto g = static_cast<std::size_t>(hovered_);
  ImGui::BeginTooltip();
  ImGui::PushFont(fonts_.bold);
  ImGui::TextUnformatted(city.grid_names[g].c_str());
  ImGui::PopFont();
  ImGui::TextDisabled("%s, %s", city.community_names[city.grid_community[g]].c_str(),
                      city.street_names[city.grid_street[g]].c_str());
  ImGui::Text(i18n::tr("%u residents, %s"), city.grid_population[g],
              housing_label(city.grid_housing[g]));
  for (std::size_t l = 0; l < snap_->lanes.size(); ++l) {
    const LaneView& lane = snap_->lanes[l];
    if (snap_->lanes.size() > 1)
      ImGui::TextColored(ImVec4(0.55f, 0.75f, 1, 1), "%s: %s", l == 0 ? "A" : "B",
                         lane.label.c_str());
    for (int k = 0; k < kMapMetrics; ++k) {
      const MetricInfo& info = kMetricInfo[std::size_t(k)];
      const float v = lane.grid_metric[std::size_t(k)][g];
      char value[32];
      if (std::isnan(v)) {
        std::snprintf(value, sizeof value, "-");
      } else {
        std::snprintf(value, sizeof value, info.format, double(v));
      }
      if (k == int(metric_)) {
        ImGui::TextColored(ImVec4(1, 0.84f, 0.47f, 1), "%s: %s %s", i18n::tr(info.label), value,
                           unit_of(info, v));
      } else {
        ImGui::Text("%s: %s %s", i18n::tr(info.label), value, unit_of(info, v));
      }
    }
    ImGui::Text(i18n::tr("open cases: %.0f"), double(lane.grid_open[g]));
  }
  ImGui::TextDisabled("%s", i18n::tr("click for details"));
  ImGui::EndTooltip();
}

void App::draw_ui() {
  text_box_log().boxes.clear();
  text_box_log().what.clear();
  draw_menu();
  compute_regions();
  draw_left_panel();
  if (!charts_.empty()) draw_charts_window();
  draw_inspector_window();
  draw_map_overlay();
  hover_tooltip();
}

// --check-layout: the text boxes of the last frame that overlap, and the characters of the names
// on screen that no font has a glyph for (they would show as '?'). Exit 1 if there is either.
int App::report_layout() const {
  const TextBoxLog& log = text_box_log();
  int overlaps = 0;
  for (std::size_t i = 0; i < log.boxes.size(); ++i)
    for (std::size_t j = i + 1; j < log.boxes.size(); ++j)
      if (log.boxes[i].intersects(log.boxes[j])) {
        ++overlaps;
        std::cout << "govsim-gui: overlapping text: '" << log.what[i] << "' and '" << log.what[j]
                  << "'\n";
      }
  std::size_t missing = 0;
  const std::string names = names_text();
  for (const ImFont* font : {fonts_.ui, fonts_.small, fonts_.bold, fonts_.title})
    missing += missing_glyphs(font, names).size();
  std::cout << "govsim-gui: layout: " << log.boxes.size() << " text boxes, " << overlaps
            << " overlapping; " << missing << " characters of names without a glyph (fonts: "
            << (fonts_.text_file.empty() ? "ImGui's own" : fonts_.text_file)
            << (fonts_.cjk_file.empty() ? "" : ", " + fonts_.cjk_file) << ")\n";
  return overlaps == 0 && missing == 0 ? 0 : 1;
}

int App::run() {
  sf::Clock frame_clock;
  const bool screenshot = !options_.screenshot.empty();
  const bool bench = options_.bench_frames > 0;
  constexpr int kWarmupFrames = 20;
  int counted = 0;
  auto bench_start = std::chrono::steady_clock::now();
  const auto started = std::chrono::steady_clock::now();
  float fps_time = 0;
  int fps_frames = 0;

  while (window_.isOpen()) {
    sf::Event e;
    while (window_.pollEvent(e)) handle_event(e);
    if (!window_.isOpen()) break;
    const float dt = frame_clock.restart().asSeconds();
    fps_time += dt;
    ++fps_frames;
    if (fps_time >= 0.5f) {
      fps_ = float(fps_frames) / fps_time;
      fps_time = 0;
      fps_frames = 0;
    }

    sync();
    platform_->new_frame(dt);
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw_ui();
    ImGui::Render();

    window_.clear(kPanelColour);
    if (snap_) {
      const float time = anim_clock_.getElapsedTime().asSeconds();
      for (int m = 0; m < map_count_ && std::size_t(m) < snap_->lanes.size(); ++m) {
        const auto l = std::size_t(m);
        maps_[l].draw(window_, map_regions_[l], camera_, &snap_->lanes[l].flows, overlay_, time,
                      hovered_map_ == m ? hovered_ : -1, selected_);
      }
    }
    // ImGui draws inside SFML's saved GL state; resetGLStates() afterwards makes SFML re-apply
    // its own states, which its cache would otherwise assume (without it, SFML's vertex arrays
    // vanish from the next frame on under Mesa).
    window_.pushGLStates();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    window_.popGLStates();
    window_.resetGLStates();

    if (save_picture_ && snap_) {
      save_picture_ = false;
      const std::string name = "govsim-" + (snap_->scenario ? snap_->scenario->name : "gui") +
                               "-day" + std::to_string(snap_->day) + ".png";
      const std::string error = save_screenshot(window_, name);
      status_ = error.empty() ? i18n::tr("saved ") + name : error;
    }

    // Headless modes count frames once the city is on screen (and, for a screenshot with
    // --until-day, once the run has reached that day).
    bool counting = ready();
    if (screenshot && options_.until_day >= 0 && snap_)
      counting = counting && !snap_->playing && (snap_->day >= options_.until_day || snap_->done);
    if (counting) ++counted;
    if (screenshot && counted >= std::max(2, options_.frames)) {
      const std::string error = save_screenshot(window_, options_.screenshot);
      if (!error.empty()) {
        std::cerr << "govsim-gui: " << error << "\n";
        return 1;
      }
      std::cout << "govsim-gui: saved " << options_.screenshot << " (" << view_name(view_)
                << " view, day " << snap_->day << ")\n";
      if (options_.check_layout) return report_layout();
      return 0;
    }
    if (bench && counted == kWarmupFrames) bench_start = std::chrono::steady_clock::now();
    if (bench && counted == kWarmupFrames + options_.bench_frames) {
      window_.display();
      const double seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - bench_start).count();
      std::printf(
          "govsim-gui: %d frames in %.2f s: %.1f frames per second (%s view, %s: %llu "
          "residents, %u grids; simulation at %.0f days a second, day %lld)\n",
          options_.bench_frames, seconds, double(options_.bench_frames) / seconds, view_name(view_),
          snap_->scenario->name.c_str(), static_cast<unsigned long long>(snap_->city->residents),
          snap_->city->grids, snap_->measured_speed, static_cast<long long>(snap_->day));
      return 0;
    }
    if ((screenshot || bench) &&
        std::chrono::steady_clock::now() - started > std::chrono::seconds(100)) {
      std::cerr << "govsim-gui: gave up waiting for the city to appear\n";
      return 1;
    }
    window_.display();
  }
  return 0;
}

}  // namespace

int run_app(Scenario scenario, const AppOptions& options) {
  App app(std::move(scenario), options);
  return app.run();
}

}  // namespace govsim::viz
