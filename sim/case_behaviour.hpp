// The seam between the handling unit's mechanics (events, desks, queues, books) and the rules a
// case follows. Two behaviours exist:
//   FullBehaviour (sim/full_behaviour.cpp): the governance model — triage, hand-off delays and
//     jurisdiction bounces, handlers' effort and success by skill and training, escalation of
//     unsettled cases and of cases waiting too long, desks per grid, branch, community and
//     department;
//   QueueBehaviour (sim/queue_behaviour.cpp): the bare queueing network used to validate the
//     engine against Erlang C and Jackson — one desk per level around the clock, a Poisson
//     arrival stream, exponential service, and routing to the next level with a fixed chance.
// A behaviour holds no state; the unit hands itself to each call.
#pragma once

#include <cstdint>
#include <map>
#include <memory>

#include "engine/rng.hpp"
#include "sim/handling.hpp"

namespace govsim {

// What a handler's attempt at a case will take and give.
struct ServiceDraw {
  double effort_h;      // the handler's working time
  double process_h;     // elapsed time after it, waiting on parties and paperwork
  bool succeeds;        // whether the attempt settles the case
  double travel_h = 0;  // going to the place and back, if the handler must (MODEL.md 7.25)
};

class CaseBehaviour {
 public:
  virtual ~CaseBehaviour() = default;

  // The unit's staff under the design in force (the unit's previous roster keeps experience).
  virtual Roster plan_roster(const HandlingUnit& u) const = 0;
  // The desks and who sits at which; people still busy (busy_until, by staff key) stay busy.
  virtual void build_desks(HandlingUnit& u,
                           const std::map<std::uint64_t, double>& busy_until) const = 0;
  // Cases that arise today outside the residents' own lives, admitted at the start of the day.
  virtual void admit_arrivals(HandlingUnit& u, std::int64_t day) const = 0;
  // Whether the residents' problems raise cases (the residents phase draws them).
  virtual bool residents_raise_cases() const = 0;

  // A case has just been reported: where it goes first.
  virtual void on_report(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const = 0;
  // Sends a case toward a level's desk.
  virtual void route(HandlingUnit& u, Case& c, std::uint32_t slot, Level level, double t,
                     bool initial) const = 0;
  // The desk of `level` that takes the case, or -1 if none is staffed.
  virtual int select_desk(const HandlingUnit& u, const Case& c, Level level) const = 0;
  // The case has joined a desk's books at t.
  virtual void on_enqueued(HandlingUnit& u, const Case& c, std::uint32_t slot, double t) const = 0;
  // A handler starts on the case: draws from the case's own stream for this attempt.
  virtual ServiceDraw draw_service(const HandlingUnit& u, const Case& c,
                                   const HandlingUnit::Pool& desk, const DeskSlot& handler,
                                   Stream& draws) const = 0;
  // The handler's work and the waiting after it are done.
  virtual void on_resolve(HandlingUnit& u, Case& c, std::uint32_t slot, double t) const = 0;
};

// The behaviour a model configuration asks for.
std::unique_ptr<CaseBehaviour> make_full_behaviour();   // sim/full_behaviour.cpp
std::unique_ptr<CaseBehaviour> make_queue_behaviour();  // sim/queue_behaviour.cpp
inline std::unique_ptr<CaseBehaviour> make_case_behaviour(const ModelConfig& model) {
  return model.mode == ModelMode::Queue ? make_queue_behaviour() : make_full_behaviour();
}

}  // namespace govsim
