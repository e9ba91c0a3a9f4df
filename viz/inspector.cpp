#include "viz/inspector.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "engine/i18n.hpp"
#include "viz/grid_people.hpp"

namespace govsim::viz {
namespace {

constexpr const char* kChannelNames[] = {N_("nobody"), N_("resident"), N_("volunteer"),
                                         N_("rounds"), N_("platform")};

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextColored(ImVec4(0.55f, 0.75f, 1.0f, 1.0f), "%s", text);
  ImGui::Separator();
}

std::string path_text(const CaseRow& c) {
  std::string text;
  for (std::size_t i = 0; i < c.path_len && i < kMaxPath; ++i) {
    if (!text.empty()) text += " -> ";
    text += level_label(static_cast<std::size_t>(c.path[i]));
    text += " (" + duration_text(double(c.path_t_h[i])) + ")";
  }
  return text.empty() ? i18n::tr("no desk yet") : text;
}

void case_row(const CaseRow& c, double now_h) {
  const char* domain = domain_label(static_cast<std::size_t>(c.domain));
  const char* tier = tier_label(static_cast<std::size_t>(c.tier));
  const char* origin = tier_label(static_cast<std::size_t>(c.origin_tier));
  std::string outcome;
  if (c.state != CaseState::Closed) {
    outcome = std::string(case_state_label(c.state)) + i18n::tr(", open ") +
              duration_text(now_h - c.t_arise);
  } else {
    outcome = i18n::tr(c.dropped ? N_("dropped") : (c.settled ? N_("settled") : N_("resolved")));
    outcome += i18n::tr(" after ") + duration_text(c.t_closed - c.t_arise);
  }
  ImGui::Bullet();
  ImGui::TextColored(ImVec4(0.95f, 0.85f, 0.55f, 1), "%s, %s%s%s", domain, tier,
                     c.tier != c.origin_tier ? i18n::tr(" (grew from ") : "",
                     c.tier != c.origin_tier ? (std::string(origin) + ")").c_str() : "");
  ImGui::SameLine();
  ImGui::TextDisabled(i18n::tr("day %d"), static_cast<int>(c.t_arise / 24));
  ImGui::Indent();
  ImGui::Text("%s", outcome.c_str());
  ImGui::TextWrapped(
      i18n::tr("reported by %s after %s; first response %s after the report%s"),
      i18n::tr(kChannelNames[static_cast<std::size_t>(c.channel)]),
      duration_text(c.t_report - c.t_arise).c_str(), duration_text(c.t_first - c.t_report).c_str(),
      c.bounces > 0 ? (i18n::tr(", bounced ") + std::to_string(c.bounces) + "x").c_str() : "");
  ImGui::TextWrapped(i18n::tr("path: %s"), path_text(c).c_str());
  ImGui::Unindent();
}

// Households and ties, open disputes with both parties, incidents (MODEL.md 7.24).
void people_section(const GridDetail& d, double now_h) {
  const PeopleRows rows = people_rows(d, now_h);
  heading(i18n::tr("Households"));
  ImGui::TextWrapped("%s", rows.households.c_str());
  const auto list = [](const std::vector<PeopleRow>& items) {
    for (const PeopleRow& r : items) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", r.parties.c_str());
      ImGui::Indent();
      ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      ImGui::TextWrapped("%s", r.status.c_str());
      ImGui::PopStyleColor();
      if (!r.flags.empty()) ImGui::TextColored(ImVec4(1.0f, 0.6f, 0.35f, 1), "%s", r.flags.c_str());
      ImGui::Unindent();
    }
  };
  heading(rows.disputes_heading.c_str());
  list(rows.disputes);
  heading(rows.incidents_heading.c_str());
  list(rows.incidents);
}

// The grid's figures now and its staff.
void now_tab(const LaneView& lane, const GridDetail& d, std::size_t gi) {
  heading(i18n::tr("Now"));
  // The values in a column after the widest label ("Distance to the street office:").
  float column = ImGui::GetFontSize() * 11;
  for (const MetricInfo& info : kMetricInfo)
    column = std::max(column, ImGui::CalcTextSize(i18n::tr(info.label)).x +
                                  ImGui::CalcTextSize(": ").x + ImGui::GetFontSize());
  for (int m = 0; m < kMapMetrics; ++m) {
    const MetricInfo& info = kMetricInfo[static_cast<std::size_t>(m)];
    const float v = lane.grid_metric[static_cast<std::size_t>(m)][gi];
    char value[32];
    if (std::isnan(v)) {
      std::snprintf(value, sizeof value, "-");
    } else {
      std::snprintf(value, sizeof value, info.format, double(v));
    }
    ImGui::Text("%s:", i18n::tr(info.label));
    ImGui::SameLine(column);
    ImGui::Text("%s %s", value, unit_of(info, v));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr(info.note));
  }

  heading(i18n::tr("Staff"));
  if (d.branch_grids > 0) {
    ImGui::Text(i18n::tr(d.branch_grids == 1 ? N_("grid workers: %d (one branch of %d grid)")
                                             : N_("grid workers: %d (one branch of %d grids)")),
                d.grid_workers, d.branch_grids);
  } else {
    ImGui::TextUnformatted(i18n::tr("grid workers: none (no grid tier in this design)"));
  }
  ImGui::Text(i18n::tr("volunteers: %d (%d on duty today)"), d.volunteers, d.volunteers_on_duty);
  ImGui::Text(i18n::tr("community officials: %d, mediators: %d"), d.community_officials,
              d.community_mediators);
  ImGui::Text(i18n::tr("street officials: %d, mediators: %d"), d.street_officials,
              d.street_mediators);
}

// Open cases by domain and tier, the oldest of them, and the latest closed.
void cases_tab(const GridDetail& d, double now_h) {
  heading(i18n::tr("Open cases"));
  int total = 0;
  for (const auto& row : d.open)
    for (int n : row) total += n;
  ImGui::Text(i18n::tr("%d open, %d of them not yet reported"), total, d.unreported);
  if (ImGui::BeginTable("open", 5,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                            ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(i18n::tr("domain"));
    for (std::size_t t = 0; t < kTierNames.size(); ++t) ImGui::TableSetupColumn(tier_label(t));
    ImGui::TableSetupColumn(i18n::tr("all"));
    ImGui::TableHeadersRow();
    for (int dom = 0; dom < kDomains; ++dom) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(domain_label(static_cast<std::size_t>(dom)));
      int sum = 0;
      for (int t = 0; t < kTiers; ++t) {
        const int n = d.open[static_cast<std::size_t>(dom)][static_cast<std::size_t>(t)];
        sum += n;
        ImGui::TableNextColumn();
        if (n > 0) {
          ImGui::Text("%d", n);
        } else {
          ImGui::TextDisabled("0");
        }
      }
      ImGui::TableNextColumn();
      ImGui::Text("%d", sum);
    }
    ImGui::EndTable();
  }
  if (!d.open_cases.empty() && ImGui::TreeNode("oldest", "%s", i18n::tr("oldest open cases"))) {
    for (const CaseRow& c : d.open_cases) case_row(c, now_h);
    ImGui::TreePop();
  }
  heading(i18n::tr("Recent cases"));
  if (d.recent.empty()) ImGui::TextDisabled("%s", i18n::tr("none closed yet"));
  for (const CaseRow& c : d.recent) case_row(c, now_h);
}

void lane_details(const Snapshot& snap, const LaneView& lane, int g, int& open_tab) {
  const GridDetail& d = lane.detail;
  if (d.grid != g) {
    ImGui::TextDisabled("%s", i18n::tr("loading..."));
    return;
  }
  const double now_h = double(snap.day) * 24.0;
  if (!ImGui::BeginTabBar("sections")) return;
  for (int t = 0; t < kInspectorTabs; ++t) {
    const ImGuiTabItemFlags flags = t == open_tab ? ImGuiTabItemFlags_SetSelected : 0;
    const std::string label =
        std::string(i18n::tr(kInspectorTabLabels[static_cast<std::size_t>(t)])) + "###" +
        kInspectorTabKeys[static_cast<std::size_t>(t)];
    if (!ImGui::BeginTabItem(label.c_str(), nullptr, flags)) continue;
    switch (static_cast<InspectorTab>(t)) {
      case InspectorTab::Now:
        now_tab(lane, d, static_cast<std::size_t>(g));
        break;
      case InspectorTab::People:
        people_section(d, now_h);
        break;
      case InspectorTab::Cases:
        cases_tab(d, now_h);
        break;
    }
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
}

}  // namespace

void draw_inspector(const Snapshot& snap, int grid, int& open_tab) {
  if (!snap.city || grid < 0 || static_cast<std::uint32_t>(grid) >= snap.city->grids) return;
  const City& city = *snap.city;
  const auto g = static_cast<std::size_t>(grid);
  ImGui::Text("%s", city.grid_names[g].c_str());
  ImGui::SameLine();
  ImGui::TextDisabled(i18n::tr("in %s, %s"), city.community_names[city.grid_community[g]].c_str(),
                      city.street_names[city.grid_street[g]].c_str());
  ImGui::Text(i18n::tr("%u residents in %u households, %.2f km2"), city.grid_population[g],
              city.grid_households[g], double(city.grid_area_km2[g]));
  ImGui::Text(i18n::tr("%s; %.0f%% aged 60+, %.0f%% migrants"), housing_label(city.grid_housing[g]),
              double(city.grid_elderly[g]) * 100, double(city.grid_migrant[g]) * 100);
  if (snap.lanes.size() == 1) {
    lane_details(snap, snap.lanes[0], grid, open_tab);
    if (snap.lanes[0].detail.grid == grid) open_tab = -1;
    return;
  }
  if (ImGui::BeginTabBar("designs")) {
    for (std::size_t l = 0; l < snap.lanes.size(); ++l) {
      const std::string tab = std::string(l == 0 ? "A: " : "B: ") + snap.lanes[l].label;
      if (ImGui::BeginTabItem(tab.c_str())) {
        lane_details(snap, snap.lanes[l], grid, open_tab);
        ImGui::EndTabItem();
      }
    }
    ImGui::EndTabBar();
    if (snap.lanes[0].detail.grid == grid) open_tab = -1;
  }
}

}  // namespace govsim::viz
