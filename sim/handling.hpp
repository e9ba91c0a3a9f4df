// Case handling: a discrete-event simulation in continuous time (hours since the start of the
// run) for one handling unit — a street office with its communities and grids, which shares no
// staff or cases with any other unit. Units run in parallel; each processes its events in
// timestamp order, ties broken by insertion order, which is itself deterministic.
//
// The unit owns every case of its grids from the moment it arises: reporting, routing,
// queueing at a desk with priorities, service within working hours, escalation, bounces between
// departments, worsening and lapse, and closure with feedback to the resident.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <queue>
#include <vector>

#include "agents/residents.hpp"
#include "agents/staff.hpp"
#include "agents/volunteers.hpp"
#include "engine/numeric.hpp"
#include "model/case.hpp"
#include "model/city.hpp"
#include "model/params.hpp"

namespace govsim {

class CheckpointWriter;
class CheckpointReader;

// A priority queue whose items can be saved and restored exactly as they lie.
template <class T, class Cmp = std::less<T>>
struct Heap : std::priority_queue<T, std::vector<T>, Cmp> {
  std::vector<T>& items() { return this->c; }
  const std::vector<T>& items() const { return this->c; }
};

// A 4-ary min-heap on T's operator<: half the depth of a binary heap, and each step moves an
// item once into a hole instead of swapping. For a total order the items come out in the same
// order as from any other priority queue. items() may be written directly (checkpoints), after
// which restore() makes it a heap again.
template <class T>
class QuadHeap {
 public:
  bool empty() const { return a_.empty(); }
  std::size_t size() const { return a_.size(); }
  const T& top() const { return a_.front(); }
  void push(const T& x) {
    std::size_t hole = a_.size();
    a_.push_back(x);
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / 4;
      if (!(x < a_[parent])) break;
      a_[hole] = a_[parent];
      hole = parent;
    }
    a_[hole] = x;
  }
  void pop() {
    const T last = a_.back();
    a_.pop_back();
    if (!a_.empty()) sift_down(0, last);
  }
  std::vector<T>& items() { return a_; }
  const std::vector<T>& items() const { return a_; }
  void restore() {
    for (std::size_t i = a_.size() / 4 + 1; i-- > 0;)
      if (i < a_.size()) sift_down(i, T(a_[i]));
  }

 private:
  void sift_down(std::size_t hole, const T& x) {
    const std::size_t n = a_.size();
    while (true) {
      const std::size_t first = 4 * hole + 1;
      if (first >= n) break;
      const std::size_t end = first + 4 < n ? first + 4 : n;
      std::size_t best = first;
      for (std::size_t c = first + 1; c < end; ++c)
        if (a_[c] < a_[best]) best = c;
      if (!(a_[best] < x)) break;
      a_[hole] = a_[best];
      hole = best;
    }
    a_[hole] = x;
  }
  std::vector<T> a_;
};

// Whole-run totals of one grid, kept by the unit that owns the grid.
struct GridTotals {
  std::int64_t cases = 0, disputes = 0, reported = 0, resolved = 0, dropped = 0;
  std::int64_t escalated = 0, bounced = 0;
  double response_sum_h = 0, resolution_sum_h = 0;
  std::int64_t responses = 0;
  std::int64_t open_hazards = 0;  // open safety, emergency and sanitation cases
  std::int64_t open_disputes = 0;
  std::int64_t open = 0;
  double satisfaction_today = 0;  // sum over cases closed today
  std::int64_t closed_today = 0;
};

// Queueing books of one level (grid, community or street) for one day: the queue is the wait
// at a desk, the system is the wait plus the handler's work. For Little's law and the
// queueing-network checks.
struct LevelDay {
  std::int64_t arrivals = 0;     // cases joining a desk's queue
  std::int64_t queue_exits = 0;  // cases leaving a queue: to a handler, or escalated, or dropped
  std::int64_t departures = 0;   // cases leaving the level's system
  double wait_sum_h = 0;         // over queue exits
  double sojourn_sum_h = 0;      // over departures
  double queue_area = 0;         // integral of the number waiting, case-hours
  double system_area = 0;        // integral of the number waiting or in service
};

// What one unit saw during one day. Combined over units in unit order.
struct UnitDay {
  std::int64_t reported[5] = {0, 0, 0, 0, 0};          // by Channel
  std::int64_t reported_requests = 0;                  // reported cases other than disputes
  std::int64_t reported_disputes[kDisputeKinds] = {};  // by kind
  std::int64_t reported_tier[3] = {0, 0, 0};           // by severity when reported
  std::int64_t hazards_found = 0;                      // safety, environment and emergencies
  double hazard_detect_sum_h = 0;                      // arising to report, summed over those
  std::int64_t first_responses = 0, resolved = 0, escalated = 0, bounced = 0, dropped = 0;
  std::int64_t worsened = 0, disputes_resolved = 0, disputes_settled_in_grid = 0;
  std::int64_t mediations = 0, mediation_agreements = 0;
  std::int64_t within_deadline = 0, small_resolved = 0, small_stayed_in_grid = 0;
  std::int64_t reached_street = 0;
  double resolution_sum_h = 0, handoff_sum_h = 0;
  std::int64_t handoffs = 0;
  LevelDay level[3];                 // by Level
  double busy_h[3] = {0, 0, 0};      // by Level
  double capacity_h[3] = {0, 0, 0};  // by Level
  std::vector<double> response_h;    // every first response today
  std::vector<double> resolution_h;  // every resolution today
  std::vector<CaseTrace> closed;     // cases closed today, when tracing
  std::vector<CaseMove> moves;       // moves between levels today, when tracing
};

// The parts of the world a unit may write: only the entries of its own grids.
struct UnitContext {
  Residents* residents;
  std::vector<GridVolunteers>* volunteers;
  std::vector<std::vector<Feedback>>* feedback;
  std::vector<GridTotals>* grid_totals;
};

class HandlingUnit {
 public:
  // ctx's vectors must outlive the unit and keep their size.
  HandlingUnit(const City& city, std::uint32_t street, const ModelConfig& model, std::uint64_t seed,
               UnitContext ctx);

  // Puts a design in force at time `now`: plans the roster and desks, and sends every case
  // waiting at a desk through the new routing.
  void apply_design(const GovernanceConfig& gov, double now);
  // Starts a day: today's volunteer duty roster becomes desks, utilisation counters reset.
  void begin_day(std::int64_t day);
  void admit(const NewCase& c);
  void run_until(double t_end);
  // Moves today's figures into `out` and resets them (reusing the memory of out's lists).
  void take_day(UnitDay& out);

  std::int64_t open_cases() const { return open_; }
  // Cases waiting or in service at a level's desks now.
  std::int64_t in_system(int level) const { return in_system_[level]; }
  std::int64_t unreported_open() const { return unreported_; }
  // Reported, not yet closed: count and summed age at time `now`.
  void backlog(double now, std::int64_t& count, double& age_sum_h) const;
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
    Wake
  };
  struct Event {
    double t;
    std::uint64_t seq;
    std::uint64_t id;     // case id (0 for pool events)
    std::uint32_t index;  // case slot, or pool
    std::uint32_t aux;    // epoch, or design generation
    Ev type;
    Level level;
    bool operator>(const Event& o) const { return t != o.t ? t > o.t : seq > o.seq; }
    bool operator<(const Event& o) const { return t != o.t ? t < o.t : seq < o.seq; }
  };
  enum class PoolKind : std::uint8_t {
    Volunteers,
    GridWorkers,
    Community,
    CommunityMediators,
    Street,
    StreetMediators
  };
  struct Slot {
    std::uint64_t agent;  // roster index, or resident id for volunteers
    double free_at;
    bool on_duty;
    bool carried = false;  // busy with a case from a previous design: no event will wake the desk
  };
  struct Entry {
    std::uint8_t priority;
    double deadline;
    std::uint64_t id;
    std::uint32_t slot;
    std::uint32_t epoch;
    bool operator<(const Entry& o) const {  // std::priority_queue pops the largest
      if (priority != o.priority) return priority > o.priority;
      if (deadline != o.deadline) return deadline > o.deadline;
      return id > o.id;
    }
  };
  struct Pool {
    PoolKind kind;
    Level level;
    std::uint32_t home;  // grid, branch's first grid, community or street
    double shift_start_h;
    double shift_len_h;
    double work_rate;  // share of working time that goes to cases
    std::vector<Slot> slots;
    Heap<Entry> queue;
    std::int64_t waiting = 0;
    double wake_at = kInf;
  };

  void schedule(double t, Ev type, std::uint64_t id, std::uint32_t index, std::uint32_t aux,
                Level level = Level::Grid);
  void handle(const Event& e);
  void on_report(Case& c, std::uint32_t slot, double t);
  void on_worsen(Case& c, double t);
  void on_lapse(Case& c, std::uint32_t slot, double t);
  void on_arrive(Case& c, std::uint32_t slot, Level level, double t);
  void on_service_done(Case& c, std::uint32_t slot, std::uint32_t gen, double t);
  void on_resolve(Case& c, std::uint32_t slot, double t);
  void on_escalate_check(Case& c, std::uint32_t slot, std::uint32_t epoch, double t);
  void route(Case& c, std::uint32_t slot, Level level, double t, bool initial);
  void escalate(Case& c, std::uint32_t slot, double t);
  // Joins the desk's books; `wait`: also its queue (else a handler takes it at once).
  void enqueue(Case& c, std::uint32_t slot, int pool, double t, bool wait);
  void unqueue(Case& c, double t);
  void touch_books(int level, double t);
  void leave_queue(const Case& c, double t);
  void leave_system(const Case& c, double t);
  void try_dispatch(int pool, double t);
  // Index of the first slot from `from` on that can start a case at t, or slots.size().
  std::size_t first_available(const Pool& p, double t, std::size_t from) const;
  void start_service(Case& c, std::uint32_t slot, int pool, std::size_t server, double t);
  void close(Case& c, std::uint32_t slot, double t, bool dropped, bool settled);
  int select_pool(const Case& c, Level level) const;
  bool slot_available(const Pool& p, const Slot& s, double t) const;
  double next_available(const Pool& p, const Slot& s, double t) const;
  double work_until(const Pool& p, double t, double work_h) const;
  double success_probability(const Case& c, const Pool& p, const Slot& s) const;
  double effort_factor(const Case& c, const Pool& p, const Slot& s) const;
  double handoff_mean_h() const;
  void build_pools(const std::map<std::uint64_t, double>& busy_until);
  Level level_for(Tier tier) const;

  const City& city_;
  const ModelConfig& model_;
  UnitContext ctx_;
  std::uint32_t street_;
  std::uint32_t g0_, g1_, c0_, c1_;  // own grids and communities
  std::uint64_t seed_;
  GovernanceConfig gov_;
  std::uint32_t generation_ = 0;  // bumps when the design changes

  Roster roster_;
  std::vector<Branch> branches_;
  std::vector<Pool> pools_;
  std::vector<int> vol_pool_, branch_pool_, comm_pool_, comm_med_pool_, dept_pool_;
  int street_pool_ = -1, street_med_pool_ = -1;
  int queue_pool_[3] = {-1, -1, -1};
  std::vector<std::uint32_t> branch_of_grid_;

  std::vector<Case> cases_;
  std::vector<std::uint32_t> free_;
  QuadHeap<Event> events_;
  // Timers scheduled by admit() since the last run_until, in scheduling order. They are merged
  // with the heap in (t, seq) order, so the events run in the same order as if they had been
  // pushed onto the heap, without the heap's cost; those not due by the end of the run go to
  // the heap.
  std::vector<Event> admitted_;
  std::uint64_t seq_ = 0;
  std::int64_t open_ = 0, unreported_ = 0;
  UnitDay day_;
  bool tracing_ = false;
  std::int64_t in_queue_[3] = {0, 0, 0}, in_system_[3] = {0, 0, 0};
  double books_t_[3] = {0, 0, 0};
};

}  // namespace govsim
