// The discrete-event kernel: a 4-ary heap of timed events, and the timers scheduled since the
// last run kept aside as a run that is sorted once and merged with the heap.
//
// Events run in (t, seq) order, seq being the order in which they were scheduled: a total order,
// so the same events always run in the same order, whatever the thread that runs the queue.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "engine/prefetch.hpp"

namespace govsim {

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

// Event must have `double t`, an unsigned `seq` and an operator< on (t, seq). A seq narrower than
// 64 bits (a bit-field sharing its word with other fields) is declared by `static constexpr int
// kSeqBits`: the queue's counter must then stay below 2^kSeqBits, which at 56 bits is some 7e16
// events, years of events at a billion a second.
template <class Event>
class EventQueue {
 public:
  // Schedules an event; its seq is set here.
  void push(Event e) {
    stamp(e);
    heap_.push(e);
  }
  // Schedules a timer of a newly admitted item. Timers are merged with the heap when the queue
  // runs, so they run in the same order as if they had been pushed onto the heap, without the
  // heap's cost; those not due by the end of the run go to the heap.
  void push_timer(Event e) {
    stamp(e);
    timers_.push_back(e);
  }
  // Runs every event before t_end in order, calling handle(event); handle may push more.
  template <class Handle>
  void run_until(double t_end, Handle&& handle) {
    // Timers pushed in time order (as a bare queueing network does) need no sort.
    if (!std::is_sorted(timers_.begin(), timers_.end())) std::sort(timers_.begin(), timers_.end());
    std::size_t next = 0;
    while (true) {
      const bool from_heap =
          !heap_.empty() && (next == timers_.size() || heap_.top() < timers_[next]);
      if (from_heap) {
        if (!(heap_.top().t < t_end)) break;
        const Event e = heap_.top();
        heap_.pop();
        handle(e);
      } else {
        if (next == timers_.size() || !(timers_[next].t < t_end)) break;
        handle(timers_[next++]);
      }
    }
    for (std::size_t i = next; i < timers_.size(); ++i) heap_.push(timers_[i]);
    timers_.clear();
  }
  // Asks the memory for every pending event, in address order. A queue left since yesterday
  // (while other queues and phases ran) is mostly out of the cache, and each pop would
  // otherwise wait for its children's lines one at a time, in an order the hardware's
  // prefetcher cannot guess.
  void prefetch() const { prefetch_bytes(heap_.items().data(), heap_.size() * sizeof(Event)); }
  // Every pending event, for checkpoints (timers after the heap's items).
  std::vector<Event> pending() const {
    std::vector<Event> all = heap_.items();
    all.insert(all.end(), timers_.begin(), timers_.end());
    return all;
  }
  // Replaces the pending events and the sequence counter (from a checkpoint).
  void restore(std::vector<Event> events, std::uint64_t seq) {
    heap_.items() = std::move(events);
    heap_.restore();
    timers_.clear();
    seq_ = seq;
  }
  std::uint64_t seq() const { return seq_; }
  // The largest counter the events' seq holds (a checkpoint's must not be above it).
  static constexpr std::uint64_t max_seq() {
    if constexpr (requires { Event::kSeqBits; })
      return (std::uint64_t{1} << Event::kSeqBits) - 1;
    else
      return ~std::uint64_t{0};
  }

 private:
  void stamp(Event& e) {
    if constexpr (requires { Event::kSeqBits; })
      e.seq = seq_++ & max_seq();
    else
      e.seq = seq_++;
  }
  QuadHeap<Event> heap_;
  std::vector<Event> timers_;  // pushed since the last run, in scheduling order
  std::uint64_t seq_ = 0;
};

}  // namespace govsim
