#include "sim/handling.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "model/streams.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/case_rules.hpp"

namespace govsim {

HandlingUnit::HandlingUnit(const City& city, std::uint32_t street, const ModelConfig& model,
                           const CaseBehaviour& behaviour, std::uint64_t seed, UnitContext ctx)
    : city_(city),
      model_(model),
      behaviour_(behaviour),
      ctx_(ctx),
      street_(street),
      g0_(city.street_first_grid[street]),
      g1_(street < city.streets ? city.street_first_grid[street + 1] : g0_),
      c0_(city.street_first_community[street]),
      c1_(street < city.streets ? city.street_first_community[street + 1] : c0_),
      seed_(seed) {}

Level HandlingUnit::level_for(Tier tier) const {
  switch (tier) {
    case Tier::Small:
      return gov_.routing.small;
    case Tier::Big:
      return gov_.routing.big;
    case Tier::Hard:
      return gov_.routing.hard;
  }
  return Level::Street;
}

double HandlingUnit::rounds_hours(std::uint32_t grid) const {
  if (gov_.structure != Structure::Grid || branch_of_grid_.empty()) return 0;
  const Branch& b = branches_[branch_of_grid_[grid - g0_]];
  const int p = branch_pool_[branch_of_grid_[grid - g0_]];
  const double workers = p < 0 ? 0.0 : double(pools_[static_cast<std::size_t>(p)].slots.size());
  // The branch's rounds reach each of its grids from the base once a day (MODEL.md 7.25).
  const double walk = workers > 0 ? rounds_travel_h(branch_of_grid_[grid - g0_]) : 0.0;
  return std::max(0.0,
                  workers * gov_.staffing.grid_worker_hours * model_.behaviour.staff.rounds_share -
                      walk) /
         double(b.last_grid - b.first_grid);
}

// ---------------------------------------------------------------------------------------------
// Events

std::uint32_t HandlingUnit::new_slot() {
  if (!free_.empty()) {
    const std::uint32_t slot = free_.back();
    free_.pop_back();
    return slot;
  }
  cases_.emplace_back();
  return static_cast<std::uint32_t>(cases_.size() - 1);
}

void HandlingUnit::take_transfer(const Case& from, double t) {
  const std::uint32_t slot = new_slot();
  Case& c = cases_[slot];
  c = from;
  c.pool = -1;
  c.server = -1;
  c.state = CaseState::InTransit;
  ++open_;
  schedule_incident_check(c, slot, t, 0);  // its escalation goes on at the city tier
  route(c, slot, Level::City, t, false);
}

void HandlingUnit::send_up(Case& c, std::uint32_t slot, double t) {
  ++day_.escalated;
  ++day_.sent_up;
  ++(*ctx_.grid_totals)[c.grid].escalated;
  ++c.epoch;
  sent_up_.push_back(Transfer{c, t});
  --open_;
  c.state = CaseState::Closed;
  c.id = 0;
  free_.push_back(slot);
}

// No office was involved: the resident's strain eases as after a settled case, and nobody
// judges a service.
void HandlingUnit::settle_among_residents(Case& c, std::uint32_t slot, double t) {
  GridTotals& gt = (*ctx_.grid_totals)[c.grid];
  --open_;
  --unreported_;
  --gt.open;
  if (c.domain == Domain::Dispute) --gt.open_disputes;
  if (hazard_domain(c.domain)) --gt.open_hazards;
  ++day_.settled_by_residents;
  const double weight = (1.0 + rank(c.tier)) / double(kTiers);
  const auto eased = static_cast<float>(model_.behaviour.outcome.settled_hardship * weight);
  (*ctx_.feedback)[c.grid].push_back(Feedback{c.resident, 0.0f, eased, 0.0f, false});
  people_on_close(c, t, false, true, eased);
  if (tracing_)
    day_.closed.push_back(CaseTrace{c.id, c.grid, c.domain, c.origin_tier, c.tier, c.channel, false,
                                    true, c.bounces, 0, c.path, c.path_t_h, c.t_arise, c.t_report,
                                    c.t_first, t});
  c.state = CaseState::Closed;
  c.id = 0;
  free_.push_back(slot);
}

void HandlingUnit::admit(const NewCase& n) {
  const std::uint32_t slot = new_slot();
  Case& c = cases_[slot];
  c = Case{};
  c.id = n.id;
  c.t_arise = n.t_arise;
  c.t_report = kNaN;
  c.t_first = kNaN;
  c.t_enqueue = kNaN;
  c.t_lapse = n.t_lapse;
  c.deadline = kInf;
  c.resident = n.resident;
  c.grid = case_grid(n.id);
  c.pool = -1;
  c.server = -1;
  c.domain = n.domain;
  c.kind = n.kind;
  c.tier = c.origin_tier = n.tier;
  c.level = Level::Grid;
  c.channel = n.channel;
  c.state = CaseState::Unreported;
  c.counterpart = n.counterpart;
  c.people = n.people;
  ++open_;
  ++unreported_;
  GridTotals& gt = (*ctx_.grid_totals)[c.grid];
  ++gt.cases;
  ++gt.open;
  if (c.domain == Domain::Dispute) ++gt.disputes, ++gt.open_disputes;
  if (hazard_domain(c.domain)) ++gt.open_hazards;
  ++day_.admitted;
  if (c.people & kRepeatDispute) ++day_.repeat_disputes, ++gt.repeat_disputes;
  if (c.people & kIncident) ++day_.incident_cases;
  schedule_incident_check(c, slot, c.t_arise, 0);
  auto timer = [&](double t, Ev type) {
    events_.push_timer(Event{t, 0, type, Level::Grid, c.id, slot, 0});
  };
  if (n.t_settle < kInf) {  // before any report, lapse or worsening (sim/arrivals.cpp)
    timer(n.t_settle, Ev::Settle);
    return;
  }
  if (n.t_report < n.t_lapse) timer(n.t_report, Ev::Report);
  if (n.t_lapse < kInf) timer(n.t_lapse, Ev::Lapse);
  if (n.t_worsen1 < n.t_lapse) timer(n.t_worsen1, Ev::Worsen);
  if (n.t_worsen2 < n.t_lapse) timer(n.t_worsen2, Ev::Worsen);
}

void HandlingUnit::run_until(double t_end) {
  events_.run_until(t_end, [this](const Event& e) { handle(e); });
  for (int l = 0; l < kLevels; ++l) touch_books(l, t_end);
}

void HandlingUnit::handle(const Event& e) {
  if (e.type == Ev::Wake) {
    if (e.aux != generation_) return;
    pools_[e.index].wake_at = kInf;
    try_dispatch(static_cast<int>(e.index), e.t);
    return;
  }
  Case& c = cases_[e.index];
  if (c.id != e.id || c.state == CaseState::Closed) return;  // a stale timer
  switch (e.type) {
    case Ev::Report:
      on_report(c, e.index, e.t);
      break;
    case Ev::Worsen:
      on_worsen(c, e.t);
      break;
    case Ev::Lapse:
      on_lapse(c, e.index, e.t);
      break;
    case Ev::Arrive:
      on_arrive(c, e.index, e.level, e.t);
      break;
    case Ev::Reroute:
      route(c, e.index, e.level, e.t, false);
      break;
    case Ev::Lost:
      close(c, e.index, e.t, true, false);
      break;
    case Ev::ServiceDone:
      on_service_done(c, e.index, e.aux, e.t);
      break;
    case Ev::Resolve:
      behaviour_.on_resolve(*this, c, e.index, e.t);
      break;
    case Ev::EscalateCheck:
      on_escalate_check(c, e.index, e.aux, e.t);
      break;
    case Ev::Settle:
      settle_among_residents(c, e.index, e.t);
      break;
    case Ev::IncidentCheck:
      on_incident_check(c, e.index, e.aux, e.t);
      break;
    case Ev::Wake:
      break;
  }
}

// ---------------------------------------------------------------------------------------------
// A case's life

void HandlingUnit::on_report(Case& c, std::uint32_t slot, double t) {
  if (c.state != CaseState::Unreported) return;
  --unreported_;
  c.t_report = t;
  c.deadline = ctx_.calendar_config->on && c.domain != Domain::Emergency
                   ? ctx_.calendar->add_working_days(t, deadline_wd(gov_.deadlines, c.tier))
                   : t + deadline_h(gov_.deadlines, c.domain, c.tier);
  c.state = CaseState::InTransit;
  ++day_.reported[static_cast<int>(c.channel)];
  if (c.domain != Domain::Dispute)
    ++day_.reported_requests;
  else
    ++day_.reported_disputes[c.kind];
  ++day_.reported_tier[static_cast<int>(c.tier)];
  if (hazard_domain(c.domain)) {
    ++day_.hazards_found;
    day_.hazard_detect_sum_h += t - c.t_arise;
  }
  ++(*ctx_.grid_totals)[c.grid].reported;
  behaviour_.on_report(*this, c, slot, t);
}

void HandlingUnit::on_worsen(Case& c, double t) {
  if (c.state != CaseState::Unreported && c.state != CaseState::InTransit &&
      c.state != CaseState::Queued)
    return;
  if (c.tier == Tier::Hard) return;
  c.tier = static_cast<Tier>(rank(c.tier) + 1);
  ++day_.worsened;
  // The resident's strain grows while nobody helps; one who has reported it also blames the
  // office for the wait.
  const OutcomeBehaviour& o = model_.behaviour.outcome;
  (*ctx_.feedback)[c.grid].push_back(Feedback{c.resident, static_cast<float>(o.worsen_satisfaction),
                                              static_cast<float>(o.worsen_hardship), 0.0f,
                                              !std::isnan(c.t_report)});
  (void)t;
}

void HandlingUnit::on_lapse(Case& c, std::uint32_t slot, double t) {
  if (c.state == CaseState::Unreported) {
    --unreported_;
    close(c, slot, t, true, false);
    return;
  }
  // A case nobody has started on can be forgotten without a tracking platform.
  if ((c.state == CaseState::Queued || c.state == CaseState::InTransit) && std::isnan(c.t_first)) {
    Stream s(seed_, Purpose::CaseRoute, c.id, kForgetDraw);
    if (!s.bernoulli(gov_.platform.level)) {
      unqueue(c, t);
      close(c, slot, t, true, false);
    }
  }
}

void HandlingUnit::on_service_done(Case& c, std::uint32_t slot, std::uint32_t gen, double t) {
  if (gen == generation_ && c.pool >= 0) {
    Pool& p = pools_[static_cast<std::size_t>(c.pool)];
    const auto agent = static_cast<std::uint64_t>(c.server);
    if (p.kind == PoolKind::Volunteers) {
      GridVolunteers& v = (*ctx_.volunteers)[p.home];
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v.resident[i] == agent) v.experience[i] += 1, v.load[i] += 1;
    } else {
      roster_.experience[agent] += 1;
    }
  }
  leave_system(c, t);
  const int pool = c.pool;
  c.state = CaseState::Processing;
  c.pool = -1;
  c.server = -1;
  // With nothing to wait for after the handler's work (queue mode), the case resolves now.
  if (c.process_h > 0)
    schedule(t + c.process_h, Ev::Resolve, c.id, slot, 0);
  else
    behaviour_.on_resolve(*this, c, slot, t);
  if (gen == generation_ && pool >= 0) try_dispatch(pool, t);
}

void HandlingUnit::close(Case& c, std::uint32_t slot, double t, bool dropped, bool settled) {
  GridTotals& gt = (*ctx_.grid_totals)[c.grid];
  --open_;
  --gt.open;
  if (c.domain == Domain::Dispute) --gt.open_disputes;
  if (hazard_domain(c.domain)) --gt.open_hazards;
  const OutcomeBehaviour& o = model_.behaviour.outcome;
  const double weight = (1.0 + rank(c.tier)) / double(kTiers);  // 1/3, 2/3, 1
  // A resident whose problem nobody reported contacted no office: the lapse adds to their
  // hardship and, for a hazard, harms their security; it judges no service.
  const bool contacted = !std::isnan(c.t_report);
  float satisfaction = 0;
  float hardship;
  float security = 0;
  if (dropped) {
    ++day_.dropped;
    ++gt.dropped;
    hardship = static_cast<float>(o.dropped_hardship * weight);
    if (contacted) satisfaction = static_cast<float>(o.dropped_satisfaction);
    // A hazard left unhandled harms the resident it belongs to, reported or not.
    if (hazard_domain(c.domain))
      security = -static_cast<float>(model_.behaviour.senses.hazard_harm);
  } else {
    ++day_.resolved;
    ++gt.resolved;
    const double took = t - c.t_report;
    const double limit = c.deadline - c.t_report;
    day_.resolution_sum_h += took;
    day_.resolution_h.push_back(took);
    gt.resolution_sum_h += took;
    if (t <= c.deadline) ++day_.within_deadline;
    // Only a grid design has a grid tier to keep small matters in; elsewhere the share is n/a.
    if (c.origin_tier == Tier::Small && gov_.structure == Structure::Grid) {
      ++day_.small_resolved;
      if (!c.left_grid) ++day_.small_stayed_in_grid;
    }
    if (c.domain == Domain::Dispute) {
      ++day_.disputes_resolved;
      if (settled && !c.left_grid && gov_.structure == Structure::Grid)
        ++day_.disputes_settled_in_grid;
    }
    const double late = std::min(o.late_cap, took / std::max(1.0, limit));
    satisfaction = static_cast<float>((settled ? 1.0 : o.unsettled_satisfaction) -
                                      o.late_penalty * late - o.bounce_penalty * c.bounces);
    satisfaction = std::clamp(satisfaction, -1.0f, 1.0f);
    hardship =
        static_cast<float>(settled ? o.settled_hardship * weight : o.unsettled_hardship * weight);
  }
  if (contacted) {  // the grid's service record counts only cases someone brought forward
    gt.satisfaction_today += satisfaction;
    ++gt.closed_today;
  }
  (*ctx_.feedback)[c.grid].push_back(
      Feedback{c.resident, satisfaction, hardship, security, contacted});
  people_on_close(c, t, dropped, settled, hardship);
  if (tracing_)
    day_.closed.push_back(
        CaseTrace{c.id, c.grid, c.domain, c.origin_tier, c.tier, c.channel, dropped, settled,
                  c.bounces, static_cast<std::uint8_t>(std::min<std::size_t>(c.path_len, kMaxPath)),
                  c.path, c.path_t_h, c.t_arise, c.t_report, c.t_first, t});
  c.state = CaseState::Closed;
  c.id = 0;
  free_.push_back(slot);
}

// ---------------------------------------------------------------------------------------------

void HandlingUnit::backlog(double now, std::int64_t& count, double& age_sum_h,
                           std::int64_t& overdue) const {
  for (const Case& c : cases_) {
    if (c.id == 0 || c.state == CaseState::Closed || c.state == CaseState::Unreported) continue;
    ++count;
    age_sum_h += now - c.t_report;
    if (now > c.deadline) ++overdue;
  }
}

void HandlingUnit::take_day(UnitDay& out, double now) {
  day_.open_end = open_;
  day_.unreported_end = unreported_;
  backlog(now, day_.backlog_end, day_.backlog_age_sum_h, day_.overdue_end);
  day_.response_sorted_h.assign(day_.response_h.begin(), day_.response_h.end());
  std::sort(day_.response_sorted_h.begin(), day_.response_sorted_h.end());
  std::swap(out, day_);
  day_.clear();  // today starts from zero, reusing the lists' memory
}

std::uint64_t HandlingUnit::hash(std::uint64_t h) const {
  auto mix = [&h](std::uint64_t x) { h ^= x + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2); };
  auto mixd = [&](double d) {
    std::uint64_t b;
    static_assert(sizeof b == sizeof d);
    std::memcpy(&b, &d, sizeof b);
    mix(b);
  };
  for (const Case& c : cases_) {
    if (c.id == 0) continue;
    mix(c.id);
    mixd(c.t_report);
    mixd(c.t_first);
    mix(static_cast<std::uint64_t>(c.state) | (static_cast<std::uint64_t>(c.tier) << 8) |
        (static_cast<std::uint64_t>(c.level) << 16) | (std::uint64_t(c.bounces) << 24) |
        (std::uint64_t(c.people) << 32));
  }
  for (std::size_t i = 0; i < roster_.size(); ++i) {
    mix(roster_.key[i]);
    mixd(roster_.experience[i]);
  }
  mix(static_cast<std::uint64_t>(open_));
  return h;
}

}  // namespace govsim
