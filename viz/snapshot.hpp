// What the simulation thread hands the UI: an immutable Snapshot, published after a day (at most
// about 60 times a second), which the UI reads without locks and without ever waiting for the
// simulation. Everything in it is a copy or shared read-only data.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/i18n.hpp"
#include "model/case.hpp"
#include "model/city.hpp"
#include "model/params.hpp"
#include "sim/metrics.hpp"

namespace govsim {
struct Lesson;
}

namespace govsim::viz {

// The per-grid figures the map can be coloured by.
enum class MapMetric : int {
  DisputeRate,
  Backlog,
  MedianResponse,
  Trust,
  Gain,
  Happiness,
  Security,
  Incidents,       // incidents that arose from disputes (民转刑, MODEL.md 7.24), so far
  StreetDistance,  // how far a street official goes to reach the grid (MODEL.md 7.25)
};
inline constexpr int kMapMetrics = 9;

struct MetricInfo {
  const char* key;        // for --metric
  const char* label;      // for menus, legends and read-outs
  const char* unit;       // "" when dimensionless
  const char* note;       // how it is measured, for the legend
  const char* format;     // printf format of one value
  bool higher_is_better;  // picks the direction of the colour scale
};

inline constexpr std::array<MetricInfo, kMapMetrics> kMetricInfo{{
    {"dispute-rate", N_("Dispute rate"), N_("per 1k a month"), N_("new disputes, last 30 days"),
     "%.2f", false},
    {"backlog", N_("Backlog"), N_("cases"), N_("reported and still open"), "%.0f", false},
    {"response", N_("Median response"), N_("h"), N_("report to first response, last 30 days"),
     "%.1f", false},
    {"trust", N_("Trust"), "", N_("residents' mean, 0 to 1"), "%.2f", true},
    {"gain", N_("Sense of gain"), "", N_("residents' mean, 0 to 1"), "%.2f", true},
    {"happiness", N_("Sense of happiness"), "", N_("residents' mean, 0 to 1"), "%.2f", true},
    {"security", N_("Sense of security"), "", N_("residents' mean, 0 to 1"), "%.2f", true},
    {"incidents", N_("Incidents"), N_("per 10k a year"),
     N_("incidents that arose from disputes, since day 1"), "%.1f", false},
    {"distance", N_("Distance to the street office"), N_("km"),
     N_("from the street office to a place in the grid"), "%.2f", false},
}};

// The unit to print after a value, translated: "cases", or "case" for one.
inline const char* unit_of(const MetricInfo& info, float value) {
  if (!info.unit[0]) return "";
  return value == 1.0f && std::string_view(info.unit) == "cases" ? i18n::tr("case")
                                                                 : i18n::tr(info.unit);
}

// A kind of housing as a reader sees it ("old compound"), in the current language.
inline const char* housing_label(HousingType h) {
  static constexpr const char* kLabels[] = {N_("old compound"), N_("commodity housing"),
                                            N_("urban village"), N_("mixed housing")};
  return i18n::tr(kLabels[static_cast<std::size_t>(h)]);
}

// The model's domains, tiers and desk levels as a reader sees them, in the current language (the
// model's own names, kDomainNames..., stay the keys of files and scenarios).
inline const char* domain_label(std::size_t domain) {
  static constexpr const char* kLabels[] = {N_("dispute"),    N_("administrative"),
                                            N_("livelihood"), N_("environment"),
                                            N_("safety"),     N_("emergency")};
  static_assert(std::size(kLabels) == kDomains);
  return i18n::tr(kLabels[domain]);
}
inline const char* tier_label(std::size_t tier) {
  static constexpr const char* kLabels[] = {N_("small matter"), N_("big matter"),
                                            N_("hard matter")};
  static_assert(std::size(kLabels) == kTiers);
  return i18n::tr(kLabels[tier]);
}
inline const char* level_label(std::size_t level) {
  static constexpr const char* kLabels[] = {N_("grid"), N_("community"), N_("street"),
                                            N_("city tier")};
  static_assert(std::size(kLabels) == kLevels);
  return i18n::tr(kLabels[level]);
}

// The daily series so far, shared between snapshots without copying: full chunks are never
// written again, and the chunk being filled is only written beyond every published size.
class SeriesView {
 public:
  static constexpr std::size_t kChunk = 256;
  struct Chunk {
    std::array<DayMetrics, kChunk> rows;
  };

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const DayMetrics& operator[](std::size_t i) const {
    return chunks_[i / kChunk]->rows[i % kChunk];
  }
  const DayMetrics& back() const { return (*this)[size_ - 1]; }

 private:
  friend class SeriesLog;
  std::vector<std::shared_ptr<const Chunk>> chunks_;
  std::size_t size_ = 0;
};

// The writer side, owned by the simulation thread.
class SeriesLog {
 public:
  void push(const DayMetrics& row);
  SeriesView view() const;

 private:
  std::vector<std::shared_ptr<SeriesView::Chunk>> chunks_;
  std::size_t size_ = 0;
};

// A policy change that took effect, for the vertical markers on the charts.
struct PolicyMarker {
  std::int64_t day = 0;
  std::string text;  // "platform.level=0.8"
};

// Case flows, per day, smoothed over the last few days (exponential weights), so that the map
// shows rates rather than single cases.
struct FlowRates {
  std::vector<float> new_cases;           // per grid: cases arising
  std::vector<float> up_to_community;     // per grid: sent or escalated to the community
  std::vector<float> up_to_street;        // per grid: sent or escalated straight to the street
  std::vector<float> down_to_grid;        // per grid: sent back down to the grid
  std::vector<float> community_up;        // per community: community -> street office
  std::vector<float> community_down;      // per community: street office -> community
  std::vector<float> resolved_grid;       // per grid: resolved by the grid
  std::vector<float> resolved_community;  // per community: resolved by the community
  std::vector<float> resolved_street;     // per street: resolved by the street office
};

// One case for the inspector: a closed case with its whole path, or an open one so far.
struct CaseRow {
  std::uint64_t id = 0;
  Domain domain = Domain::Dispute;
  Tier origin_tier = Tier::Small;
  Tier tier = Tier::Small;
  Channel channel = Channel::None;
  CaseState state = CaseState::Closed;
  bool dropped = false;
  bool settled = false;
  std::uint8_t bounces = 0;
  std::uint8_t path_len = 0;  // desks kept in `path`
  std::array<Level, kMaxPath> path{};
  std::array<float, kMaxPath> path_t_h{};  // hours after arising
  double t_arise = 0, t_report = kNaN, t_first = kNaN, t_closed = kNaN;
};

// An open dispute of the selected grid with both parties (MODEL.md 7.24).
struct DisputeRow {
  std::uint64_t id = 0;
  std::uint32_t resident = 0;
  std::uint32_t counterpart = kNoParty;  // kNoParty: a party from outside the grid
  std::uint8_t kind = 0;                 // kDisputeKindNames
  std::uint8_t people = 0;               // PeopleFlag bits
  CaseState state = CaseState::Unreported;
  Level level = Level::Grid;
  double t_arise = 0;
};

// An incident that arose from one of the grid's disputes (民转刑), open or closed.
struct IncidentRow {
  std::uint64_t id = 0;
  std::uint32_t resident = 0;
  std::uint32_t counterpart = kNoParty;
  Domain domain = Domain::Safety;
  CaseState state = CaseState::Closed;  // Closed once it is no longer open
  double t_arise = 0;
};

// Details of the grid the user clicked on.
struct GridDetail {
  int grid = -1;
  std::array<std::array<int, kTiers>, kDomains> open{};  // open cases by domain and tier
  int unreported = 0;
  int grid_workers = 0, branch_grids = 0;  // of the grid's party branch
  int community_officials = 0, community_mediators = 0;
  int street_officials = 0, street_mediators = 0;
  int volunteers = 0, volunteers_on_duty = 0;
  std::vector<CaseRow> open_cases;  // the oldest first, at most a dozen
  std::vector<CaseRow> recent;      // closed, the newest first
  // People (MODEL.md 7.24): the grid's households and neighbour ties, its open disputes with both
  // parties, and the incidents that arose from its disputes.
  std::uint64_t first_resident = 0;  // the grid's residents are [first_resident, +residents)
  std::uint64_t residents = 0;
  std::uint64_t households = 0;
  std::uint64_t tie_ends = 0;  // neighbour ties of the grid's residents, each tie counted twice
  int open_disputes = 0;
  std::vector<DisputeRow> disputes;        // open, the oldest first, at most a dozen
  int incidents = 0;                       // since day 1
  std::vector<IncidentRow> incident_rows;  // the newest first, at most a dozen
};

// One design running on the city (two in compare mode).
struct LaneView {
  std::string label;                        // the design's scenario name
  GovernanceConfig initial;                 // the design the run started with
  GovernanceConfig governance;              // in force
  std::optional<GovernanceConfig> pending;  // takes effect at the start of the next day
  SeriesView series;
  std::vector<PolicyMarker> markers;
  std::array<std::vector<float>, kMapMetrics> grid_metric;  // per grid; NaN = no data yet
  std::vector<float> grid_open;                             // open cases per grid
  FlowRates flows;
  GridDetail detail;
  RunSummary summary;  // whole-run figures so far (after the warm-up)
};

struct Snapshot {
  std::uint64_t generation = 0;    // bumps when the city or the run is rebuilt (load, reset)
  std::uint64_t version = 0;       // bumps on every publish
  std::uint64_t acknowledged = 0;  // the last command the simulation thread has applied
  std::shared_ptr<const City> city;
  std::shared_ptr<const Scenario> scenario;  // design A's
  std::shared_ptr<const Lesson> lesson;      // the lesson being followed, if any
  std::int64_t day = 0;                      // days completed
  std::int64_t days = 0;                     // length of the run
  bool playing = false;
  bool done = false;
  bool loading = false;
  double speed = 0;           // requested days a second; 0 = as fast as possible
  double measured_speed = 0;  // days a second, over the last half second
  std::uint64_t seed = 0;
  std::string message;  // status line
  std::string error;    // the last failed command (a scenario that did not load), "" if none
  std::vector<LaneView> lanes;
};

}  // namespace govsim::viz
