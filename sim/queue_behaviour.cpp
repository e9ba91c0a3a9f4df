// The bare queueing network: the engine's desks, queues and event order with every governance
// rule taken out, so that its waits can be checked against Erlang C and Jackson networks
// (validation/). One desk per level with model.queue_handlers handlers on duty around the clock;
// a Poisson stream of small cases reported the moment they arise at the first grid of the first
// street; service of the level's tier's effort; after service a case moves on to the next level
// with chance model.queue_escalate_p, else it closes.
#include <map>

#include "engine/units.hpp"
#include "model/streams.hpp"
#include "sim/case_behaviour.hpp"
#include "sim/case_rules.hpp"

namespace govsim {

class QueueBehaviour final : public CaseBehaviour {
 public:
  Roster plan_roster(const HandlingUnit& u) const override;
  void build_desks(HandlingUnit& u, const std::map<std::uint64_t, double>&) const override;
  void admit_arrivals(HandlingUnit& u, std::int64_t day) const override;
  bool residents_raise_cases() const override { return false; }
  void on_report(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const override {
    u.route(c, slot, Level::Grid, t, true);  // straight to the grid desk
  }
  void route(HandlingUnit& u, Case& c, std::uint32_t slot, Level level, double t,
             bool) const override {
    // No delays, no bounces: the case is at the desk now.
    c.level = level;
    c.state = CaseState::InTransit;
    u.on_arrive(c, slot, level, t);
  }
  int select_desk(const HandlingUnit& u, const Case&, Level level) const override {
    return u.queue_pool_[rank(level)];
  }
  void on_enqueued(HandlingUnit&, const Case&, std::uint32_t, double) const override {}
  ServiceDraw draw_service(const HandlingUnit& u, const Case& c, const HandlingUnit::Pool& desk,
                           const DeskSlot& handler, Stream& draws) const override;
  void on_resolve(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const override;
};

std::unique_ptr<CaseBehaviour> make_queue_behaviour() { return std::make_unique<QueueBehaviour>(); }

Roster QueueBehaviour::plan_roster(const HandlingUnit& u) const {
  // The arrival stream goes to the first street office only, so only it has staff.
  const auto handlers = static_cast<std::uint32_t>(u.model_.queue_handlers);
  return plan_queue_roster(u.street_ == 0 ? handlers : 0, u.street_);
}

void QueueBehaviour::build_desks(HandlingUnit& u, const std::map<std::uint64_t, double>&) const {
  for (int l = 0; l <= rank(Level::Street); ++l)  // no city tier in the bare network
    u.queue_pool_[l] = u.add_desk(HandlingUnit::PoolKind::Street, static_cast<Level>(l), u.street_,
                                  0.0, kHoursPerDay, 1.0);
  for (std::uint32_t i = 0; i < u.roster_.size(); ++i)
    u.pools_[static_cast<std::size_t>(u.queue_pool_[rank(u.roster_.level[i])])].slots.push_back(
        DeskSlot{i, 0.0, true});
}

void QueueBehaviour::admit_arrivals(HandlingUnit& u, std::int64_t day) const {
  if (u.street_ != 0) return;
  const std::uint32_t g = u.city_.street_first_grid[0];
  Stream st(u.seed_, Purpose::QueueArrival, 0, static_cast<std::uint64_t>(day));
  double t = double(day) * kHoursPerDay;
  const double day_end = double(day + 1) * kHoursPerDay;
  std::uint32_t seq = 0;
  while (seq < kMaxCasesPerGridDay) {  // the whole id space of the grid-day
    t += st.exponential(1.0 / u.model_.queue_arrivals_per_h);
    if (t >= day_end) break;
    NewCase n{};
    n.id = make_case_id(g, static_cast<std::uint32_t>(day), seq++);
    n.resident = static_cast<std::uint32_t>(u.city_.grid_first_resident[g]);
    n.domain = Domain::Administrative;
    n.tier = Tier::Small;
    n.channel = Channel::Resident;
    n.t_arise = n.t_report = t;
    n.t_worsen1 = n.t_worsen2 = n.t_lapse = n.t_settle = kInf;
    u.admit(n);
  }
}

ServiceDraw QueueBehaviour::draw_service(const HandlingUnit& u, const Case&,
                                         const HandlingUnit::Pool& desk, const DeskSlot&,
                                         Stream& r) const {
  // Each level has its own service rate: the effort of the level's tier.
  const ModelConfig& m = u.model_;
  const auto tier = static_cast<Tier>(rank(desk.level));
  return ServiceDraw{draw_time(r, m.effort_dist, tier_value(m.effort_median_h, tier),
                               tier_value(m.effort_sigma, tier)),
                     0.0, true, 0.0};
}

void QueueBehaviour::on_resolve(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const {
  // Jackson routing: on to the next level with a fixed probability.
  const double p = u.model_.queue_escalate_p;
  const bool can_move = c.level != Level::Street && p > 0;
  if (can_move &&
      Stream(u.seed_, Purpose::CaseHandle, c.id, kMoveOnDraw + c.attempts).bernoulli(p)) {
    ++u.day_.escalated;
    ++(*u.ctx_.grid_totals)[c.grid].escalated;
    ++c.epoch;
    c.level = static_cast<Level>(rank(c.level) + 1);
    u.on_arrive(c, slot, c.level, t);
    return;
  }
  u.close(c, slot, t, false, true);
}

}  // namespace govsim
