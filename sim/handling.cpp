#include "sim/handling.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "model/streams.hpp"
#include "model/units.hpp"

namespace govsim {
namespace {

int rank(Level l) { return static_cast<int>(l); }
int rank(Tier t) { return static_cast<int>(t); }

bool hazard_domain(Domain d) {
  return d == Domain::Safety || d == Domain::Emergency || d == Domain::Environment;
}

// Small matters volunteers may take on: first-line mediation, sanitation, hazards, visits.
bool volunteer_domain(Domain d) {
  return d == Domain::Dispute || d == Domain::Environment || d == Domain::Safety ||
         d == Domain::Livelihood;
}

std::uint8_t priority_of(Domain d) {
  if (d == Domain::Emergency) return 0;
  if (d == Domain::Safety) return 1;
  return 2;
}

double deadline_h(const DeadlinesConfig& d, Domain domain, Tier tier) {
  if (domain == Domain::Emergency) return d.emergency_h;
  switch (tier) {
    case Tier::Small:
      return d.small_h;
    case Tier::Big:
      return d.big_h;
    case Tier::Hard:
      return d.hard_h;
  }
  return d.small_h;
}

double tier_value(const TierTimes& t, Tier tier) {
  switch (tier) {
    case Tier::Small:
      return t.small;
    case Tier::Big:
      return t.big;
    case Tier::Hard:
      return t.hard;
  }
  return t.small;
}

double draw_time(Stream& s, ServiceDist dist, double median, double sigma) {
  switch (dist) {
    case ServiceDist::Exponential:
      return s.exponential(median);  // "median" is the mean here
    case ServiceDist::Deterministic:
      return median;
    case ServiceDist::Lognormal:
      return s.lognormal(median, sigma);
  }
  return median;
}

}  // namespace

HandlingUnit::HandlingUnit(const City& city, std::uint32_t street, const ModelConfig& model,
                           std::uint64_t seed, UnitContext ctx)
    : city_(city),
      model_(model),
      ctx_(ctx),
      street_(street),
      g0_(city.street_first_grid[street]),
      g1_(city.street_first_grid[street + 1]),
      c0_(city.street_first_community[street]),
      c1_(city.street_first_community[street + 1]),
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

double HandlingUnit::handoff_mean_h() const {
  const RoutingBehaviour& b = model_.behaviour.routing;
  return gov_.routing.handoff_delay_h * (1.0 - b.platform_handoff_cut * gov_.platform.level) +
         b.handoff_floor_h;
}

double HandlingUnit::rounds_hours(std::uint32_t grid) const {
  if (gov_.structure != Structure::Grid || branch_of_grid_.empty()) return 0;
  const Branch& b = branches_[branch_of_grid_[grid - g0_]];
  const int p = branch_pool_[branch_of_grid_[grid - g0_]];
  const double workers = p < 0 ? 0.0 : double(pools_[static_cast<std::size_t>(p)].slots.size());
  return workers * gov_.staffing.grid_worker_hours * model_.behaviour.staff.rounds_share /
         double(b.last_grid - b.first_grid);
}

// ---------------------------------------------------------------------------------------------
// Design and desks

void HandlingUnit::apply_design(const GovernanceConfig& gov, double now) {
  gov_ = gov;
  ++generation_;
  branches_ = plan_branches(city_, street_, gov_);
  std::map<std::uint64_t, double> busy_until;
  for (const Pool& p : pools_)
    if (p.kind != PoolKind::Volunteers)
      for (const Slot& s : p.slots)
        if (s.free_at > now) busy_until[roster_.key[s.agent]] = s.free_at;
  // Queue mode: the arrival stream goes to the first street office only, so only it has staff.
  roster_ = model_.mode == ModelMode::Queue
                ? plan_queue_roster(
                      street_ == 0 ? static_cast<std::uint32_t>(model_.queue_handlers) : 0, street_)
                : plan_roster(city_, street_, branches_, gov_, model_.behaviour.staff, seed_,
                              roster_.size() ? &roster_ : nullptr);
  pools_.clear();
  build_pools(busy_until);
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

void HandlingUnit::build_pools(const std::map<std::uint64_t, double>& busy_until) {
  const StaffingConfig& st = gov_.staffing;
  auto add_pool = [&](PoolKind kind, Level level, std::uint32_t home, double start, Role role) {
    const bool queue = model_.mode == ModelMode::Queue;
    const double len = queue                          ? kHoursPerDay
                       : kind == PoolKind::Volunteers ? model_.behaviour.volunteers.session_h
                                                      : paid_hours(role, gov_);
    const double rate = queue || kind == PoolKind::Volunteers
                            ? 1.0
                            : case_share(role, gov_, model_.behaviour.staff);
    pools_.push_back(Pool{kind, level, home, start, len, rate, {}, {}, 0, kInf});
    return static_cast<int>(pools_.size() - 1);
  };
  const double start = st.shift_start_h;
  const bool grid = gov_.structure == Structure::Grid;
  vol_pool_.assign(g1_ - g0_, -1);
  branch_pool_.assign(branches_.size(), -1);
  branch_of_grid_.assign(g1_ - g0_, 0);
  comm_pool_.assign(c1_ - c0_, -1);
  comm_med_pool_.assign(c1_ - c0_, -1);
  dept_pool_.clear();
  street_pool_ = street_med_pool_ = -1;
  if (model_.mode == ModelMode::Queue) {
    // Bare network: one desk per level, each with queue_handlers handlers on duty around the
    // clock.
    for (int l = 0; l < 3; ++l)
      queue_pool_[l] =
          add_pool(PoolKind::Street, static_cast<Level>(l), street_, 0.0, Role::StreetOfficial);
    for (std::uint32_t i = 0; i < roster_.size(); ++i)
      pools_[static_cast<std::size_t>(queue_pool_[rank(roster_.level[i])])].slots.push_back(
          Slot{i, 0.0, true});
    return;
  }
  if (grid) {
    for (std::uint32_t g = g0_; g < g1_; ++g)
      vol_pool_[g - g0_] = add_pool(PoolKind::Volunteers, Level::Grid, g, start, Role::GridWorker);
    for (std::uint32_t b = 0; b < branches_.size(); ++b) {
      branch_pool_[b] = add_pool(PoolKind::GridWorkers, Level::Grid, branches_[b].first_grid, start,
                                 Role::GridWorker);
      for (std::uint32_t g = branches_[b].first_grid; g < branches_[b].last_grid; ++g)
        branch_of_grid_[g - g0_] = b;
    }
  }
  for (std::uint32_t c = c0_; c < c1_; ++c)
    comm_pool_[c - c0_] =
        add_pool(PoolKind::Community, Level::Community, c, start, Role::CommunityOfficial);
  const auto depts = static_cast<std::uint32_t>(grid ? 1 : st.departments);
  for (std::uint32_t d = 0; d < depts; ++d)
    dept_pool_.push_back(
        add_pool(PoolKind::Street, Level::Street, street_, start, Role::StreetOfficial));
  street_pool_ = dept_pool_.front();
  // Staff take their desks.
  for (std::uint32_t i = 0; i < roster_.size(); ++i) {
    int p = -1;
    switch (roster_.role[i]) {
      case Role::GridWorker: {
        const std::uint32_t b = branch_of_grid_[roster_.home[i] - g0_];
        p = branch_pool_[b];
        break;
      }
      case Role::CommunityOfficial:
        p = comm_pool_[roster_.home[i] - c0_];
        break;
      case Role::StreetOfficial:
        p = dept_pool_[roster_.department[i] % depts];
        break;
      case Role::Mediator:
        if (roster_.level[i] == Level::Community) {
          int& mp = comm_med_pool_[roster_.home[i] - c0_];
          if (mp < 0)
            mp = add_pool(PoolKind::CommunityMediators, Level::Community, roster_.home[i], start,
                          Role::Mediator);
          p = mp;
        } else {
          if (street_med_pool_ < 0)
            street_med_pool_ =
                add_pool(PoolKind::StreetMediators, Level::Street, street_, start, Role::Mediator);
          p = street_med_pool_;
        }
        break;
    }
    pools_[static_cast<std::size_t>(p)].slots.push_back(Slot{i, 0.0, true});
  }
  // People still busy with a case from the previous design stay busy until it is done.
  for (Pool& p : pools_)
    for (Slot& s : p.slots) {
      auto it = busy_until.find(roster_.key[s.agent]);
      if (it != busy_until.end()) s.free_at = it->second, s.carried = true;
    }
}

void HandlingUnit::begin_day(std::int64_t day) {
  // day_ was reset by take_day; what a design change did this morning belongs to today.
  for (Pool& p : pools_) {
    if (p.kind == PoolKind::Volunteers) {
      // Today's desk: volunteers on duty, plus anyone still finishing a case.
      const GridVolunteers& v = (*ctx_.volunteers)[p.home];
      std::vector<Slot> slots;
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
      p.slots = std::move(slots);
    }
    double hours = 0;
    for (const Slot& s : p.slots)
      if (s.on_duty) hours += std::min(kHoursPerDay, p.shift_len_h) * p.work_rate;
    day_.capacity_h[rank(p.level)] += hours;
  }
  // Volunteers who came on duty may take cases already waiting.
  for (std::size_t p = 0; p < pools_.size(); ++p)
    if (pools_[p].waiting > 0) try_dispatch(static_cast<int>(p), double(day) * kHoursPerDay);
}

// ---------------------------------------------------------------------------------------------
// Events

void HandlingUnit::schedule(double t, Ev type, std::uint64_t id, std::uint32_t index,
                            std::uint32_t aux, Level level) {
  events_.push(Event{t, seq_++, id, index, aux, type, level});
}

void HandlingUnit::admit(const NewCase& n) {
  std::uint32_t slot;
  if (!free_.empty()) {
    slot = free_.back();
    free_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(cases_.size());
    cases_.emplace_back();
  }
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
  ++open_;
  ++unreported_;
  GridTotals& gt = (*ctx_.grid_totals)[c.grid];
  ++gt.cases;
  ++gt.open;
  if (c.domain == Domain::Dispute) ++gt.disputes, ++gt.open_disputes;
  if (hazard_domain(c.domain)) ++gt.open_hazards;
  auto timer = [&](double t, Ev type) {
    admitted_.push_back(Event{t, seq_++, c.id, slot, 0, type, Level::Grid});
  };
  if (n.t_report < n.t_lapse) timer(n.t_report, Ev::Report);
  if (n.t_lapse < kInf) timer(n.t_lapse, Ev::Lapse);
  if (n.t_worsen1 < n.t_lapse) timer(n.t_worsen1, Ev::Worsen);
  if (n.t_worsen2 < n.t_lapse) timer(n.t_worsen2, Ev::Worsen);
}

void HandlingUnit::run_until(double t_end) {
  // The admitted timers as a sorted run (queue mode admits them in time order already); each
  // step takes the earlier of its head and the heap's top. The order is the heap's own: (t,
  // seq) is a total order, seq being unique.
  if (!std::is_sorted(admitted_.begin(), admitted_.end()))
    std::sort(admitted_.begin(), admitted_.end());
  std::size_t next = 0;
  while (true) {
    const bool from_heap =
        !events_.empty() && (next == admitted_.size() || events_.top() < admitted_[next]);
    if (from_heap) {
      if (!(events_.top().t < t_end)) break;
      const Event e = events_.top();
      events_.pop();
      handle(e);
    } else {
      if (next == admitted_.size() || !(admitted_[next].t < t_end)) break;
      handle(admitted_[next++]);
    }
  }
  for (std::size_t i = next; i < admitted_.size(); ++i) events_.push(admitted_[i]);
  admitted_.clear();
  for (int l = 0; l < 3; ++l) touch_books(l, t_end);
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
      on_resolve(c, e.index, e.t);
      break;
    case Ev::EscalateCheck:
      on_escalate_check(c, e.index, e.aux, e.t);
      break;
    case Ev::Wake:
      break;
  }
}

void HandlingUnit::on_report(Case& c, std::uint32_t slot, double t) {
  if (c.state != CaseState::Unreported) return;
  --unreported_;
  c.t_report = t;
  c.deadline = t + deadline_h(gov_.deadlines, c.domain, c.tier);
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
  if (model_.mode == ModelMode::Queue) {  // bare network: straight to the grid desk
    route(c, slot, Level::Grid, t, true);
    return;
  }
  Stream s(seed_, Purpose::CaseRoute, c.id, 0xFFFF0);
  Level level = level_for(c.tier);
  // Triage: a wrong first guess sends the case one level off; it then has to climb.
  if (!s.bernoulli(gov_.routing.triage_accuracy))
    level =
        rank(level) > 0 ? static_cast<Level>(rank(level) - 1) : static_cast<Level>(rank(level) + 1);
  route(c, slot, level, t, true);
}

void HandlingUnit::on_worsen(Case& c, double t) {
  if (c.state != CaseState::Unreported && c.state != CaseState::InTransit &&
      c.state != CaseState::Queued)
    return;
  if (c.tier == Tier::Hard) return;
  c.tier = static_cast<Tier>(rank(c.tier) + 1);
  ++day_.worsened;
  // The resident's strain grows while nobody helps.
  const OutcomeBehaviour& o = model_.behaviour.outcome;
  (*ctx_.feedback)[c.grid].push_back(Feedback{c.resident, static_cast<float>(o.worsen_satisfaction),
                                              static_cast<float>(o.worsen_hardship)});
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
    Stream s(seed_, Purpose::CaseRoute, c.id, 0xFFFF1);
    if (!s.bernoulli(gov_.platform.level)) {
      unqueue(c, t);
      close(c, slot, t, true, false);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Routing

void HandlingUnit::route(Case& c, std::uint32_t slot, Level level, double t, bool initial) {
  if (model_.mode == ModelMode::Queue) {  // bare network: no delays, no bounces
    c.level = level;
    c.state = CaseState::InTransit;
    on_arrive(c, slot, level, t);  // no delay: it is at the desk now
    return;
  }
  Stream s(seed_, Purpose::CaseRoute, c.id, c.hops++);
  const double p = gov_.platform.level;
  const bool grid = gov_.structure == Structure::Grid;
  const RoutingBehaviour& b = model_.behaviour.routing;
  double delay;
  if (initial && grid && level == Level::Grid)  // the grid worker hears at once
    delay = s.exponential(b.grid_dispatch_h + b.grid_dispatch_manual_h * (1.0 - p));
  else
    delay = s.exponential(handoff_mean_h());
  if (!initial) {
    day_.handoff_sum_h += delay;
    ++day_.handoffs;
  }
  // Jurisdiction bounce: nobody's clear duty, so the desk sends it elsewhere. After
  // max_bounces bounces the street office takes the case over instead.
  const bool can_bounce = !grid || level != Level::Grid;
  const double p_bounce = (grid ? b.bounce_grid : b.bounce_fragmented) *
                          (1.0 - gov_.legal_clarity) * (1.0 - b.platform_bounce_cut * p);
  if (can_bounce && s.bernoulli(p_bounce)) {
    if (c.bounces < gov_.routing.max_bounces) {
      ++c.bounces;
      ++day_.bounced;
      ++(*ctx_.grid_totals)[c.grid].bounced;
      c.state = CaseState::InTransit;
      c.epoch++;
      if (s.bernoulli(b.lost_on_bounce * (1.0 - p))) {  // lost in paperwork on the way
        schedule(t + delay, Ev::Lost, c.id, slot, 0);
        return;
      }
      schedule(t + delay, Ev::Reroute, c.id, slot, 0, level);
      return;
    }
    level = Level::Street;  // the street takes over
  }
  c.level = level;
  c.state = CaseState::InTransit;
  schedule(t + delay, Ev::Arrive, c.id, slot, 0, level);
}

void HandlingUnit::escalate(Case& c, std::uint32_t slot, double t) {
  if (c.level == Level::Street) return;
  ++day_.escalated;
  ++(*ctx_.grid_totals)[c.grid].escalated;
  ++c.epoch;
  route(c, slot, static_cast<Level>(rank(c.level) + 1), t, false);
}

int HandlingUnit::select_pool(const Case& c, Level level) const {
  if (model_.mode == ModelMode::Queue) return queue_pool_[rank(level)];
  const bool grid = gov_.structure == Structure::Grid;
  if (!grid && level == Level::Grid) level = Level::Community;  // no grid tier to go to
  const std::uint32_t gi = c.grid - g0_;
  const std::uint32_t ci = city_.grid_community[c.grid] - c0_;
  auto staffed = [&](int p) {
    return p >= 0 && !pools_[static_cast<std::size_t>(p)].slots.empty();
  };
  switch (level) {
    case Level::Grid: {
      const int vp = vol_pool_[gi];
      if (c.tier == Tier::Small && volunteer_domain(c.domain) && staffed(vp)) {
        const Pool& v = pools_[static_cast<std::size_t>(vp)];
        std::int64_t duty = 0;
        for (const Slot& s : v.slots) duty += s.on_duty ? 1 : 0;
        if (duty > 0 &&
            double(v.waiting) < model_.behaviour.routing.volunteer_queue_per_duty * double(duty))
          return vp;
      }
      const int bp = branch_pool_[branch_of_grid_[gi]];
      return staffed(bp) ? bp : -1;
    }
    case Level::Community:
      if (c.domain == Domain::Dispute && staffed(comm_med_pool_[ci])) return comm_med_pool_[ci];
      return staffed(comm_pool_[ci]) ? comm_pool_[ci] : -1;
    case Level::Street: {
      if (c.domain == Domain::Dispute && staffed(street_med_pool_)) return street_med_pool_;
      // Each domain has its department; with fewer staffed departments they double up.
      std::vector<int> staffed_depts;
      for (int p : dept_pool_)
        if (staffed(p)) staffed_depts.push_back(p);
      if (staffed_depts.empty()) return -1;
      return staffed_depts[static_cast<std::size_t>(c.domain) % staffed_depts.size()];
    }
  }
  return -1;
}

void HandlingUnit::on_arrive(Case& c, std::uint32_t slot, Level level, double t) {
  const int p = select_pool(c, level);
  if (p < 0) {
    if (level == Level::Street) {  // nobody at all to handle it
      close(c, slot, t, true, false);
      return;
    }
    c.level = level;
    escalate(c, slot, t);
    return;
  }
  const Level at = pools_[static_cast<std::size_t>(p)].level;
  if (tracing_ && c.path_len > 0 && c.path[std::min<std::size_t>(c.path_len, kMaxPath) - 1] != at)
    day_.moves.push_back(
        CaseMove{c.grid, c.path[std::min<std::size_t>(c.path_len, kMaxPath) - 1], at, t});
  if (c.path_len < kMaxPath) {
    c.path[c.path_len] = at;
    c.path_t_h[c.path_len] = static_cast<float>(t - c.t_arise);
  }
  if (c.path_len < 255) ++c.path_len;
  c.level = at;
  if (at != Level::Grid) c.left_grid = true;
  if (at == Level::Street && !c.reached_street) {
    c.reached_street = true;
    ++day_.reached_street;
  }
  // With nobody waiting and a handler free, the case would be queued and taken at once: it
  // is taken at once, without the round trip through the desk's queue.
  const Pool& desk = pools_[static_cast<std::size_t>(p)];
  const std::size_t server = desk.queue.empty() ? first_available(desk, t, 0) : desk.slots.size();
  if (server < desk.slots.size()) {
    enqueue(c, slot, p, t, false);
    start_service(c, slot, p, server, t);
    return;
  }
  enqueue(c, slot, p, t, true);
  try_dispatch(p, t);
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
  if (c.level != Level::Street && model_.mode != ModelMode::Queue)
    schedule(t + gov_.routing.escalate_wait_h, Ev::EscalateCheck, c.id, slot, c.epoch);
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

// ---------------------------------------------------------------------------------------------
// Desks and service

bool HandlingUnit::slot_available(const Pool& p, const Slot& s, double t) const {
  if (!s.on_duty || s.free_at > t) return false;
  if (p.shift_len_h >= kHoursPerDay) return true;
  const double h = t - kHoursPerDay * std::floor(t / kHoursPerDay);
  double into = h - p.shift_start_h;
  if (into < 0) into += kHoursPerDay;
  return into < p.shift_len_h;
}

double HandlingUnit::next_available(const Pool& p, const Slot& s, double t) const {
  if (!s.on_duty) return kInf;
  const double from = std::max(t, s.free_at);
  if (slot_available(p, Slot{s.agent, 0.0, true}, from)) return from;
  const double day0 = kHoursPerDay * std::floor(from / kHoursPerDay);
  double start = day0 + p.shift_start_h;
  if (start <= from) start += kHoursPerDay;
  return start;
}

// Completion time of `work_h` hours of work started at t (inside a shift), counting only
// working hours.
double HandlingUnit::work_until(const Pool& p, double t, double work_h) const {
  if (p.shift_len_h >= kHoursPerDay) return t + work_h;
  for (int guard = 0; guard < 100000; ++guard) {
    const double day0 = kHoursPerDay * std::floor(t / kHoursPerDay);
    double start = day0 + p.shift_start_h;
    if (start > t) start -= kHoursPerDay;  // the shift that began most recently
    const double end = start + p.shift_len_h;
    const double left = end - t;
    if (left > 0 && work_h <= left) return t + work_h;
    if (left > 0) work_h -= left;
    t = start + kHoursPerDay;
  }
  return t;
}

std::size_t HandlingUnit::first_available(const Pool& p, double t, std::size_t from) const {
  const std::size_t n = p.slots.size();
  std::size_t i = from;
  if (p.shift_len_h >= kHoursPerDay)  // on shift around the clock: no clock arithmetic
    while (i < n && !(p.slots[i].on_duty && p.slots[i].free_at <= t)) ++i;
  else
    while (i < n && !slot_available(p, p.slots[i], t)) ++i;
  return i;
}

void HandlingUnit::try_dispatch(int pool, double t) {
  Pool& p = pools_[static_cast<std::size_t>(pool)];
  // Slots before `from` were found unavailable at t; starting a service on a later slot does
  // not change that, so the search for the first available slot resumes there.
  std::size_t from = 0;
  const std::size_t n = p.slots.size();
  const bool always_open = p.shift_len_h >= kHoursPerDay;  // on shift around the clock
  while (!p.queue.empty()) {
    const Entry top = p.queue.top();
    Case& c = cases_[top.slot];
    if (c.id != top.id || c.epoch != top.epoch || c.state != CaseState::Queued) {
      p.queue.pop();  // left the queue earlier
      continue;
    }
    const std::size_t server = first_available(p, t, from);
    if (server == n) break;
    from = server;
    p.queue.pop();
    --p.waiting;
    start_service(c, top.slot, pool, server, t);
  }
  if (p.waiting > 0) {
    double next = kInf;
    // Idle handlers off shift need a wake-up; busy ones wake the desk when they finish, except
    // those still busy from a previous design.
    // Around the clock, an idle handler on duty would have taken a case above, so only the
    // carried-over ones can matter.
    for (const Slot& s : p.slots)
      if (always_open ? s.carried : (s.free_at <= t || s.carried))
        next = std::min(next, next_available(p, s, t));
    if (next < kInf && next > t && !(p.wake_at > t && p.wake_at <= next)) {
      p.wake_at = next;
      schedule(next, Ev::Wake, 0, static_cast<std::uint32_t>(pool), generation_);
    }
  }
}

double HandlingUnit::effort_factor(const Case& c, const Pool& p, const Slot& s) const {
  if (model_.mode == ModelMode::Queue) return 1.0;
  const EffortBehaviour& b = model_.behaviour.effort;
  double f = 1.0;
  switch (p.kind) {
    case PoolKind::Volunteers: {
      const GridVolunteers& v = (*ctx_.volunteers)[p.home];
      float training = static_cast<float>(gov_.volunteers.training);  // if they just left
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v.resident[i] == s.agent) training = v.training[i];
      f = b.unskilled - b.volunteer_training_cut * training;
      break;
    }
    case PoolKind::GridWorkers:
      // Several grids one branch: the worker travels and knows the households less well.
      f = (1.0 + b.travel_per_grid * double(gov_.grids_per_branch - 1)) *
          (b.unskilled - b.skill_cut * roster_.skill[s.agent]);
      break;
    case PoolKind::CommunityMediators:
    case PoolKind::StreetMediators:
      f = b.mediator * (b.unskilled - b.skill_cut * roster_.skill[s.agent]);
      break;
    case PoolKind::Community:
    case PoolKind::Street:
      // Unclear duties: several layers interfere with the same case (overreach).
      f = (1.0 + b.overreach * (1.0 - gov_.legal_clarity)) *
          (b.unskilled - b.skill_cut * roster_.skill[s.agent]);
      break;
  }
  (void)c;
  return f;
}

double HandlingUnit::success_probability(const Case& c, const Pool& p, const Slot& s) const {
  if (model_.mode == ModelMode::Queue) return 1.0;
  const SuccessBehaviour& b = model_.behaviour.success;
  const bool dispute = c.domain == Domain::Dispute;
  double ps = 0;
  switch (p.kind) {
    case PoolKind::Volunteers: {
      const GridVolunteers& v = (*ctx_.volunteers)[p.home];
      float training = float(gov_.volunteers.training), exp = 0;
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v.resident[i] == s.agent) training = v.training[i], exp = v.experience[i];
      ps = dispute ? volunteer_success(training, exp, gov_, b)
                   : b.volunteer_task + b.volunteer_task_training * training;
      break;
    }
    case PoolKind::CommunityMediators:
    case PoolKind::StreetMediators: {
      // Professional mediators: success grows with experience (Wissler).
      const double e = roster_.experience[s.agent];
      ps = dispute ? std::min(b.mediator_cap,
                              roster_.skill[s.agent] +
                                  b.mediator_experience *
                                      (1.0 - std::exp(-e / b.mediator_experience_cases)))
                   : b.mediator_other;
      break;
    }
    case PoolKind::GridWorkers:
    case PoolKind::Community:
    case PoolKind::Street: {
      const double skill = roster_.skill[s.agent];
      ps = dispute ? b.staff_dispute + b.staff_dispute_skill * skill +
                         b.staff_dispute_leadership * gov_.leadership
                   : b.staff_task + b.staff_task_skill * skill +
                         b.staff_task_legal * gov_.legal_clarity;
      break;
    }
  }
  if (rank(p.level) < rank(c.tier)) ps *= b.out_of_depth;
  return std::clamp(ps, 0.0, 1.0);
}

void HandlingUnit::start_service(Case& c, std::uint32_t slot, int pool, std::size_t server,
                                 double t) {
  Pool& p = pools_[static_cast<std::size_t>(pool)];
  Slot& s = p.slots[server];
  Stream r(seed_, Purpose::CaseHandle, c.id, c.attempts++);
  // In queue mode each level has its own service rate: the effort of the level's tier.
  const Tier effort_tier =
      model_.mode == ModelMode::Queue ? static_cast<Tier>(rank(p.level)) : c.tier;
  const double effort =
      draw_time(r, model_.effort_dist, tier_value(model_.effort_median_h, effort_tier),
                tier_value(model_.effort_sigma, effort_tier)) *
      effort_factor(c, p, s);
  const double process = model_.mode == ModelMode::Queue
                             ? 0.0
                             : r.lognormal(tier_value(model_.process_median_h, c.tier) *
                                               (1.0 - model_.behaviour.effort.platform_process_cut *
                                                          gov_.platform.level),
                                           model_.behaviour.effort.process_sigma);
  c.succeeds = model_.mode == ModelMode::Queue || r.bernoulli(success_probability(c, p, s));
  leave_queue(c, t);
  c.process_h = process;
  const double done = work_until(p, t, effort / p.work_rate);
  s.free_at = done;
  c.state = CaseState::InService;
  c.server = static_cast<std::int64_t>(s.agent);
  day_.busy_h[rank(p.level)] += effort;
  if (std::isnan(c.t_first)) {
    c.t_first = t;
    ++day_.first_responses;
    day_.response_h.push_back(t - c.t_report);
    GridTotals& gt = (*ctx_.grid_totals)[c.grid];
    gt.response_sum_h += t - c.t_report;
    ++gt.responses;
  }
  schedule(done, Ev::ServiceDone, c.id, slot, generation_, p.level);
  c.pool = pool;
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
    on_resolve(c, slot, t);
  if (gen == generation_ && pool >= 0) try_dispatch(pool, t);
}

void HandlingUnit::on_resolve(Case& c, std::uint32_t slot, double t) {
  const bool dispute = c.domain == Domain::Dispute;
  if (dispute && model_.mode != ModelMode::Queue) {
    ++day_.mediations;
    if (c.succeeds) ++day_.mediation_agreements;
  }
  if (model_.mode == ModelMode::Queue) {
    // Bare network: move on to the next level with a fixed probability (Jackson routing).
    const bool can_move = c.level != Level::Street && model_.queue_escalate_p > 0;
    if (can_move && Stream(seed_, Purpose::CaseHandle, c.id, 0xFFFF0u + c.attempts)
                        .bernoulli(model_.queue_escalate_p)) {
      ++day_.escalated;
      ++(*ctx_.grid_totals)[c.grid].escalated;
      ++c.epoch;
      c.level = static_cast<Level>(rank(c.level) + 1);
      on_arrive(c, slot, c.level, t);
      return;
    }
    close(c, slot, t, false, true);
    return;
  }
  if (c.succeeds || c.level == Level::Street) {
    close(c, slot, t, false, c.succeeds);
    return;
  }
  escalate(c, slot, t);
}

void HandlingUnit::close(Case& c, std::uint32_t slot, double t, bool dropped, bool settled) {
  GridTotals& gt = (*ctx_.grid_totals)[c.grid];
  --open_;
  --gt.open;
  if (c.domain == Domain::Dispute) --gt.open_disputes;
  if (hazard_domain(c.domain)) --gt.open_hazards;
  const OutcomeBehaviour& o = model_.behaviour.outcome;
  const double weight = (1.0 + rank(c.tier)) / double(kTiers);  // 1/3, 2/3, 1
  float satisfaction;
  float hardship;
  if (dropped) {
    ++day_.dropped;
    ++gt.dropped;
    satisfaction = static_cast<float>(o.dropped_satisfaction);
    hardship = static_cast<float>(o.dropped_hardship * weight);
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
  gt.satisfaction_today += satisfaction;
  ++gt.closed_today;
  (*ctx_.feedback)[c.grid].push_back(Feedback{c.resident, satisfaction, hardship});
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

void HandlingUnit::backlog(double now, std::int64_t& count, double& age_sum_h) const {
  for (const Case& c : cases_) {
    if (c.id == 0 || c.state == CaseState::Closed || c.state == CaseState::Unreported) continue;
    ++count;
    age_sum_h += now - c.t_report;
  }
}

void HandlingUnit::take_day(UnitDay& out) {
  std::swap(out, day_);
  // Today starts from zero, reusing the lists' memory.
  std::vector<double> response = std::move(day_.response_h);
  std::vector<double> resolution = std::move(day_.resolution_h);
  std::vector<CaseTrace> closed = std::move(day_.closed);
  std::vector<CaseMove> moves = std::move(day_.moves);
  day_ = UnitDay{};
  response.clear();
  resolution.clear();
  closed.clear();
  moves.clear();
  day_.response_h = std::move(response);
  day_.resolution_h = std::move(resolution);
  day_.closed = std::move(closed);
  day_.moves = std::move(moves);
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
        (static_cast<std::uint64_t>(c.level) << 16) | (std::uint64_t(c.bounces) << 24));
  }
  for (std::size_t i = 0; i < roster_.size(); ++i) {
    mix(roster_.key[i]);
    mixd(roster_.experience[i]);
  }
  mix(static_cast<std::uint64_t>(open_));
  return h;
}

}  // namespace govsim
