// The governance model's case behaviour: what a design's rules do to a case between its report
// and its closure. Every number here is a scenario key (model.behaviour.*, governance.*).
#include <algorithm>
#include <cmath>
#include <map>

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
  static double handoff_mean_h(const HandlingUnit& u);
  // Multiplier on the tier's working time, by who handles the case.
  static double effort_factor(const HandlingUnit& u, const HandlingUnit::Pool& p,
                              const DeskSlot& s);
  static double success_probability(const HandlingUnit& u, const Case& c,
                                    const HandlingUnit::Pool& p, const DeskSlot& s);
};

std::unique_ptr<CaseBehaviour> make_full_behaviour() { return std::make_unique<FullBehaviour>(); }

// ---------------------------------------------------------------------------------------------
// Staff and desks

Roster FullBehaviour::plan_roster(const HandlingUnit& u) const {
  return govsim::plan_roster(u.city_, u.street_, u.branches_, u.gov_, u.model_.behaviour.staff,
                             u.seed_, u.roster_.size() ? &u.roster_ : nullptr);
}

void FullBehaviour::build_desks(HandlingUnit& u,
                                const std::map<std::uint64_t, double>& busy_until) const {
  using PoolKind = HandlingUnit::PoolKind;
  using Pool = HandlingUnit::Pool;
  using Slot = HandlingUnit::Slot;
  const GovernanceConfig& gov_ = u.gov_;
  const ModelConfig& model_ = u.model_;
  const Roster& roster_ = u.roster_;
  const std::uint32_t g0_ = u.g0_, g1_ = u.g1_, c0_ = u.c0_, c1_ = u.c1_, street_ = u.street_;
  const std::vector<Branch>& branches_ = u.branches_;
  std::vector<Pool>& pools_ = u.pools_;
  std::vector<int>& vol_pool_ = u.vol_pool_;
  std::vector<int>& branch_pool_ = u.branch_pool_;
  std::vector<std::uint32_t>& branch_of_grid_ = u.branch_of_grid_;
  std::vector<int>& comm_pool_ = u.comm_pool_;
  std::vector<int>& comm_med_pool_ = u.comm_med_pool_;
  std::vector<int>& dept_pool_ = u.dept_pool_;
  int& street_pool_ = u.street_pool_;
  int& street_med_pool_ = u.street_med_pool_;
  const StaffingConfig& st = gov_.staffing;
  // Volunteers' desks are open for a duty session; staff work their paid hours, of which the
  // share left after meetings, paperwork and rounds goes to cases.
  auto add_pool = [&](PoolKind kind, Level level, std::uint32_t home, double start, Role role) {
    const bool volunteers = kind == PoolKind::Volunteers;
    const double len = volunteers ? model_.behaviour.volunteers.session_h : paid_hours(role, gov_);
    const double rate = volunteers ? 1.0 : case_share(role, gov_, model_.behaviour.staff);
    return u.add_desk(kind, level, home, start, len, rate);
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
      const auto it = busy_until.find(roster_.key[s.agent]);
      if (it != busy_until.end()) s.free_at = it->second, s.carried = true;
    }
}

int FullBehaviour::select_desk(const HandlingUnit& u, const Case& c, Level level) const {
  using Pool = HandlingUnit::Pool;
  using Slot = HandlingUnit::Slot;
  const std::vector<Pool>& pools_ = u.pools_;
  const bool grid = u.gov_.structure == Structure::Grid;
  if (!grid && level == Level::Grid) level = Level::Community;  // no grid tier to go to
  const std::uint32_t gi = c.grid - u.g0_;
  const std::uint32_t ci = u.city_.grid_community[c.grid] - u.c0_;
  auto staffed = [&](int p) {
    return p >= 0 && !pools_[static_cast<std::size_t>(p)].slots.empty();
  };
  switch (level) {
    case Level::Grid: {
      const int vp = u.vol_pool_[gi];
      if (c.tier == Tier::Small && volunteer_domain(c.domain) && staffed(vp)) {
        const Pool& v = pools_[static_cast<std::size_t>(vp)];
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
    case Level::Street: {
      if (c.domain == Domain::Dispute && staffed(u.street_med_pool_)) return u.street_med_pool_;
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

void FullBehaviour::on_report(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const {
  Stream s(u.seed_, Purpose::CaseRoute, c.id, kTriageDraw);
  Level level = u.level_for(c.tier);
  // Triage: a wrong first guess sends the case one level off; it then has to climb.
  if (!s.bernoulli(u.gov_.routing.triage_accuracy))
    level =
        rank(level) > 0 ? static_cast<Level>(rank(level) - 1) : static_cast<Level>(rank(level) + 1);
  u.route(c, slot, level, t, true);
}

double FullBehaviour::handoff_mean_h(const HandlingUnit& u) {
  const RoutingBehaviour& b = u.model_.behaviour.routing;
  return u.gov_.routing.handoff_delay_h * (1.0 - b.platform_handoff_cut * u.gov_.platform.level) +
         b.handoff_floor_h;
}

void FullBehaviour::route(HandlingUnit& u, Case& c, std::uint32_t slot, Level level, double t,
                          bool initial) const {
  using Ev = HandlingUnit::Ev;
  const GovernanceConfig& gov = u.gov_;
  Stream s(u.seed_, Purpose::CaseRoute, c.id, c.hops++);
  const double p = gov.platform.level;
  const bool grid = gov.structure == Structure::Grid;
  const RoutingBehaviour& b = u.model_.behaviour.routing;
  double delay;
  if (initial && grid && level == Level::Grid)  // the grid worker hears at once
    delay = s.exponential(b.grid_dispatch_h + b.grid_dispatch_manual_h * (1.0 - p));
  else
    delay = s.exponential(handoff_mean_h(u));
  if (!initial) {
    u.day_.handoff_sum_h += delay;
    ++u.day_.handoffs;
  }
  // Jurisdiction bounce: nobody's clear duty, so the desk sends it elsewhere. After
  // max_bounces bounces the street office takes the case over instead.
  const bool can_bounce = !grid || level != Level::Grid;
  const double p_bounce = (grid ? b.bounce_grid : b.bounce_fragmented) * (1.0 - gov.legal_clarity) *
                          (1.0 - b.platform_bounce_cut * p);
  if (can_bounce && s.bernoulli(p_bounce)) {
    if (c.bounces < gov.routing.max_bounces) {
      ++c.bounces;
      ++u.day_.bounced;
      ++(*u.ctx_.grid_totals)[c.grid].bounced;
      c.state = CaseState::InTransit;
      c.epoch++;
      if (s.bernoulli(b.lost_on_bounce * (1.0 - p))) {  // lost in paperwork on the way
        u.schedule(t + delay, Ev::Lost, c.id, slot, 0);
        return;
      }
      u.schedule(t + delay, Ev::Reroute, c.id, slot, 0, level);
      return;
    }
    level = Level::Street;  // the street takes over
  }
  c.level = level;
  c.state = CaseState::InTransit;
  u.schedule(t + delay, Ev::Arrive, c.id, slot, 0, level);
}

void FullBehaviour::on_enqueued(HandlingUnit& u, const Case& c, std::uint32_t slot,
                                double t) const {
  // A case that waits too long at a desk below the street office is escalated.
  if (c.level != Level::Street)
    u.schedule(t + u.gov_.routing.escalate_wait_h, HandlingUnit::Ev::EscalateCheck, c.id, slot,
               c.epoch);
}

// ---------------------------------------------------------------------------------------------
// Service

ServiceDraw FullBehaviour::draw_service(const HandlingUnit& u, const Case& c,
                                        const HandlingUnit::Pool& p, const DeskSlot& s,
                                        Stream& r) const {
  const ModelConfig& m = u.model_;
  ServiceDraw d{};
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
  const GovernanceConfig& gov_ = u.gov_;
  const Roster& roster_ = u.roster_;
  const EffortBehaviour& b = u.model_.behaviour.effort;
  double f = 1.0;
  switch (p.kind) {
    case PoolKind::Volunteers: {
      const GridVolunteers& v = (*u.ctx_.volunteers)[p.home];
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
  return f;
}

double FullBehaviour::success_probability(const HandlingUnit& u, const Case& c,
                                          const HandlingUnit::Pool& p, const DeskSlot& s) {
  using PoolKind = HandlingUnit::PoolKind;
  const GovernanceConfig& gov_ = u.gov_;
  const Roster& roster_ = u.roster_;
  const SuccessBehaviour& b = u.model_.behaviour.success;
  const bool dispute = c.domain == Domain::Dispute;
  double ps = 0;
  switch (p.kind) {
    case PoolKind::Volunteers: {
      const GridVolunteers& v = (*u.ctx_.volunteers)[p.home];
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

void FullBehaviour::on_resolve(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const {
  if (c.domain == Domain::Dispute) {
    ++u.day_.mediations;
    if (c.succeeds) ++u.day_.mediation_agreements;
  }
  // The street office's verdict closes a case even unsettled; below it, an unsettled case
  // goes up a level.
  if (c.succeeds || c.level == Level::Street) {
    u.close(c, slot, t, false, c.succeeds);
    return;
  }
  u.escalate(c, slot, t);
}

}  // namespace govsim
