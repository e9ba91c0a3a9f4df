#include "viz/lane_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "agents/households.hpp"
#include "agents/staff.hpp"
#include "model/geometry.hpp"

namespace govsim::viz {
namespace {

constexpr std::size_t kRecentPerGrid = 8;
constexpr std::size_t kRecentBudgetBytes = 32u << 20;
constexpr std::size_t kOpenRowsShown = 12;
constexpr double kDaysPerYear = 365.0;

void resize_flows(FlowRates& f, const City& c) {
  for (auto* v :
       {&f.new_cases, &f.up_to_community, &f.up_to_street, &f.down_to_grid, &f.resolved_grid})
    v->assign(c.grids, 0.0f);
  for (auto* v : {&f.community_up, &f.community_down, &f.resolved_community})
    v->assign(c.communities, 0.0f);
  f.resolved_street.assign(c.streets, 0.0f);
}

template <class F>
void for_each_flow(FlowRates& a, FlowRates& b, F&& f) {
  f(a.new_cases, b.new_cases);
  f(a.up_to_community, b.up_to_community);
  f(a.up_to_street, b.up_to_street);
  f(a.down_to_grid, b.down_to_grid);
  f(a.community_up, b.community_up);
  f(a.community_down, b.community_down);
  f(a.resolved_grid, b.resolved_grid);
  f(a.resolved_community, b.resolved_community);
  f(a.resolved_street, b.resolved_street);
}

CaseRow row_of(const CaseTrace& t) {
  CaseRow r;
  r.id = t.id;
  r.domain = t.domain;
  r.origin_tier = t.origin_tier;
  r.tier = t.tier;
  r.channel = t.channel;
  r.state = CaseState::Closed;
  r.dropped = t.dropped;
  r.settled = t.settled;
  r.bounces = t.bounces;
  r.path_len = t.path_len;
  r.path = t.path;
  r.path_t_h = t.path_t_h;
  r.t_arise = t.t_arise;
  r.t_report = t.t_report;
  r.t_first = t.t_first;
  r.t_closed = t.t_closed;
  return r;
}

DisputeRow dispute_of(const Case& c) {
  return {.id = c.id,
          .resident = c.resident,
          .counterpart = c.counterpart,
          .kind = c.kind,
          .people = c.people,
          .state = c.state,
          .level = c.level,
          .t_arise = c.t_arise};
}

CaseRow row_of(const Case& c) {
  CaseRow r;
  r.id = c.id;
  r.domain = c.domain;
  r.origin_tier = c.origin_tier;
  r.tier = c.tier;
  r.channel = c.channel;
  r.state = c.state;
  r.bounces = c.bounces;
  r.path_len = static_cast<std::uint8_t>(std::min<std::size_t>(c.path_len, kMaxPath));
  r.path = c.path;
  r.path_t_h = c.path_t_h;
  r.t_arise = c.t_arise;
  r.t_report = c.t_report;
  r.t_first = c.t_first;
  return r;
}

}  // namespace

LaneStats::LaneStats(const City& city) : grids_(city.grids) {
  disputes_in_window_.assign(grids_, 0);
  backlog_.assign(grids_, 0);
  open_.assign(grids_, 0.0f);
  incidents_.assign(grids_, 0);
  resize_flows(flows_, city);
  resize_flows(today_, city);
  recent_per_grid_ =
      std::min(kRecentPerGrid, kRecentBudgetBytes / sizeof(CaseRow) / std::max(1u, grids_));
  recent_.resize(recent_per_grid_ * grids_);
  recent_next_.assign(recent_per_grid_ > 0 ? grids_ : 0, 0);
  recent_count_.assign(recent_per_grid_ > 0 ? grids_ : 0, 0);
}

void LaneStats::add_recent(const CaseRow& row, std::uint32_t grid) {
  if (recent_per_grid_ == 0) return;
  recent_[grid * recent_per_grid_ + recent_next_[grid]] = row;
  recent_next_[grid] = static_cast<std::uint8_t>((recent_next_[grid] + 1) % recent_per_grid_);
  if (recent_count_[grid] < recent_per_grid_) ++recent_count_[grid];
}

void LaneStats::after_step(const Observation& w) {
  const City& city = w.city();
  const std::int64_t day = w.day() - 1;  // the day just completed
  const double t0 = double(day) * 24.0, t1 = t0 + 24.0;
  const auto today = [&](double t) { return t >= t0 && t < t1; };
  const auto slot = static_cast<std::size_t>(day % kWindowDays);
  ++days_seen_;

  for (std::uint32_t g : dispute_days_[slot]) --disputes_in_window_[g];
  dispute_days_[slot].clear();
  response_days_[slot].clear();
  for_each_flow(today_, today_, [](std::vector<float>& v, std::vector<float>&) {
    std::fill(v.begin(), v.end(), 0.0f);
  });

  for (std::uint32_t g = 0; g < grids_; ++g) {
    today_.new_cases[g] = static_cast<float>(w.new_cases(g).size());
    for (const NewCase& n : w.new_cases(g)) {
      if ((n.people & kIncident) != 0) {
        ++incidents_[g];
        incident_log_.push_back({g,
                                 {.id = n.id,
                                  .resident = n.resident,
                                  .counterpart = n.counterpart,
                                  .domain = n.domain,
                                  .t_arise = n.t_arise}});
      }
      if (n.domain != Domain::Dispute) continue;
      dispute_days_[slot].push_back(g);
      ++disputes_in_window_[g];
    }
  }
  // A case reaching its first desk today: sent from the grid to that level.
  const auto dispatched = [&](std::uint32_t g, Level at) {
    if (at == Level::Community) today_.up_to_community[g] += 1;
    if (at == Level::Street) today_.up_to_street[g] += 1;
  };
  for (const UnitDay& u : w.unit_days()) {
    for (const CaseMove& m : u.moves) {
      const std::uint32_t k = city.grid_community[m.grid];
      if (m.to > m.from) {
        if (m.from == Level::Grid) dispatched(m.grid, m.to);
        if (m.to == Level::Street && m.from == Level::Community) today_.community_up[k] += 1;
      } else {
        if (m.to == Level::Grid) today_.down_to_grid[m.grid] += 1;
        if (m.to == Level::Community) today_.community_down[k] += 1;
      }
    }
    for (const CaseTrace& t : u.closed) {
      if (t.path_len > 0 && today(t.t_arise + double(t.path_t_h[0]))) dispatched(t.grid, t.path[0]);
      if (today(t.t_first)) {
        response_days_[slot].push_back({t.grid, static_cast<float>(t.t_first - t.t_report)});
      }
      if (!t.dropped) {
        const Level at = t.path_len > 0 ? t.path[t.path_len - 1] : Level::Grid;
        if (at == Level::Grid) today_.resolved_grid[t.grid] += 1;
        if (at == Level::Community) today_.resolved_community[city.grid_community[t.grid]] += 1;
        if (at == Level::Street) today_.resolved_street[city.grid_street[t.grid]] += 1;
      }
      add_recent(row_of(t), t.grid);
    }
  }
  std::fill(backlog_.begin(), backlog_.end(), 0u);
  std::fill(open_.begin(), open_.end(), 0.0f);
  for (std::uint32_t street = 0; street < w.units(); ++street) {
    w.unit(street).for_each_open([&](const Case& c) {
      open_[c.grid] += 1;
      if (c.state != CaseState::Unreported) ++backlog_[c.grid];
      if (c.path_len > 0 && today(c.t_arise + double(c.path_t_h[0]))) dispatched(c.grid, c.path[0]);
      if (today(c.t_first)) {
        response_days_[slot].push_back({c.grid, static_cast<float>(c.t_first - c.t_report)});
      }
    });
  }
  // The first day sets the rates; later days move them by a fixed share.
  const float keep = days_seen_ == 1 ? 0.0f : kFlowDecay;
  for_each_flow(flows_, today_, [keep](std::vector<float>& rate, std::vector<float>& count) {
    for (std::size_t i = 0; i < rate.size(); ++i) rate[i] = keep * rate[i] + (1 - keep) * count[i];
  });
}

void LaneStats::fill(const Observation& w, int selected, LaneView& out) const {
  const City& city = w.city();
  const double window = double(std::min<std::int64_t>(days_seen_, kWindowDays));
  for (auto& v : out.grid_metric) v.assign(grids_, std::numeric_limits<float>::quiet_NaN());
  auto& dispute = out.grid_metric[static_cast<int>(MapMetric::DisputeRate)];
  auto& backlog = out.grid_metric[static_cast<int>(MapMetric::Backlog)];
  auto& response = out.grid_metric[static_cast<int>(MapMetric::MedianResponse)];
  auto& trust = out.grid_metric[static_cast<int>(MapMetric::Trust)];
  auto& gain = out.grid_metric[static_cast<int>(MapMetric::Gain)];
  auto& happiness = out.grid_metric[static_cast<int>(MapMetric::Happiness)];
  auto& security = out.grid_metric[static_cast<int>(MapMetric::Security)];
  auto& distance = out.grid_metric[static_cast<int>(MapMetric::StreetDistance)];
  auto& incidents = out.grid_metric[static_cast<int>(MapMetric::Incidents)];
  for (std::uint32_t s = 0; s < city.streets; ++s) {
    const Place office = street_office(city, s);
    for (std::uint32_t g = city.street_first_grid[s]; g < city.street_first_grid[s + 1]; ++g)
      distance[g] = static_cast<float>(reach_km(city, office, g));
  }
  for (std::uint32_t g = 0; g < grids_; ++g) {
    const double pop = double(city.grid_population[g]);
    backlog[g] = static_cast<float>(backlog_[g]);
    if (days_seen_ == 0) continue;
    dispute[g] = static_cast<float>(double(disputes_in_window_[g]) / pop * 1000.0 * 30.0 / window);
    incidents[g] = static_cast<float>(double(incidents_[g]) / pop * 10000.0 * kDaysPerYear /
                                      double(days_seen_));
    const ResidentSums& s = w.grid_sums(g);
    trust[g] = static_cast<float>(s.trust / pop);
    gain[g] = static_cast<float>(s.gain / pop);
    happiness[g] = static_cast<float>(s.happiness / pop);
    security[g] = static_cast<float>(s.security / pop);
  }
  // Median response of each grid over the window: the day lists, bucketed by grid.
  std::vector<std::uint32_t> first(grids_ + 1, 0);
  for (const auto& d : response_days_)
    for (const Response& r : d) ++first[r.grid + 1];
  for (std::uint32_t g = 0; g < grids_; ++g) first[g + 1] += first[g];
  std::vector<float> values(first[grids_]);
  std::vector<std::uint32_t> fill_at(first.begin(), first.end() - 1);
  for (const auto& d : response_days_)
    for (const Response& r : d) values[fill_at[r.grid]++] = r.hours;
  for (std::uint32_t g = 0; g < grids_; ++g) {
    const auto b = values.begin() + first[g], e = values.begin() + first[g + 1];
    if (b == e) continue;
    const auto mid = b + (e - b) / 2;
    std::nth_element(b, mid, e);
    response[g] = *mid;
  }
  out.grid_open = open_;
  out.flows = flows_;
  out.detail = GridDetail{};
  if (selected >= 0 && static_cast<std::uint32_t>(selected) < grids_) {
    fill_detail(w, selected, out.detail);
  }
}

void LaneStats::fill_people(const Observation& w, std::uint32_t g,
                            std::vector<std::pair<std::uint64_t, CaseState>>& open_incidents,
                            GridDetail& d) const {
  const City& city = w.city();
  d.first_resident = city.grid_first_resident[g];
  d.residents = city.grid_first_resident[g + 1] - d.first_resident;
  d.households = city.grid_households[g];
  const NeighbourNetwork& net = w.network();
  if (net.offsets.size() > d.first_resident + d.residents)
    d.tie_ends = net.offsets[d.first_resident + d.residents] - net.offsets[d.first_resident];
  std::sort(d.disputes.begin(), d.disputes.end(), [](const DisputeRow& a, const DisputeRow& b) {
    return a.t_arise < b.t_arise || (a.t_arise == b.t_arise && a.id < b.id);
  });
  if (d.disputes.size() > kOpenRowsShown) d.disputes.resize(kOpenRowsShown);
  d.incidents = static_cast<int>(incidents_[g]);
  std::sort(open_incidents.begin(), open_incidents.end());
  for (auto it = incident_log_.rbegin();
       it != incident_log_.rend() && d.incident_rows.size() < kOpenRowsShown; ++it) {
    if (it->grid != g) continue;
    IncidentRow row = it->row;
    const auto open = std::lower_bound(open_incidents.begin(), open_incidents.end(),
                                       std::pair{row.id, CaseState::Unreported});
    row.state =
        open != open_incidents.end() && open->first == row.id ? open->second : CaseState::Closed;
    d.incident_rows.push_back(row);
  }
}

void LaneStats::fill_detail(const Observation& w, int grid, GridDetail& d) const {
  const City& city = w.city();
  const auto g = static_cast<std::uint32_t>(grid);
  const std::uint32_t k = city.grid_community[g], s = city.grid_street[g];
  d.grid = grid;
  const HandlingUnit& unit = w.unit(s);
  std::vector<CaseRow> open;
  std::vector<std::pair<std::uint64_t, CaseState>> open_incidents;
  unit.for_each_open([&](const Case& c) {
    if (c.grid != g) return;
    ++d.open[static_cast<int>(c.domain)][static_cast<int>(c.tier)];
    if (c.state == CaseState::Unreported) ++d.unreported;
    open.push_back(row_of(c));
    if (c.domain == Domain::Dispute) {
      ++d.open_disputes;
      d.disputes.push_back(dispute_of(c));
    }
    if ((c.people & kIncident) != 0) open_incidents.emplace_back(c.id, c.state);
  });
  std::sort(open.begin(), open.end(),
            [](const CaseRow& a, const CaseRow& b) { return a.t_arise < b.t_arise; });
  if (open.size() > kOpenRowsShown) open.resize(kOpenRowsShown);
  d.open_cases = std::move(open);
  fill_people(w, g, open_incidents, d);

  std::uint32_t branch_first = ~0u;
  for (const Branch& b : unit.branches()) {
    if (g >= b.first_grid && g < b.last_grid) {
      branch_first = b.first_grid;
      d.branch_grids = static_cast<int>(b.last_grid - b.first_grid);
    }
  }
  const Roster& r = unit.roster();
  for (std::size_t i = 0; i < r.size(); ++i) {
    switch (r.role[i]) {
      case Role::GridWorker:
        d.grid_workers += r.home[i] == branch_first ? 1 : 0;
        break;
      case Role::CommunityOfficial:
        d.community_officials += r.home[i] == k ? 1 : 0;
        break;
      case Role::StreetOfficial:
        d.street_officials += r.home[i] == s ? 1 : 0;
        break;
      case Role::Mediator:
        if (r.level[i] == Level::Community) d.community_mediators += r.home[i] == k ? 1 : 0;
        if (r.level[i] == Level::Street) d.street_mediators += r.home[i] == s ? 1 : 0;
        break;
      case Role::Counsellor:
        break;
    }
  }
  const GridVolunteers& v = w.volunteers(g);
  d.volunteers = static_cast<int>(v.size());
  for (std::size_t i = 0; i < v.size(); ++i) d.volunteers_on_duty += v.on_duty[i] ? 1 : 0;

  if (recent_per_grid_ > 0) {
    for (std::size_t i = 0; i < recent_count_[g]; ++i) {
      const std::size_t at = (recent_next_[g] + recent_per_grid_ - 1 - i) % recent_per_grid_;
      d.recent.push_back(recent_[g * recent_per_grid_ + at]);
    }
  }
}

}  // namespace govsim::viz
