// The unit's desks: putting a design in force, the day's duty rosters, joining and leaving a
// desk's books (for Little's law), dispatching waiting cases to free handlers, and service.
#include <algorithm>
#include <cmath>

#include "engine/prefetch.hpp"
#include "engine/units.hpp"
#include "model/streams.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/case_rules.hpp"
#include "sim/handling.hpp"

namespace govsim {

void HandlingUnit::apply_design(const GovernanceConfig& gov, double now) {
  gov_ = gov;
  ++generation_;
  branches_ = is_city() ? std::vector<Branch>{} : plan_branches(city_, street_, gov_);
  place_bases();
  std::map<std::uint64_t, double> busy_until;
  for (const Pool& p : pools_)
    if (p.kind != PoolKind::Volunteers)
      for (const Slot& s : p.slots)
        if (s.free_at > now) busy_until[roster_.key[s.agent]] = s.free_at;
  roster_ = behaviour_.plan_roster(*this);
  // No desks until the behaviour lays them out.
  pools_.clear();
  vol_pool_.assign(g1_ - g0_, -1);
  branch_pool_.assign(branches_.size(), -1);
  branch_of_grid_.assign(g1_ - g0_, 0);
  comm_pool_.assign(c1_ - c0_, -1);
  comm_med_pool_.assign(c1_ - c0_, -1);
  dept_pool_.clear();
  street_pool_ = street_med_pool_ = intake_pool_ = -1;
  comm_couns_pool_.assign(c1_ - c0_, -1);
  street_couns_pool_ = -1;
  behaviour_.build_desks(*this, busy_until);
  // Cases waiting at a desk go through the new routing at once, in id order.
  std::vector<std::uint32_t> waiting;
  for (std::uint32_t i = 0; i < cases_.size(); ++i)
    if (cases_[i].id != 0 && cases_[i].state == CaseState::Queued) waiting.push_back(i);
  std::sort(waiting.begin(), waiting.end(),
            [&](auto a, auto b) { return cases_[a].id < cases_[b].id; });
  for (std::uint32_t i : waiting) {
    Case& c = cases_[i];
    leave_queue(c, now);
    leave_system(c, now);
    ++c.epoch;
    c.pool = -1;
    c.state = CaseState::InTransit;
    on_arrive(c, i, c.level, now);
  }
}

int HandlingUnit::add_desk(PoolKind kind, Level level, std::uint32_t home, double start, double len,
                           double rate) {
  pools_.push_back(Pool{Desk{start, len, rate, {}, {}, 0, kInf}, kind, level, home});
  return static_cast<int>(pools_.size() - 1);
}

void HandlingUnit::attach_calendar(Pool& p) const {
  if (!p.calendar_days) return;  // ctx_.calendar is always set (sim/handling.hpp)
  p.off_days = ctx_.calendar->off_days().data();
  p.off_rank = ctx_.calendar->off_ranks().data();
  p.off_len = ctx_.calendar->off_days().size();
}

void HandlingUnit::begin_day(std::int64_t day) {
  // The unit's pending events and open cases were last touched yesterday: fetch them in address
  // order while the desks are laid out, instead of miss by miss as the day's events run.
  events_.prefetch();
  prefetch_bytes(cases_.data(), cases_.size() * sizeof(Case));
  for (const Pool& p : pools_) {
    prefetch_bytes(p.slots.data(), p.slots.size() * sizeof(DeskSlot));
    prefetch_bytes(p.queue.items().data(), p.queue.size() * sizeof(DeskEntry));
  }
  // day_ was reset by take_day; what a design change did this morning belongs to today.
  for (Pool& p : pools_) {
    if (p.kind == PoolKind::Volunteers) {
      // Today's desk: volunteers on duty, plus anyone still finishing a case.
      const GridVolunteers& v = (*ctx_.volunteers)[p.home];
      std::vector<Slot>& slots = scratch_slots_;  // reused from day to day, as is p.slots
      slots.clear();
      slots.reserve(p.slots.size() + v.size());
      for (const Slot& s : p.slots)
        if (s.free_at > double(day) * kHoursPerDay)
          slots.push_back(Slot{s.agent, s.free_at, false});  // busy
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v.on_duty[i]) continue;
        auto it = std::find_if(slots.begin(), slots.end(),
                               [&](const Slot& s) { return s.agent == v.resident[i]; });
        if (it != slots.end())
          it->on_duty = true;
        else
          slots.push_back(Slot{v.resident[i], 0.0, true});
      }
      std::swap(p.slots, slots);
    }
    double hours = 0;
    for (const Slot& s : p.slots)
      if (s.on_duty && p.works_on(day, s.rota))
        hours += std::min(kHoursPerDay, p.shift_len_h) * p.work_rate;
    day_.capacity_h[rank(p.level)] += hours;
  }
  // Handlers on the roster today, and the branches' walk to their grids for rounds.
  day_.handlers += static_cast<std::int64_t>(roster_.size());
  for (std::uint32_t b = 0; b < branches_.size(); ++b)
    if (branch_pool_[b] >= 0 && !pools_[static_cast<std::size_t>(branch_pool_[b])].slots.empty())
      day_.travel_h += rounds_travel_h(b);
  // Volunteers who came on duty may take cases already waiting.
  for (std::size_t p = 0; p < pools_.size(); ++p)
    if (pools_[p].waiting > 0) try_dispatch(static_cast<int>(p), double(day) * kHoursPerDay);
  behaviour_.admit_arrivals(*this, day);
}

void HandlingUnit::enqueue(Case& c, std::uint32_t slot, int pool, double t, bool wait) {
  Pool& p = pools_[static_cast<std::size_t>(pool)];
  c.state = CaseState::Queued;
  c.pool = pool;
  c.t_enqueue = c.t_level = t;
  const int l = rank(c.level);
  touch_books(l, t);
  ++in_queue_[l];
  ++in_system_[l];
  ++day_.level[l].arrivals;
  if (wait) {
    p.queue.push(Entry{priority_of(c.domain), c.deadline, c.id, slot, c.epoch});
    ++p.waiting;
  }
  behaviour_.on_enqueued(*this, c, slot, t);
}

double HandlingUnit::in_system_age_h(int level, double t) const {
  // In a level's system: queued at one of its desks (in_system_ counts the same cases) or with
  // a handler there.
  double age = 0;
  for (const Case& c : cases_)
    if (((c.state == CaseState::Queued && c.pool >= 0) || c.state == CaseState::InService) &&
        rank(c.level) == level)
      age += t - c.t_level;
  return age;
}

void HandlingUnit::unqueue(Case& c, double t) {
  if (c.state == CaseState::Queued && c.pool >= 0) {
    --pools_[static_cast<std::size_t>(c.pool)].waiting;
    leave_queue(c, t);
    leave_system(c, t);
  }
  ++c.epoch;
  c.pool = -1;
}

void HandlingUnit::touch_books(int l, double t) {
  LevelDay& d = day_.level[l];
  const double dt = t - books_t_[l];
  d.queue_area += double(in_queue_[l]) * dt;
  d.system_area += double(in_system_[l]) * dt;
  books_t_[l] = t;
}

void HandlingUnit::leave_queue(const Case& c, double t) {
  const int l = rank(c.level);
  touch_books(l, t);
  --in_queue_[l];
  ++day_.level[l].queue_exits;
  day_.level[l].wait_sum_h += t - c.t_enqueue;
}

void HandlingUnit::leave_system(const Case& c, double t) {
  const int l = rank(c.level);
  touch_books(l, t);
  --in_system_[l];
  ++day_.level[l].departures;
  day_.level[l].sojourn_sum_h += t - c.t_level;
}

void HandlingUnit::on_escalate_check(Case& c, std::uint32_t slot, std::uint32_t epoch, double t) {
  if (c.state != CaseState::Queued || c.epoch != epoch) return;
  unqueue(c, t);
  escalate(c, slot, t);
}

void HandlingUnit::try_dispatch(int pool, double t) {
  Pool& p = pools_[static_cast<std::size_t>(pool)];
  // Slots before `from` were found unavailable at t; starting a service on a later slot does
  // not change that, so the search for the first available slot resumes there.
  std::size_t from = 0;
  const std::size_t n = p.slots.size();
  while (!p.queue.empty()) {
    const Entry top = p.queue.top();
    Case& c = cases_[top.slot];
    if (c.id != top.id || c.epoch != top.epoch || c.state != CaseState::Queued) {
      p.queue.pop();  // left the queue earlier
      continue;
    }
    const std::size_t server = p.first_available(t, from);
    if (server == n) break;
    from = server;
    p.queue.pop();
    --p.waiting;
    start_service(c, top.slot, pool, server, t);
  }
  if (p.waiting > 0) {
    // Idle handlers off shift need a wake-up; busy ones wake the desk when they finish, except
    // those still busy from a previous design.
    const double next = p.next_wake(t);
    if (next < kInf && next > t && !(p.wake_at > t && p.wake_at <= next)) {
      p.wake_at = next;
      schedule(next, Ev::Wake, 0, static_cast<std::uint32_t>(pool), generation_);
    }
  }
}

void HandlingUnit::start_service(Case& c, std::uint32_t slot, int pool, std::size_t server,
                                 double t) {
  Pool& p = pools_[static_cast<std::size_t>(pool)];
  Slot& s = p.slots[server];
  // Registration (at an intake desk, or by the grid worker who refers a case up) draws from a
  // stream of its own, so that a handler's attempts draw alike whether
  // or not the case was registered at an intake desk first (common random numbers).
  Stream r(seed_, Purpose::CaseHandle, c.id,
           c.needs_intake ? kIntakeDraw : std::uint64_t{c.attempts++});
  const ServiceDraw draw = behaviour_.draw_service(*this, c, p, s, r);
  // Going to the place and back is part of the handler's work on the case (MODEL.md 7.25).
  const double effort = draw.effort_h + draw.travel_h;
  c.succeeds = draw.succeeds;
  leave_queue(c, t);
  c.process_h = draw.process_h;
  const double done = p.work_until(t, effort / p.work_rate, s.rota);
  day_.travel_h += draw.travel_h;
  s.free_at = done;
  c.state = CaseState::InService;
  c.server = static_cast<std::int64_t>(s.agent);
  day_.busy_h[rank(p.level)] += effort;
  if (c.needs_intake) {  // registration at the intake desk, by the weekday of the report
    const auto wd = static_cast<std::size_t>(report_weekday(c));
    day_.intake_wd_sum_h[wd] += t - c.t_report;
    ++day_.intake_wd[wd];
  }
  // Registration at an intake desk is not a response to the problem: the first handler's is.
  if (std::isnan(c.t_first) && !c.needs_intake) {
    // A handler who goes to the place responds on arriving there.
    const double at =
        draw.travel_h > 0 ? p.work_until(t, 0.5 * draw.travel_h / p.work_rate, s.rota) : t;
    c.t_first = at;
    ++day_.first_responses;
    day_.response_h.push_back(at - c.t_report);
    const auto wd = static_cast<std::size_t>(report_weekday(c));
    day_.response_wd_sum_h[wd] += at - c.t_report;
    ++day_.response_wd[wd];
    GridTotals& gt = (*ctx_.grid_totals)[c.grid];
    gt.response_sum_h += at - c.t_report;
    ++gt.responses;
  }
  schedule(done, Ev::ServiceDone, c.id, slot, generation_, p.level);
  c.pool = pool;
}

}  // namespace govsim
