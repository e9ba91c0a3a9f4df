// The governance model's case behaviour: what a design's rules do to a case between its report
// and its closure. Every number here is a scenario key (model.behaviour.*, governance.*).
#include <algorithm>
#include <cmath>
#include <map>

#include "engine/units.hpp"
#include "model/streams.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/case_rules.hpp"

namespace govsim {

class FullBehaviour final : public CaseBehaviour {
 public:
  Roster plan_roster(const HandlingUnit& u) const override;
  void build_desks(HandlingUnit& u,
                   const std::map<std::uint64_t, double>& busy_until) const override;
  void admit_arrivals(HandlingUnit&, std::int64_t) const override {}  // residents raise them
  bool residents_raise_cases() const override { return true; }
  void on_report(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const override;
  void route(HandlingUnit& u, Case& c, std::uint32_t slot, Level level, double t,
             bool initial) const override;
  int select_desk(const HandlingUnit& u, const Case& c, Level level) const override;
  void on_enqueued(HandlingUnit& u, const Case& c, std::uint32_t slot, double t) const override;
  ServiceDraw draw_service(const HandlingUnit& u, const Case& c, const HandlingUnit::Pool& desk,
                           const DeskSlot& handler, Stream& draws) const override;
  void on_resolve(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const override;

 private:
  static int add_desk(HandlingUnit& u, HandlingUnit::PoolKind kind, Level level, std::uint32_t home,
                      Role role);
  static void lay_out_desks(HandlingUnit& u);
  static void assign_offday_duty(HandlingUnit& u);
  static int seat(HandlingUnit& u, std::uint32_t roster_index);
  // How long a referral from one body to another takes to reach it (platform or paper run).
  static double referral_delay(const HandlingUnit& u, double t, bool by_platform, Stream& s);
  // Chance that a hand-off to `level` comes back: misrouted among several bodies, or disputed.
  static double bounce_probability(const HandlingUnit& u, Level level);
  static Level triage(const HandlingUnit& u, const Case& c);
  // Multiplier on the tier's working time, by who handles the case.
  static double effort_factor(const HandlingUnit& u, const HandlingUnit::Pool& p,
                              const DeskSlot& s);
  static double success_probability(const HandlingUnit& u, const Case& c,
                                    const HandlingUnit::Pool& p, const DeskSlot& s);
  // People (MODEL.md 7.24): mediation rooms in the grids, and counsellors for crisis disputes.
  static bool grid_rooms(const HandlingUnit& u) {
    return u.gov_.mediators.grid_rooms && u.gov_.structure == Structure::Grid;
  }
  static int counsellors_for(const HandlingUnit& u, const Case& c);
  static bool send_to_counsellor(HandlingUnit& u, Case& c, std::uint32_t slot, double t);
};

std::unique_ptr<CaseBehaviour> make_full_behaviour() { return std::make_unique<FullBehaviour>(); }

// ---------------------------------------------------------------------------------------------
// Staff and desks

Roster FullBehaviour::plan_roster(const HandlingUnit& u) const {
  if (u.is_city())
    return plan_city_roster(u.city_, u.gov_, u.model_.behaviour.staff, u.seed_,
                            u.roster_.size() ? &u.roster_ : nullptr);
  return govsim::plan_roster(u.city_, u.street_, u.branches_, u.gov_, u.model_.behaviour.staff,
                             u.seed_, u.roster_.size() ? &u.roster_ : nullptr);
}

// A desk of the design: volunteers' desks are open for a duty session; staff work their paid
// hours, of which the share left after meetings, paperwork and rounds goes to cases.
int FullBehaviour::add_desk(HandlingUnit& u, HandlingUnit::PoolKind kind, Level level,
                            std::uint32_t home, Role role) {
  const bool volunteers = kind == HandlingUnit::PoolKind::Volunteers;
  const double len =
      volunteers ? u.model_.behaviour.volunteers.session_h : paid_hours(role, u.gov_);
  const double rate = volunteers ? 1.0
                      : role == Role::Counsellor
                          ? u.model_.behaviour.people.counsellor_case_share
                          : case_share(role, u.gov_, u.model_.behaviour.staff);
  const CalendarConfig& cal = *u.ctx_.calendar_config;
  if (!cal.on || volunteers)  // volunteers keep their own duty roster, any day
    return u.add_desk(kind, level, home, u.gov_.staffing.shift_start_h, len, rate);
  // A working year. Where the design has a platform, the intake desk is a 24-hour hotline: the
  // same staff hours a week, spread over every hour of every day (shifts).
  if (kind == HandlingUnit::PoolKind::Intake && u.gov_.platform.level >= cal.hotline_platform_level)
    return u.add_desk(kind, level, home, 0.0, kHoursPerDay,
                      rate * len / kHoursPerDay * kWorkdaysPerWeek / kDaysPerWeek);
  const int desk = u.add_desk(kind, level, home, u.gov_.staffing.shift_start_h, len, rate);
  HandlingUnit::Pool& p = u.pools_[static_cast<std::size_t>(desk)];
  p.calendar_days = true;
  u.attach_calendar(p);
  return desk;
}

// Who works a desk's days off: a rota over its handlers (engine/desk.hpp, Desk::works_on), a
// share of them each day off (holiday duty at an office, weekend shifts of grid workers), so that
// every handler works that share of the days off, a lone grid worker included.
void FullBehaviour::assign_offday_duty(HandlingUnit& u) {
  const CalendarConfig& cal = *u.ctx_.calendar_config;
  for (HandlingUnit::Pool& p : u.pools_) {
    if (!p.calendar_days) continue;
    p.offday_share = p.kind == HandlingUnit::PoolKind::GridWorkers ? cal.grid_worker_offday_share
                                                                   : cal.offday_duty_share;
    for (std::size_t i = 0; i < p.slots.size(); ++i)
      p.slots[i].rota = static_cast<std::uint32_t>(i);
  }
}

// The desks every design has: volunteers' and grid workers' desks in a grid design, a desk per
// community, and the street office's departments (one joined-up office in a grid design).
void FullBehaviour::lay_out_desks(HandlingUnit& u) {
  using PoolKind = HandlingUnit::PoolKind;
  if (u.is_city()) {  // the coordinating centre, or the city's departments
    for (std::int64_t d = 0; d < u.gov_.city_tier.departments; ++d)
      u.dept_pool_.push_back(
          add_desk(u, PoolKind::CityDepartment, Level::City, 0, Role::StreetOfficial));
    return;
  }
  const bool grid = u.gov_.structure == Structure::Grid;
  if (grid) {
    for (std::uint32_t g = u.g0_; g < u.g1_; ++g)
      u.vol_pool_[g - u.g0_] = add_desk(u, PoolKind::Volunteers, Level::Grid, g, Role::GridWorker);
    for (std::uint32_t b = 0; b < u.branches_.size(); ++b) {
      const Branch& br = u.branches_[b];
      u.branch_pool_[b] =
          add_desk(u, PoolKind::GridWorkers, Level::Grid, br.first_grid, Role::GridWorker);
      for (std::uint32_t g = br.first_grid; g < br.last_grid; ++g) u.branch_of_grid_[g - u.g0_] = b;
    }
  }
  for (std::uint32_t c = u.c0_; c < u.c1_; ++c)
    u.comm_pool_[c - u.c0_] =
        add_desk(u, PoolKind::Community, Level::Community, c, Role::CommunityOfficial);
  const auto depts = static_cast<std::uint32_t>(grid ? 1 : u.gov_.staffing.departments);
  for (std::uint32_t d = 0; d < depts; ++d)
    u.dept_pool_.push_back(
        add_desk(u, PoolKind::Street, Level::Street, u.street_, Role::StreetOfficial));
  u.street_pool_ = u.dept_pool_.front();
}

// The desk member i of the roster sits at; mediators' desks open with their first mediator.
int FullBehaviour::seat(HandlingUnit& u, std::uint32_t i) {
  using PoolKind = HandlingUnit::PoolKind;
  const Roster& r = u.roster_;
  switch (r.role[i]) {
    case Role::GridWorker:
      return u.branch_pool_[u.branch_of_grid_[r.home[i] - u.g0_]];
    case Role::CommunityOfficial:
      return u.comm_pool_[r.home[i] - u.c0_];
    case Role::StreetOfficial:
      if (r.department[i] == kIntakeDepartment) {
        if (u.intake_pool_ < 0)
          u.intake_pool_ =
              add_desk(u, PoolKind::Intake, Level::Street, u.street_, Role::StreetOfficial);
        return u.intake_pool_;
      }
      return u.dept_pool_[r.department[i] % u.dept_pool_.size()];
    case Role::Mediator:
      if (r.level[i] == Level::Community) {
        int& desk = u.comm_med_pool_[r.home[i] - u.c0_];
        if (desk < 0)  // in the grids' mediation rooms (调解室) where the design has them
          desk =
              add_desk(u, PoolKind::CommunityMediators,
                       grid_rooms(u) ? Level::Grid : Level::Community, r.home[i], Role::Mediator);
        return desk;
      }
      if (u.street_med_pool_ < 0)
        u.street_med_pool_ =
            add_desk(u, PoolKind::StreetMediators, Level::Street, u.street_, Role::Mediator);
      return u.street_med_pool_;
    case Role::Counsellor: {
      int& desk = r.level[i] == Level::Community ? u.comm_couns_pool_[r.home[i] - u.c0_]
                                                 : u.street_couns_pool_;
      if (desk < 0)
        desk = add_desk(u, PoolKind::Counsellors, r.level[i], r.home[i], Role::Counsellor);
      return desk;
    }
  }
  return -1;
}

void FullBehaviour::build_desks(HandlingUnit& u,
                                const std::map<std::uint64_t, double>& busy_until) const {
  lay_out_desks(u);
  for (std::uint32_t i = 0; i < u.roster_.size(); ++i)
    u.pools_[static_cast<std::size_t>(seat(u, i))].slots.push_back(DeskSlot{i, 0.0, true});
  // People still busy with a case from the previous design stay busy until it is done.
  for (HandlingUnit::Pool& p : u.pools_)
    for (DeskSlot& s : p.slots) {
      const auto it = busy_until.find(u.roster_.key[s.agent]);
      if (it != busy_until.end()) s.free_at = it->second, s.carried = true;
    }
  assign_offday_duty(u);
}

int FullBehaviour::select_desk(const HandlingUnit& u, const Case& c, Level level) const {
  using Pool = HandlingUnit::Pool;
  using Slot = HandlingUnit::Slot;
  const std::vector<Pool>& pools = u.pools_;
  const bool grid = u.gov_.structure == Structure::Grid;
  const std::uint32_t gi = c.grid - u.g0_;
  const std::uint32_t ci = u.city_.grid_community[c.grid] - u.c0_;
  auto staffed = [&](int p) { return p >= 0 && !pools[static_cast<std::size_t>(p)].slots.empty(); };
  if (c.people & kNeedsCounsel) {
    const int cp = counsellors_for(u, c);
    if (cp >= 0) return cp;
  }
  if (c.needs_intake) {
    if (staffed(u.intake_pool_)) return u.intake_pool_;
    if (grid && staffed(u.branch_pool_[u.branch_of_grid_[gi]]))  // the grid worker writes it up
      return u.branch_pool_[u.branch_of_grid_[gi]];
    level = u.level_for(c.tier);  // nobody to register it (any more): straight to its level
  }
  if (!grid && level == Level::Grid) level = Level::Community;  // no grid tier to go to
  switch (level) {
    case Level::Grid: {
      if (c.domain == Domain::Dispute && grid_rooms(u) && staffed(u.comm_med_pool_[ci]))
        return u.comm_med_pool_[ci];  // the mediation room (调解室)
      const int vp = u.vol_pool_[gi];
      if (c.tier == Tier::Small && volunteer_domain(c.domain) && staffed(vp)) {
        const Pool& v = pools[static_cast<std::size_t>(vp)];
        std::int64_t duty = 0;
        for (const Slot& s : v.slots) duty += s.on_duty ? 1 : 0;
        if (duty > 0 &&
            double(v.waiting) < u.model_.behaviour.routing.volunteer_queue_per_duty * double(duty))
          return vp;
      }
      const int bp = u.branch_pool_[u.branch_of_grid_[gi]];
      return staffed(bp) ? bp : -1;
    }
    case Level::Community:
      if (c.domain == Domain::Dispute && staffed(u.comm_med_pool_[ci])) return u.comm_med_pool_[ci];
      return staffed(u.comm_pool_[ci]) ? u.comm_pool_[ci] : -1;
    case Level::City:
    case Level::Street: {
      if (level == Level::Street && c.domain == Domain::Dispute && staffed(u.street_med_pool_))
        return u.street_med_pool_;
      // Each domain has its department; with fewer staffed departments they double up.
      std::vector<int> staffed_depts;
      for (int p : u.dept_pool_)
        if (staffed(p)) staffed_depts.push_back(p);
      if (staffed_depts.empty()) return -1;
      return staffed_depts[static_cast<std::size_t>(c.domain) % staffed_depts.size()];
    }
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Routing

// Where a report lands first. Through the platform's app or sensors, the platform classifies
// it and refers it to a desk. In a grid design, residents, volunteers and the grid worker's own
// rounds tell the grid worker directly: a small matter is on the grid worker's desk at once, a
// bigger one is referred up. In a fragmented design every other report goes to the street
// office's intake desk, which registers and classifies it (on_resolve) and refers it on.
void FullBehaviour::on_report(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const {
  using Ev = HandlingUnit::Ev;
  if (send_to_counsellor(u, c, slot, t)) return;
  if (c.channel == Channel::Platform) {
    u.route(c, slot, triage(u, c), t, true);
    return;
  }
  if (u.gov_.structure == Structure::Grid) {
    // The grid worker is told at once. A matter for the grid is on the grid's desks now; one for
    // a level above waits for the grid worker to write it up and refer it (registration, as at
    // a fragmented street office's intake desk).
    c.needs_intake = triage(u, c) != Level::Grid;
    c.level = Level::Grid;
    c.state = CaseState::InTransit;
    u.schedule(t, Ev::Arrive, c.id, slot, 0, Level::Grid);
    return;
  }
  c.needs_intake = true;
  c.level = Level::Street;
  c.state = CaseState::InTransit;
  u.schedule(t, Ev::Arrive, c.id, slot, 0, Level::Street);
}

// Triage: a wrong first guess sends the case one level off; it then has to climb.
Level FullBehaviour::triage(const HandlingUnit& u, const Case& c) {
  Stream s(u.seed_, Purpose::CaseRoute, c.id, kTriageDraw);
  Level level = u.level_for(c.tier);
  // Disputes for the community are mediated in the grid where its mediators sit in the rooms.
  if (c.domain == Domain::Dispute && level == Level::Community && grid_rooms(u) &&
      u.comm_med_pool_[u.city_.grid_community[c.grid] - u.c0_] >= 0)
    level = Level::Grid;
  if (s.bernoulli(u.gov_.routing.triage_accuracy)) return level;
  return rank(level) > 0 ? static_cast<Level>(rank(level) - 1)
                         : static_cast<Level>(rank(level) + 1);
}

// A referral on the platform is read after an exponential notice time; one on paper leaves
// with the next document run. Runs are spread evenly over the working day from its start, so a
// referral made in the evening waits for the morning's run.
double FullBehaviour::referral_delay(const HandlingUnit& u, double t, bool by_platform, Stream& s) {
  const RoutingBehaviour& b = u.model_.behaviour.routing;
  if (by_platform) return s.exponential(b.platform_notice_h);
  const double start = u.gov_.staffing.shift_start_h;
  const double gap = u.gov_.staffing.official_hours / b.paper_runs_per_day;
  const double day = std::floor(t / kHoursPerDay) * kHoursPerDay;
  for (double d = day;; d += kHoursPerDay)
    for (double k = 0; k < b.paper_runs_per_day; k += 1) {
      const double run = d + start + k * gap;
      if (run >= t) return run - t;
    }
}

// Unclear duties: a classifier who cannot tell which of the level's k bodies a case belongs to
// picks one at random (wrong with chance 1 - 1/k), and the receiving level may dispute that the
// case is its own. Both scale with 1 - legal clarity; shared records on a platform stop part.
double FullBehaviour::bounce_probability(const HandlingUnit& u, Level level) {
  const RoutingBehaviour& b = u.model_.behaviour.routing;
  const GovernanceConfig& gov = u.gov_;
  const double unclear =
      (1.0 - gov.legal_clarity) * (1.0 - b.platform_bounce_cut * gov.platform.level);
  int bodies = 0;
  if (rank(level) >= rank(Level::Street))  // a street office's or the city's departments
    for (int p : u.dept_pool_)
      bodies += p >= 0 && !u.pools_[static_cast<std::size_t>(p)].slots.empty() ? 1 : 0;
  bodies = std::max(1, bodies);
  const double misroute = unclear * b.misroute_unclear * (1.0 - 1.0 / double(bodies));
  const double disputed = unclear * b.level_dispute;
  return 1.0 - (1.0 - misroute) * (1.0 - disputed);
}

void FullBehaviour::route(HandlingUnit& u, Case& c, std::uint32_t slot, Level level, double t,
                          bool initial) const {
  using Ev = HandlingUnit::Ev;
  const GovernanceConfig& gov = u.gov_;
  Stream s(u.seed_, Purpose::CaseRoute, c.id, c.hops++);
  const double p = gov.platform.level;
  const RoutingBehaviour& b = u.model_.behaviour.routing;
  // A report made on the platform is referred on it; any other referral goes on the platform
  // for the share of cases the platform carries, else on paper.
  const bool by_platform = (initial && c.channel == Channel::Platform) || s.uniform() < p;
  const double delay = referral_delay(u, t, by_platform, s);
  if (!initial) {
    u.day_.handoff_sum_h += delay;
    ++u.day_.handoffs;
  }
  // A bounce: the case comes back after the trip and has to be referred again. After
  // max_bounces bounces the street office takes the case over instead.
  if (s.bernoulli(bounce_probability(u, level))) {
    if (c.bounces < gov.routing.max_bounces) {
      ++c.bounces;
      ++u.day_.bounced;
      ++(*u.ctx_.grid_totals)[c.grid].bounced;
      c.state = CaseState::InTransit;
      c.epoch++;
      if (!by_platform && s.bernoulli(b.lost_on_bounce)) {  // lost in paperwork on the way
        u.schedule(t + delay, Ev::Lost, c.id, slot, 0);
        return;
      }
      u.schedule(t + delay, Ev::Reroute, c.id, slot, 0, level);
      return;
    }
    if (level != Level::City) level = Level::Street;  // the street (or the city) takes over
  }
  c.level = level;
  c.state = CaseState::InTransit;
  u.schedule(t + delay, Ev::Arrive, c.id, slot, 0, level);
}

// A case waiting longer than escalate_wait_h at a desk below the street office is escalated
// once the level above notices it (督办): at once if the platform tracks the case, else at the
// next paper review, which strong party leadership holds more often. With neither, the case
// waits for its own desk.
void FullBehaviour::on_enqueued(HandlingUnit& u, const Case& c, std::uint32_t slot,
                                double t) const {
  if (rank(c.level) >= rank(Level::Street) || (c.people & kNeedsCounsel)) return;
  const GovernanceConfig& gov = u.gov_;
  Stream s(u.seed_, Purpose::CaseRoute, c.id, kNoticeDraw + c.epoch);
  double notice = 0;
  if (s.uniform() >= gov.platform.level) {
    const double reviews_per_h =
        gov.leadership * u.model_.behaviour.staff.reviews_per_week / kHoursPerWeek;
    if (reviews_per_h <= 0) return;
    notice = s.exponential(1.0 / reviews_per_h);
  }
  u.schedule(t + gov.routing.escalate_wait_h + notice, HandlingUnit::Ev::EscalateCheck, c.id, slot,
             c.epoch);
}

// ---------------------------------------------------------------------------------------------
// Service

ServiceDraw FullBehaviour::draw_service(const HandlingUnit& u, const Case& c,
                                        const HandlingUnit::Pool& p, const DeskSlot& s,
                                        Stream& r) const {
  const ModelConfig& m = u.model_;
  ServiceDraw d{};
  if (c.people & kNeedsCounsel)  // the counsellor's session with the parties
    return ServiceDraw{r.exponential(m.behaviour.people.counselling_h), 0.0, true};
  if (c.needs_intake)  // registering and classifying only (intake desk, or the grid worker)
    return ServiceDraw{r.exponential(m.behaviour.routing.intake_effort_h), 0.0, true};
  d.effort_h = draw_time(r, m.effort_dist, tier_value(m.effort_median_h, c.tier),
                         tier_value(m.effort_sigma, c.tier)) *
               effort_factor(u, p, s);
  d.process_h =
      r.lognormal(tier_value(m.process_median_h, c.tier) *
                      (1.0 - m.behaviour.effort.platform_process_cut * u.gov_.platform.level),
                  m.behaviour.effort.process_sigma);
  d.succeeds = r.bernoulli(success_probability(u, c, p, s));
  return d;
}

double FullBehaviour::effort_factor(const HandlingUnit& u, const HandlingUnit::Pool& p,
                                    const DeskSlot& s) {
  using PoolKind = HandlingUnit::PoolKind;
  const GovernanceConfig& gov = u.gov_;
  const Roster& roster = u.roster_;
  const EffortBehaviour& b = u.model_.behaviour.effort;
  double f = 1.0;
  switch (p.kind) {
    case PoolKind::Volunteers: {
      const GridVolunteers& v = (*u.ctx_.volunteers)[p.home];
      float training = static_cast<float>(gov.volunteers.training);  // if they just left
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v.resident[i] == s.agent) training = v.training[i];
      f = b.unskilled - b.volunteer_training_cut * training;
      break;
    }
    case PoolKind::GridWorkers:
      // Several grids one branch: the worker travels and knows the households less well.
      f = (1.0 + b.travel_per_grid * double(gov.grids_per_branch - 1)) *
          (b.unskilled - b.skill_cut * roster.skill[s.agent]);
      break;
    case PoolKind::CommunityMediators:
    case PoolKind::StreetMediators:
      f = b.mediator * (b.unskilled - b.skill_cut * roster.skill[s.agent]);
      break;
    case PoolKind::Intake:
    case PoolKind::Counsellors:
      break;  // not a handler's work on the case (draw_service)
    case PoolKind::Community:
    case PoolKind::Street:
    case PoolKind::CityDepartment:
      // Unclear duties: several layers interfere with the same case (overreach).
      f = (1.0 + b.overreach * (1.0 - gov.legal_clarity)) *
          (b.unskilled - b.skill_cut * roster.skill[s.agent]);
      break;
  }
  return f;
}

double FullBehaviour::success_probability(const HandlingUnit& u, const Case& c,
                                          const HandlingUnit::Pool& p, const DeskSlot& s) {
  using PoolKind = HandlingUnit::PoolKind;
  const GovernanceConfig& gov = u.gov_;
  const Roster& roster = u.roster_;
  const SuccessBehaviour& b = u.model_.behaviour.success;
  const bool dispute = c.domain == Domain::Dispute;
  double ps = 0;
  switch (p.kind) {
    case PoolKind::Volunteers: {
      const GridVolunteers& v = (*u.ctx_.volunteers)[p.home];
      float training = float(gov.volunteers.training), exp = 0;
      for (std::size_t i = 0; i < v.size(); ++i)
        if (v.resident[i] == s.agent) training = v.training[i], exp = v.experience[i];
      ps = dispute ? volunteer_success(training, exp, gov, b)
                   : b.volunteer_task + b.volunteer_task_training * training;
      break;
    }
    case PoolKind::CommunityMediators:
    case PoolKind::StreetMediators: {
      // Professional mediators: success grows with experience (Wissler).
      const double e = roster.experience[s.agent];
      ps = dispute ? std::min(b.mediator_cap,
                              roster.skill[s.agent] +
                                  b.mediator_experience *
                                      (1.0 - std::exp(-e / b.mediator_experience_cases)))
                   : b.mediator_other;
      break;
    }
    case PoolKind::Intake:
    case PoolKind::Counsellors:
      return 1.0;  // registration and a counsellor's session always complete
    case PoolKind::GridWorkers:
    case PoolKind::Community:
    case PoolKind::Street:
    case PoolKind::CityDepartment: {
      const double skill = roster.skill[s.agent];
      ps = dispute
               ? b.staff_dispute + b.staff_dispute_skill * skill
               : b.staff_task + b.staff_task_skill * skill + b.staff_task_legal * gov.legal_clarity;
      break;
    }
  }
  if (rank(p.level) < rank(c.tier)) ps *= b.out_of_depth;
  return std::clamp(ps, 0.0, 1.0);
}

void FullBehaviour::on_resolve(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const {
  if (c.people & kNeedsCounsel) {  // seen by a counsellor: on to where the report would go
    u.finish_counselling(c);
    on_report(u, c, slot, t);
    return;
  }
  if (c.needs_intake) {  // registered and classified: referred to the level it belongs to
    c.needs_intake = false;
    Level level = triage(u, c);
    if (level == Level::Grid) level = Level::Community;  // no grid tier in this design
    u.route(c, slot, level, t, true);
    return;
  }
  if (c.domain == Domain::Dispute) {
    ++u.day_.mediations;
    if (c.succeeds) ++u.day_.mediation_agreements;
  }
  // Below the street office an unsettled case goes up a level. Where there is a city tier, the
  // street office sends up a case it could not settle, or one that concerns other streets too,
  // which it cannot close alone; else its verdict closes the case, settled or not. The city
  // tier's verdict is final.
  if (c.level == Level::Street && u.gov_.city_tier.officials_per_100k > 0) {
    Stream s(u.seed_, Purpose::CaseRoute, c.id, kCrossStreetDraw);
    if (!c.succeeds || s.bernoulli(u.model_.behaviour.routing.cross_street_share)) {
      u.send_up(c, slot, t);
      return;
    }
  }
  if (c.succeeds || rank(c.level) >= rank(Level::Street)) {
    u.close(c, slot, t, false, c.succeeds);
    return;
  }
  u.escalate(c, slot, t);
}

// ---------------------------------------------------------------------------------------------
// People (MODEL.md 7.24)

// The counsellors' desk for a case: its community's, else its street office's; -1 if neither.
int FullBehaviour::counsellors_for(const HandlingUnit& u, const Case& c) {
  if (u.is_city()) return -1;
  auto staffed = [&](int p) {
    return p >= 0 && !u.pools_[static_cast<std::size_t>(p)].slots.empty();
  };
  const int comm = u.comm_couns_pool_[u.city_.grid_community[c.grid] - u.c0_];
  if (staffed(comm)) return comm;
  return staffed(u.street_couns_pool_) ? u.street_couns_pool_ : -1;
}

// A dispute flagged as a crisis when reported goes to a counsellor first, where the design has
// them; the counsellor's session done, on_resolve sends it on as the report would have gone.
bool FullBehaviour::send_to_counsellor(HandlingUnit& u, Case& c, std::uint32_t slot, double t) {
  if (c.domain != Domain::Dispute || (c.people & (kCrisis | kCounselled))) return false;
  if (!u.crisis(c)) return false;
  c.people |= kCrisis;
  ++u.day_.crisis_disputes;
  const int p = counsellors_for(u, c);
  if (p < 0) return false;
  c.people |= kNeedsCounsel;
  const Level level = u.pools_[static_cast<std::size_t>(p)].level;
  c.level = level;
  c.state = CaseState::InTransit;
  u.schedule(t, HandlingUnit::Ev::Arrive, c.id, slot, 0, level);
  return true;
}

}  // namespace govsim
