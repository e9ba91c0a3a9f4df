// Runs the simulation on its own thread. The UI sends commands (they queue and return at once)
// and reads the latest Snapshot (a shared pointer swapped under a mutex held for a pointer copy);
// it never waits for a day to finish. In compare mode the thread steps two Simulations of the
// same city and seed in lockstep, so they always show the same day.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "model/params.hpp"
#include "viz/snapshot.hpp"

namespace govsim::viz {

class SimThread {
 public:
  // threads: worker threads of each simulation's executor (0 = every core but one, for the UI).
  // Commands sent before start() are applied before the first city is built, so that a lesson
  // or a compare design given on the command line does not build a city twice.
  SimThread(Scenario scenario, int threads);
  void start();
  ~SimThread();  // stops the thread and joins it
  SimThread(const SimThread&) = delete;
  SimThread& operator=(const SimThread&) = delete;

  // Commands. Each returns its sequence number; Snapshot::acknowledged reaches it once applied.
  std::uint64_t play(bool on);
  std::uint64_t step();                             // one day, then pause
  std::uint64_t set_speed(double days_per_second);  // 0 = as fast as possible
  std::uint64_t run_until(std::int64_t day);        // as fast as possible, pause at `day`
  std::uint64_t reset(std::uint64_t seed);          // day 0, the designs as loaded
  std::uint64_t set_governance(int lane, const GovernanceConfig& governance,
                               const std::string& summary);  // from the next day
  // A scenario by shipped name or path, with --set style overrides; failures go to
  // Snapshot::error and leave the running scenario alone.
  std::uint64_t load(const std::string& name_or_path, const std::vector<std::string>& overrides);
  std::uint64_t load_scenario(Scenario scenario);
  std::uint64_t load_lesson(const std::string& name_or_path);
  // Compare mode: design B is the governance (and changes) of this scenario, run on design A's
  // city with A's seed. "" ends compare mode. Both runs restart from day 0.
  std::uint64_t set_compare(const std::string& name_or_path);

  // The grid whose details the snapshots carry (-1 for none). Takes effect at the next publish.
  void select_grid(int grid);

  std::shared_ptr<const Snapshot> latest() const;

  struct State;  // the running simulations; defined in sim_thread.cpp

 private:
  using Command = std::function<void(State&)>;
  std::uint64_t push(Command command);
  void run();

  std::unique_ptr<State> state_;  // touched only by the simulation thread
  mutable std::mutex mutex_;      // guards queue_, snapshot_, next_seq_
  std::condition_variable wake_;
  std::deque<std::pair<std::uint64_t, Command>> queue_;
  std::uint64_t next_seq_ = 1;
  std::shared_ptr<const Snapshot> snapshot_;
  std::atomic<bool> quit_{false};
  std::atomic<int> selected_{-1};
  std::thread thread_;
};

}  // namespace govsim::viz
