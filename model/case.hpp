// A case: one problem of one resident, from the moment it arises to its closure.
#pragma once

#include <array>
#include <cstdint>

#include "model/params.hpp"

namespace govsim {

enum class Domain : std::uint8_t {
  Dispute,         // 矛盾纠纷: neighbour, family, property
  Administrative,  // 行政服务
  Livelihood,      // 民生服务
  Environment,     // 环境卫生
  Safety,          // 平安建设: public-safety hazards
  Emergency,       // 应急管理
};
inline constexpr int kDomains = 6;
inline constexpr std::array<const char*, kDomains> kDomainNames{
    "dispute", "administrative", "livelihood", "environment", "safety", "emergency"};

enum class Tier : std::uint8_t { Small, Big, Hard };
inline constexpr int kTiers = 3;
inline constexpr std::array<const char*, kTiers> kTierNames{"small", "big", "hard"};

enum class Channel : std::uint8_t { None, Resident, Volunteer, Rounds, Platform };

enum class CaseState : std::uint8_t {
  Unreported,  // arisen, nobody in the system knows yet
  InTransit,   // reported, on its way to a desk (dispatch or hand-off)
  Queued,      // waiting at a desk
  InService,   // a handler is working on it
  Processing,  // handler done, waiting on parties and paperwork
  Closed,
};

// A dispute's other party when it is nobody in the grid (an employer, a business, a landlord
// living elsewhere), and the flags of a case's people (MODEL.md 7.24).
inline constexpr std::uint32_t kNoParty = 0xFFFFFFFFu;
enum PeopleFlag : std::uint8_t {
  kRepeatDispute = 1u << 0,  // the same pair disputed before (a relapse or a repeat)
  kCrisis = 1u << 1,         // flagged for a counsellor
  kCounselled = 1u << 2,     // a counsellor has seen the parties
  kEscalated = 1u << 3,      // escalated into an incident (once)
  kNeedsCounsel = 1u << 4,   // bound for a counsellor, not yet seen
  kIncident = 1u << 5,       // this case is an incident that arose from a dispute
};
// Sequence blocks of a grid-day after the six domains: incidents and repeated disputes.
inline constexpr std::uint32_t kIncidentBlock = 6;
inline constexpr std::uint32_t kRepeatBlock = 7;

// Case ids are (grid, day, sequence within the grid's day): deterministic, whatever the threads.
// The sequence is stored plus one, so that no case has id 0, which marks a free slot. Each
// domain has its own block of kMaxCasesPerDomainDay sequence numbers.
inline constexpr std::uint32_t kMaxCasesPerDomainDay = 0x1FFF;
inline constexpr std::uint32_t kMaxCasesPerGridDay = 0xFFFE;  // the sequence numbers of a grid-day
inline std::uint64_t make_case_id(std::uint32_t grid, std::uint32_t day, std::uint32_t seq) {
  return (static_cast<std::uint64_t>(grid) << 32) | (static_cast<std::uint64_t>(day) << 16) |
         (seq + 1);
}
inline std::uint32_t case_grid(std::uint64_t id) { return static_cast<std::uint32_t>(id >> 32); }

// A newly arisen case with its pre-report life already drawn; the handling unit takes it from
// here. Times are hours since the start of the run.
struct NewCase {
  std::uint64_t id;
  std::uint32_t resident;
  Domain domain;
  Tier tier;
  Channel channel;    // channel that reports it, None if nobody ever does
  std::uint8_t kind;  // a dispute's kind (index into kDisputeKindNames); 0 for other domains
  double t_arise;
  double t_report;   // +inf if never reported
  double t_worsen1;  // +inf if it does not worsen
  double t_worsen2;
  double t_lapse;   // when it is dropped if still not handled
  double t_settle;  // when the parties settle it among themselves (small disputes), else +inf
  // People (MODEL.md 7.24): a dispute's other party (kNoParty if outside the grid) and flags.
  std::uint32_t counterpart = kNoParty;
  std::uint8_t people = 0;  // PeopleFlag bits
};

struct Case {                     // bytes
  std::uint64_t id;               // 8
  double t_arise;                 // 8  hours since run start
  double t_report;                // 8
  double t_first;                 // 8  first response; NaN until then
  double t_enqueue;               // 8  joined its current queue
  double t_level;                 // 8  joined its current level's system (queue + service)
  double t_lapse;                 // 8
  double deadline;                // 8  absolute
  double process_h;               // 8  current attempt: elapsed time after the handler's work
  std::uint32_t resident;         // 4
  std::uint32_t grid;             // 4
  std::uint32_t epoch;            // 4  bumps invalidate queue entries and timers
  std::int32_t pool;              // 4  current pool, -1 if none
  std::int64_t server;            // 8  current handler (roster index or resident id), -1 if none
  std::uint16_t hops;             // 2  routing decisions so far
  std::uint16_t attempts;         // 2  handling attempts so far
  Domain domain;                  // 1
  Tier tier;                      // 1  current severity
  Tier origin_tier;               // 1
  Level level;                    // 1  level it is at or heading to
  Channel channel;                // 1
  CaseState state;                // 1
  std::uint8_t bounces;           // 1
  bool left_grid;                 // 1
  bool reached_street;            // 1
  bool succeeds;                  // 1  current attempt: settles the case or not
  bool needs_intake;              // 1  bound for an intake desk, not yet registered there
  std::uint8_t kind;              // 1  a dispute's kind (kDisputeKindNames); 0 otherwise
  std::uint8_t path_len;          // 1  desks reached so far (the first kMaxPath are kept)
  std::array<Level, 6> path;      // 6  level of each desk reached
  std::array<float, 6> path_t_h;  // 24 hours after arising at which it reached each desk
  std::uint32_t counterpart;      // 4  a dispute's other party, kNoParty if none in the grid
  std::uint8_t people;            // 1  PeopleFlag bits
};
inline constexpr std::size_t kMaxPath = 6;

// A closed case with its path through the tiers, for the GUI's inspector and case flows.
struct CaseTrace {
  std::uint64_t id;
  std::uint32_t grid;
  Domain domain;
  Tier origin_tier;
  Tier tier;
  Channel channel;
  bool dropped;
  bool settled;
  std::uint8_t bounces;
  std::uint8_t path_len;
  std::array<Level, kMaxPath> path;
  std::array<float, kMaxPath> path_t_h;
  double t_arise, t_report, t_first, t_closed;  // NaN where it never happened
};

// A case moving from one level to another (escalation, or a bounce back down).
struct CaseMove {
  std::uint32_t grid;
  Level from;
  Level to;
  double t;
};

}  // namespace govsim
