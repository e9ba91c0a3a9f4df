#include "viz/knob_editor.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <string>

#include "engine/i18n.hpp"
#include "engine/input_text.hpp"

namespace govsim::viz {
namespace {

// Reads the value of one key of a design, so that changed knobs can be marked.
class ValueAt {
 public:
  explicit ValueAt(std::string path) : path_(std::move(path)) {}
  std::string value;

  void number(const char* key, double& v, double, double, const FieldDoc&) {
    if (at(key)) value = format_number(v);
  }
  template <class Int>
  void integer(const char* key, Int& v, std::int64_t, std::int64_t, const FieldDoc&) {
    if (at(key)) value = std::to_string(v);
  }
  void flag(const char* key, bool& v, const FieldDoc&) {
    if (at(key)) value = v ? "true" : "false";
  }
  template <class E, std::size_t N>
  void choice(const char* key, E& v, const std::array<const char*, N>& names, const FieldDoc&) {
    if (at(key)) value = names[static_cast<std::size_t>(v)];
  }
  void text(const char* key, std::string& v, const FieldDoc&) {
    if (at(key)) value = v;
  }
  template <class S>
  void group(const char* key, S& sub, const char*) {
    const std::string saved = prefix_;
    prefix_ = prefix_.empty() ? key : prefix_ + "." + key;
    describe(*this, sub);
    prefix_ = saved;
  }

 private:
  bool at(const char* key) const { return (prefix_.empty() ? key : prefix_ + "." + key) == path_; }
  std::string path_, prefix_;
};

std::string value_of(const GovernanceConfig& g, const std::string& path) {
  GovernanceConfig copy = g;
  ValueAt reader(path);
  describe(reader, copy);
  return reader.value;
}

class KnobVisitor {
 public:
  KnobVisitor(const GovernanceConfig& edited, const GovernanceConfig* base,
              const CalendarConfig* calendar)
      : edited_(edited), base_(base), calendar_(calendar) {}
  KnobEdit edit;

  void number(const char* key, double& v, double lo, double hi, const FieldDoc& doc) {
    const std::string path = row(key, format_number(v));
    const char* format = hi - lo <= 2 ? "%.2f" : hi - lo <= 1000 ? "%.1f" : "%.0f";
    bool changed;
    if (hi - lo <= 1000) {
      changed = ImGui::SliderScalar(("##" + path).c_str(), ImGuiDataType_Double, &v, &lo, &hi,
                                    format, ImGuiSliderFlags_AlwaysClamp);
    } else {
      changed = ImGui::InputScalar(("##" + path).c_str(), ImGuiDataType_Double, &v, nullptr,
                                   nullptr, format);
      v = std::clamp(v, lo, hi);
    }
    (void)changed;
    finish(path, format_number(v), doc, format_number(lo), format_number(hi));
  }

  template <class Int>
  void integer(const char* key, Int& v, std::int64_t lo, std::int64_t hi, const FieldDoc& doc) {
    std::int64_t value = static_cast<std::int64_t>(v);
    const std::string path = row(key, std::to_string(value));
    if (hi - lo <= 100) {
      ImGui::SliderScalar(("##" + path).c_str(), ImGuiDataType_S64, &value, &lo, &hi, "%lld",
                          ImGuiSliderFlags_AlwaysClamp);
    } else {
      ImGui::InputScalar(("##" + path).c_str(), ImGuiDataType_S64, &value);
      value = std::clamp(value, lo, hi);
    }
    v = static_cast<Int>(value);
    finish(path, std::to_string(value), doc, std::to_string(lo), std::to_string(hi));
  }

  void flag(const char* key, bool& v, const FieldDoc& doc) {
    const std::string path = row(key, v ? "true" : "false");
    const bool clicked = ImGui::Checkbox(("##" + path).c_str(), &v);
    finish(path, v ? "true" : "false", doc, "", "", clicked);
  }

  template <class E, std::size_t N>
  void choice(const char* key, E& v, const std::array<const char*, N>& names, const FieldDoc& doc) {
    const std::string path = row(key, names[static_cast<std::size_t>(v)]);
    int index = static_cast<int>(v);
    const bool picked =
        ImGui::Combo(("##" + path).c_str(), &index, names.data(), static_cast<int>(N));
    v = static_cast<E>(index);
    finish(path, names[static_cast<std::size_t>(index)], doc, "", "", picked);
  }

  void text(const char*, std::string&, const FieldDoc&) {}  // no text in the governance block

  template <class S>
  void group(const char* key, S& sub, const char* title) {
    const std::string saved = prefix_;
    prefix_ = prefix_.empty() ? key : prefix_ + "." + key;
    const bool open = ImGui::TreeNodeEx(key, ImGuiTreeNodeFlags_SpanAvailWidth);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr(title));
    if (open) {
      describe(*this, sub);
      ImGui::TreePop();
    }
    prefix_ = saved;
  }

 private:
  // The key's label (marked when it differs from the base design); returns the key path.
  std::string row(const char* key, const std::string& value) {
    const std::string path = prefix_.empty() ? key : prefix_ + "." + key;
    const bool changed = base_ && value_of(*base_, path) != value;
    idle_ = calendar_ ? knob_idle_reason(path, edited_, *calendar_) : nullptr;
    ImGui::AlignTextToFramePadding();
    if (changed) {
      ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1.0f), "%s *", key);
    } else if (idle_) {
      ImGui::TextDisabled("%s", key);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", idle_);
    } else {
      ImGui::TextUnformatted(key);
    }
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetContentRegionMax().x * 0.52f));
    ImGui::SetNextItemWidth(-1);
    return path;
  }

  void finish(const std::string& path, const std::string& value, const FieldDoc& doc,
              const std::string& lo, const std::string& hi, bool done = false) {
    if (ImGui::IsItemActive()) edit.active = true;
    if (done || ImGui::IsItemDeactivatedAfterEdit()) {
      edit.committed = true;
      edit.summary = path + "=" + value;
    }
    if (ImGui::IsItemHovered()) {
      ImGui::BeginTooltip();
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
      ImGui::Text("governance.%s", path.c_str());
      ImGui::TextUnformatted(i18n::tr(doc.doc));
      if (idle_) ImGui::TextColored(ImVec4(1.0f, 0.78f, 0.35f, 1.0f), "%s", idle_);
      if (doc.unit[0]) ImGui::TextDisabled(i18n::tr("unit: %s"), i18n::tr(doc.unit));
      if (!lo.empty()) ImGui::TextDisabled(i18n::tr("range: %s to %s"), lo.c_str(), hi.c_str());
      ImGui::TextDisabled(i18n::tr("source: %s"), doc.source);
      if (base_)
        ImGui::TextDisabled(i18n::tr("scenario's value: %s"), value_of(*base_, path).c_str());
      ImGui::PopTextWrapPos();
      ImGui::EndTooltip();
    }
  }

  const GovernanceConfig& edited_;
  const GovernanceConfig* base_;
  const CalendarConfig* calendar_;
  const char* idle_ = nullptr;  // of the row being drawn
  std::string prefix_;
};

}  // namespace

const char* knob_idle_reason(const std::string& path, const GovernanceConfig& config,
                             const CalendarConfig& calendar) {
  const auto is = [&](std::initializer_list<const char*> keys) {
    return std::any_of(keys.begin(), keys.end(), [&](const char* k) { return path == k; });
  };
  if (calendar.on && is({"deadlines.small_h", "deadlines.big_h", "deadlines.hard_h"}))
    return i18n::tr(
        "no effect in this run: the working calendar is on, so the deadlines in "
        "working days apply");
  if (!calendar.on && is({"deadlines.small_wd", "deadlines.big_wd", "deadlines.hard_wd"}))
    return i18n::tr(
        "no effect in this run: the working calendar is off (calendar.on in the "
        "scenario; it cannot change during a run)");
  if (config.structure != Structure::Grid && path == "mediators.grid_rooms")
    return i18n::tr("no effect under the fragmented structure: there are no grid mediation rooms");
  return nullptr;
}

std::string fixed_keys_note(const Scenario& scenario) {
  char text[640];
  std::snprintf(text, sizeof text,
                i18n::tr("Fixed for the whole run, set in the scenario (then load it again): the "
                         "working calendar (calendar.*, now %s), people (model.behaviour.people.*) "
                         "and space (model.space.*, travel to the grids %s)."),
                i18n::tr(scenario.calendar.on ? N_("on") : N_("off")),
                i18n::tr(scenario.model.space.travel ? N_("on") : N_("off")));
  return text;
}

KnobEdit draw_knob_editor(GovernanceConfig& config, const GovernanceConfig* changed_from,
                          const CalendarConfig* calendar) {
  KnobVisitor visitor(config, changed_from, calendar);
  describe(visitor, config);
  return visitor.edit;
}

}  // namespace govsim::viz
