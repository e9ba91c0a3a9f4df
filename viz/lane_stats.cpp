#include "viz/lane_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "agents/staff.hpp"

namespace govsim::viz {
namespace {

constexpr std::size_t kRecentPerGrid = 8;
constexpr std::size_t kRecentBudgetBytes = 32u << 20;
constexpr std::size_t kOpenRowsShown = 12;

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
  for (std::uint32_t g = 0; g < grids_; ++g) {
    const double pop = double(city.grid_population[g]);
    backlog[g] = static_cast<float>(backlog_[g]);
    if (days_seen_ == 0) continue;
    dispute[g] = static_cast<float>(double(disputes_in_window_[g]) / pop * 1000.0 * 30.0 / window);
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

void LaneStats::fill_detail(const Observation& w, int grid, GridDetail& d) const {
  const City& city = w.city();
  const auto g = static_cast<std::uint32_t>(grid);
  const std::uint32_t k = city.grid_community[g], s = city.grid_street[g];
  d.grid = grid;
  const HandlingUnit& unit = w.unit(s);
  std::vector<CaseRow> open;
  unit.for_each_open([&](const Case& c) {
    if (c.grid != g) return;
    ++d.open[static_cast<int>(c.domain)][static_cast<int>(c.tier)];
    if (c.state == CaseState::Unreported) ++d.unreported;
    open.push_back(row_of(c));
  });
  std::sort(open.begin(), open.end(),
            [](const CaseRow& a, const CaseRow& b) { return a.t_arise < b.t_arise; });
  if (open.size() > kOpenRowsShown) open.resize(kOpenRowsShown);
  d.open_cases = std::move(open);

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
