// Case handling: a discrete-event simulation in continuous time (hours since the start of the
// run) for one handling unit — a street office with its communities and grids, which shares no
// staff or cases with any other unit. Units run in parallel; each processes its events in
// timestamp order, ties broken by insertion order, which is itself deterministic. The one
// exception is the city tier's unit, which takes the cases street offices send up: it runs after
// the street offices' day, so that it receives their cases in unit order (MODEL.md 7.6).
//
// The unit owns every case of its grids from the moment it arises: reporting, routing,
// queueing at a desk with priorities, service within working hours, escalation, bounces between
// departments, worsening and lapse, and closure with feedback to the resident.
//
// The unit's files: handling.cpp (the events and a case's life), desks.cpp (design, desks,
// dispatch and service), routing.cpp (moving a case between desks). What a design's rules say
// about a case (triage, hand-offs, bounces, effort, success, escalation) is the case behaviour's
// (sim/case_behaviour.hpp): the full model and the bare queueing network are its two kinds.
#pragma once

#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

#include "agents/households.hpp"
#include "agents/residents.hpp"
#include "agents/staff.hpp"
#include "agents/volunteers.hpp"
#include "engine/calendar.hpp"
#include "engine/desk.hpp"
#include "engine/event_queue.hpp"
#include "engine/numeric.hpp"
#include "model/case.hpp"
#include "model/city.hpp"
#include "model/geometry.hpp"
#include "model/params.hpp"
#include "sim/day_records.hpp"

namespace govsim {

// A case to come in a grid from its people (MODEL.md 7.24): an incident an open dispute escalated
// into, or a dispute the same pair takes up again. The residents phase raises it on `day`.
struct PendingCase {
  std::int64_t day;
  double t;  // when it arises, hours (no earlier than the start of `day`)
  std::uint32_t resident;
  std::uint32_t counterpart;
  std::uint8_t kind;         // the dispute's kind
  std::uint8_t incident;     // 1 = an incident, 0 = a repeat dispute
  std::uint8_t pad[6] = {};  // explicit, so that checkpoints hold no stray bytes
};

class CheckpointWriter;
class CheckpointReader;
class CaseBehaviour;

// The parts of the world a unit may write: only the entries of its own grids.
struct UnitContext {
  Residents* residents;
  std::vector<GridVolunteers>* volunteers;
  std::vector<std::vector<Feedback>>* feedback;
  std::vector<GridTotals>* grid_totals;
  const Calendar* calendar;               // dates and days off (always set)
  const CalendarConfig* calendar_config;  // whether the calendar is on, and its rosters
  // People (MODEL.md 7.24): the neighbour network (read) and each grid's cases to come.
  const NeighbourNetwork* network = nullptr;
  std::vector<std::vector<PendingCase>>* pending = nullptr;
};

class HandlingUnit {
 public:
  // ctx's vectors and the behaviour must outlive the unit, and the vectors keep their size.
  HandlingUnit(const City& city, std::uint32_t street, const ModelConfig& model,
               const CaseBehaviour& behaviour, std::uint64_t seed, UnitContext ctx);

  // Puts a design in force at time `now`: plans the roster and desks, and sends every case
  // waiting at a desk through the new routing.
  void apply_design(const GovernanceConfig& gov, double now);
  // The city tier's unit (constructed with street == city.streets): no grids or communities of
  // its own; it takes only the cases street offices send up (take_transfer).
  bool is_city() const { return street_ == city_.streets; }
  // Starts a day: today's volunteer duty roster becomes desks, and the behaviour's own arrivals
  // (if any) are admitted.
  void begin_day(std::int64_t day);
  void admit(const NewCase& c);
  // A case a street office sent up at time t (sent_up of that unit, this day), taken by the city
  // tier's unit: referred to its desks as any referral is.
  void take_transfer(const Case& c, double t);
  // Cases this unit sent up to the city tier today, each with the time it left, in the order
  // they left. Emptied by the cases phase once the city tier's unit has taken them.
  struct Transfer {
    Case c;
    double t;
  };
  std::vector<Transfer>& sent_up() { return sent_up_; }
  void run_until(double t_end);
  // Counts the cases open at `now` (the end of the day) into today's figures, moves them into
  // `out` and resets them (reusing the memory of out's lists).
  void take_day(UnitDay& out, double now);

  // Cases waiting or in service at a level's desks now.
  std::int64_t in_system(int level) const { return in_system_[level]; }
  // Hours the cases waiting or in service at a level's desks at time t have spent there so far
  // (the edge terms of Little's law over a finite window, MODEL.md 4.11).
  double in_system_age_h(int level, double t) const;
  const Roster& roster() const { return roster_; }
  const std::vector<Branch>& branches() const { return branches_; }
  // Per-grid rounds hours a day of grid workers, for detection.
  double rounds_hours(std::uint32_t grid) const;
  std::uint64_t hash(std::uint64_t h) const;
  // Checkpoints (sim/checkpoint.cpp): everything but the city, the model and the context.
  void save(CheckpointWriter& w) const;
  void load(CheckpointReader& r);
  // Records closed cases and moves between levels in the day's figures (for the GUI).
  void set_tracing(bool on) { tracing_ = on; }
  // Cases open now (for the GUI's inspector): calls f(const Case&) for each, in slot order.
  template <class F>
  void for_each_open(F&& f) const {
    for (const Case& c : cases_)
      if (c.id != 0) f(c);
  }

 private:
  friend class CaseBehaviour;
  friend class FullBehaviour;
  friend class QueueBehaviour;

  enum class Ev : std::uint8_t {
    Report,
    Worsen,
    Lapse,
    Arrive,
    Reroute,
    Lost,
    ServiceDone,
    Resolve,
    EscalateCheck,
    Settle,  // the parties settle it among themselves (before anyone reported it)
    Wake,
    IncidentCheck  // an open dispute may escalate into an incident (sim/people.cpp)
  };
  // 32 bytes, two to a cache line: the order's sequence number shares a word with the event's
  // kind and level (2^56 events outlast any run), and no byte is padding, so that checkpoints
  // hold no stray bytes.
  struct Event {
    static constexpr int kSeqBits = 56;
    double t;
    std::uint64_t seq : kSeqBits;
    Ev type : 4;
    Level level : 4;
    std::uint64_t id;     // case id (0 for desk events)
    std::uint32_t index;  // case slot, or desk
    std::uint32_t aux;    // epoch, or design generation
    bool operator<(const Event& o) const { return t != o.t ? t < o.t : seq < o.seq; }
  };
  static_assert(sizeof(Event) == 32, "an event is 32 bytes");
  enum class PoolKind : std::uint8_t {
    Volunteers,
    GridWorkers,
    Community,
    CommunityMediators,
    Street,
    StreetMediators,
    Intake,          // the street office's intake desk (fragmented design): registers and refers
    CityDepartment,  // the city tier's centre, or one of its departments
    Counsellors      // psychological counsellors of a community or street (MODEL.md 7.24)
  };
  using Slot = DeskSlot;  // agent: roster index, or resident id for volunteers
  using Entry = DeskEntry;
  // A desk of the unit: who sits there, at which level, for which grid, community or street.
  struct Pool : Desk {
    PoolKind kind;
    Level level;
    std::uint32_t home;  // grid, branch's first grid, community or street
  };

  // Reported, not yet closed: count, summed age and those past their deadline at time `now`
  // (take_day counts them into the day's figures).
  void backlog(double now, std::int64_t& count, double& age_sum_h, std::int64_t& overdue) const;
  // handling.cpp: events and a case's life
  void schedule(double t, Ev type, std::uint64_t id, std::uint32_t index, std::uint32_t aux,
                Level level = Level::Grid) {
    events_.push(Event{t, 0, type, level, id, index, aux});
  }
  void handle(const Event& e);
  void on_report(Case& c, std::uint32_t slot, double t);
  void on_worsen(Case& c, double t);
  void on_lapse(Case& c, std::uint32_t slot, double t);
  void on_service_done(Case& c, std::uint32_t slot, std::uint32_t gen, double t);
  void close(Case& c, std::uint32_t slot, double t, bool dropped, bool settled);
  // The case leaves this unit for the city tier (it stays open, in the grid's totals too).
  void send_up(Case& c, std::uint32_t slot, double t);
  void settle_among_residents(Case& c, std::uint32_t slot, double t);
  std::uint32_t new_slot();
  Level level_for(Tier tier) const;
  // desks.cpp: design, desks, dispatch and service
  int add_desk(PoolKind kind, Level level, std::uint32_t home, double start, double len,
               double rate);
  // The working calendar (calendar.on): the desk keeps the calendar's days off.
  void attach_calendar(Pool& p) const;
  // Weekday of a case's report, 0 = Monday.
  int report_weekday(const Case& c) const {
    return ctx_.calendar->weekday(
               static_cast<std::int64_t>(std::floor(c.t_report / kHoursPerDay))) -
           1;
  }
  // Joins the desk's books; `wait`: also its queue (else a handler takes it at once).
  void enqueue(Case& c, std::uint32_t slot, int pool, double t, bool wait);
  void unqueue(Case& c, double t);
  void touch_books(int level, double t);
  void leave_queue(const Case& c, double t);
  void leave_system(const Case& c, double t);
  void try_dispatch(int pool, double t);
  void start_service(Case& c, std::uint32_t slot, int pool, std::size_t server, double t);
  void on_escalate_check(Case& c, std::uint32_t slot, std::uint32_t epoch, double t);
  // routing.cpp: moving a case between desks
  void route(Case& c, std::uint32_t slot, Level level, double t, bool initial);
  void escalate(Case& c, std::uint32_t slot, double t);
  void on_arrive(Case& c, std::uint32_t slot, Level level, double t);

  // people.cpp (MODEL.md 7.24): both parties, escalation into incidents, repeats, counselling
  void schedule_incident_check(const Case& c, std::uint32_t slot, double from, std::uint32_t n);
  void on_incident_check(Case& c, std::uint32_t slot, std::uint32_t n, double t);
  void people_on_close(const Case& c, double t, bool dropped, bool settled, float hardship);
  bool crisis(const Case& c) const;
  void finish_counselling(Case& c);
  double party_grievance(const Case& c) const;

  template <class IO, class U>
  static void fields(IO& io, U& u);  // the checkpointed state, in one order (checkpoint.cpp)
  // After a load, every index and count in range (checkpoint.cpp); throws InputError.
  void check_layout(const CheckpointReader& r) const;
  void check_cases(const std::vector<Event>& events, const CheckpointReader& r) const;

  const City& city_;
  const ModelConfig& model_;
  const CaseBehaviour& behaviour_;
  UnitContext ctx_;
  std::uint32_t street_;
  std::uint32_t g0_, g1_, c0_, c1_;  // own grids and communities
  std::uint64_t seed_;
  GovernanceConfig gov_;
  std::uint32_t generation_ = 0;  // bumps when the design changes

  Roster roster_;
  std::vector<Branch> branches_;
  std::vector<Pool> pools_;
  std::vector<Slot> scratch_slots_;  // begin_day's list of a volunteers' desk, kept for its memory
  std::vector<int> vol_pool_, branch_pool_, comm_pool_, comm_med_pool_, dept_pool_;
  int street_pool_ = -1, street_med_pool_ = -1, intake_pool_ = -1;
  std::vector<int> comm_couns_pool_;  // counsellors' desk of each community, -1 if none
  int street_couns_pool_ = -1;
  int queue_pool_[kLevels] = {-1, -1, -1, -1};
  std::vector<std::uint32_t> branch_of_grid_;

  std::vector<Case> cases_;
  std::vector<std::uint32_t> free_;
  EventQueue<Event> events_{kHoursPerDay};  // a bucket a day: a unit runs to each midnight
  std::int64_t open_ = 0, unreported_ = 0;
  UnitDay day_;
  bool tracing_ = false;
  std::int64_t in_queue_[kLevels] = {}, in_system_[kLevels] = {};
  double books_t_[kLevels] = {};
  std::vector<Transfer> sent_up_;  // not checkpointed: empty between days

  // travel.cpp: where the unit's bases are and what going to the place costs (MODEL.md 7.25).
  // Derived from the city and the design in force (recomputed after a design or a checkpoint).
  void place_bases();
  // Round-trip hours for a handler at desk p to go to the case's grid and back: grid workers
  // and mediators always go, officials for the tier's share of site visits, volunteers (who
  // live in the grid) and registration never. 0 with model.space.travel off.
  double on_site_travel_h(const Pool& p, const Case& c) const;
  // Hours a day a branch's rounds spend walking from its base to its grids and back.
  double rounds_travel_h(std::uint32_t branch) const;
  Place street_base_, city_base_;
  std::vector<Place> comm_base_;    // per own community
  std::vector<Place> branch_base_;  // per branch
};

}  // namespace govsim
