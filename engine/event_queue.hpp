// The discrete-event kernel: a 4-ary heap of the timed events due soon, later ones kept in lists
// by bucket of time, and the timers scheduled since the last run kept aside; a run merges them.
//
// Events run in (t, seq) order, seq being the order in which they were scheduled: a total order,
// so the same events always run in the same order, whatever the thread that runs the queue.
#pragma once

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <functional>
#include <iterator>
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
//
// Where the events wait. The heap holds only events of the buckets of time (of the owner's
// width: a day for the handling units) that a run has reached. A later event waits unsorted in its
// bucket's list: a ring of lists for the next kRingBuckets buckets, and a heap of their own for
// those beyond. A run sorts the lists of the buckets it reaches once and merges them with the
// timers (one sorted run) and with the heap (a few such events beside many timers join the heap
// instead). An event scheduled days ahead (a case's lapse or worsening) so costs a place in a list
// and a share of a sort, not two passes through a heap of every pending event (a street office of
// the large city holds about two thousand). The events still run in (t, seq) order: the run and the
// heap are merged by it, and nothing due before a run's end is anywhere else.
template <class Event>
class EventQueue {
 public:
  static constexpr std::size_t kRingBuckets = 64;

  // `bucket_h`: the width of a bucket, in the unit of t: finite and above 0 (a day, for a
  // simulation whose runs end at midnights).
  explicit EventQueue(double bucket_h) : bucket_h_(bucket_h) {
    assert(bucket_h > 0 && std::isfinite(bucket_h));
  }

  // Schedules an event; its seq is set here.
  void push(Event e) {
    stamp(e);
    place(e, nullptr);
  }
  // Schedules a timer of a newly admitted item, between runs (not from within a run's handler:
  // it would wait for the next run). Timers wait in a list of their own until the queue runs; those
  // due in the run join it without the heap's cost (timers pushed in time order, as a bare queueing
  // network pushes them, need no sort), the later ones go to their buckets.
  void push_timer(Event e) {
    stamp(e);
    if (!timers_.empty() && e < timers_.back()) timers_sorted_ = false;
    timers_.push_back(e);
  }
  // Runs every event before t_end in order, calling handle(event); handle may push more (with
  // push, not push_timer).
  template <class Handle>
  void run_until(double t_end, Handle&& handle) {
    gather_run(t_end);
    std::size_t next = 0;
    while (true) {
      const bool from_heap = !heap_.empty() && (next == run_.size() || heap_.top() < run_[next]);
      if (from_heap) {
        if (!(heap_.top().t < t_end)) break;
        const Event e = heap_.top();
        heap_.pop();
        handle(e);
      } else {
        if (next == run_.size() || !(run_[next].t < t_end)) break;
        handle(run_[next++]);
      }
    }
    // The rest of the run (due after t_end, in a bucket that begins before it) waits in the heap.
    for (std::size_t i = next; i < run_.size(); ++i) heap_.push(run_[i]);
    run_.clear();
  }
  // Asks the memory for every event of the heap, in address order. A queue left since yesterday
  // (while other queues and phases ran) is mostly out of the cache, and each pop would
  // otherwise wait for its children's lines one at a time, in an order the hardware's
  // prefetcher cannot guess.
  void prefetch() const { prefetch_bytes(heap_.items().data(), heap_.size() * sizeof(Event)); }
  // Every pending event, for checkpoints: the heap's, the buckets' from the next one on, the
  // far ones', then the timers (restore() puts each where it belongs).
  std::vector<Event> pending() const {
    std::vector<Event> all = heap_.items();
    for (std::size_t k = 0; k < kRingBuckets; ++k) {
      const std::vector<Event>& list = ring_[ring_index(next_bucket_ + std::int64_t(k))];
      all.insert(all.end(), list.begin(), list.end());
    }
    all.insert(all.end(), far_.items().begin(), far_.items().end());
    all.insert(all.end(), timers_.begin(), timers_.end());
    return all;
  }
  // Replaces the pending events and the sequence counter (from a checkpoint).
  void restore(const std::vector<Event>& events, std::uint64_t seq) {
    heap_.items().clear();
    far_.items().clear();
    for (std::vector<Event>& list : ring_) list.clear();
    timers_.clear();
    timers_sorted_ = true;
    next_bucket_ = 0;
    next_start_ = 0;
    for (const Event& e : events) place(e, nullptr);
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
  // A day's bucket events join the heap instead of the run when the timers are this many times
  // as many (gather_run).
  static constexpr std::size_t kTimersPerHeapEvent = 16;
  // Puts into run_, sorted, every event of the buckets that begin before t_end and the timers
  // due in them (or, for a few bucket events beside many timers, the heap); the later timers go
  // to their buckets.
  void gather_run(double t_end) {
    run_.clear();
    // The ring holds the buckets from next_bucket_ on, so a run that reaches past all of them
    // empties each list once.
    const std::int64_t last = last_bucket_before(t_end);
    if (last >= next_bucket_) {
      const std::int64_t lists = std::min(last - next_bucket_ + 1, std::int64_t{kRingBuckets});
      for (std::int64_t b = next_bucket_; b < next_bucket_ + lists; ++b) {
        std::vector<Event>& list = ring_[ring_index(b)];
        run_.insert(run_.end(), list.begin(), list.end());
        list.clear();
      }
      next_bucket_ = last + 1;
    }
    next_start_ = double(next_bucket_) * bucket_h_;
    const std::int64_t ring_end = next_bucket_ + std::int64_t{kRingBuckets};
    while (!far_.empty() && bucket_of(far_.top().t) < ring_end) {
      place(far_.top(), &run_);
      far_.pop();
    }
    // The timers due in the run, in order; the later ones go to their buckets.
    const bool sorted = timers_sorted_;
    if (!sorted || (!timers_.empty() && !(timers_.back().t < next_start_))) {
      std::size_t due = 0;
      for (std::size_t i = 0; i < timers_.size(); ++i) {
        if (timers_[i].t < next_start_)
          timers_[due++] = timers_[i];
        else
          place(timers_[i], &run_);
      }
      timers_.resize(due);
      if (!sorted) std::sort(timers_.begin(), timers_.end());
    }
    // The buckets' events, sorted and merged with the timers; a few beside many timers (a bare
    // queueing network's services that end after midnight, some 8 against 190 arrivals) go to
    // the heap instead, which costs less than moving every timer once more. The ratio is a
    // choice between those two cases, not a tuned figure: the order is the same either way.
    if (run_.size() * kTimersPerHeapEvent <= timers_.size()) {
      for (const Event& e : run_) heap_.push(e);
      run_.clear();
      std::swap(run_, timers_);
    } else {
      if (!std::is_sorted(run_.begin(), run_.end())) std::sort(run_.begin(), run_.end());
      if (!timers_.empty()) {
        merged_.clear();
        std::merge(run_.begin(), run_.end(), timers_.begin(), timers_.end(),
                   std::back_inserter(merged_));
        std::swap(run_, merged_);
      }
    }
    timers_.clear();
    timers_sorted_ = true;
  }
  // Bucket b holds the times t with b w <= t < (b + 1) w (w = bucket_h_, each product rounded
  // once as a double), so that where an event waits does not hang on the rounding of a
  // division: an event is due before a run's end only if its bucket begins before it. Times
  // before 0 are in bucket -1 (before any run's buckets); past kLastBucket (some 10^15 days of
  // hours), in kLastBucket, with the far ones. A time must be a number (a checkpoint's are
  // checked): a NaN has no place in the order.
  static constexpr std::int64_t kLastBucket = std::int64_t{1} << 50;
  std::int64_t bucket_of(double t) const {
    if (t < 0) return -1;
    const double q = t / bucket_h_;
    if (!(q < double(kLastBucket))) return kLastBucket;
    auto b = static_cast<std::int64_t>(q);  // q >= 0: truncation is the floor
    if (double(b) * bucket_h_ > t)
      --b;
    else if (double(b + 1) * bucket_h_ <= t)
      ++b;
    return b;
  }
  // The last bucket that begins before t_end (-1 if none does).
  std::int64_t last_bucket_before(double t_end) const {
    if (!(t_end > 0)) return -1;
    const double q = std::ceil(t_end / bucket_h_) - 1;
    if (!(q < double(kLastBucket))) return kLastBucket;
    auto b = static_cast<std::int64_t>(q);
    if (double(b + 1) * bucket_h_ < t_end)
      ++b;
    else if (double(b) * bucket_h_ >= t_end)
      --b;
    return b;
  }
  static std::size_t ring_index(std::int64_t bucket) {
    return static_cast<std::size_t>(bucket) % kRingBuckets;
  }
  // Puts an event where it waits: if its bucket has joined a run, in `run` (a run about to be
  // sorted) or else the heap; otherwise in its bucket's list, or with the far ones. A time
  // before next_start_ is in a bucket before next_bucket_; the buckets are computed only for
  // the others (of which only those past kLastBucket can be before next_bucket_).
  void place(const Event& e, std::vector<Event>* run) {
    const std::int64_t b = e.t < next_start_ ? next_bucket_ - 1 : bucket_of(e.t);
    if (b < next_bucket_) {
      if (run != nullptr)
        run->push_back(e);
      else
        heap_.push(e);
    } else if (b < next_bucket_ + std::int64_t{kRingBuckets}) {
      ring_[ring_index(b)].push_back(e);
    } else {
      far_.push(e);
    }
  }
  void stamp(Event& e) {
    if constexpr (requires { Event::kSeqBits; })
      e.seq = seq_++ & max_seq();
    else
      e.seq = seq_++;
  }
  double bucket_h_;
  QuadHeap<Event> heap_;                               // of the buckets a run has reached
  std::array<std::vector<Event>, kRingBuckets> ring_;  // bucket b's events at b % kRingBuckets
  QuadHeap<Event> far_;                                // kRingBuckets buckets ahead and more
  std::int64_t next_bucket_ = 0;                       // the first bucket no run has reached
  double next_start_ = 0;                              // its start, next_bucket_ w
  std::vector<Event> timers_;                          // pushed since the last run
  bool timers_sorted_ = true;                          // and pushed in (t, seq) order
  std::vector<Event> run_, merged_;                    // the run's events, sorted; scratch
  std::uint64_t seq_ = 0;
};

}  // namespace govsim
