#include "viz/grid_people.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "agents/households.hpp"
#include "engine/i18n.hpp"

namespace govsim::viz {
namespace {

constexpr double kHoursPerDay = 24.0;

// A dispute's kind as a reader sees it, by kDisputeKindNames.
const char* kind_label(std::uint8_t kind) {
  static constexpr const char* kLabels[] = {N_("neighbour dispute"), N_("family dispute"),
                                            N_("damages dispute"), N_("housing dispute"),
                                            N_("other dispute")};
  static_assert(std::size(kLabels) == kDisputeKinds);
  return i18n::tr(kLabels[std::min<std::size_t>(kind, kDisputeKinds - 1)]);
}

// Who the other party is when nobody in the grid is (sim/people.cpp draw_counterpart), by the
// dispute's kind; any other `kind` (an incident's) gets the general label.
const char* outside_label(std::uint8_t kind) {
  static constexpr const char* kLabels[] = {
      N_("a neighbour outside the grid"), N_("a relative living elsewhere"),
      N_("a business or a party outside the grid"), N_("a landlord living elsewhere"),
      N_("an employer or a business outside the grid")};
  static_assert(std::size(kLabels) == kDisputeKinds);
  return i18n::tr(kind < kDisputeKinds ? kLabels[kind] : N_("a party outside the grid"));
}

std::string flags_text(std::uint8_t people) {
  std::string text;
  const auto add = [&](std::uint8_t bit, const char* label) {
    if ((people & bit) != 0) text += (text.empty() ? "" : " · ") + std::string(i18n::tr(label));
  };
  add(kRepeatDispute, N_("repeat"));
  add(kCrisis, N_("crisis"));
  add(kCounselled, N_("counselled"));
  add(kEscalated, N_("escalated into an incident"));
  return text;
}

template <class... Args>
std::string format(const char* fmt, Args... args) {
  char text[512];
  std::snprintf(text, sizeof text, fmt, args...);
  return text;
}

}  // namespace

std::string duration_text(double hours) {
  if (std::isnan(hours)) return "-";
  if (hours < 2 * kHoursPerDay) return format(i18n::tr("%.1f h"), hours);
  return format(i18n::tr("%.1f d"), hours / kHoursPerDay);
}

const char* case_state_label(CaseState state) {
  static constexpr const char* kLabels[] = {N_("not yet reported"),   N_("on its way to a desk"),
                                            N_("waiting at a desk"),  N_("being handled"),
                                            N_("waiting on parties"), N_("closed")};
  return i18n::tr(kLabels[static_cast<std::size_t>(state)]);
}

std::string party_text(const GridDetail& d, std::uint32_t resident, std::uint8_t kind) {
  if (resident == kNoParty || resident < d.first_resident ||
      resident >= d.first_resident + d.residents)
    return outside_label(kind);
  const std::uint64_t n = d.residents;
  const std::uint64_t h = std::clamp<std::uint64_t>(d.households, 1, n);
  const std::uint64_t household = household_of(resident - d.first_resident, n, h) + 1;
  return format(i18n::tr("resident #%u (household %llu)"), resident,
                static_cast<unsigned long long>(household));
}

PeopleRows people_rows(const GridDetail& d, double now_h) {
  PeopleRows rows;
  const double residents = double(d.residents);
  rows.households =
      format(i18n::tr("%llu households of %.1f residents; %llu neighbour ties, %.1f a resident"),
             static_cast<unsigned long long>(d.households),
             d.households > 0 ? residents / double(d.households) : 0.0,
             static_cast<unsigned long long>(d.tie_ends / 2),
             residents > 0 ? double(d.tie_ends) / residents : 0.0);

  rows.disputes_heading = format(i18n::tr("open disputes: %d"), d.open_disputes);
  if (static_cast<std::size_t>(d.open_disputes) > d.disputes.size())
    rows.disputes_heading +=
        format(i18n::tr(" (the oldest %d shown)"), static_cast<int>(d.disputes.size()));
  for (const DisputeRow& r : d.disputes) {
    PeopleRow row;
    row.parties = format(i18n::tr("%s and %s"), party_text(d, r.resident, r.kind).c_str(),
                         party_text(d, r.counterpart, r.kind).c_str());
    row.status = format(i18n::tr("%s, %s (%s), open %s"), kind_label(r.kind),
                        case_state_label(r.state), level_label(static_cast<std::size_t>(r.level)),
                        duration_text(now_h - r.t_arise).c_str());
    row.flags = flags_text(r.people);
    rows.disputes.push_back(std::move(row));
  }

  rows.incidents_heading = format(i18n::tr("incidents from disputes since day 1: %d"), d.incidents);
  for (const IncidentRow& r : d.incident_rows) {
    PeopleRow row;
    constexpr std::uint8_t kAnyKind = 0xFF;
    row.parties = format(i18n::tr("%s and %s"), party_text(d, r.resident, kAnyKind).c_str(),
                         party_text(d, r.counterpart, kAnyKind).c_str());
    const char* what =
        i18n::tr(r.domain == Domain::Emergency ? N_("emergency incident") : N_("safety incident"));
    row.status = format(i18n::tr("%s, arose on day %d, %s"), what,
                        static_cast<int>(r.t_arise / kHoursPerDay), case_state_label(r.state));
    rows.incidents.push_back(std::move(row));
  }
  return rows;
}

}  // namespace govsim::viz
