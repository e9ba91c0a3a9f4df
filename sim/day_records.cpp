#include "sim/day_records.hpp"

namespace govsim {
namespace {

template <class T, std::size_t N>
void add(T (&a)[N], const T (&b)[N]) {
  for (std::size_t i = 0; i < N; ++i) a[i] += b[i];
}

template <class T>
void append(std::vector<T>& a, const std::vector<T>& b) {
  a.insert(a.end(), b.begin(), b.end());
}

}  // namespace

UnitDay& UnitDay::operator+=(const UnitDay& o) {
  admitted += o.admitted;
  add(reported, o.reported);
  reported_requests += o.reported_requests;
  add(reported_disputes, o.reported_disputes);
  add(reported_tier, o.reported_tier);
  hazards_found += o.hazards_found;
  hazard_detect_sum_h += o.hazard_detect_sum_h;
  first_responses += o.first_responses;
  resolved += o.resolved;
  escalated += o.escalated;
  bounced += o.bounced;
  dropped += o.dropped;
  worsened += o.worsened;
  disputes_resolved += o.disputes_resolved;
  disputes_settled_in_grid += o.disputes_settled_in_grid;
  mediations += o.mediations;
  mediation_agreements += o.mediation_agreements;
  within_deadline += o.within_deadline;
  small_resolved += o.small_resolved;
  small_stayed_in_grid += o.small_stayed_in_grid;
  reached_street += o.reached_street;
  sent_up += o.sent_up;
  reached_city += o.reached_city;
  settled_by_residents += o.settled_by_residents;
  resolution_sum_h += o.resolution_sum_h;
  handoff_sum_h += o.handoff_sum_h;
  handoffs += o.handoffs;
  add(level, o.level);
  add(busy_h, o.busy_h);
  add(capacity_h, o.capacity_h);
  append(response_h, o.response_h);
  append(resolution_h, o.resolution_h);
  append(closed, o.closed);
  append(moves, o.moves);
  add(response_wd_sum_h, o.response_wd_sum_h);
  add(response_wd, o.response_wd);
  add(intake_wd_sum_h, o.intake_wd_sum_h);
  add(intake_wd, o.intake_wd);
  incidents += o.incidents;
  repeat_disputes += o.repeat_disputes;
  crisis_disputes += o.crisis_disputes;
  counselled += o.counselled;
  incident_cases += o.incident_cases;
  travel_h += o.travel_h;
  handlers += o.handlers;
  open_end += o.open_end;
  unreported_end += o.unreported_end;
  backlog_end += o.backlog_end;
  overdue_end += o.overdue_end;
  backlog_age_sum_h += o.backlog_age_sum_h;
  return *this;
}

void UnitDay::clear() {
  std::vector<double> response = std::move(response_h);
  std::vector<double> response_sorted = std::move(response_sorted_h);
  std::vector<double> resolution = std::move(resolution_h);
  std::vector<CaseTrace> closed_cases = std::move(closed);
  std::vector<CaseMove> level_moves = std::move(moves);
  *this = UnitDay{};
  response.clear();
  response_sorted.clear();
  resolution.clear();
  closed_cases.clear();
  level_moves.clear();
  response_h = std::move(response);
  response_sorted_h = std::move(response_sorted);
  resolution_h = std::move(resolution);
  closed = std::move(closed_cases);
  moves = std::move(level_moves);
}

}  // namespace govsim
