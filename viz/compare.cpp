#include "viz/compare.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "engine/i18n.hpp"

namespace govsim::viz {

std::optional<std::string> draw_compare_picker(const Snapshot& snap,
                                               const std::vector<ShippedScenario>& shipped) {
  std::optional<std::string> picked;
  const std::string current = snap.lanes.size() > 1 ? snap.lanes[1].label : i18n::tr("(none)");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##design_b", current.c_str())) {
    if (ImGui::Selectable(i18n::tr("(none: one design)"), snap.lanes.size() < 2)) picked = "";
    for (const ShippedScenario& s : shipped) {
      if (ImGui::Selectable(s.name.c_str(), s.name == current)) picked = s.name;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.title.shown().c_str());
    }
    ImGui::EndCombo();
  }
  return picked;
}

void draw_figures_table(const Snapshot& snap) {
  if (snap.lanes.empty()) return;
  struct Row {
    const char* label;
    const char* format;
    double (*get)(const RunSummary&);
  };
  static const Row rows[] = {
      {N_("disputes /10k/yr"), "%.1f", [](const RunSummary& s) { return s.disputes_per_10k_year; }},
      {N_("response p50 (h)"), "%.1f", [](const RunSummary& s) { return s.response_time_p50_h; }},
      {N_("response p90 (h)"), "%.1f", [](const RunSummary& s) { return s.response_time_p90_h; }},
      {N_("resolution mean (h)"), "%.1f",
       [](const RunSummary& s) { return s.resolution_time_mean_h; }},
      {N_("within deadline"), "%.2f", [](const RunSummary& s) { return s.within_deadline_share; }},
      {N_("bounced"), "%.0f", [](const RunSummary& s) { return double(s.bounced); }},
      {N_("dropped"), "%.0f", [](const RunSummary& s) { return double(s.dropped); }},
      {N_("trust"), "%.3f", [](const RunSummary& s) { return s.trust_mean; }},
      {N_("security"), "%.3f", [](const RunSummary& s) { return s.security_mean; }},
      {N_("cost CNY/resident-yr"), "%.0f",
       [](const RunSummary& s) { return s.cost_per_resident_year; }},
  };
  if (snap.lanes[0].summary.measured_days <= 0) {
    const std::int64_t warmup = snap.scenario ? snap.scenario->run.warmup_days : 0;
    ImGui::TextDisabled(i18n::tr("figures start after the warm-up (day %lld)"),
                        static_cast<long long>(warmup));
    return;
  }
  const bool two = snap.lanes.size() > 1;
  const int columns = two ? 4 : 2;
  if (!ImGui::BeginTable("figures", columns,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp |
                             ImGuiTableFlags_BordersInnerV))
    return;
  ImGui::TableSetupColumn(i18n::tr("so far"), ImGuiTableColumnFlags_WidthStretch, 2.2f);
  ImGui::TableSetupColumn(two ? "A" : snap.lanes[0].label.c_str(),
                          ImGuiTableColumnFlags_WidthStretch, 1.0f);
  if (two) {
    ImGui::TableSetupColumn("B", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("B - A", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  }
  ImGui::TableHeadersRow();
  const auto cell = [](const char* format, double v) {
    ImGui::TableNextColumn();
    if (std::isnan(v)) {
      ImGui::TextDisabled("-");
    } else {
      ImGui::Text(format, v);
    }
  };
  for (const Row& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(i18n::tr(r.label));
    const double a = r.get(snap.lanes[0].summary);
    cell(r.format, a);
    if (two) {
      const double b = r.get(snap.lanes[1].summary);
      cell(r.format, b);
      char format[16];
      std::snprintf(format, sizeof format, "%%+%s", r.format + 1);
      cell(format, b - a);
    }
  }
  ImGui::EndTable();
}

}  // namespace govsim::viz
