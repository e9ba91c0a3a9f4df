// Moving a case between desks: routing (the behaviour's rules), escalation one level up, and
// arrival at a desk, where it is taken at once or waits.
#include <algorithm>

#include "sim/case_behaviour.hpp"
#include "sim/case_rules.hpp"
#include "sim/handling.hpp"

namespace govsim {

void HandlingUnit::route(Case& c, std::uint32_t slot, Level level, double t, bool initial) {
  behaviour_.route(*this, c, slot, level, t, initial);
}

void HandlingUnit::escalate(Case& c, std::uint32_t slot, double t) {
  if (rank(c.level) >= rank(Level::Street)) return;  // the city tier takes cases only sent up
  ++day_.escalated;
  ++(*ctx_.grid_totals)[c.grid].escalated;
  ++c.epoch;
  route(c, slot, static_cast<Level>(rank(c.level) + 1), t, false);
}

void HandlingUnit::on_arrive(Case& c, std::uint32_t slot, Level level, double t) {
  const int p = behaviour_.select_desk(*this, c, level);
  if (p < 0) {
    if (rank(level) >= rank(Level::Street)) {  // nobody at all to handle it
      close(c, slot, t, true, false);
      return;
    }
    c.level = level;
    escalate(c, slot, t);
    return;
  }
  const Level at = pools_[static_cast<std::size_t>(p)].level;
  // Cases are registered at the intake desk, or by the grid worker who refers them up; a case
  // that arrives at any other desk (e.g. re-routed after a design without either) needs none.
  const PoolKind kind = pools_[static_cast<std::size_t>(p)].kind;
  const bool intake = kind == PoolKind::Intake;
  if (!intake && kind != PoolKind::GridWorkers) c.needs_intake = false;
  if (tracing_ && c.path_len > 0 && c.path[std::min<std::size_t>(c.path_len, kMaxPath) - 1] != at)
    day_.moves.push_back(
        CaseMove{c.grid, c.path[std::min<std::size_t>(c.path_len, kMaxPath) - 1], at, t});
  // A case reaches the city tier once, whatever bounces it has there.
  if (at == Level::City &&
      (c.path_len == 0 || c.path[std::min<std::size_t>(c.path_len, kMaxPath) - 1] != at))
    ++day_.reached_city;
  if (c.path_len < kMaxPath) {
    c.path[c.path_len] = at;
    c.path_t_h[c.path_len] = static_cast<float>(t - c.t_arise);
  }
  if (c.path_len < 255) ++c.path_len;
  c.level = at;
  // A counsellor sees the parties beside the handling of the case (MODEL.md 7.24): the case
  // has not left the grid, nor reached the street office, by it.
  const bool counsel = kind == PoolKind::Counsellors;
  if (!counsel) c.people = static_cast<std::uint8_t>(c.people & ~kNeedsCounsel);  // none left
  if (at != Level::Grid && !counsel) c.left_grid = true;
  if (at == Level::Street && !intake && !counsel && !c.reached_street) {
    c.reached_street = true;
    ++day_.reached_street;
  }

  // With nobody waiting and a handler free, the case would be queued and taken at once: it
  // is taken at once, without the round trip through the desk's queue.
  const Pool& desk = pools_[static_cast<std::size_t>(p)];
  const std::size_t server = desk.queue.empty() ? desk.first_available(t, 0) : desk.slots.size();
  if (server < desk.slots.size()) {
    enqueue(c, slot, p, t, false);
    start_service(c, slot, p, server, t);
    return;
  }
  enqueue(c, slot, p, t, true);
  try_dispatch(p, t);
}

}  // namespace govsim
