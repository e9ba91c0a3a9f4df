#include "viz/sim_thread.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <optional>
#ifdef __linux__
#include <pthread.h>
#endif

#include "engine/executor.hpp"
#include "engine/i18n.hpp"
#include "scenarios/lesson.hpp"
#include "scenarios/loader.hpp"
#include "sim/observation.hpp"
#include "sim/simulation.hpp"
#include "viz/lane_stats.hpp"

namespace govsim::viz {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kPublishInterval = std::chrono::milliseconds(25);  // 40 a second at most
constexpr auto kSummaryInterval = std::chrono::milliseconds(1000);
constexpr auto kSpeedWindow = std::chrono::milliseconds(500);

// Design B runs on design A's city, run settings and model, with its own governance and changes
// (those that fall inside A's run).
Scenario with_design(const Scenario& base, const Scenario& design) {
  Scenario s = base;
  s.name = design.name;
  s.description = design.description;
  s.governance = design.governance;
  s.changes.clear();
  for (const PolicyChange& c : design.changes)
    if (c.day >= 1 && c.day < s.run.days) s.changes.push_back(c);
  return s;
}

}  // namespace

struct Lane {
  Scenario scenario;
  std::unique_ptr<Simulation> sim;
  std::unique_ptr<LaneStats> stats;
  SeriesLog log;
  std::vector<PolicyMarker> markers;
  RunSummary summary;
};

struct SimThread::State {
  Scenario base;                   // design A as loaded
  std::optional<Scenario> design;  // design B as loaded (its governance and changes count)
  std::shared_ptr<const Lesson> lesson;
  std::unique_ptr<Executor> executor;
  std::vector<Lane> lanes;
  std::shared_ptr<const City> city;
  std::shared_ptr<const Scenario> scenario;
  std::uint64_t generation = 0, version = 0, acknowledged = 0;
  bool playing = false;
  double speed = 0;
  std::int64_t stop_at = -1;
  bool lesson_stop_passed = false;  // the lesson's stop_at_day was reached (or skipped) this run
  std::string message, error;
  bool publish_now = true;  // a command changed what the UI shows
  bool stepped = false;     // days ran since the last publish
  Clock::time_point next_step = Clock::now(), last_publish{}, last_summary{};
  Clock::time_point window_start = Clock::now();
  std::int64_t window_days = 0;
  double measured_speed = 0;
  std::function<void()> announce_loading;  // a rebuild can take a while: tell the UI first

  bool done() const { return !lanes.empty() && lanes.front().sim->done(); }
  std::int64_t day() const { return lanes.empty() ? 0 : lanes.front().sim->day(); }
};

namespace {

void rebuild(SimThread::State& s);

}  // namespace

SimThread::SimThread(Scenario scenario, int threads) : state_(std::make_unique<State>()) {
  if (threads <= 0) {
    threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()) - 1);
  }
  state_->executor = make_tbb_executor(threads);
  state_->base = std::move(scenario);
  snapshot_ = std::make_shared<Snapshot>();
  state_->announce_loading = [this] {
    std::lock_guard<std::mutex> lock(mutex_);
    auto busy = std::make_shared<Snapshot>(*snapshot_);
    busy->loading = true;
    snapshot_ = std::move(busy);
  };
}

void SimThread::start() {
  if (!thread_.joinable()) thread_ = std::thread([this] { run(); });
}

SimThread::~SimThread() {
  quit_ = true;
  { std::lock_guard<std::mutex> lock(mutex_); }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::uint64_t SimThread::push(Command command) {
  std::uint64_t seq;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    seq = next_seq_++;
    queue_.emplace_back(seq, std::move(command));
  }
  wake_.notify_all();
  return seq;
}

std::shared_ptr<const Snapshot> SimThread::latest() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return snapshot_;
}

void SimThread::select_grid(int grid) {
  if (selected_.exchange(grid) != grid) {
    push([](State& s) { s.publish_now = true; });
  }
}

std::uint64_t SimThread::play(bool on) {
  return push([on](State& s) {
    s.playing = on && !s.done();
    s.stop_at = -1;
    s.next_step = Clock::now();
  });
}

std::uint64_t SimThread::step() {
  return push([](State& s) {
    s.stop_at = s.day() + 1;
    s.playing = !s.done();
    s.next_step = Clock::now();
  });
}

std::uint64_t SimThread::set_speed(double days_per_second) {
  return push([days_per_second](State& s) {
    s.speed = std::max(0.0, days_per_second);
    s.next_step = Clock::now();
  });
}

std::uint64_t SimThread::run_until(std::int64_t day) {
  return push([day](State& s) {
    s.stop_at = day;
    s.lesson_stop_passed = true;  // an explicit day to run to wins over the lesson's
    s.speed = 0;
    s.playing = s.day() < day && !s.done();
  });
}

std::uint64_t SimThread::reset(std::uint64_t seed) {
  return push([seed](State& s) {
    s.base.run.seed = seed;
    s.playing = false;
    rebuild(s);
    s.message = i18n::tr("reset to day 0 with seed ") + std::to_string(seed);
  });
}

std::uint64_t SimThread::set_governance(int lane, const GovernanceConfig& governance,
                                        const std::string& summary) {
  return push([lane, governance, summary](State& s) {
    if (lane < 0 || static_cast<std::size_t>(lane) >= s.lanes.size()) return;
    s.lanes[static_cast<std::size_t>(lane)].sim->set_governance(governance, summary);
    s.message = summary + i18n::tr(" from day ") + std::to_string(s.day() + 1);
  });
}

std::uint64_t SimThread::load(const std::string& name_or_path,
                              const std::vector<std::string>& overrides) {
  return push([name_or_path, overrides](State& s) {
    try {
      Scenario loaded = govsim::load_scenario(name_or_path, overrides);
      s.base = std::move(loaded);
      s.lesson.reset();
      s.playing = false;
      rebuild(s);
      s.message = i18n::tr("loaded ") + s.base.name;
    } catch (const std::exception& e) {
      s.error = e.what();
    }
  });
}

std::uint64_t SimThread::load_scenario(Scenario scenario) {
  return push([scenario = std::move(scenario)](State& s) {
    s.base = scenario;
    s.lesson.reset();
    s.playing = false;
    rebuild(s);
    s.message = i18n::tr("loaded ") + s.base.name;
  });
}

std::uint64_t SimThread::load_lesson(const std::string& name_or_path) {
  return push([name_or_path](State& s) {
    try {
      auto lesson = std::make_shared<Lesson>(govsim::load_lesson(name_or_path));
      s.base = lesson->resolved;
      if (lesson->compare.empty()) {
        s.design.reset();
      } else {
        s.design = lesson->compare_resolved;
      }
      s.lesson = std::move(lesson);
      s.playing = false;
      rebuild(s);
      s.message = i18n::tr("lesson: ") + s.lesson->title.shown();
    } catch (const std::exception& e) {
      s.error = e.what();
    }
  });
}

std::uint64_t SimThread::set_compare(const std::string& name_or_path) {
  return push([name_or_path](State& s) {
    try {
      if (name_or_path.empty()) {
        s.design.reset();
      } else {
        s.design = govsim::load_scenario(name_or_path);
      }
      s.playing = false;
      rebuild(s);
      s.message =
          s.design ? i18n::tr("comparing with ") + s.design->name : i18n::tr("compare mode off");
    } catch (const std::exception& e) {
      s.error = e.what();
    }
  });
}

namespace {

void rebuild(SimThread::State& s) {
  if (s.announce_loading) s.announce_loading();
  s.lesson_stop_passed = false;
  std::vector<Scenario> designs{s.base};
  if (s.design) designs.push_back(with_design(s.base, *s.design));
  std::vector<Lane> lanes;
  try {
    for (Scenario& d : designs) {
      Lane lane;
      lane.scenario = std::move(d);
      lane.sim = std::make_unique<Simulation>(lane.scenario, *s.executor);
      lane.sim->set_tracing(true);
      lane.stats = std::make_unique<LaneStats>(lane.sim->observe().city());
      lanes.push_back(std::move(lane));
    }
  } catch (const std::exception& e) {
    s.error = e.what();
    return;
  }
  s.lanes = std::move(lanes);
  s.city = std::make_shared<const City>(s.lanes.front().sim->observe().city());
  s.scenario = std::make_shared<const Scenario>(s.base);
  ++s.generation;
  s.error.clear();
  s.measured_speed = 0;
  s.window_days = 0;
  s.window_start = Clock::now();
  s.last_summary = {};
}

void step_all(SimThread::State& s) {
  for (Lane& lane : s.lanes) {
    const std::string changes = lane.sim->observe().coming_changes();
    lane.sim->step();
    lane.stats->after_step(lane.sim->observe());
    const DayMetrics& today = lane.sim->series().back();
    lane.log.push(today);
    if (today.policy_change) lane.markers.push_back({today.day, changes});
  }
  s.stepped = true;
  ++s.window_days;
}

}  // namespace

void SimThread::run() {
#ifdef __linux__
  pthread_setname_np(pthread_self(), "govsim-sim");  // for top and perf
#endif
  State& s = *state_;
  bool built = false;
  while (!quit_) {
    std::deque<std::pair<std::uint64_t, Command>> commands;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      commands.swap(queue_);
    }
    for (auto& [seq, command] : commands) {
      command(s);
      s.acknowledged = seq;
      s.publish_now = true;
    }
    if (!built) {  // the scenario given at construction, unless a command built another
      if (s.lanes.empty()) rebuild(s);
      built = true;
      s.publish_now = true;
    }

    const auto now = Clock::now();
    if (s.playing && !s.lanes.empty() && !s.done() && (s.speed <= 0 || now >= s.next_step)) {
      step_all(s);
      if (s.speed > 0) {
        const auto period = std::chrono::duration_cast<Clock::duration>(
            std::chrono::duration<double>(1.0 / s.speed));
        // After a stall (a rebuild, a slow day) do not try to catch up in a burst.
        s.next_step = std::max(s.next_step + period, now - period);
      }
      if (s.stop_at >= 0 && s.day() >= s.stop_at) {
        s.playing = false;
        s.stop_at = -1;
        s.publish_now = true;
      }
      // A lesson pauses by itself on the day its question is about, once a run.
      if (s.lesson && s.lesson->stop_at_day >= 0 && !s.lesson_stop_passed &&
          s.day() >= s.lesson->stop_at_day) {
        s.lesson_stop_passed = true;
        s.playing = false;
        s.publish_now = true;
        char text[160];
        std::snprintf(text, sizeof text,
                      i18n::tr("paused on day %lld, the day the lesson's question is about"),
                      static_cast<long long>(s.day()));
        s.message = text;
      }
    }
    if (s.playing && s.done()) {
      s.playing = false;
      s.publish_now = true;
    }
    if (now - s.window_start >= kSpeedWindow) {
      s.measured_speed =
          double(s.window_days) / std::chrono::duration<double>(now - s.window_start).count();
      s.window_start = now;
      s.window_days = 0;
    }

    const bool due = s.stepped && now - s.last_publish >= kPublishInterval;
    if (s.publish_now || due || (s.stepped && !s.playing)) {
      auto snap = std::make_shared<Snapshot>();
      snap->generation = s.generation;
      snap->version = ++s.version;
      snap->acknowledged = s.acknowledged;
      snap->city = s.city;
      snap->scenario = s.scenario;
      snap->lesson = s.lesson;
      snap->day = s.day();
      snap->days = s.base.run.days;
      snap->playing = s.playing;
      snap->done = s.done();
      snap->speed = s.speed;
      snap->measured_speed = s.playing ? s.measured_speed : 0.0;
      snap->seed = s.base.run.seed;
      snap->message = s.message;
      snap->error = s.error;
      const bool fresh_summary = !s.playing || now - s.last_summary >= kSummaryInterval;
      if (fresh_summary) s.last_summary = now;
      const int selected = selected_.load();
      for (Lane& lane : s.lanes) {
        LaneView v;
        const Observation w = lane.sim->observe();
        v.label = lane.scenario.name;
        v.initial = lane.scenario.governance;
        v.governance = lane.sim->governance();
        if (const GovernanceConfig* pending = w.pending_design()) v.pending = *pending;
        v.series = lane.log.view();
        v.markers = lane.markers;
        lane.stats->fill(w, selected, v);
        if (fresh_summary) lane.summary = lane.sim->summary();
        v.summary = lane.summary;
        snap->lanes.push_back(std::move(v));
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        snapshot_ = std::move(snap);
      }
      s.last_publish = now;
      s.publish_now = false;
      s.stepped = false;
    }

    std::unique_lock<std::mutex> lock(mutex_);
    if (!queue_.empty() || quit_) continue;
    if (!s.playing || s.done() || s.lanes.empty()) {
      wake_.wait(lock, [&] { return !queue_.empty() || quit_; });
    } else if (s.speed > 0) {
      // Wake for the next day, or for the next publish of the current speed reading.
      wake_.wait_until(lock, s.next_step, [&] { return !queue_.empty() || quit_.load(); });
    }
  }
}

}  // namespace govsim::viz
